package org.cairnvm.core.compile;

import org.cairnvm.core.ast.CaseClause;
import org.cairnvm.core.ast.Decl;
import org.cairnvm.core.ast.Element;
import org.cairnvm.core.ast.Expr;
import org.cairnvm.core.ast.FieldDecl;
import org.cairnvm.core.ast.Param;
import org.cairnvm.core.ast.Pos;
import org.cairnvm.core.ast.Stmt;
import org.cairnvm.core.ast.TypeExpr;
import org.cairnvm.core.ast.VarSpec;
import org.cairnvm.core.check.Symbol;
import org.cairnvm.core.check.TypeInfo;
import org.cairnvm.core.source.Diagnostics;
import org.cairnvm.core.types.Type;
import org.cairnvm.core.types.Types;

/**
 * Rejects what the checker accepts but the VM cannot run yet: {@code go} statements, channel
 * types, channel operations and {@code range} over channels, each with a positioned diagnostic.
 */
final class SubsetCheck {
    private final TypeInfo info;
    private final Diagnostics d;

    SubsetCheck(TypeInfo info, Diagnostics d) {
        this.info = info;
        this.d = d;
    }

    void run() {
        for (Decl decl : info.file.decls()) {
            decl(decl);
        }
    }

    private void reject(Pos pos) {
        d.error(pos, FunctionCompiler.unsupportedGoroutines(pos).getMessage());
    }

    private void decl(Decl decl) {
        switch (decl) {
            case Decl.FuncDecl f -> {
                for (Param p : f.params()) {
                    type(p.type());
                }
                type(f.result());
                if (f.body() != null) {
                    stmt(f.body());
                }
            }
            case Decl.TypeDecl t -> type(t.type());
            case Decl.VarDecl v -> {
                for (VarSpec s : v.specs()) {
                    type(s.type());
                    s.values().forEach(this::expr);
                }
            }
            case Decl.ConstDecl c -> {
            }
        }
    }

    private void type(TypeExpr t) {
        if (t == null) {
            return;
        }
        switch (t) {
            case TypeExpr.Chan c -> reject(c.pos());
            case TypeExpr.Pointer p -> type(p.elem());
            case TypeExpr.Array a -> type(a.elem());
            case TypeExpr.Slice s -> type(s.elem());
            case TypeExpr.Struct s -> {
                for (FieldDecl f : s.fields()) {
                    type(f.type());
                }
            }
            default -> {
            }
        }
    }

    private void stmt(Stmt s) {
        if (s == null) {
            return;
        }
        switch (s) {
            case Stmt.Block b -> b.stmts().forEach(this::stmt);
            case Stmt.ExprStmt e -> expr(e.x());
            case Stmt.DeclStmt ds -> decl(ds.decl());
            case Stmt.Assign a -> {
                a.lhs().forEach(this::expr);
                a.rhs().forEach(this::expr);
            }
            case Stmt.IncDec i -> expr(i.x());
            case Stmt.Send send -> reject(send.pos());
            case Stmt.Go g -> reject(g.pos());
            case Stmt.Return r -> r.results().forEach(this::expr);
            case Stmt.If i -> {
                stmt(i.init());
                expr(i.cond());
                stmt(i.then());
                stmt(i.els());
            }
            case Stmt.Switch sw -> {
                stmt(sw.init());
                expr(sw.tag());
                for (CaseClause c : sw.cases()) {
                    c.exprs().forEach(this::expr);
                    c.body().forEach(this::stmt);
                }
            }
            case Stmt.For f -> {
                stmt(f.init());
                expr(f.cond());
                stmt(f.post());
                stmt(f.body());
            }
            case Stmt.Range r -> {
                expr(r.key());
                expr(r.value());
                expr(r.x());
                stmt(r.body());
            }
            default -> {
            }
        }
    }

    private void expr(Expr e) {
        if (e == null) {
            return;
        }
        Type t = info.typeOf(e);
        if (t != null && !(t instanceof Type.Basic) && Types.underlying(t) instanceof Type.Chan) {
            reject(e.pos());
            return;
        }
        switch (e) {
            case Expr.Paren p -> expr(p.x());
            case Expr.Unary u -> {
                if (u.op() == Expr.UnaryOp.RECV) {
                    reject(u.pos());
                    return;
                }
                expr(u.x());
            }
            case Expr.Binary b -> {
                expr(b.x());
                expr(b.y());
            }
            case Expr.Call c -> {
                if (c.fun() instanceof Expr.Ident id && info.symbol(id) instanceof Symbol.Builtin b
                        && b.fn() == Symbol.BuiltinFn.CLOSE) {
                    reject(id.pos());
                    return;
                }
                expr(c.fun());
                c.args().forEach(this::expr);
            }
            case Expr.Selector s -> expr(s.x());
            case Expr.Index ix -> {
                expr(ix.x());
                expr(ix.index());
            }
            case Expr.Slice sl -> {
                expr(sl.x());
                expr(sl.lo());
                expr(sl.hi());
                expr(sl.max());
            }
            case Expr.Composite c -> {
                type(c.type());
                for (Element el : c.elems()) {
                    expr(el.key());
                    expr(el.value());
                }
            }
            case Expr.TypeArg ta -> type(ta.type());
            default -> {
            }
        }
    }
}
