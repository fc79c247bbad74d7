package org.cairnvm.api;

/**
 * Why a run did not end normally. {@code firstLine} is what Go prints first on standard error
 * ({@code panic: boom}, {@code fatal error: stack overflow}'s preceding line, a diagnostic);
 * {@code report} is the whole text written to standard error for it, trace included.
 *
 * @param kind what ended the run
 * @param firstLine the first line of the report
 * @param report the full report
 */
public record GuestError(Kind kind, String firstLine, String report) {
    /** What ended the run. */
    public enum Kind {
        /** The program did not compile (exit status 1). */
        COMPILE,
        /** A guest panic, from {@code panic} or a runtime error (exit status 2). */
        PANIC,
        /** A fatal runtime error: stack overflow, out of memory, deadlock (exit status 2). */
        FATAL,
        /** The instruction budget ran out (exit status 2). */
        BUDGET,
        /** The host called {@link Vm#interrupt()} (exit status 2). */
        INTERRUPTED
    }
}
