package org.cairnvm.spi;

/**
 * Decides what a stack overflow does (plugin kind {@code overflow}, or supplied by the host).
 * Core prints Go's report ({@code runtime: goroutine stack exceeds N-byte limit}, {@code fatal
 * error: stack overflow}, the trace) whatever the decision; the handler chooses the outcome.
 */
public interface OverflowHandler {
    /** What an overflow ends. */
    enum Decision {
        /** The whole program ends, exit status 2 (Go's behaviour). */
        FATAL,
        /** Only the overflowing goroutine ends; the program goes on and exits 2 at its end. */
        KILL_GOROUTINE
    }

    Decision onOverflow(OverflowEvent event);
}
