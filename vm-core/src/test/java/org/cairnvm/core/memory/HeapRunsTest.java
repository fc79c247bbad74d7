package org.cairnvm.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cairnvm.core.code.Layout;
import org.cairnvm.spi.GcContext;
import org.junit.jupiter.api.Test;

/** The heap's run mode, which a non-moving collector drives through {@code GcContext.installRuns}. */
class HeapRunsTest {
    private static final int NODE = 1;

    /** A heap with {@code words} words of one-word objects, then two runs: a hole and the frontier. */
    private static Heap heapWithHole(int words, int holeFrom, int holeTo, long allowance) {
        Heap heap = new Heap(new GuestMemory(), 1 << 20);
        for (int i = 0; i < words; i++) {
            heap.allocate(NODE, 0);
        }
        long[] w = heap.words();
        for (int i = holeFrom; i < holeTo; i++) {
            w[i] = 0;
        }
        w[holeFrom] = Layout.header(GcContext.FREE_LAYOUT, holeTo - holeFrom - 1);
        heap.installRuns(new int[] {holeFrom, holeTo, words, (1 << 20) / 8}, words, allowance);
        return heap;
    }

    @Test
    void allocationBumpsThroughAHoleThenTheFrontier() {
        Heap heap = heapWithHole(40, 10, 20, 1000);
        assertEquals(heap.base() + 8 * 40, heap.top(), "the parsed space ends at the high-water mark");
        long p = heap.allocate(NODE, 3);
        assertEquals(heap.base() + 8 * 11, p, "the first object goes at the hole's start");
        long q = heap.allocate(NODE, 7);
        assertEquals(heap.base() + 8 * 41, q, "an object too big for the hole's rest goes to the frontier");
        long[] w = heap.words();
        assertEquals(Layout.header(GcContext.FREE_LAYOUT, 5), w[14], "the abandoned rest is a free chunk");
        assertEquals(heap.base() + 8 * 48, heap.top());
        assertEquals(40 + 4 + 8, heap.wordsAllocated());
    }

    @Test
    void theAllowanceTriggersTheNextCollection() {
        Heap heap = heapWithHole(40, 10, 30, 12);
        int[] collections = {0};
        heap.attach((request, stress) -> {
            collections[0]++;
            int top = (int) ((heap.top() - heap.base()) >>> 3);
            heap.installRuns(new int[] {top, (1 << 20) / 8}, top, 1000);
        }, false, 1000);
        heap.installRuns(new int[] {10, 30, 40, (1 << 20) / 8}, 40, 12);
        for (int i = 0; i < 3; i++) {
            heap.allocate(NODE, 3);
        }
        assertEquals(0, collections[0], "12 words fit the allowance");
        heap.allocate(NODE, 3);
        assertEquals(1, collections[0], "the 13th word is past it");
    }

    @Test
    void aRunBeyondTheBackingGrowsIt() {
        Heap heap = heapWithHole(40, 10, 20, 1 << 20);
        int far = 4 * Heap.INITIAL_WORDS;
        heap.installRuns(new int[] {40, 100, far, (1 << 20) / 8}, 40, 1 << 20);
        long p = heap.allocate(NODE, 70);
        assertEquals(heap.base() + 8L * (far + 1), p, "the frontier's first piece is too small");
        assertEquals(heap.base() + 8L * (far + 71), heap.top());
        assertEquals(Layout.header(GcContext.FREE_LAYOUT, 59), heap.words()[40], "the first piece is a free chunk");
        heap.words()[(int) ((p - heap.base()) >>> 3) + 69] = 7;
    }
}
