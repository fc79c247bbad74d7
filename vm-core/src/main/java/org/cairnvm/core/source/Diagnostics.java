package org.cairnvm.core.source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cairnvm.api.Diagnostic;
import org.cairnvm.core.ast.Pos;

/**
 * Collects compile errors. Go's compiler prints at most ten errors, sorted by position, then
 * {@code too many errors}; this keeps the same bound. One error per line is kept, as Go's
 * type checker does, so a cascade on one line shows once.
 */
public final class Diagnostics {
    /** Go's compiler stops reporting after ten errors. */
    public static final int MAX_ERRORS = 10;

    private final String fileName;
    private final List<Diagnostic> errors = new ArrayList<>();

    public Diagnostics(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    public void error(Pos pos, String message) {
        for (Diagnostic d : errors) {
            if (d.line() == pos.line()) {
                return;
            }
        }
        errors.add(new Diagnostic(fileName, pos.line(), pos.col(), message));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public int count() {
        return errors.size();
    }

    /** The errors sorted by position, at most {@link #MAX_ERRORS}. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(errors);
        copy.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
        return List.copyOf(copy.subList(0, Math.min(copy.size(), MAX_ERRORS)));
    }

    /** Whether more errors were found than are reported. */
    public boolean truncated() {
        return errors.size() > MAX_ERRORS;
    }
}
