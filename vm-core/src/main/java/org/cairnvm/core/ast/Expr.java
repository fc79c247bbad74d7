package org.cairnvm.core.ast;

import java.math.BigInteger;
import java.util.List;

/**
 * Expressions. Types in expression position ({@code make([]int, n)}, {@code new(T)},
 * {@code int(x)}) are {@link TypeArg} when their syntax is unambiguously a type, otherwise
 * an {@link Ident} or {@link Unary} deref that the checker reads as a type.
 */
public sealed interface Expr extends Node {

    /** A name. {@code true}, {@code false}, {@code nil}, {@code iota} and {@code _} are identifiers too. */
    record Ident(Pos pos, String name) implements Expr {
    }

    /** An integer literal, its value exact. */
    record IntLit(Pos pos, BigInteger value, String text) implements Expr {
    }

    /** A string literal, its bytes decoded (escapes applied). */
    record StringLit(Pos pos, byte[] value, String text) implements Expr {
    }

    /** A character literal ({@code 'a'}): an untyped rune constant; Go's subset treats it as an integer constant. */
    record CharLit(Pos pos, int value, String text) implements Expr {
    }

    /** {@code x op y}; {@code pos} is the operator's position. */
    record Binary(Pos pos, BinaryOp op, Expr x, Expr y) implements Expr {
    }

    /** {@code op x}; {@code pos} is the operator's position. */
    record Unary(Pos pos, UnaryOp op, Expr x) implements Expr {
    }

    /** {@code fun(args)}; {@code ellipsis} for {@code append(a, b...)}. {@code pos} is the open parenthesis. */
    record Call(Pos pos, Expr fun, List<Expr> args, boolean ellipsis) implements Expr {
    }

    /** {@code x.sel}; {@code pos} is the selector's position. */
    record Selector(Pos pos, Expr x, Ident sel) implements Expr {
    }

    /** {@code x[index]}; {@code pos} is the open bracket. */
    record Index(Pos pos, Expr x, Expr index) implements Expr {
    }

    /** {@code x[lo:hi]} or {@code x[lo:hi:max]}; absent bounds are null. */
    record Slice(Pos pos, Expr x, Expr lo, Expr hi, Expr max) implements Expr {
    }

    /** {@code T{elems}}; {@code type} is null for an elided type inside an outer literal. */
    record Composite(Pos pos, TypeExpr type, List<Element> elems) implements Expr {
    }

    /** {@code (x)}. */
    record Paren(Pos pos, Expr x) implements Expr {
    }

    /** A type in expression position. */
    record TypeArg(Pos pos, TypeExpr type) implements Expr {
    }

    /** Syntax outside the subset ({@code func} literals, floats, imaginary numbers); the checker reports it. */
    record Unsupported(Pos pos, String what) implements Expr {
    }

    /** Binary operators, with Go's five precedence levels. */
    enum BinaryOp {
        OR("||", 1), AND("&&", 2),
        EQ("==", 3), NE("!=", 3), LT("<", 3), LE("<=", 3), GT(">", 3), GE(">=", 3),
        ADD("+", 4), SUB("-", 4), BITOR("|", 4), XOR("^", 4),
        MUL("*", 5), DIV("/", 5), REM("%", 5), SHL("<<", 5), SHR(">>", 5), BITAND("&", 5), ANDNOT("&^", 5);

        public final String symbol;
        public final int precedence;

        BinaryOp(String symbol, int precedence) {
            this.symbol = symbol;
            this.precedence = precedence;
        }
    }

    /** Unary operators: {@code - ! ^ * & <-} (and {@code +}). */
    enum UnaryOp {
        PLUS("+"), NEG("-"), NOT("!"), BITNOT("^"), DEREF("*"), ADDR("&"), RECV("<-");

        public final String symbol;

        UnaryOp(String symbol) {
            this.symbol = symbol;
        }
    }
}
