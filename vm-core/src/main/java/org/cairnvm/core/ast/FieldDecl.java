package org.cairnvm.core.ast;

import java.util.List;

/** {@code x, y int} inside a struct type. */
public record FieldDecl(Pos pos, List<Expr.Ident> names, TypeExpr type) implements Node {
}
