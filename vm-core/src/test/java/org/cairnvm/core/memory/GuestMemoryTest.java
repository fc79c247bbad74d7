package org.cairnvm.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import org.cairnvm.core.code.Image;
import org.cairnvm.spi.AddressSpace;
import org.cairnvm.spi.Region;
import org.cairnvm.spi.RegionKind;
import org.junit.jupiter.api.Test;

class GuestMemoryTest {
    @Test
    void reservedRegionsStartInTheArenaAndAreWordAddressable() {
        GuestMemory mem = new GuestMemory();
        Region a = mem.reserve(2048, RegionKind.HEAP, "h1");
        Region b = mem.reserve(10_000, RegionKind.STACK, "g2");
        assertEquals(GuestMemory.ARENA_START, a.base());
        assertEquals(AddressSpace.PAGE, a.size());
        assertEquals(256, a.words().length, "a 2 KiB region has exactly 2 KiB of words");
        assertEquals(3 * AddressSpace.PAGE, b.size());
        assertTrue(b.base() >= a.limit() + GuestMemory.REGION_GAP, "an unmapped gap separates regions");

        mem.store(a.base() + 8 * 7, 42);
        mem.store(b.base() + 8 * 1249, -1);
        assertEquals(42, mem.load(a.base() + 8 * 7));
        assertEquals(42, a.words()[7]);
        assertEquals(-1, mem.load(b.base() + 8 * 1249));
        assertSame(a, mem.find(a.base() + 100));
        assertSame(b, mem.find(b.limit() - 1));
        assertNull(mem.find(a.limit()));
    }

    @Test
    void pageZeroAndTheLow64KiBAreNeverMapped() {
        GuestMemory mem = new GuestMemory();
        mem.mapStatic(Image.STATIC_BASE, new long[] {7, 8});
        for (long addr : new long[] {0, 8, 0x1000, 0xfff8}) {
            MemoryFault f = assertThrows(MemoryFault.class, () -> mem.load(addr));
            assertEquals(addr, f.address());
            assertFalse(f.isWrite());
            assertFalse(f.isGuard());
            assertNull(f.region());
        }
        MemoryFault w = assertThrows(MemoryFault.class, () -> mem.store(0, 1));
        assertTrue(w.isWrite());
        assertThrows(IllegalArgumentException.class, () -> new GuestMemory().mapStatic(0x1000, new long[1]));
        assertEquals(7, mem.load(Image.STATIC_BASE));
        assertEquals(8, mem.load(Image.STATIC_BASE + 8));
    }

    @Test
    void staticWordsAreCopiedSoTheImageStaysImmutable() {
        long[] image = {1, 2, 3};
        GuestMemory mem = new GuestMemory();
        Region s = mem.mapStatic(Image.STATIC_BASE, image);
        mem.store(Image.STATIC_BASE, 99);
        assertEquals(1, image[0]);
        assertEquals(RegionKind.STATIC, s.kind());
        assertThrows(MemoryFault.class, () -> mem.load(Image.STATIC_BASE + 24), "past the last word faults");
    }

    @Test
    void guardRegionsFaultOnAnyAccessAndSaySo() {
        GuestMemory mem = new GuestMemory();
        Region g = mem.reserve(AddressSpace.PAGE, RegionKind.GUARD, "guard");
        assertEquals(0, g.words().length);
        assertSame(g, mem.find(g.base()));
        MemoryFault f = assertThrows(MemoryFault.class, () -> mem.store(g.base() + 16, 1));
        assertTrue(f.isGuard());
        assertTrue(f.isWrite());
        assertSame(g, f.region());
        assertTrue(assertThrows(MemoryFault.class, () -> mem.load(g.base())).isGuard());
    }

    @Test
    void overrunsAndMisalignedAccessesFault() {
        GuestMemory mem = new GuestMemory();
        Region a = mem.reserve(2048, RegionKind.HEAP, "h");
        mem.load(a.base()); // warm the cache so the fast path is what is tested
        MemoryFault tail = assertThrows(MemoryFault.class, () -> mem.load(a.base() + 2048));
        assertSame(a, tail.region(), "the page tail beyond the words is mapped but has no word");
        assertNull(assertThrows(MemoryFault.class, () -> mem.load(a.limit())).region());
        assertThrows(MemoryFault.class, () -> mem.load(a.base() - 8));
        assertThrows(MemoryFault.class, () -> mem.load(a.base() + 3));
        assertThrows(MemoryFault.class, () -> mem.load(-8));
    }

    @Test
    void releasedRegionsFaultAndTheirAddressesAreNotReused() {
        GuestMemory mem = new GuestMemory();
        Region a = mem.reserve(4096, RegionKind.STACK, "old");
        mem.store(a.base(), 5);
        mem.release(a);
        assertNull(mem.find(a.base()));
        assertThrows(MemoryFault.class, () -> mem.load(a.base()));
        Region b = mem.reserve(4096, RegionKind.STACK, "new");
        assertTrue(b.base() > a.limit());
        assertThrows(IllegalStateException.class, () -> mem.release(a));
        assertThrows(IllegalArgumentException.class, () -> mem.release(new GuestMemory().reserve(8, RegionKind.STACK, "x")));
    }

    @Test
    void accountingKeepsReservedAndCommittedWithTheirPeaks() {
        GuestMemory mem = new GuestMemory();
        Region a = mem.reserve(3 * 4096, RegionKind.STACK, "a");
        Region b = mem.reserve(4096, RegionKind.STACK, "b");
        assertEquals(4 * 4096, mem.reservedBytes());
        assertEquals(0, mem.committedBytes());
        mem.noteCommitted(a, 100);
        assertEquals(4096, mem.committedBytes(), "committed is whole pages");
        mem.noteCommitted(a, 50);
        assertEquals(4096, mem.committedBytes(), "a page once committed stays committed");
        mem.noteCommitted(a, 1 << 20);
        assertEquals(3 * 4096, mem.committedBytes(), "never more than reserved");
        mem.noteCommitted(b, 4096);
        assertEquals(4 * 4096, mem.committedPeakBytes());
        mem.release(a);
        assertEquals(4096, mem.reservedBytes());
        assertEquals(4096, mem.committedBytes());
        assertEquals(4 * 4096, mem.reservedPeakBytes());
        assertEquals(4 * 4096, mem.committedPeakBytes());
        mem.noteCommitted(a, 4096);
        assertEquals(4096, mem.committedBytes(), "a note for a released region is ignored");
    }

    @Test
    void touchedStackBytesFindsTheDeepestFrame() {
        GuestMemory mem = new GuestMemory();
        Region s = mem.reserve(2048, RegionKind.STACK, "s");
        assertEquals(0, GuestMemory.touchedStackBytes(s));
        s.words()[200] = 0xc0_0000_1000L; // a saved frame pointer, 56 words from the top
        assertEquals(8 * 56, GuestMemory.touchedStackBytes(s));
        assertEquals(8 * 56, mem.noteStackTouched(s));
        assertEquals(2048, mem.committedBytes(), "a small stack commits its own size, not a page");
    }

    @Test
    void smallStacksShareAPageAndAreAccountedAtTheirOwnSize() {
        GuestMemory mem = new GuestMemory();
        Region a = mem.reserve(512, RegionKind.STACK, "g1");
        Region b = mem.reserve(1000, RegionKind.STACK, "g2");
        Region big = mem.reserve(GuestMemory.SMALL_STACK_MAX + 8, RegionKind.STACK, "g3");
        assertEquals(512, a.size());
        assertEquals(1000, b.size());
        assertEquals(a.limit(), b.base(), "carved side by side from one page");
        assertEquals(0, a.base() % AddressSpace.PAGE);
        assertEquals(AddressSpace.PAGE, big.size(), "a larger stack has a page of its own");
        assertTrue(big.base() >= a.base() + AddressSpace.PAGE + GuestMemory.REGION_GAP);
        assertEquals(512 + 1000 + AddressSpace.PAGE, mem.reservedBytes());
        assertSame(a, mem.find(a.limit() - 8));
        assertSame(b, mem.find(a.limit()));
        mem.store(b.base(), 7);
        assertEquals(0, mem.load(a.limit() - 8), "neighbours do not share words");
        b.words()[0] = 1;
        mem.noteStackTouched(b);
        assertEquals(1000, mem.committedBytes());
        assertEquals(1000, mem.committedStackPeakBytes());
        mem.release(b);
        assertNull(mem.find(b.base()));
        Region c = mem.reserve(512, RegionKind.STACK, "g4");
        assertTrue(c.base() >= b.limit(), "addresses are not reused");
        assertEquals(0, mem.committedBytes());
        assertEquals(1000, mem.committedStackPeakBytes());
    }

    /** An operation of the random walk below: reserve a region of n words, or release region n. */
    record Op(boolean reserve, int n) {
    }

    @Test
    void randomReservesAndReleasesKeepEveryLiveWordAndFaultEveryDeadOne() {
        qt().withExamples(200).forAll(lists().of(integers().between(-40, 3000).map(n -> new Op(n >= 0, Math.abs(n))))
                .ofSizeBetween(1, 80)).checkAssert(ops -> {
                    GuestMemory mem = new GuestMemory();
                    List<Region> live = new ArrayList<>();
                    List<Region> dead = new ArrayList<>();
                    long reserved = 0;
                    long peak = 0;
                    for (Op op : ops) {
                        if (op.reserve()) {
                            Region r = mem.reserve(8L * (op.n() + 1), op.n() % 7 == 0 ? RegionKind.GUARD : RegionKind.HEAP,
                                    "r" + live.size());
                            if (r.words().length > 0) {
                                r.words()[r.words().length - 1] = r.base();
                                r.words()[0] = ~r.base();
                            }
                            live.add(r);
                            reserved += r.size();
                        } else if (!live.isEmpty()) {
                            Region r = live.remove(op.n() % live.size());
                            mem.release(r);
                            dead.add(r);
                            reserved -= r.size();
                        }
                        peak = Math.max(peak, reserved);
                    }
                    for (Region r : live) {
                        assertSame(r, mem.find(r.base()));
                        assertSame(r, mem.find(r.limit() - 1));
                        assertNull(mem.find(r.limit()));
                        assertNull(mem.find(r.base() - 1));
                        if (r.words().length > 0) {
                            assertEquals(r.base(), mem.load(r.base() + 8L * (r.words().length - 1)));
                            assertEquals(~r.base(), mem.load(r.base()));
                        } else {
                            assertTrue(assertThrows(MemoryFault.class, () -> mem.load(r.base())).isGuard());
                        }
                    }
                    for (Region r : dead) {
                        assertNull(mem.find(r.base()));
                        assertThrows(MemoryFault.class, () -> mem.store(r.base(), 1));
                    }
                    assertEquals(reserved, mem.reservedBytes());
                    assertEquals(peak, mem.reservedPeakBytes());
                    assertEquals(live.size(), mem.regionCount());
                });
    }
}
