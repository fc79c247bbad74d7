package org.cairnvm.gc.precise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.cairnvm.api.Config;
import org.cairnvm.core.memory.GuestMemory;
import org.cairnvm.core.memory.Heap;
import org.cairnvm.core.memory.Mapping;
import org.cairnvm.spi.AddressSpace;
import org.cairnvm.spi.Counters;
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
 * The collector on hand-built heaps: nodes of layout 1 ({@code left, right *Node; val int}) with
 * pointers to other nodes' starts or interior words, strings (layout 0), roots in a root region.
 */
class CheneyCollectorTest {
    static final int NODE = 1;
    static final int NODE_WORDS = 3;

    /** A heap, a root table and the GcContext a run would lend. */
    static final class World implements GcContext {
        final GuestMemory memory = new GuestMemory();
        final Heap heap = new Heap(memory, 64L << 20);
        final Region roots;
        final Map<Class<?>, Object> state = new HashMap<>();

        World(int rootCount) {
            roots = memory.reserve(8L * Math.max(rootCount, 1), RegionKind.STACK, "roots");
        }

        long node(long left, long right, long val) {
            long p = heap.allocate(NODE, NODE_WORDS);
            store(p, left);
            store(p + 8, right);
            store(p + 16, val);
            return p;
        }

        long string(long len) {
            long p = heap.allocate(0, 1 + (len + 7) / 8);
            store(p, len);
            return p;
        }

        long load(long a) {
            return heap.contains(a) ? heap.words()[(int) ((a - heap.base()) >>> 3)] : memory.load(a);
        }

        void store(long a, long v) {
            heap.words()[(int) ((a - heap.base()) >>> 3)] = v;
        }

        long root(int i) {
            return memory.load(roots.base() + 8L * i);
        }

        void setRoot(int i, long v) {
            memory.store(roots.base() + 8L * i, v);
        }

        GcCycle collect() {
            return new CheneyCollector().collect(this, GcCause.EXPLICIT, 0);
        }

        @Override public AddressSpace memory() { return memory; }
        @Override public Counters counters() { return null; }
        @Override public Trace trace() { return null; }
        @Override public Config config() { return Config.defaults(); }
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
            for (long a = roots.base(); a < roots.base() + roots.words().length * 8L; a += 8) {
                v.visit(a);
            }
        }
        @Override public void ambiguousRoots(RangeVisitor v) {
            v.visit(roots.base(), roots.base() + roots.words().length * 8L);
        }

        /** This world has roots but no frames. */
        @Override public void ambiguousFrames(org.cairnvm.spi.FrameVisitor v) {
        }

        @Override public void installRuns(long[] runs, long parsedTop, long allowanceWords) {
            throw new AssertionError("a copying collector allocates by bumping, never through free runs");
        }
    }

    @Test
    void cyclesInteriorPointersAndStringsSurviveAndGarbageGoes() {
        World w = new World(3);
        long s = w.string(11);
        long a = w.node(0, 0, 1);
        w.node(a, a, 99); // garbage: points at live objects, named by nothing
        long b = w.node(a, 0, 2);
        w.store(a, b); // a cycle a <-> b
        w.store(a + 8, s);
        w.setRoot(0, a);
        w.setRoot(1, b + 16); // interior pointer to b.val
        w.setRoot(2, Heapless.STATIC_LIKE);
        long usedBefore = w.heap.top() - w.heap.base();
        GcCycle c = w.collect();
        assertEquals(usedBefore / 8, c.wordsBefore());
        assertEquals(2 * (1 + NODE_WORDS) + 1 + 1 + 2, c.liveWords(), "a, b and the string survive; garbage does not");
        long na = w.root(0);
        long nb = w.root(1) - 16;
        assertNotEquals(a, na);
        assertEquals(1, w.load(na + 16));
        assertEquals(2, w.load(nb + 16));
        assertEquals(nb, w.load(na));
        assertEquals(na, w.load(nb));
        assertEquals(11, w.load(w.load(na + 8)));
        assertEquals(Heapless.STATIC_LIKE, w.root(2), "a word outside the heap is left alone");
    }

    /** A pointer value outside every heap space (the static region's base). */
    static final class Heapless {
        static final long STATIC_LIKE = 0x10000L;
    }

    @Test
    void randomGraphsSurviveRepeatedCollectionsIsomorphic() {
        qt().withExamples(60).forAll(integers().between(1, 300), integers().between(1, 8), longs().all())
                .checkAssert((n, collections, seed) -> {
                    Random r = new Random(seed);
                    int rootCount = 1 + r.nextInt(6);
                    World w = new World(rootCount);
                    long[] addr = new long[n];
                    int[][] edge = new int[n][2];
                    boolean[][] interior = new boolean[n][2];
                    for (int i = 0; i < n; i++) {
                        addr[i] = w.node(0, 0, i);
                        if (r.nextInt(4) == 0) {
                            w.string(r.nextInt(40)); // garbage between nodes
                        }
                    }
                    for (int i = 0; i < n; i++) {
                        for (int e = 0; e < 2; e++) {
                            edge[i][e] = r.nextInt(4) == 0 ? -1 : r.nextInt(n);
                            interior[i][e] = r.nextInt(3) == 0;
                            if (edge[i][e] >= 0) {
                                w.store(addr[i] + 8L * e, addr[edge[i][e]] + (interior[i][e] ? 16 : 0));
                            }
                        }
                    }
                    int[] rootNode = new int[rootCount];
                    for (int k = 0; k < rootCount; k++) {
                        rootNode[k] = r.nextInt(n + 1) - 1;
                        w.setRoot(k, rootNode[k] < 0 ? 0 : addr[rootNode[k]]);
                    }
                    boolean[] reach = new boolean[n];
                    ArrayDeque<Integer> q = new ArrayDeque<>();
                    for (int k : rootNode) {
                        if (k >= 0 && !reach[k]) {
                            reach[k] = true;
                            q.add(k);
                        }
                    }
                    int live = 0;
                    while (!q.isEmpty()) {
                        int i = q.poll();
                        live++;
                        for (int t : edge[i]) {
                            if (t >= 0 && !reach[t]) {
                                reach[t] = true;
                                q.add(t);
                            }
                        }
                    }
                    for (int c = 0; c < collections; c++) {
                        GcCycle cycle = w.collect();
                        assertEquals(live * (1L + NODE_WORDS), cycle.liveWords(), "exactly the reachable nodes survive");
                        // Isomorphic: from each root, the same values and edges (interior offsets kept).
                        Map<Integer, Long> at = new HashMap<>();
                        for (int k = 0; k < rootCount; k++) {
                            long p = w.root(k);
                            if (rootNode[k] < 0) {
                                assertEquals(0, p);
                                continue;
                            }
                            ArrayDeque<long[]> work = new ArrayDeque<>();
                            work.add(new long[] {rootNode[k], p});
                            while (!work.isEmpty()) {
                                long[] item = work.poll();
                                int i = (int) item[0];
                                long pa = item[1];
                                assertEquals(i, w.load(pa + 16), "node value");
                                Long seen = at.putIfAbsent(i, pa);
                                if (seen != null) {
                                    assertEquals((long) seen, pa, "one copy per object");
                                    continue;
                                }
                                for (int e = 0; e < 2; e++) {
                                    long v = w.load(pa + 8L * e);
                                    if (edge[i][e] < 0) {
                                        assertEquals(0, v);
                                    } else {
                                        work.add(new long[] {edge[i][e], v - (interior[i][e] ? 16 : 0)});
                                    }
                                }
                            }
                        }
                    }
                });
    }
}
