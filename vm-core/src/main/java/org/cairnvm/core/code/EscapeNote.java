package org.cairnvm.core.code;

/**
 * One escape-analysis decision, printed by {@code cairn disasm --escapes} in the manner of
 * {@code go build -gcflags=-m}: {@code prog.go:7:2: moved to heap: x (address returned at 9:9)}.
 *
 * @param line where the variable or allocation is
 * @param column where the variable or allocation is
 * @param message the decision and its reason
 */
public record EscapeNote(int line, int column, String message) {
}
