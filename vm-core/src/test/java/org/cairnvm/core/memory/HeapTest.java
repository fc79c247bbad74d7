package org.cairnvm.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import org.cairnvm.core.code.Layout;
import org.cairnvm.spi.AddressSpace;
import org.cairnvm.spi.RegionKind;
import org.junit.jupiter.api.Test;

class HeapTest {
    @Test
    void allocateWritesTheHeaderAndReturnsAZeroedPayload() {
        GuestMemory mem = new GuestMemory();
        Heap heap = new Heap(mem, 1 << 20);
        long p = heap.allocate(3, 4);
        assertEquals(heap.base() + 8, p);
        assertEquals(Layout.header(3, 4), mem.load(p - 8));
        for (int i = 0; i < 4; i++) {
            assertEquals(0, mem.load(p + 8L * i));
        }
        long q = heap.allocate(Layout.STRING, 0);
        assertEquals(p + 8 * 5, q, "objects are packed back to back");
        assertEquals(heap.top(), q);
        assertEquals(6, heap.wordsAllocated());
        assertSame(RegionKind.HEAP, heap.region().kind());
        assertSame(heap.region(), mem.find(p));
        assertTrue(heap.contains(p));
        assertTrue(!heap.contains(heap.top()));
    }

    @Test
    void backingDoublesAndOldObjectsStayAtTheirAddresses() {
        GuestMemory mem = new GuestMemory();
        Heap heap = new Heap(mem, 64L << 20);
        long[] first = heap.words();
        long p = heap.allocate(1, 1);
        mem.store(p, 1234);
        long big = heap.allocate(2, Heap.INITIAL_WORDS * 3);
        assertNotSame(first, heap.words());
        assertEquals(Heap.INITIAL_WORDS * 4, heap.words().length, "doubled twice");
        assertEquals(1234, mem.load(p));
        assertEquals(Layout.header(2, Heap.INITIAL_WORDS * 3), mem.load(big - 8));
        assertEquals(0, mem.load(big + 8L * (Heap.INITIAL_WORDS * 3 - 1)));
        assertEquals(GuestMemory.pageRound(8L * heap.words().length), heap.region().size());
    }

    @Test
    void passingTheMaximumIsOutOfMemory() {
        GuestMemory mem = new GuestMemory();
        Heap heap = new Heap(mem, 80); // ten words
        heap.allocate(1, 4);
        heap.allocate(1, 4);
        OutOfMemory oom = assertThrows(OutOfMemory.class, () -> heap.allocate(1, 0));
        assertEquals(8, oom.requestedBytes());
        assertTrue(oom.getMessage().startsWith("runtime: out of memory"));
        assertThrows(OutOfMemory.class, () -> new Heap(new GuestMemory(), 1 << 20).allocate(1, 1L << 40));
    }

    @Test
    void committedFollowsTheBumpPointerPageByPage() {
        GuestMemory mem = new GuestMemory();
        Heap heap = new Heap(mem, 1 << 20);
        assertEquals(0, mem.committedBytes());
        heap.allocate(1, 1);
        assertEquals(AddressSpace.PAGE, mem.committedBytes());
        heap.allocate(1, 509); // 512 words in all: exactly one page
        assertEquals(AddressSpace.PAGE, mem.committedBytes());
        heap.allocate(1, 0);
        assertEquals(2 * AddressSpace.PAGE, mem.committedBytes());
        heap.allocate(1, 2000);
        assertEquals(GuestMemory.pageRound(heap.top() - heap.base()), mem.committedBytes());
        assertEquals(mem.committedBytes(), mem.committedPeakBytes());
        heap.release();
        assertEquals(0, mem.committedBytes());
        assertEquals(0, mem.reservedBytes());
    }

    @Test
    void everyObjectKeepsItsHeaderAndContentsWhateverTheSizes() {
        qt().withExamples(100).forAll(lists().of(integers().between(0, 3000)).ofSizeBetween(1, 60)).checkAssert(sizes -> {
            GuestMemory mem = new GuestMemory();
            Heap heap = new Heap(mem, 64L << 20);
            List<Long> objects = new ArrayList<>();
            for (int i = 0; i < sizes.size(); i++) {
                long p = heap.allocate(i, sizes.get(i));
                for (int w = 0; w < sizes.get(i); w++) {
                    assertEquals(0, heap.words()[(int) ((p - heap.base()) >> 3) + w], "fresh payloads are zero");
                }
                if (sizes.get(i) > 0) {
                    mem.store(p, p);
                    mem.store(p + 8L * (sizes.get(i) - 1), -p);
                }
                objects.add(p);
            }
            for (int i = 0; i < sizes.size(); i++) {
                long p = objects.get(i);
                assertEquals(Layout.header(i, sizes.get(i)), mem.load(p - 8));
                if (sizes.get(i) > 0) {
                    assertEquals(sizes.get(i) == 1 ? -p : p, mem.load(p));
                    assertEquals(-p, mem.load(p + 8L * (sizes.get(i) - 1)));
                }
            }
            long words = sizes.stream().mapToLong(s -> s + 1).sum();
            assertEquals(words, heap.wordsAllocated());
            assertEquals(GuestMemory.pageRound(8 * words), mem.committedBytes());
        });
    }
}
