package org.cairnvm.api;

import java.util.List;

/**
 * A compiled guest program: immutable, reusable, runnable many times under different
 * configurations. A program that failed to compile carries its diagnostics and runs to exit
 * status 1 with them on standard error, as {@code go run} does.
 */
public interface Program {
    /** The source this program was compiled from. */
    Source source();

    /** Compile errors, in source order, at most ten; empty when the program compiled. */
    List<Diagnostic> diagnostics();

    /** True when there are no diagnostics. */
    default boolean compiled() {
        return diagnostics().isEmpty();
    }
}
