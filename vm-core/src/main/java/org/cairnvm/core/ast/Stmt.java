package org.cairnvm.core.ast;

import java.util.List;

/** Statements. Optional parts are null when absent. */
public sealed interface Stmt extends Node {

    /** {@code { ... }}; {@code end} is the closing brace (Go reports "missing return" there). */
    record Block(Pos pos, List<Stmt> stmts, Pos end) implements Stmt {
    }

    /** An expression used as a statement (calls and receives). */
    record ExprStmt(Pos pos, Expr x) implements Stmt {
    }

    /** A {@code var}, {@code const} or {@code type} declaration inside a function. */
    record DeclStmt(Pos pos, Decl decl) implements Stmt {
    }

    /**
     * {@code lhs op rhs} with {@code op} one of {@code = := += -= *= /= %= &= |= ^= <<= >>= &^=}.
     * {@code pos} is the operator's position.
     */
    record Assign(Pos pos, List<Expr> lhs, String op, List<Expr> rhs) implements Stmt {
    }

    /** {@code x++} or {@code x--}. */
    record IncDec(Pos pos, Expr x, boolean inc) implements Stmt {
    }

    /** {@code ch <- v}. */
    record Send(Pos pos, Expr chan, Expr value) implements Stmt {
    }

    /** {@code go f(x)}. */
    record Go(Pos pos, Expr.Call call) implements Stmt {
    }

    /** {@code return} with zero or more results (more than one is a compile error in the subset). */
    record Return(Pos pos, List<Expr> results) implements Stmt {
    }

    /** {@code break} or {@code continue}; {@code label} is non-null only to be rejected. */
    record Branch(Pos pos, boolean isBreak, String label) implements Stmt {
    }

    /** {@code if init; cond { then } else els}; {@code els} is an {@link If} or a {@link Block}. */
    record If(Pos pos, Stmt init, Expr cond, Block then, Stmt els) implements Stmt {
    }

    /** {@code switch init; tag { cases }}; {@code tag} null means {@code switch true}. {@code end} is the closing brace. */
    record Switch(Pos pos, Stmt init, Expr tag, List<CaseClause> cases, Pos end) implements Stmt {
    }

    /** {@code for init; cond; post { body }}; all three parts optional. */
    record For(Pos pos, Stmt init, Expr cond, Stmt post, Block body) implements Stmt {
    }

    /**
     * {@code for key, value := range x} ({@code define}) or {@code for key, value = range x};
     * key and value may be null ({@code for range x}).
     */
    record Range(Pos pos, Expr key, Expr value, boolean define, Expr x, Block body) implements Stmt {
    }

    /** An empty statement (a lone semicolon). */
    record Empty(Pos pos) implements Stmt {
    }

    /**
     * A statement the parser recognised but the subset lacks ({@code defer}, {@code select},
     * {@code goto}, labels, {@code fallthrough}); the checker reports it.
     */
    record Unsupported(Pos pos, String what) implements Stmt {
    }
}
