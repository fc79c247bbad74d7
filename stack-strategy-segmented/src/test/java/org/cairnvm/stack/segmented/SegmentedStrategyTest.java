package org.cairnvm.stack.segmented;

import static org.cairnvm.stack.segmented.Frames.BIG;
import static org.cairnvm.stack.segmented.Frames.FILL;
import static org.cairnvm.stack.segmented.Frames.LEAF;
import static org.cairnvm.stack.segmented.Frames.MAIN;
import static org.cairnvm.stack.segmented.Frames.MID;
import static org.cairnvm.stack.segmented.Frames.SEG;
import static org.cairnvm.stack.segmented.Frames.SEGMENT_BYTES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cairnvm.spi.GuestStack;
import org.cairnvm.spi.OverflowEvent;
import org.cairnvm.spi.RegionKind;
import org.cairnvm.spi.StackSegment;
import org.junit.jupiter.api.Test;

class SegmentedStrategyTest {
    private static SegmentChain chain(CallSim sim) {
        return (SegmentChain) sim.stack.strategyState;
    }

    private static void end(CallSim sim) {
        sim.strategy.release(sim.ctx, sim.stack);
        sim.strategy.runEnded(sim.ctx);
    }

    @Test
    void newStackIsOneSegmentOfStackInitial() {
        TestContext ctx = Frames.context();
        GuestStack stack = new SegmentedStrategy().newStack(ctx, 7);
        assertEquals(7, stack.goroutineId());
        assertEquals(SEGMENT_BYTES, stack.segment.bytes());
        assertEquals(0, stack.segment.guard);
        assertEquals(0, stack.fp);
        assertEquals(RegionKind.STACK, stack.segment.region.kind());
        assertEquals(1, ctx.memory.liveRegions());
        assertEquals(SEGMENT_BYTES, new SegmentedStrategy().reservedBytes(stack));
    }

    @Test
    void framesThatFitStayInTheBaseSegment() {
        TestContext ctx = Frames.context();
        CallSim sim = Frames.sim(ctx);
        sim.enter(MAIN);
        sim.call(MID, 4);
        sim.call(MID, 5);
        sim.check();
        assertEquals(0, sim.slowPaths);
        assertEquals(1, ctx.memory.liveRegions());
    }

    @Test
    void aCallOnTheBoundaryLinksASegmentAndNothingMoves() {
        TestContext ctx = Frames.context();
        CallSim sim = Frames.onBoundary(ctx);
        StackSegment base = sim.stack.segment;
        long fillFp = sim.stack.fp;
        sim.call(LEAF, 9);
        StackSegment next = sim.stack.segment;
        assertNotSame(base, next);
        assertEquals(1, sim.slowPaths);
        assertEquals(next.top() - 8L * 50, sim.stack.fp);
        assertEquals(fillFp, ctx.memory.load(sim.stack.fp), "the callee's header points into the old segment");
        assertEquals(fillFp, sim.topFpOf(1));
        sim.check();
        assertEquals(List.of(LEAF, FILL, MAIN), sim.walkedFunctions());
        assertEquals(2 * SEGMENT_BYTES, chain(sim).linkedBytes());
    }

    @Test
    void noneReleasesTheSegmentAtEveryUnlink() {
        TestContext ctx = Frames.context();
        CallSim sim = Frames.onBoundary(ctx);
        StackSegment base = sim.stack.segment;
        sim.call(LEAF, 9);
        long leafSegment = sim.stack.segment.base;
        sim.ret();
        assertSame(base, sim.stack.segment);
        assertFalse(ctx.memory.mapped(leafSegment), "the unlinked segment is released");
        for (int i = 0; i < 9; i++) {
            sim.call(LEAF, 9);
            sim.ret();
        }
        end(sim);
        assertEquals(11, ctx.counter("stack.segmentsAllocated"));
        assertEquals(11, ctx.counter("stack.segmentsFreed"));
        assertEquals(0, ctx.counter("stack.segmentsReused"));
        assertEquals(10, ctx.counter("stack.growths"));
        assertEquals(20, ctx.counter("stack.segmentSwitches"));
    }

    @Test
    void oneKeepsASpareForTheNextSplit() {
        TestContext ctx = Frames.context().set("segment.cache", "one");
        CallSim sim = Frames.onBoundary(ctx);
        for (int i = 0; i < 10; i++) {
            sim.call(LEAF, 9);
            sim.check();
            sim.ret();
        }
        assertEquals(2, ctx.memory.liveRegions(), "base and one spare");
        assertEquals(1, chain(sim).spareCount());
        assertEquals(2 * SEGMENT_BYTES, sim.strategy.reservedBytes(sim.stack));
        end(sim);
        assertEquals(2, ctx.counter("stack.segmentsAllocated"));
        assertEquals(9, ctx.counter("stack.segmentsReused"));
        assertEquals(2, ctx.counter("stack.segmentsFreed"));
        assertEquals(10, ctx.counter("stack.growths"));
    }

    /** A loop whose calls go three segments deep and come back, ten times. */
    private static TestContext descendTenTimes(String policy) {
        TestContext ctx = Frames.context().set("segment.cache", policy);
        CallSim sim = Frames.onBoundary(ctx);
        for (int i = 0; i < 10; i++) {
            sim.call(SEG, 5);
            sim.call(SEG, 6);
            sim.call(SEG, 6);
            sim.check();
            sim.ret();
            sim.ret();
            sim.ret();
        }
        end(sim);
        assertEquals(ctx.counter("stack.segmentsAllocated"), ctx.counter("stack.segmentsFreed"));
        assertEquals(30, ctx.counter("stack.growths"));
        return ctx;
    }

    @Test
    void varyingDepthsDefeatOneButNotPeak() {
        assertEquals(1 + 30, descendTenTimes("none").counter("stack.segmentsAllocated"));
        // one: the first descent reserves 3, every later one reuses 1 and reserves 2.
        TestContext one = descendTenTimes("one");
        assertEquals(1 + 3 + 9 * 2, one.counter("stack.segmentsAllocated"));
        assertEquals(9, one.counter("stack.segmentsReused"));
        TestContext peak = descendTenTimes("peak");
        assertEquals(1 + 3, peak.counter("stack.segmentsAllocated"));
        assertEquals(27, peak.counter("stack.segmentsReused"));
    }

    @Test
    void peakReleasesAtShrinkTheSparesTheLastCycleDidNotReach() {
        TestContext ctx = Frames.context().set("segment.cache", "peak");
        CallSim sim = Frames.onBoundary(ctx);
        sim.call(SEG, 5);
        sim.call(SEG, 6);
        sim.call(SEG, 6);
        sim.unwindTo(2);
        assertEquals(3, chain(sim).spareCount());
        sim.strategy.shrink(ctx, sim.stack);
        assertEquals(3, chain(sim).spareCount(), "the cycle just ended used all three");
        sim.call(SEG, 5);
        sim.ret();
        sim.strategy.shrink(ctx, sim.stack);
        assertEquals(1, chain(sim).spareCount(), "this cycle reached one segment past the base");
        sim.strategy.shrink(ctx, sim.stack);
        assertEquals(0, chain(sim).spareCount());
        assertEquals(1, ctx.memory.liveRegions());
        end(sim);
        assertEquals(2, ctx.counter("stack.shrinks"));
    }

    @Test
    void oneAndNoneKeepTheirCacheAtShrink() {
        for (String policy : List.of("none", "one")) {
            TestContext ctx = Frames.context().set("segment.cache", policy);
            CallSim sim = Frames.onBoundary(ctx);
            sim.call(LEAF, 9);
            sim.ret();
            int spares = chain(sim).spareCount();
            sim.strategy.shrink(ctx, sim.stack);
            sim.strategy.shrink(ctx, sim.stack);
            assertEquals(spares, chain(sim).spareCount(), policy);
            end(sim);
            assertEquals(0, ctx.counter("stack.shrinks"), policy);
        }
    }

    @Test
    void theSumOfSegmentsCountsAgainstStackMax() {
        TestContext ctx = Frames.context();
        ctx.max = 3 * SEGMENT_BYTES;
        CallSim sim = Frames.onBoundary(ctx);
        sim.call(SEG, 5);
        sim.call(SEG, 6);
        long top = sim.stack.fp;
        TestContext.Overflow o = assertThrows(TestContext.Overflow.class, () -> sim.call(SEG, 6));
        assertEquals(OverflowEvent.Limit.MAX_STACK, o.event.limit());
        assertEquals(3 * SEGMENT_BYTES, o.event.stackBytes());
        assertEquals(8L * 512, o.event.frameBytes());
        assertEquals(1, o.event.goroutineId());
        assertEquals(top, sim.stack.fp, "the top frame is still the caller's, exact for the report");
        assertEquals(6, sim.stack.pc);
        assertEquals(List.of(SEG, SEG, FILL, MAIN), sim.walkedFunctions());
        end(sim);
        assertEquals(0, ctx.memory.liveRegions());
    }

    @Test
    void segmentsHoldExactlyStackInitial() {
        TestContext ctx = Frames.context();
        ctx.initial = 2048;
        CallSim sim = Frames.sim(ctx);
        assertEquals(2048, sim.stack.segment.bytes());
        sim.enter(MID);
        sim.call(MID, 3);
        assertEquals(2048, sim.stack.segment.bytes(), "a standard segment, not its page-rounded region");
        end(sim);
        assertEquals(4096, ctx.counter("stack.peakBytes"));
    }

    @Test
    void aSpareServesOnlyFramesOfItsSize() {
        TestContext ctx = Frames.context().set("segment.cache", "one");
        CallSim sim = Frames.onBoundary(ctx);
        sim.call(BIG, 5);
        sim.ret();
        sim.call(SEG, 5);
        assertEquals(SEGMENT_BYTES, sim.stack.segment.bytes(), "the 16 KiB spare is not used for a 4 KiB frame");
        sim.ret();
        sim.call(SEG, 5);
        sim.ret();
        end(sim);
        assertEquals(3, ctx.counter("stack.segmentsAllocated"));
        assertEquals(1, ctx.counter("stack.segmentsReused"));
    }

    @Test
    void aFrameBiggerThanASegmentGetsItsOwnSizePlusExtra() {
        TestContext ctx = Frames.context();
        CallSim sim = Frames.onBoundary(ctx);
        sim.call(BIG, 5);
        sim.check();
        long expected = 8L * 1500 + SegmentedStrategy.STACK_EXTRA;
        assertEquals(expected, sim.stack.segment.bytes());
        sim.call(LEAF, 5);
        assertEquals(1, sim.slowPaths, "the extra room holds the big frame's first callees");
        end(sim);
    }

    @Test
    void anEntryFrameBiggerThanTheBaseGoesInASegmentOfItsOwn() {
        TestContext ctx = Frames.context();
        CallSim sim = Frames.sim(ctx);
        sim.enter(BIG);
        sim.call(LEAF, 3);
        sim.check();
        assertEquals(2, chain(sim).linkedCount());
        sim.unwind();
        // A second entry frame on the same goroutine (init, then main) that fits the current
        // segment takes no slow path and stays there; one that does not starts from the base.
        sim.enter(MAIN);
        assertEquals(2, chain(sim).linkedCount());
        sim.check();
        sim.unwind();
        sim.enter(BIG);
        sim.unwind();
        sim.stack.segment.guard = sim.stack.segment.words.length;
        sim.enter(MAIN);
        assertEquals(1, chain(sim).linkedCount());
        sim.check();
        sim.unwind();
        end(sim);
        assertEquals(0, ctx.counter("stack.segmentSwitches"), "entry frames split no call site");
        assertEquals(0, ctx.memory.liveRegions());
    }

    @Test
    void splitCallLinksASegmentAtEveryCall() {
        TestContext ctx = Frames.context();
        ctx.stress.add("split-call");
        CallSim sim = Frames.sim(ctx);
        sim.enter(MAIN);
        assertEquals(1, chain(sim).linkedCount(), "the entry frame goes in the base segment");
        sim.call(MID, 1);
        sim.call(LEAF, 2);
        sim.call(LEAF, 3);
        sim.check();
        assertEquals(4, chain(sim).linkedCount());
        assertEquals(sim.stack.segment.words.length, sim.stack.segment.guard);
        sim.ret();
        sim.call(LEAF, 3);
        sim.check();
        sim.unwindTo(1);
        assertEquals(1, chain(sim).linkedCount());
        end(sim);
        assertEquals(4, ctx.counter("stack.growths"));
        assertEquals(5, ctx.counter("stack.segmentsAllocated"));
        assertEquals(8, ctx.counter("stack.segmentSwitches"));
    }

    @Test
    void splitCallAppliesToReusedSegments() {
        TestContext ctx = Frames.context().set("segment.cache", "peak");
        ctx.stress.add("split-call");
        CallSim sim = Frames.sim(ctx);
        sim.enter(MAIN);
        for (int i = 0; i < 3; i++) {
            sim.call(LEAF, 1);
            sim.call(LEAF, 2);
            assertEquals(sim.stack.segment.words.length, sim.stack.segment.guard);
            sim.ret();
            sim.ret();
        }
        end(sim);
        assertEquals(3, ctx.counter("stack.segmentsAllocated"));
        assertEquals(4, ctx.counter("stack.segmentsReused"));
    }

    @Test
    void releaseFreesEveryRegion() {
        TestContext ctx = Frames.context().set("segment.cache", "peak");
        CallSim sim = Frames.onBoundary(ctx);
        sim.call(SEG, 5);
        sim.call(SEG, 6);
        sim.ret();
        sim.strategy.release(ctx, sim.stack);
        assertEquals(0, ctx.memory.liveRegions());
        assertNull(sim.stack.strategyState);
        sim.strategy.runEnded(ctx);
        assertEquals(3, ctx.counter("stack.segmentsFreed"));
    }

    @Test
    void goroutinesShareTheRunsCountsButNotTheirSegments() {
        TestContext ctx = Frames.context();
        CallSim a = Frames.onBoundary(ctx);
        CallSim b = Frames.sim(ctx, 2);
        b.enter(MAIN);
        b.call(FILL, 3);
        a.call(LEAF, 9);
        b.call(LEAF, 9);
        assertNotSame(a.stack.segment, b.stack.segment);
        a.check();
        b.check();
        a.ret();
        b.ret();
        a.strategy.release(ctx, a.stack);
        end(b);
        assertEquals(4, ctx.counter("stack.segmentsAllocated"));
        assertEquals(4, ctx.counter("stack.segmentSwitches"));
    }

    @Test
    void theCommonKeysAreReportedAndNothingIsCopied() {
        TestContext ctx = Frames.context();
        CallSim sim = Frames.onBoundary(ctx);
        sim.call(SEG, 5);
        sim.call(LEAF, 6);
        sim.unwindTo(2);
        end(sim);
        assertEquals(3 * SEGMENT_BYTES, ctx.counter("stack.peakBytes"));
        assertTrue(ctx.counters.containsKey("stack.wordsCopied"));
        assertEquals(0, ctx.counter("stack.wordsCopied"));
        assertTrue(ctx.counters.containsKey("stack.pointersAdjusted"));
        assertEquals(0, ctx.counter("stack.pointersAdjusted"));
        assertTrue(ctx.counters.containsKey("stack.hotSplits"));
    }

    @Test
    void traceStackPrintsALinePerNewSegment() {
        TestContext ctx = Frames.context().set("segment.cache", "one");
        ctx.traced.add("stack");
        CallSim sim = Frames.onBoundary(ctx);
        sim.call(LEAF, 9);
        StackSegment s = sim.stack.segment;
        sim.ret();
        sim.call(LEAF, 9);
        sim.ret();
        end(sim);
        assertEquals(List.of("stack: goroutine 1 split: new segment 2 [0x" + Long.toHexString(s.base) + ", 0x"
                + Long.toHexString(s.top()) + ") 4096 bytes for a 400-byte frame; stack 8192 bytes in 2 segments"),
                ctx.traceLines);
    }

    @Test
    void anUnknownCachePolicyIsAClearError() {
        TestContext ctx = Frames.context().set("segment.cache", "lru");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SegmentedStrategy().newStack(ctx, 1));
        assertEquals("unknown segment.cache 'lru' (available: none, one, peak)", e.getMessage());
    }

    @Test
    void aReturnToAnAddressOutsideTheStackIsAVmBug() {
        TestContext ctx = Frames.context();
        CallSim sim = Frames.onBoundary(ctx);
        assertThrows(IllegalStateException.class, () -> sim.strategy.returned(ctx, sim.stack, 0x8));
    }
}
