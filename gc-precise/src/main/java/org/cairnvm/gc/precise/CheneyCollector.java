package org.cairnvm.gc.precise;

import org.cairnvm.spi.AddressSpace;
import org.cairnvm.spi.Collector;
import org.cairnvm.spi.GcCause;
import org.cairnvm.spi.GcContext;
import org.cairnvm.spi.GcCycle;
import org.cairnvm.spi.Region;

/**
 * Cheney's copying collector. Each cycle reserves a to-space, copies the objects the exact roots
 * reach, then scans the to-space breadth-first, copying what each copied object's pointer words
 * reach; from-space is then released whole. The next cycle is due when the heap reaches twice the
 * live size (Go's {@code GOGC=100}), but never below {@link #MIN_HEAP_BYTES}.
 *
 * <p>Interior pointers ({@code &s.f}, {@code &a[i]}, sub-slices, never one past an object, since
 * slicing to capacity 0 keeps the base pointer) are resolved through a bitmap of object starts
 * built by walking from-space's contiguous objects; a pointer moves by its object's offset.
 * Words that do not point into from-space (nil, static strings, stack addresses, function
 * values) are left alone. Stateless: everything of a cycle lives in one {@link Cycle}.
 */
public final class CheneyCollector implements Collector {
    /** Go's minimum heap goal: below 4 MB, doubling the live size would collect small heaps constantly. */
    static final long MIN_HEAP_BYTES = 4L << 20;

    @Override
    public boolean movesObjects() {
        return true;
    }

    @Override
    public boolean wantsAmbiguousRoots() {
        return false;
    }

    @Override
    public GcCycle collect(GcContext ctx, GcCause cause, long requestWords) {
        Region from = ctx.space();
        long usedWords = (ctx.spaceTop() - from.base()) >>> 3;
        long maxWords = ctx.heapMaxBytes() >>> 3;
        long need = usedWords + requestWords;
        long goalWords = Math.min(maxWords, Math.max(2 * need, MIN_HEAP_BYTES >>> 3));
        // Backed for the worst case (everything survives); its span leaves room to grow to the goal.
        Region to = ctx.reserveSpace(8 * Math.max(usedWords, 1), 8 * Math.max(need, goalWords));
        Cycle c = new Cycle(ctx, from, (int) usedWords, to);
        c.run();
        long live = c.free;
        long limit = Math.min(maxWords, Math.max(Math.max(2 * live, MIN_HEAP_BYTES >>> 3), live + requestWords));
        ctx.installSpace(to, to.base() + 8 * live, to.base() + 8 * limit);
        ctx.memory().release(from);
        return new GcCycle(usedWords, live, live);
    }

    /** One collection's state. */
    static final class Cycle {
        /** Marks a from-space header as forwarded; the low bits are the copy's word index in to-space. */
        private static final long FORWARDED = Long.MIN_VALUE;
        private static final long PAYLOAD_MASK = 0xFFFF_FFFFL;

        private final GcContext ctx;
        private final long fromBase;
        private final long[] fromWords;
        private final int used;
        private final long toBase;
        private final long[] toWords;
        /** Bit h set: an object's header is at from-space word h. */
        private final long[] starts;
        int free;

        Cycle(GcContext ctx, Region from, int used, Region to) {
            this.ctx = ctx;
            this.fromBase = from.base();
            this.fromWords = from.words();
            this.used = used;
            this.toBase = to.base();
            this.toWords = to.words();
            this.starts = new long[(used >>> 6) + 1];
            for (int h = 0; h < used; h += 1 + (int) (fromWords[h] & PAYLOAD_MASK)) {
                starts[h >>> 6] |= 1L << h;
            }
        }

        void run() {
            AddressSpace mem = ctx.memory();
            ctx.exactRoots(slot -> {
                long v = mem.load(slot);
                long nv = forward(v);
                if (nv != v) {
                    mem.store(slot, nv);
                }
            });
            long[] to = toWords;
            int scan = 0;
            while (scan < free) {
                long header = to[scan];
                int layout = (int) (header >>> 32);
                int n = (int) (header & PAYLOAD_MASK);
                int unit = ctx.unitWords(layout);
                int[] offsets = ctx.pointerOffsets(layout);
                int end = scan + 1 + n;
                if (unit > 0 && offsets.length > 0) {
                    for (int u = scan + 1; u < end; u += unit) {
                        for (int off : offsets) {
                            int i = u + off;
                            if (i < end) {
                                to[i] = forward(to[i]);
                            }
                        }
                    }
                }
                scan = end;
            }
        }

        /** The new value of a pointer word: moved by its object's offset if it points into from-space. */
        long forward(long v) {
            long off = v - fromBase;
            if (off < 8 || off >= 8L * used) {
                return v;
            }
            int h = objectAt((int) ((off >>> 3) - 1));
            long header = fromWords[h];
            int copy;
            if (header < 0) {
                copy = (int) (header & ~FORWARDED);
            } else {
                int words = 1 + (int) (header & PAYLOAD_MASK);
                copy = free;
                System.arraycopy(fromWords, h, toWords, copy, words);
                free += words;
                fromWords[h] = FORWARDED | copy;
            }
            return toBase + 8L * copy + (off - 8L * h);
        }

        /** The header index of the object holding word {@code i}: the last start at or before it. */
        private int objectAt(int i) {
            int wi = i >>> 6;
            long word = starts[wi] & (-1L >>> (63 - (i & 63)));
            while (word == 0) {
                word = starts[--wi];
            }
            return (wi << 6) + 63 - Long.numberOfLeadingZeros(word);
        }
    }
}
