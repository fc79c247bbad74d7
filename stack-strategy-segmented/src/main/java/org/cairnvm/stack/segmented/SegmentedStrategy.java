package org.cairnvm.stack.segmented;

import java.util.List;
import org.cairnvm.spi.GuestStack;
import org.cairnvm.spi.OverflowEvent;
import org.cairnvm.spi.Region;
import org.cairnvm.spi.RegionKind;
import org.cairnvm.spi.StackContext;
import org.cairnvm.spi.StackSegment;
import org.cairnvm.spi.StackStrategy;

/**
 * Segmented stacks, as Go had until 1.2 and GCC's {@code -fsplit-stack} still has.
 *
 * <p>A goroutine starts with one segment of {@code stack.initial} bytes. When a call's frame
 * does not fit below its caller, {@link #morestack} links a further segment (a spare from the
 * cache, or a freshly reserved region) and the callee's frame goes at that segment's top. Nothing
 * moves: the caller's frame stays where it is, core copies the arguments across and writes the
 * callee's header with the caller's frame pointer, which now points into the previous segment.
 * The frame-pointer chain therefore crosses segments by itself, and so do the walker, stack
 * traces and root scanning; pointers into older segments stay valid with no relocation. When the
 * first frame of a segment returns, {@link #returned} makes the caller's segment current again
 * and unlinks the segment, which the {@link CachePolicy} ({@code segment.cache}) keeps as a spare
 * or releases.
 *
 * <p>The price is the hot split: a call whose caller sits at the bottom of a segment splits on
 * every call and switches back on every return. In a loop that is a slow path twice per
 * iteration, and under {@code segment.cache=none} a region reserved and released per iteration.
 * Go 1.3 replaced segments with contiguous stacks that are copied to grow for exactly this
 * reason. This strategy counts segment switches per call site and names, at the end of the run,
 * every site past {@code segment.hotThreshold} ({@code hot split at prog.go:12 in main.loop:
 * 2000000 segment switches}), which no segmented runtime told its users.
 *
 * <p>Segment sizes: a standard segment is {@code stack.initial} bytes; a frame larger than that gets a segment of its own size plus
 * {@link #STACK_EXTRA}. The sum of the linked segments is the stack's size and counts against
 * {@code stack.max}; spares do not, being no part of any stack.
 *
 * <p>State: per goroutine in a {@link SegmentChain} ({@code GuestStack.strategyState}), per run
 * in a {@link SplitLedger} ({@code StackContext.runState}); the strategy itself holds nothing, so
 * one instance serves every run of a VM.
 */
public final class SegmentedStrategy implements StackStrategy {
    /**
     * Room added to a segment made for a frame bigger than a standard segment, so that the big
     * frame's first callees do not split again at once. Go 1.2's {@code StackExtra}, for the
     * same reason.
     */
    static final long STACK_EXTRA = 2048;

    /** The smallest segment: one frame's two header words, as for a copying stack. */
    private static final long MIN_SEGMENT_BYTES = 16;

    /** The stress mode that puts every call on a segment boundary. */
    static final String SPLIT_CALL = "split-call";

    /** Frames the site-naming walk may pass before giving up: the site's frame is the top one. */
    private static final int NAMING_WALK_FRAMES = 2;

    @Override
    public GuestStack newStack(StackContext ctx, int goroutineId) {
        SplitLedger ledger = ctx.runState(SplitLedger.class, () -> SplitLedger.from(ctx.config()));
        SegmentChain chain = new SegmentChain(CachePolicy.from(ctx.config()), ledger, ctx.stress(SPLIT_CALL));
        StackSegment base = reserve(ctx, chain, goroutineId, ctx.initialStackBytes());
        base.guard = guard(chain, base);
        chain.link(base, null);
        ledger.peakBytes = Math.max(ledger.peakBytes, chain.linkedBytes());
        GuestStack stack = new GuestStack(goroutineId, base);
        stack.strategyState = chain;
        return stack;
    }

    @Override
    public long morestack(StackContext ctx, GuestStack stack, int frameWords) {
        SegmentChain chain = chain(stack);
        long frameBytes = 8L * frameWords;
        if (stack.fp == 0) {
            return placeEntryFrame(ctx, stack, chain, frameWords);
        }
        StackSegment from = stack.segment;
        if (from.contains(stack.fp)) {
            ctx.memory().noteCommitted(from.region, from.top() - stack.fp);
        }
        SplitLedger ledger = chain.ledger;
        SplitLedger.Site site = ledger.site(stack.function, stack.pc);
        StackSegment next = linkSegment(ctx, stack, chain, frameBytes, site);
        site.switches++;
        site.outstanding++;
        ledger.switches++;
        if (ledger.needsName(site)) {
            nameSite(ctx, stack, ledger, site);
        }
        long fp = next.top() - frameBytes;
        ctx.memory().noteCommitted(next.region, frameBytes);
        return fp;
    }

    @Override
    public void returned(StackContext ctx, GuestStack stack, long callerFp) {
        SegmentChain chain = chain(stack);
        int holder = chain.indexOf(callerFp);
        if (holder < 0) {
            throw new IllegalStateException("frame pointer 0x" + Long.toHexString(callerFp)
                    + " outside the segments of goroutine " + stack.goroutineId());
        }
        SplitLedger ledger = chain.ledger;
        while (chain.linkedCount() > holder + 1) {
            SegmentChain.Link top = chain.unlinkTop();
            if (top.site() != null) {
                top.site().switches++;
                top.site().outstanding--;
                ledger.switches++;
            }
            for (StackSegment s : chain.retire(top.segment())) {
                free(ctx, chain, s);
            }
        }
        stack.segment = chain.current();
    }

    @Override
    public void shrink(StackContext ctx, GuestStack stack) {
        SegmentChain chain = chain(stack);
        List<StackSegment> evicted = chain.trim();
        for (StackSegment s : evicted) {
            free(ctx, chain, s);
        }
        if (!evicted.isEmpty()) {
            chain.ledger.shrinks++;
        }
    }

    @Override
    public void release(StackContext ctx, GuestStack stack) {
        SegmentChain chain = chain(stack);
        for (StackSegment s : chain.drain()) {
            free(ctx, chain, s);
        }
        stack.strategyState = null;
        chain.ledger.flush(ctx.counters());
    }

    @Override
    public void runEnded(StackContext ctx) {
        SplitLedger ledger = ctx.runState(SplitLedger.class, () -> SplitLedger.from(ctx.config()));
        if (!ledger.claimReport()) {
            return;
        }
        List<SplitLedger.Site> hot = ledger.hotSites();
        if (!hot.isEmpty() && ctx.trace().enabled("stack")) {
            for (SplitLedger.Site s : hot) {
                ctx.trace().line("stack", "stack: hot split at " + s.location + " in " + s.functionName
                        + ": " + s.switches + " segment switches");
            }
        }
        ctx.counters().add("stack.hotSplits", hot.size());
        ledger.flush(ctx.counters());
    }

    @Override
    public long reservedBytes(GuestStack stack) {
        return chain(stack).reservedBytes();
    }

    /**
     * The goroutine's stack holds no frame (its entry frame is being placed): the entry frame
     * goes at the top of the base segment when it fits, else in a segment linked after it.
     * Segments left linked by an earlier entry frame hold nothing now and are unlinked first.
     */
    private long placeEntryFrame(StackContext ctx, GuestStack stack, SegmentChain chain, int frameWords) {
        long frameBytes = 8L * frameWords;
        while (chain.linkedCount() > 1) {
            SegmentChain.Link top = chain.unlinkTop();
            if (top.site() != null) {
                top.site().outstanding--;
            }
            for (StackSegment s : chain.retire(top.segment())) {
                free(ctx, chain, s);
            }
        }
        StackSegment base = chain.current();
        StackSegment target = frameWords <= base.words.length ? base
                : linkSegment(ctx, stack, chain, frameBytes, null);
        stack.segment = target;
        ctx.memory().noteCommitted(target.region, frameBytes);
        return target.top() - frameBytes;
    }

    /**
     * Links a segment for a frame of {@code frameBytes}: a spare the policy kept if one fits within
     * {@code stack.max}, else a new region. Throws the overflow when no segment fits the limit.
     */
    private StackSegment linkSegment(StackContext ctx, GuestStack stack, SegmentChain chain, long frameBytes,
                                     SplitLedger.Site site) {
        SplitLedger ledger = chain.ledger;
        long budget = ctx.maxStackBytes() - chain.linkedBytes();
        long initial = ctx.initialStackBytes();
        long size = words(frameBytes <= initial ? initial : frameBytes + STACK_EXTRA);
        StackSegment next = chain.takeSpare(frameBytes, Math.min(size, budget));
        boolean fresh = next == null;
        if (fresh) {
            if (size > budget) {
                throw ctx.overflow(stack, OverflowEvent.Limit.MAX_STACK, chain.linkedBytes(), frameBytes);
            }
            next = reserve(ctx, chain, stack.goroutineId(), size);
        } else {
            ledger.segmentsReused++;
        }
        next.guard = guard(chain, next);
        chain.link(next, site);
        stack.segment = next;
        ledger.growths++;
        ledger.peakBytes = Math.max(ledger.peakBytes, chain.linkedBytes());
        if (fresh && ctx.trace().enabled("stack")) {
            ctx.trace().line("stack", "stack: goroutine " + stack.goroutineId() + " split: new segment "
                    + chain.linkedCount() + " [0x" + Long.toHexString(next.base) + ", 0x"
                    + Long.toHexString(next.top()) + ") " + next.bytes() + " bytes for a " + frameBytes
                    + "-byte frame; stack " + chain.linkedBytes() + " bytes in " + chain.linkedCount()
                    + " segments");
        }
        return next;
    }

    /**
     * Names a site through the walker while its frame is the exact top frame (at a split, before
     * the callee's frame exists): Go's function name and the line of the call. Leaves it unnamed
     * if the walker does not show the frame, to be named at the site's next split.
     */
    private static void nameSite(StackContext ctx, GuestStack stack, SplitLedger ledger, SplitLedger.Site site) {
        long fp = stack.fp;
        int[] seen = {0};
        ctx.walker().walk(stack, frame -> {
            if (frame.fp() == fp) {
                ledger.name(site, frame.functionName(), frame.location());
                return false;
            }
            return ++seen[0] < NAMING_WALK_FRAMES;
        });
    }

    private static StackSegment reserve(StackContext ctx, SegmentChain chain, int goroutineId, long bytes) {
        Region region = ctx.memory().reserve(words(bytes), RegionKind.STACK,
                "goroutine " + goroutineId + " stack segment");
        chain.ledger.segmentsAllocated++;
        return new StackSegment(region, 0);
    }

    private static void free(StackContext ctx, SegmentChain chain, StackSegment segment) {
        ctx.memory().release(segment.region);
        chain.ledger.segmentsFreed++;
    }

    /**
     * Go's stackguard0 for a segment: 0 lets frames fill it; under {@code split-call} its length,
     * so every prologue check fails and every call links a new segment.
     */
    private static int guard(SegmentChain chain, StackSegment segment) {
        return chain.splitCall ? segment.words.length : 0;
    }

    /**
     * Rounds up to whole words, at least the two header words. A segment's size is what it holds
     * ({@code 8 * words.length}), not its region's page-rounded reservation, so segments compare
     * with a copying stack of the same {@code stack.initial} byte for byte.
     */
    private static long words(long bytes) {
        return Math.max(MIN_SEGMENT_BYTES, (bytes + 7) & ~7L);
    }

    private static SegmentChain chain(GuestStack stack) {
        if (stack.strategyState instanceof SegmentChain c) {
            return c;
        }
        throw new IllegalStateException("goroutine " + stack.goroutineId() + " has no segmented stack");
    }
}
