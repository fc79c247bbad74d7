package org.cairnvm.stack.copying;

import org.cairnvm.spi.AddressSpace;
import org.cairnvm.spi.Counters;
import org.cairnvm.spi.Frame;
import org.cairnvm.spi.FrameVisitor;
import org.cairnvm.spi.GuestStack;
import org.cairnvm.spi.OverflowEvent;
import org.cairnvm.spi.Region;
import org.cairnvm.spi.RegionKind;
import org.cairnvm.spi.StackContext;
import org.cairnvm.spi.StackSegment;
import org.cairnvm.spi.StackStrategy;

/**
 * Contiguous, copying stacks (Go's {@code runtime/stack.go} since 1.3).
 *
 * <p>A goroutine's stack is one STACK region of {@code 8*words.length} bytes, starting at
 * {@code stack.initial}. Frames fill it from the top down; the top frame is {@code stack.fp}, so
 * the used part is always {@code [stack.fp, top)}. The segment's guard is {@link #GUARD_SLACK_WORDS}:
 * a frame may use every word down to index 0.
 *
 * <p>When a frame does not fit ({@link #morestack}), the stack moves to a new region of double the
 * size (doubled again until the used part plus the frame fit), unless that would pass
 * {@code stack.max}, which is an overflow: Go's rule, so with the default 1,000,000,000-byte limit
 * the largest stack is 512 MiB. The move copies the used part to the top of the new region, so
 * every frame keeps its distance from the top, and relocates by {@code delta = newTop - oldTop}
 * every word that points into the old region: each frame's saved frame pointer, and each slot in
 * the frame's stack map at its resume pc (live pointers and address-taken locals). Escape analysis
 * guarantees that nothing else points into a stack (no heap object, global or other stack does),
 * so that is every pointer. The frames are found by core's frame walker on the old stack, which
 * stays mapped until the copy is done. Addresses of released regions are never reused, so a
 * pointer the walk missed faults on its next use instead of reading a stranger's stack.
 *
 * <p>{@link #shrink} halves the stack, through the same move, when less than a quarter of it is in
 * use, never below {@code stack.initial}. It runs at collections, when every frame is at a
 * safepoint.
 *
 * <p>Stress mode {@code stack-move} sets the guard to {@code words.length}, so every prologue check
 * fails and every call moves the stack to a fresh region (of the same size unless it must grow),
 * keeping the forced guard: a pointer the relocation misses then goes stale at once.
 */
public final class CopyingStacks implements StackStrategy {
    /**
     * Words kept free below the guard: none. Go keeps a red zone ({@code _StackGuard}, 928 bytes) so
     * that nosplit functions and the runtime can run below the check; in Cairn nothing runs on a
     * guest stack without its own prologue check (host functions, reports and the overflow handler
     * run on the Java stack), so the last word of a stack is as usable as the first.
     */
    static final int GUARD_SLACK_WORDS = 0;

    /** The smallest stack: one frame's two header words. A smaller {@code stack.initial} is raised to it. */
    static final int MIN_STACK_WORDS = 2;

    /** The stress mode that moves the stack at every prologue check. */
    static final String STRESS_MOVE = "stack-move";

    static final String GROWTHS = "stack.growths";
    static final String MOVES = "stack.moves";
    static final String SHRINKS = "stack.shrinks";
    static final String WORDS_COPIED = "stack.wordsCopied";
    static final String POINTERS_ADJUSTED = "stack.pointersAdjusted";
    static final String PEAK_BYTES = "stack.peakBytes";

    @Override
    public GuestStack newStack(StackContext ctx, int goroutineId) {
        int words = initialWords(ctx);
        Region region = ctx.memory().reserve(8L * words, RegionKind.STACK, label(goroutineId));
        GuestStack stack = new GuestStack(goroutineId, segment(region, ctx.stress(STRESS_MOVE)));
        ctx.counters().max(PEAK_BYTES, stack.segment.bytes());
        return stack;
    }

    @Override
    public long morestack(StackContext ctx, GuestStack stack, int frameWords) {
        StackSegment old = stack.segment;
        int oldWords = old.words.length;
        long need = (long) usedWords(stack) + frameWords + GUARD_SLACK_WORDS;
        boolean stress = ctx.stress(STRESS_MOVE);
        if (need <= oldWords && !stress) {
            // The frame fits: the guard was raised by someone else's request; leave it to them.
            return frameAddress(stack, frameWords);
        }
        long newWords = oldWords;
        if (need > oldWords) {
            newWords = 2L * oldWords;
            while (newWords < need) {
                newWords *= 2;
            }
            if (8 * newWords > ctx.maxStackBytes()) {
                throw ctx.overflow(stack, OverflowEvent.Limit.MAX_STACK, old.bytes(), 8L * frameWords);
            }
        }
        boolean grew = newWords > oldWords;
        move(ctx, stack, newWords, stress, grew ? "grew" : "moved");
        ctx.counters().add(grew ? GROWTHS : MOVES, 1);
        return frameAddress(stack, frameWords);
    }

    @Override
    public void shrink(StackContext ctx, GuestStack stack) {
        StackSegment seg = stack.segment;
        if (!isLive(ctx, stack)) {
            return;
        }
        int words = seg.words.length;
        int half = words / 2;
        // Go's shrinkstack: only when under a quarter is used, and never below the initial size.
        if (half < initialWords(ctx) || 4L * usedWords(stack) >= words) {
            return;
        }
        move(ctx, stack, half, ctx.stress(STRESS_MOVE), "shrank");
        ctx.counters().add(SHRINKS, 1);
    }

    @Override
    public void release(StackContext ctx, GuestStack stack) {
        if (!isLive(ctx, stack)) {
            return;
        }
        StackSegment seg = stack.segment;
        AddressSpace memory = ctx.memory();
        memory.noteCommitted(seg.region, touchedBytes(seg));
        memory.release(seg.region);
        stack.fp = 0;
    }

    @Override
    public long reservedBytes(GuestStack stack) {
        return stack.segment == null ? 0 : stack.segment.region.size();
    }

    /** Whether the stack's region is still mapped (release may be asked twice; the second is a no-op). */
    private static boolean isLive(StackContext ctx, GuestStack stack) {
        StackSegment seg = stack.segment;
        return seg != null && ctx.memory().find(seg.base) == seg.region;
    }

    /**
     * Moves the stack to a new region of {@code newWords} words: copy the used part to its top,
     * relocate every pointer into the old region, make the new region current, release the old.
     */
    private void move(StackContext ctx, GuestStack stack, long newWords, boolean forceGuard, String verb) {
        AddressSpace memory = ctx.memory();
        StackSegment old = stack.segment;
        Region region = memory.reserve(8L * newWords, RegionKind.STACK, label(stack.goroutineId()));
        StackSegment seg = segment(region, forceGuard);
        int used = usedWords(stack);
        int oldWords = old.words.length;
        System.arraycopy(old.words, oldWords - used, seg.words, seg.words.length - used, used);

        Relocation relocation = new Relocation(old, seg);
        ctx.walker().walk(stack, relocation);

        memory.noteCommitted(old.region, touchedBytes(old));
        memory.noteCommitted(region, 8L * used);
        if (stack.fp != 0) {
            stack.fp += relocation.delta;
        }
        stack.segment = seg;
        memory.release(old.region);

        Counters counters = ctx.counters();
        counters.add(WORDS_COPIED, used);
        counters.add(POINTERS_ADJUSTED, relocation.adjusted);
        counters.max(PEAK_BYTES, seg.bytes());
        if (ctx.trace().enabled("stack")) {
            Frame top = relocation.top;
            // The category leads the line, as gctrace's "gc 1 @0.012s" does: traces interleave on stderr.
            ctx.trace().line("stack", "stack: goroutine " + stack.goroutineId() + " " + verb + " " + old.bytes() + " -> "
                    + seg.bytes() + " bytes: copied " + used + " words, adjusted " + relocation.adjusted + " pointers"
                    + (top == null ? "" : " (" + top.functionName() + " at " + top.location() + ")"));
        }
    }

    /**
     * Rewrites the copy of each frame visited on the old stack: the saved frame pointer and the
     * stack-map pointer slots that point into the old region move by {@code delta}. A pointer equal
     * to the old top (one past the end, as an empty slice of the entry frame's last array may hold)
     * moves too: the gap after every region means it cannot point at anything else.
     */
    private static final class Relocation implements FrameVisitor {
        private final StackSegment old;
        private final long[] copy;
        private final long low;
        private final long high;
        /** Added to each copied word index to find the same word in the new region. */
        private final int shift;
        final long delta;
        int adjusted;
        Frame top;

        Relocation(StackSegment old, StackSegment seg) {
            this.old = old;
            this.copy = seg.words;
            this.low = old.base;
            this.high = old.top();
            this.shift = seg.words.length - old.words.length;
            this.delta = seg.top() - old.top();
        }

        @Override
        public boolean visit(Frame frame) {
            if (top == null) {
                top = frame;
            }
            long fp = frame.fp();
            if (!old.contains(fp)) {
                throw new IllegalStateException("frame of " + frame.functionName() + " at 0x" + Long.toHexString(fp)
                        + " is outside the stack being moved [0x" + Long.toHexString(low) + ", 0x"
                        + Long.toHexString(high) + ")");
            }
            int i = old.index(fp) + shift;
            long savedFp = copy[i];
            if (savedFp != 0) {
                if (savedFp <= fp || savedFp >= high) {
                    throw new IllegalStateException("frame of " + frame.functionName() + " at 0x" + Long.toHexString(fp)
                            + " saved a frame pointer outside its stack: 0x" + Long.toHexString(savedFp));
                }
                copy[i] = savedFp + delta;
            }
            for (int slot : frame.pointerSlots()) {
                long p = copy[i + slot];
                if (p >= low && p <= high) {
                    copy[i + slot] = p + delta;
                    adjusted++;
                }
            }
            return true;
        }
    }

    private static StackSegment segment(Region region, boolean forceGuard) {
        return new StackSegment(region, forceGuard ? region.words().length : GUARD_SLACK_WORDS);
    }

    /** Where a frame of {@code frameWords} goes: directly below the top frame, or at the top of an empty stack. */
    private static long frameAddress(GuestStack stack, int frameWords) {
        long callerFp = stack.fp == 0 ? stack.segment.top() : stack.fp;
        return callerFp - 8L * frameWords;
    }

    /** Words from the top frame to the top of the stack. */
    private static int usedWords(GuestStack stack) {
        StackSegment seg = stack.segment;
        return stack.fp == 0 ? 0 : seg.words.length - seg.index(stack.fp);
    }

    private static int initialWords(StackContext ctx) {
        long words = (ctx.initialStackBytes() + 7) >>> 3;
        return (int) Math.min(Math.max(words, MIN_STACK_WORDS), Integer.MAX_VALUE - 8);
    }

    /**
     * How many bytes of a stack have ever held a frame: from its lowest non-zero word to the top.
     * Regions start zeroed and every frame below the entry frame writes a non-zero saved frame
     * pointer at its lowest word, so this is the high-water mark, found without any cost on the
     * interpreter's fast path; it is what the stack's committed pages are.
     */
    private static long touchedBytes(StackSegment seg) {
        long[] w = seg.words;
        int i = 0;
        while (i < w.length && w[i] == 0) {
            i++;
        }
        return 8L * (w.length - i);
    }

    private static String label(int goroutineId) {
        return "goroutine " + goroutineId + " stack";
    }
}
