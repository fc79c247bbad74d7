package org.cairnvm.core.ast;

import java.util.List;

/**
 * One line of a const declaration. {@code iota} is its index in the group. When {@code values}
 * is empty the spec repeats the previous spec's type and expressions (Go's implicit repetition);
 * the checker evaluates them again with this spec's {@code iota}.
 */
public record ConstSpec(Pos pos, List<Expr.Ident> names, TypeExpr type, List<Expr> values, int iota)
        implements Node {
}
