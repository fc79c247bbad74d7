package org.cairnvm.stack.segmented;

import static org.cairnvm.stack.segmented.Frames.LEAF;
import static org.cairnvm.stack.segmented.Frames.MAIN;
import static org.cairnvm.stack.segmented.Frames.MID;
import static org.cairnvm.stack.segmented.Frames.SEG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class HotSplitTest {
    /** FILL (function 4) calls LEAF at resume pc 9, on the boundary, {@code n} times. */
    private static TestContext loop(TestContext ctx, int n) {
        CallSim sim = Frames.onBoundary(ctx);
        for (int i = 0; i < n; i++) {
            sim.call(LEAF, 9);
            sim.ret();
        }
        sim.unwind();
        sim.strategy.release(ctx, sim.stack);
        sim.strategy.runEnded(ctx);
        return ctx;
    }

    /** The trace's hot-split report, without the per-segment lines. */
    private static List<String> hotLines(TestContext ctx) {
        return ctx.traceLines.stream().filter(l -> l.startsWith("stack: hot split")).toList();
    }

    private static TestContext traced() {
        TestContext ctx = Frames.context();
        ctx.traced.add("stack");
        return ctx;
    }

    @Test
    void aLoopOnABoundaryIsReportedWithItsFunctionAndLine() {
        TestContext ctx = loop(traced(), 1000);
        assertEquals(List.of("stack: hot split at prog.go:1009 in main.f4: 2000 segment switches"), hotLines(ctx));
        assertEquals(1, ctx.counter("stack.hotSplits"));
        assertEquals(2000, ctx.counter("stack.segmentSwitches"));
    }

    @Test
    void theReportIsMadeOnceAndTheSiteWalkedOnce() {
        TestContext ctx = loop(traced(), 5000);
        assertEquals(1, ctx.walker.walks, "one walk names the site; later switches only count");
        new SegmentedStrategy().runEnded(ctx);
        assertEquals(1, hotLines(ctx).size());
        assertEquals(ctx.traceLines.size() - 1, ctx.counter("stack.segmentsAllocated") - 1,
                "one line per new segment besides the report");
        assertEquals(1, ctx.counter("stack.hotSplits"));
        assertEquals(10000, ctx.counter("stack.segmentSwitches"));
    }

    @Test
    void aSiteBelowTheThresholdIsNotReported() {
        TestContext ctx = loop(traced(), 499);
        assertEquals(List.of(), hotLines(ctx));
        assertEquals(0, ctx.counter("stack.hotSplits"));
        assertEquals(998, ctx.counter("stack.segmentSwitches"));
        assertEquals(0, ctx.walker.walks, "a site far from the threshold is never walked");
    }

    @Test
    void theThresholdIsConfigurable() {
        TestContext ctx = loop(traced().set("segment.hotThreshold", "10"), 5);
        assertEquals(List.of("stack: hot split at prog.go:1009 in main.f4: 10 segment switches"), hotLines(ctx));
    }

    @Test
    void withoutTraceTheCountersStillReportTheSite() {
        TestContext ctx = loop(Frames.context(), 1000);
        assertEquals(List.of(), hotLines(ctx));
        assertEquals(1, ctx.counter("stack.hotSplits"));
    }

    @Test
    void aThresholdCrossedOnAReturnNamesTheRightSite() {
        // SEG calls SEG at pc 6 twice in a row, each on a boundary: the site's fourth switch is a
        // return, when the top frame is no longer the site's; it was named at its second split.
        TestContext ctx = traced().set("segment.hotThreshold", "4");
        CallSim sim = Frames.onBoundary(ctx);
        sim.call(SEG, 5);
        sim.call(SEG, 6);
        sim.call(SEG, 6);
        sim.call(MID, 7);
        sim.unwind();
        sim.strategy.release(ctx, sim.stack);
        sim.strategy.runEnded(ctx);
        assertEquals(List.of("stack: hot split at prog.go:1006 in main.f5: 4 segment switches"), hotLines(ctx));
    }

    @Test
    void sitesAreReportedInTheOrderTheyBecameHot() {
        TestContext ctx = traced().set("segment.hotThreshold", "4");
        CallSim sim = Frames.onBoundary(ctx);
        for (int i = 0; i < 3; i++) {
            sim.call(LEAF, 9);
            sim.ret();
        }
        sim.call(SEG, 5);
        for (int i = 0; i < 2; i++) {
            sim.call(MID, 11);
            sim.ret();
        }
        sim.unwind();
        sim.strategy.release(ctx, sim.stack);
        sim.strategy.runEnded(ctx);
        assertEquals(List.of("stack: hot split at prog.go:1009 in main.f4: 6 segment switches",
                "stack: hot split at prog.go:1011 in main.f5: 4 segment switches"), hotLines(ctx));
        assertEquals(2, ctx.counter("stack.hotSplits"));
    }

    @Test
    void everyPolicyCountsTheSameSwitches() {
        for (String policy : List.of("none", "one", "peak")) {
            TestContext ctx = loop(Frames.context().set("segment.cache", policy), 1000);
            assertEquals(2000, ctx.counter("stack.segmentSwitches"), policy);
            assertEquals(1, ctx.counter("stack.hotSplits"), policy);
        }
    }

    @Test
    void anInvalidThresholdIsAClearError() {
        for (String bad : List.of("0", "-3", "many")) {
            TestContext ctx = Frames.context().set("segment.hotThreshold", bad);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new SegmentedStrategy().newStack(ctx, 1));
            assertEquals("invalid number for segment.hotThreshold: '" + bad
                    + "' (a positive count of segment switches)", e.getMessage());
        }
    }

    @Test
    void theEntryFrameIsNoCallSite() {
        TestContext ctx = Frames.context().set("segment.hotThreshold", "1");
        ctx.stress.add("split-call");
        CallSim sim = Frames.sim(ctx);
        sim.enter(MAIN);
        sim.unwind();
        sim.strategy.release(ctx, sim.stack);
        sim.strategy.runEnded(ctx);
        assertEquals(0, ctx.counter("stack.hotSplits"));
    }
}
