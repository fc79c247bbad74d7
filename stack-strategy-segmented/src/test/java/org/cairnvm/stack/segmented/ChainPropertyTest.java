package org.cairnvm.stack.segmented;

import static org.cairnvm.stack.segmented.Frames.BIG;
import static org.cairnvm.stack.segmented.Frames.FILL;
import static org.cairnvm.stack.segmented.Frames.LEAF;
import static org.cairnvm.stack.segmented.Frames.MAIN;
import static org.cairnvm.stack.segmented.Frames.MID;
import static org.cairnvm.stack.segmented.Frames.SEG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.cairnvm.spi.OverflowEvent;
import org.junit.jupiter.api.Test;

/**
 * Random call and return sequences under every policy, with and without {@code split-call}, and
 * a stack limit small enough to be hit: no live frame is ever moved, clobbered or freed, the
 * walker always sees the whole chain, the linked total never passes {@code stack.max}, spares
 * stay within the policy's bound, and every segment reserved is released in the end.
 */
class ChainPropertyTest {
    /** Small enough that deep sequences overflow: a base, a big segment and a few standard ones. */
    private static final long MAX = 16 * 4096;

    private static final int[] CALLEES = {LEAF, LEAF, LEAF, MID, MID, SEG, FILL, BIG};

    @Test
    void randomCallSequencesKeepTheChainSound() {
        qt().withExamples(300).forAll(
                integers().between(0, CachePolicy.values().length - 1),
                booleans().all(),
                lists().of(integers().between(0, 99)).ofSizeBetween(1, 400))
                .checkAssert((policyIndex, splitCall, ops) -> run(CachePolicy.values()[policyIndex], splitCall, ops));
    }

    private static void run(CachePolicy policy, boolean splitCall, List<Integer> ops) {
        TestContext ctx = Frames.context().set("segment.cache", policy.configName());
        ctx.max = MAX;
        if (splitCall) {
            ctx.stress.add("split-call");
        }
        CallSim sim = Frames.sim(ctx);
        SegmentChain chain = (SegmentChain) sim.stack.strategyState;
        sim.enter(MAIN);
        boolean overflowed = false;
        for (int op : ops) {
            try {
                if (op < 40 && sim.depth() > 1) {
                    sim.ret();
                } else if (op < 45) {
                    sim.strategy.shrink(ctx, sim.stack);
                } else {
                    sim.call(CALLEES[op % CALLEES.length], op);
                }
            } catch (TestContext.Overflow o) {
                assertEquals(OverflowEvent.Limit.MAX_STACK, o.event.limit());
                assertTrue(o.event.stackBytes() <= MAX);
                overflowed = true;
                break;
            }
            sim.check();
            assertTrue(chain.linkedBytes() <= MAX);
            assertTrue(chain.spareCount() <= policy.maxSpares());
            assertSame(chain.current(), sim.stack.segment);
            assertEquals(splitCall ? sim.stack.segment.words.length : 0, sim.stack.segment.guard);
        }
        if (!overflowed) {
            sim.unwindTo(1);
            assertEquals(1, chain.linkedCount(), "back in the entry frame, only the base is linked");
            sim.check();
        }
        sim.strategy.release(ctx, sim.stack);
        sim.strategy.runEnded(ctx);
        assertEquals(0, ctx.memory.liveRegions());
        assertEquals(ctx.counter("stack.segmentsAllocated"), ctx.counter("stack.segmentsFreed"));
        assertEquals(ctx.counter("stack.segmentsAllocated") + ctx.counter("stack.segmentsReused") - 1,
                ctx.counter("stack.growths"), "every growth links a new or a spare segment");
        assertTrue(ctx.counter("stack.peakBytes") <= MAX);
    }
}
