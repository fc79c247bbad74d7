package org.cairnvm.core.ast;

/** One element of a composite literal: {@code value} or {@code key: value} ({@code key} null when absent). */
public record Element(Pos pos, Expr key, Expr value) implements Node {
}
