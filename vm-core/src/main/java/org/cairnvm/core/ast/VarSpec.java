package org.cairnvm.core.ast;

import java.util.List;

/** {@code a, b T = e1, e2}; {@code type} may be null, {@code values} may be empty. */
public record VarSpec(Pos pos, List<Expr.Ident> names, TypeExpr type, List<Expr> values) implements Node {
}
