package org.cairnvm.core.compile;

import org.cairnvm.core.ast.CaseClause;
import org.cairnvm.core.ast.Decl;
import org.cairnvm.core.ast.Expr;
import org.cairnvm.core.ast.Stmt;
import org.cairnvm.core.check.Selection;
import org.cairnvm.core.check.Symbol;
import org.cairnvm.core.check.TypeInfo;
import org.cairnvm.core.parse.Parser;
import org.cairnvm.core.parse.Printer;
import org.cairnvm.core.source.Diagnostics;

/**
 * Rejects what the checker accepts but the VM cannot run: a {@code go} statement whose call has
 * no guest function to become the goroutine's entry frame (a built-in such as {@code println} or
 * {@code close}, a library function such as {@code fmt.Println}, or a host function). Go accepts
 * those; the built-ins Go itself rejects there ({@code go len(x)}) are the checker's errors.
 * Every offending statement is reported, each at its call.
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
            if (decl instanceof Decl.FuncDecl f && f.body() != null) {
                stmt(f.body());
            }
        }
    }

    /** The message for a {@code go} statement calling something that is not a guest function, or null when it is one. */
    static String goTarget(TypeInfo info, Expr.Call call) {
        Expr fun = FunctionCompiler.unparen(call.fun());
        boolean guest = switch (fun) {
            case Expr.Ident id -> info.symbol(id) instanceof Symbol.Func f && !f.isHost();
            case Expr.Selector s -> info.selections.get(s) instanceof Selection.Method m && !m.method().isHost();
            default -> false;
        };
        return guest ? null : "unsupported: go statement calling " + Printer.expr(fun);
    }

    private void stmt(Stmt s) {
        if (s == null) {
            return;
        }
        switch (s) {
            case Stmt.Block b -> b.stmts().forEach(this::stmt);
            case Stmt.Go g -> {
                String message = goTarget(info, g.call());
                if (message != null) {
                    d.error(Parser.startPos(g.call()), message);
                }
            }
            case Stmt.If i -> {
                stmt(i.init());
                stmt(i.then());
                stmt(i.els());
            }
            case Stmt.Switch sw -> {
                stmt(sw.init());
                for (CaseClause c : sw.cases()) {
                    c.body().forEach(this::stmt);
                }
            }
            case Stmt.For f -> {
                stmt(f.init());
                stmt(f.post());
                stmt(f.body());
            }
            case Stmt.Range r -> stmt(r.body());
            default -> {
            }
        }
    }
}
