package org.cairnvm.core.ast;

/** One parameter; {@code name} is null for an unnamed parameter. */
public record Param(Pos pos, Expr.Ident name, TypeExpr type) implements Node {
}
