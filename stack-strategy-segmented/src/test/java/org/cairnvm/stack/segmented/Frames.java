package org.cairnvm.stack.segmented;

import java.util.Map;

/**
 * The test programs' functions and frame sizes, against 4 KiB segments (512 words):
 * {@code MAIN} plus {@code FILL} fill the base segment exactly, so any call from {@code FILL}
 * sits on the boundary; {@code SEG} fills a segment of its own; {@code BIG} needs more than one.
 */
final class Frames {
    static final int MAIN = 0;
    static final int MID = 1;
    static final int LEAF = 2;
    static final int BIG = 3;
    static final int FILL = 4;
    static final int SEG = 5;

    /** stack.initial in the tests: one page, so segment sizes are exact. */
    static final long SEGMENT_BYTES = 4096;

    static final Map<Integer, Integer> WORDS = Map.of(
            MAIN, 100,
            MID, 200,
            LEAF, 50,
            BIG, 1500,
            FILL, 412,
            SEG, 512);

    private Frames() {
    }

    static TestContext context() {
        TestContext ctx = new TestContext(WORDS::get);
        ctx.initial = SEGMENT_BYTES;
        return ctx;
    }

    static CallSim sim(TestContext ctx) {
        return sim(ctx, 1);
    }

    static CallSim sim(TestContext ctx, int goroutineId) {
        return new CallSim(new SegmentedStrategy(), ctx, WORDS, goroutineId);
    }

    /** A goroutine whose top frame ({@code FILL}) sits exactly at the bottom of the base segment. */
    static CallSim onBoundary(TestContext ctx) {
        CallSim sim = sim(ctx);
        sim.enter(MAIN);
        sim.call(FILL, 3);
        if (sim.stack.fp != sim.stack.segment.base) {
            throw new AssertionError("FILL does not end the base segment");
        }
        return sim;
    }
}
