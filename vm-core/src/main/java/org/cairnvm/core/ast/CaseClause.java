package org.cairnvm.core.ast;

import java.util.List;

/** {@code case a, b:} (or {@code default:} when {@code exprs} is empty and {@code isDefault}). */
public record CaseClause(Pos pos, List<Expr> exprs, boolean isDefault, List<Stmt> body) implements Node {
}
