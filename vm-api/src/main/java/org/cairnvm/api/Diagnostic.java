package org.cairnvm.api;

/**
 * One compile error, printed as Go prints it: {@code prog.go:3:7: undefined: x}.
 *
 * @param file source file name
 * @param line 1-based line
 * @param column 1-based byte column
 * @param message Go's wording where Go has one
 */
public record Diagnostic(String file, int line, int column, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
