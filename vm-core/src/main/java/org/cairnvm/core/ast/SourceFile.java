package org.cairnvm.core.ast;

import java.util.List;

/** A whole program: {@code package main}, its imports and its top-level declarations. */
public record SourceFile(Pos pos, String fileName, String packageName, List<ImportDecl> imports,
                         List<Decl> decls) implements Node {
}
