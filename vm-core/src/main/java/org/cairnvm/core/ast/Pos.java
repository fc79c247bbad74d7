package org.cairnvm.core.ast;

/** A source position: 1-based line and 1-based byte column, as Go reports them. */
public record Pos(int line, int col) {
    public static final Pos NONE = new Pos(0, 0);

    @Override
    public String toString() {
        return line + ":" + col;
    }
}
