package org.cairnvm.core.ast;

import java.util.List;

/** Type syntax. */
public sealed interface TypeExpr extends Node {

    /** {@code int}, {@code bool}, {@code string} or a declared type name. */
    record Named(Pos pos, String name) implements TypeExpr {
    }

    /** {@code pkg.Name}: a type from another package (outside the subset; the checker rejects it). */
    record Qualified(Pos pos, String pkg, String name) implements TypeExpr {
    }

    /** {@code *T}. */
    record Pointer(Pos pos, TypeExpr elem) implements TypeExpr {
    }

    /** {@code [N]T}; {@code len} is a constant expression. */
    record Array(Pos pos, Expr len, TypeExpr elem) implements TypeExpr {
    }

    /** {@code []T}. */
    record Slice(Pos pos, TypeExpr elem) implements TypeExpr {
    }

    /** {@code chan T}, {@code chan<- T}, {@code <-chan T}. */
    record Chan(Pos pos, ChanDir dir, TypeExpr elem) implements TypeExpr {
    }

    /** {@code struct { ... }}. */
    record Struct(Pos pos, List<FieldDecl> fields) implements TypeExpr {
    }

    /**
     * Syntax the parser recognised but the subset lacks ({@code map[K]V}, {@code interface{}},
     * {@code func(...)}); the checker reports it at {@code pos} with {@code what} named.
     */
    record Unsupported(Pos pos, String what) implements TypeExpr {
    }

    /** Channel direction. */
    enum ChanDir { BOTH, SEND, RECV }
}
