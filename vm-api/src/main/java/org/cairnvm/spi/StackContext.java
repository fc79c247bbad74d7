package org.cairnvm.spi;

import org.cairnvm.api.Config;

/** What core lends a stack strategy for one run. */
public interface StackContext {
    AddressSpace memory();

    FrameWalker walker();

    Counters counters();

    Trace trace();

    Config config();

    /** {@code stack.initial}, in bytes. */
    long initialStackBytes();

    /** {@code stack.max}, in bytes. */
    long maxStackBytes();

    /**
     * State a plugin keeps for one run across all its goroutines (hot-split counts per call site,
     * say): created by {@code create} on first use, dropped when the run ends. Plugins are
     * singletons per VM and may serve many runs, so run state must not live in their fields.
     */
    <T> T runState(Class<T> type, java.util.function.Supplier<T> create);

    /** Whether a stress mode is on ({@code stack-move}, {@code split-call}). */
    boolean stress(String mode);

    /**
     * Reports an overflow to the overflow handler and returns the exception that unwinds the
     * goroutine; the strategy throws it. The stack's top frame must be exact (it is, on every
     * strategy entry point).
     *
     * @param limit which limit was hit
     * @param stackBytes the stack's size when it was hit
     * @param frameBytes the size of the frame that did not fit
     */
    RuntimeException overflow(GuestStack stack, OverflowEvent.Limit limit, long stackBytes, long frameBytes);
}
