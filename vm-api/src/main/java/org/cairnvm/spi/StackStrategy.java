package org.cairnvm.spi;

/**
 * How goroutine stacks are laid out, grown and released (plugin kind {@code stack}). One instance
 * serves every run of a VM; per-run state lives in the {@link GuestStack}s and the context.
 *
 * <p>Calling convention the strategy must keep: a new frame of {@code frameWords} words goes
 * directly below its caller ({@code calleeFp = callerFp - 8*frameWords}) when it fits above the
 * segment's guard; otherwise the interpreter calls {@link #morestack}, which returns where the
 * frame goes instead. Core writes the new frame's header and arguments.
 */
public interface StackStrategy {
    /** A new stack holding no frame, sized {@code stack.initial}. */
    GuestStack newStack(StackContext ctx, int goroutineId);

    /**
     * Slow path of the prologue check: a frame of {@code frameWords} does not fit below the top
     * frame ({@code stack.fp}, or the segment top when the stack is empty). Grows, moves or links,
     * enforcing {@code stack.max} through {@link StackContext#overflow}. May move the stack, in
     * which case it updates {@code stack.fp} and every pointer into the old range.
     *
     * @return the address of the new frame
     */
    long morestack(StackContext ctx, GuestStack stack, int frameWords);

    /**
     * The top frame returned to a caller whose frame pointer lies outside the current segment:
     * make the segment holding {@code callerFp} current, unlinking what is no longer used.
     * Strategies whose frames never cross segments never receive it.
     */
    default void returned(StackContext ctx, GuestStack stack, long callerFp) {
        throw new IllegalStateException("frame pointer 0x" + Long.toHexString(callerFp)
                + " outside the stack of goroutine " + stack.goroutineId());
    }

    /** Called at collections: give back memory the stack no longer needs (copying halves when under a quarter is used). */
    void shrink(StackContext ctx, GuestStack stack);

    /** The goroutine ended: release every region of the stack. */
    void release(StackContext ctx, GuestStack stack);

    /** The run is over and every stack released: report per-run findings (traces, counters). */
    default void runEnded(StackContext ctx) {
    }

    /** Bytes reserved for the stack, all segments together. */
    long reservedBytes(GuestStack stack);
}
