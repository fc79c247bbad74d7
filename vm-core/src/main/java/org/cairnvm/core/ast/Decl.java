package org.cairnvm.core.ast;

import java.util.List;

/** Declarations, at top level or (var, const, type) inside a function body. */
public sealed interface Decl extends Node {

    /**
     * A function or method. {@code body} is null for a host function (declared without a body).
     * {@code result} is null when the function returns nothing.
     */
    record FuncDecl(Pos pos, Expr.Ident name, Receiver receiver, List<Param> params, TypeExpr result,
                    Stmt.Block body) implements Decl {
    }

    /** {@code type Name T}. */
    record TypeDecl(Pos pos, Expr.Ident name, TypeExpr type) implements Decl {
    }

    /** {@code var x T = e}, or a grouped {@code var ( ... )}. */
    record VarDecl(Pos pos, List<VarSpec> specs) implements Decl {
    }

    /** {@code const X = e}, or a grouped {@code const ( ... )} with {@code iota}. */
    record ConstDecl(Pos pos, List<ConstSpec> specs) implements Decl {
    }
}
