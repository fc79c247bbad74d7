package org.cairnvm.core.ast;

/** A method receiver {@code (t *Tree)}; {@code name} may be null ({@code func (*T) M()}). */
public record Receiver(Pos pos, Expr.Ident name, Expr.Ident typeName, boolean pointer) implements Node {
}
