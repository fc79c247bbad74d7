package org.cairnvm.spi;

/**
 * A stack reached a limit.
 *
 * @param limit which limit
 * @param goroutineId the goroutine whose stack overflowed
 * @param stackBytes the stack's size when the limit was hit
 * @param maxBytes the configured maximum ({@code stack.max})
 * @param frameBytes the size of the frame that did not fit
 * @param stack the stack, its top frame exact
 * @param walker to name the frames
 */
public record OverflowEvent(Limit limit, int goroutineId, long stackBytes, long maxBytes, long frameBytes,
                            GuestStack stack, FrameWalker walker) {
    /** Which limit was hit. */
    public enum Limit {
        /** Growing would pass {@code stack.max}. */
        MAX_STACK,
        /** A frame touched a guard page. */
        GUARD_PAGE,
        /** A chain of heap frames passed {@code stack.max} (stackless scheduler). */
        HEAP_FRAME_DEPTH
    }
}
