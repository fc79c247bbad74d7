package org.cairnvm.core.parse;

import java.util.List;
import org.cairnvm.core.ast.Expr;
import org.cairnvm.core.ast.FieldDecl;
import org.cairnvm.core.ast.Stmt;
import org.cairnvm.core.ast.TypeExpr;

/**
 * Prints syntax the way Go's compiler quotes it in error messages ({@code syntax.String}, short
 * form): binary operators with blanks and no added parentheses, composite literal contents elided
 * as {@code T{…}}, literals as written.
 */
public final class Printer {
    private Printer() {
    }

    /** An expression as Go's messages quote it. */
    public static String expr(Expr e) {
        StringBuilder sb = new StringBuilder();
        expr(sb, e);
        return sb.toString();
    }

    /** A comma-separated expression list. */
    public static String exprs(List<Expr> es) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < es.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            expr(sb, es.get(i));
        }
        return sb.toString();
    }

    /** A type expression as written. */
    public static String type(TypeExpr t) {
        StringBuilder sb = new StringBuilder();
        type(sb, t);
        return sb.toString();
    }

    /** A simple statement, for header errors. */
    public static String stmt(Stmt s) {
        return switch (s) {
            case Stmt.Assign a -> exprs(a.lhs()) + " " + a.op() + " " + exprs(a.rhs());
            case Stmt.IncDec i -> expr(i.x()) + (i.inc() ? "++" : "--");
            case Stmt.Send snd -> expr(snd.chan()) + " <- " + expr(snd.value());
            case Stmt.ExprStmt es -> expr(es.x());
            default -> s.getClass().getSimpleName();
        };
    }

    private static void expr(StringBuilder sb, Expr e) {
        switch (e) {
            case Expr.Ident i -> sb.append(i.name());
            case Expr.IntLit l -> sb.append(l.text());
            case Expr.StringLit l -> sb.append(l.text());
            case Expr.CharLit l -> sb.append(l.text());
            case Expr.Binary b -> {
                expr(sb, b.x());
                sb.append(' ').append(b.op().symbol).append(' ');
                expr(sb, b.y());
            }
            case Expr.Unary u -> {
                sb.append(u.op().symbol);
                expr(sb, u.x());
            }
            case Expr.Call c -> {
                expr(sb, c.fun());
                sb.append('(');
                for (int i = 0; i < c.args().size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    expr(sb, c.args().get(i));
                }
                if (c.ellipsis()) {
                    sb.append("...");
                }
                sb.append(')');
            }
            case Expr.Selector s -> {
                expr(sb, s.x());
                sb.append('.').append(s.sel().name());
            }
            case Expr.Index ix -> {
                expr(sb, ix.x());
                sb.append('[');
                expr(sb, ix.index());
                sb.append(']');
            }
            case Expr.Slice s -> {
                expr(sb, s.x());
                sb.append('[');
                if (s.lo() != null) {
                    expr(sb, s.lo());
                }
                sb.append(':');
                if (s.hi() != null) {
                    expr(sb, s.hi());
                }
                if (s.max() != null) {
                    sb.append(':');
                    expr(sb, s.max());
                }
                sb.append(']');
            }
            case Expr.Composite c -> {
                if (c.type() != null) {
                    type(sb, c.type());
                }
                sb.append(c.elems().isEmpty() ? "{}" : "{…}");
            }
            case Expr.Paren p -> {
                sb.append('(');
                expr(sb, p.x());
                sb.append(')');
            }
            case Expr.TypeArg t -> type(sb, t.type());
            case Expr.Unsupported u -> sb.append(u.what());
        }
    }

    private static void type(StringBuilder sb, TypeExpr t) {
        switch (t) {
            case TypeExpr.Named n -> sb.append(n.name());
            case TypeExpr.Qualified q -> sb.append(q.pkg()).append('.').append(q.name());
            case TypeExpr.Pointer p -> {
                sb.append('*');
                type(sb, p.elem());
            }
            case TypeExpr.Array a -> {
                sb.append('[');
                expr(sb, a.len());
                sb.append(']');
                type(sb, a.elem());
            }
            case TypeExpr.Slice s -> {
                sb.append("[]");
                type(sb, s.elem());
            }
            case TypeExpr.Chan c -> {
                sb.append(switch (c.dir()) {
                    case BOTH -> "chan ";
                    case SEND -> "chan<- ";
                    case RECV -> "<-chan ";
                });
                type(sb, c.elem());
            }
            case TypeExpr.Struct s -> {
                sb.append("struct{");
                for (int i = 0; i < s.fields().size(); i++) {
                    FieldDecl f = s.fields().get(i);
                    if (i > 0) {
                        sb.append("; ");
                    }
                    for (int j = 0; j < f.names().size(); j++) {
                        sb.append(j > 0 ? ", " : "").append(f.names().get(j).name());
                    }
                    if (!f.names().isEmpty()) {
                        sb.append(' ');
                    }
                    type(sb, f.type());
                }
                sb.append('}');
            }
            case TypeExpr.Unsupported u -> sb.append(u.what());
        }
    }

}
