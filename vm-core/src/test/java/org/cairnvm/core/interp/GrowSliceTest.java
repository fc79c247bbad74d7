package org.cairnvm.core.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slice growth against what Go 1.19 prints (sequences recorded with {@code go run}). */
class GrowSliceTest {
    /** Capacities seen while appending one element at a time, from an empty slice. */
    static List<Long> capacities(long elemBytes, int appends) {
        List<Long> seen = new ArrayList<>();
        long cap = 0;
        for (long len = 0; len < appends; len++) {
            if (len + 1 > cap) {
                cap = GrowSlice.newCap(cap, len + 1, elemBytes);
                seen.add(cap);
            }
        }
        return seen;
    }

    @Test
    void intsGrowAsGo() {
        // for i := 0; i < 2000; i++ { s = append(s, i) } printing cap(s) when it changes
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 848L, 1280L, 1792L, 2560L),
                capacities(8, 2000));
    }

    @Test
    void threeWordElementsGrowAsGo() {
        // the same with [3]int elements, 300 appends
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L), capacities(24, 300));
    }

    @Test
    void appendingManyAtOnceRoundsToASizeClass() {
        // append([]int{1, 2, 3}, 4, 5, 6, 7, 8, 9, 10): cap 10 (80 bytes is a size class)
        assertEquals(10, GrowSlice.newCap(3, 10, 8));
        // 11 ints need 88 bytes; the next class is 96
        assertEquals(12, GrowSlice.newCap(3, 11, 8));
        // zero-size elements take exactly what is needed
        assertEquals(7, GrowSlice.newCap(2, 7, 0));
        assertEquals(-1, GrowSlice.newCap(5, 4, 8));
        assertEquals(-1, GrowSlice.newCap(1, 1L << 60, 8));
    }

    @Test
    void roundupsizeIsTheSmallestClassThatFits() {
        assertEquals(8, GrowSlice.roundupsize(1));
        assertEquals(48, GrowSlice.roundupsize(33));
        assertEquals(1024, GrowSlice.roundupsize(1017));
        assertEquals(1152, GrowSlice.roundupsize(1025));
        assertEquals(32768, GrowSlice.roundupsize(32768));
        assertEquals(40960, GrowSlice.roundupsize(32769));
        qt().forAll(integers().between(1, 32768)).check(size -> {
            long r = GrowSlice.roundupsize(size);
            return r >= size && r % 8 == 0 && GrowSlice.roundupsize(r) == r;
        });
    }

    @Test
    void makesliceChecksInGosOrder() {
        assertEquals(null, GrowSlice.makesliceError(3, 5, 8));
        assertEquals("makeslice: len out of range", GrowSlice.makesliceError(-1, 5, 8));
        assertEquals("makeslice: cap out of range", GrowSlice.makesliceError(6, 5, 8));
        assertEquals("makeslice: len out of range", GrowSlice.makesliceError(1L << 46, 1L << 46, 8));
        assertEquals("makeslice: cap out of range", GrowSlice.makesliceError(1, 1L << 46, 8));
    }

    @Test
    void boundsWording() {
        assertEquals("index out of range [5] with length 3", Bounds.INDEX.message(5, 3));
        assertEquals("index out of range [-1]", Bounds.INDEX.message(-1, 3));
        assertEquals("slice bounds out of range [::7] with capacity 5", Bounds.SLICE3_ACAP.message(7, 5));
    }
}
