package org.cairnvm.core.ast;

/** {@code import "fmt"}; the position is the path literal's, where Go reports unused imports. */
public record ImportDecl(Pos pos, String path) implements Node {
}
