package org.cairnvm.gc.conservative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.cairnvm.api.Config;
import org.cairnvm.core.memory.GuestMemory;
import org.cairnvm.core.memory.Heap;
import org.cairnvm.core.memory.Mapping;
import org.cairnvm.spi.AddressSpace;
import org.cairnvm.spi.Counters;
import org.cairnvm.spi.Frame;
import org.cairnvm.spi.FrameVisitor;
import org.cairnvm.spi.GcCause;
import org.cairnvm.spi.GcContext;
import org.cairnvm.spi.GcCycle;
import org.cairnvm.spi.RangeVisitor;
import org.cairnvm.spi.Region;
import org.cairnvm.spi.RegionKind;
import org.cairnvm.spi.RootVisitor;
import org.cairnvm.spi.Trace;
import org.junit.jupiter.api.Test;

/**
 * The collector on hand-built heaps: nodes of layout 1 ({@code left, right *Node; val int}), one
 * frame of ambiguous words, and a set of those words the "stack map" calls exact.
 */
class MarkSweepCollectorTest {
    static final int NODE = 1;
    static final int NODE_WORDS = 3;

    /** A heap, one frame and the GcContext a run would lend. */
    static final class World implements GcContext {
        final GuestMemory memory = new GuestMemory();
        final Heap heap = new Heap(memory, 64L << 20);
        final Region frame;
        final int frameWords;
        final int[] exact;
        final Map<Class<?>, Object> state = new HashMap<>();
        final Map<String, Long> counts = new TreeMap<>();
        final Config config;

        World(int frameWords, int[] exact, boolean crossCheck) {
            this.frameWords = frameWords;
            this.exact = exact;
            frame = memory.reserve(8L * frameWords, RegionKind.STACK, "frame");
            config = crossCheck ? Config.defaults().with(MarkSweepCollector.CROSSCHECK, "true") : Config.defaults();
        }

        long node(long left, long right, long val) {
            long p = heap.allocate(NODE, NODE_WORDS);
            store(p, left);
            store(p + 8, right);
            store(p + 16, val);
            return p;
        }

        long load(long a) {
            return heap.words()[(int) ((a - heap.base()) >>> 3)];
        }

        void store(long a, long v) {
            heap.words()[(int) ((a - heap.base()) >>> 3)] = v;
        }

        void setSlot(int i, long v) {
            memory.store(frame.base() + 8L * i, v);
        }

        GcCycle collect() {
            return new MarkSweepCollector().collect(this, GcCause.EXPLICIT, 0);
        }

        @Override public AddressSpace memory() { return memory; }
        @Override public Counters counters() {
            return new Counters() {
                @Override public void add(String key, long delta) { counts.merge(key, delta, Long::sum); }
                @Override public void max(String key, long value) { counts.merge(key, value, Math::max); }
                @Override public long get(String key) { return counts.getOrDefault(key, 0L); }
            };
        }
        @Override public Trace trace() {
            return new Trace() {
                @Override public boolean enabled(String category) { return false; }
                @Override public void line(String category, String text) { }
            };
        }
        @Override public Config config() { return config; }
        @Override public <T> T runState(Class<T> type, Supplier<T> create) {
            return type.cast(state.computeIfAbsent(type, t -> create.get()));
        }
        @Override public long heapMaxBytes() { return heap.maxBytes(); }
        @Override public Region space() { return heap.space(); }
        @Override public long spaceTop() { return heap.top(); }
        @Override public Region reserveSpace(long initialBytes, long spanBytes) {
            return heap.reserveSpace(initialBytes, spanBytes);
        }
        @Override public void installSpace(Region region, long top, long limit) {
            heap.install((Mapping) region, top, limit);
        }
        @Override public int unitWords(int layoutId) { return layoutId == NODE ? NODE_WORDS : 0; }
        @Override public int[] pointerOffsets(int layoutId) { return layoutId == NODE ? new int[] {0, 1} : new int[0]; }
        @Override public void exactRoots(RootVisitor v) {
            for (int slot : exact) {
                v.visit(frame.base() + 8L * slot);
            }
        }
        @Override public void ambiguousRoots(RangeVisitor v) {
            v.visit(frame.base(), frame.base() + 8L * frameWords);
        }
        @Override public void ambiguousFrames(FrameVisitor v) {
            v.visit(new Frame() {
                @Override public long fp() { return frame.base(); }
                @Override public int functionIndex() { return 0; }
                @Override public String functionName() { return "main.main"; }
                @Override public int pc() { return 0; }
                @Override public int line() { return 1; }
                @Override public String file() { return "prog.go"; }
                @Override public int frameWords() { return frameWords; }
                @Override public int[] pointerSlots() { return exact; }
            });
        }
        @Override public void installRuns(long[] runs, long parsedTop, long allowanceWords) {
            int[] idx = new int[runs.length];
            for (int i = 0; i < runs.length; i++) {
                idx[i] = (int) ((runs[i] - heap.base()) >>> 3);
            }
            heap.installRuns(idx, (int) ((parsedTop - heap.base()) >>> 3), allowanceWords);
        }
    }

    @Test
    void anInteriorWordKeepsItsObjectAndWhatItReachesNothingMoves() {
        World w = new World(2, new int[0], false);
        long a = w.node(0, 0, 1);
        long garbage = w.node(a, a, 99);
        long b = w.node(a, 0, 2);
        w.node(0, 0, 3); // keeps the garbage's gap below the frontier
        w.setSlot(0, b + 16); // interior pointer to b.val
        w.setSlot(1, 12345); // an integer, not an address
        GcCycle c = w.collect();
        assertEquals(4 * (1 + NODE_WORDS), c.wordsBefore());
        assertEquals(2 * (1 + NODE_WORDS), c.liveWords(), "b and a survive");
        assertEquals(0, c.wordsMoved());
        assertEquals(2, w.load(b + 16));
        assertEquals(a, w.load(b));
        assertEquals(1, w.counts.get("gc.ambiguousRoots"));
        assertEquals(garbage, w.heap.allocate(NODE, NODE_WORDS), "the garbage's words are reused first");
        assertEquals(0, w.load(garbage + 16), "and handed out zeroed");
    }

    @Test
    void aFalsePointerIntoFreeMemoryBlacklistsItsPage() {
        World w = new World(1, new int[0], false);
        long garbage = w.node(0, 0, 7);
        w.node(0, 0, 8);
        w.collect(); // all garbage: the space is one free run from its base
        w.setSlot(0, garbage); // now a stale word pointing into free memory
        w.collect();
        assertEquals(1, w.counts.get("gc.blacklistedPages"));
        long p = w.heap.allocate(NODE, NODE_WORDS);
        assertNotEquals(garbage, p, "the allocator stays off the blacklisted page");
        assertEquals(MarkSweepCollector.PAGE_WORDS + 1, (p - w.heap.base()) >>> 3, "the next page's first object");
    }

    @Test
    void theCrossCheckCountsWordsOnlyAmbiguousRootsKeep() {
        World w = new World(2, new int[] {0}, true);
        long kept = w.node(0, 0, 1);
        long falselyKept = w.node(0, 0, 2);
        w.setSlot(0, kept);
        w.setSlot(1, falselyKept); // a slot the stack map says is dead
        GcCycle c = w.collect();
        assertEquals(2 * (1 + NODE_WORDS), c.liveWords());
        assertEquals(1 + NODE_WORDS, w.counts.get("gc.falseRetainedWords"));
    }
}
