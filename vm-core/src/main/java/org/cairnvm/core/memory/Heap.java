package org.cairnvm.core.memory;

import org.cairnvm.core.code.Layout;
import org.cairnvm.spi.Region;
import org.cairnvm.spi.RegionKind;

/**
 * The guest heap: one region, bump-allocated. An object is a header word
 * ({@link Layout#header}) followed by its payload; {@link #allocate} returns the payload's address.
 *
 * <p>Invariants: words at and above {@link #top} are zero, so a new object's payload needs no
 * clearing (fresh backing arrays are zero, and the bump pointer only moves up). The region's
 * address span is {@code heap.max}, set aside at creation, so the backing can double in place and
 * every pointer into the heap stays valid; the interpreter re-reads {@link #words()} after each
 * allocation. The whole state is the region and the bump index, so a collector can later empty
 * the region or swap in a to-space by resetting these two (and clearing what it frees, to keep
 * the zero invariant).
 *
 * <p>The fast path of {@link #allocate} is one comparison and allocates nothing on the Java heap.
 * Its limit is the end of the last committed page, so crossing into a new page takes the slow
 * path, which accounts the page as committed: committed bytes follow the bump pointer exactly.
 */
public final class Heap {
    /** What the heap calls when a request does not fit its space (or at every request under stress). */
    public interface Refill {
        /** Collects; afterwards the space installed with {@link #install} should fit {@code requestWords}. */
        void collect(long requestWords, boolean stress);
    }

    /**
     * First backing: 64 KiB. Small programs stay small, and doubling from here reaches 1 GiB in 14
     * steps, whose copies cost about as much as the allocations themselves.
     */
    static final int INITIAL_WORDS = 8192;

    private final GuestMemory memory;
    private Mapping region;
    private long base;
    private final long maxWords;
    private long[] words;
    /** Word index of the next free word. */
    private int top;
    /** Allocations ending at or below this index take the fast path: min(backing, committed pages). */
    private int fastLimit;
    /** With a collector: the space's end, where the next collection is triggered; else {@code maxWords}. */
    private long limit;
    private Refill refill;
    private boolean stress;
    /** Words allocated over the run, headers included, across collections. */
    private long allocatedBefore;

    /** A heap of at most {@code maxBytes}, headers included. */
    public Heap(GuestMemory memory, long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("negative heap size: " + maxBytes);
        }
        this.memory = memory;
        this.maxWords = Math.min(maxBytes >>> 3, GuestMemory.MAX_WORDS);
        this.region = memory.reserveGrowable(8 * maxWords, (int) Math.min(INITIAL_WORDS, maxWords),
                RegionKind.HEAP, "heap");
        this.base = region.base();
        this.words = region.words;
        this.limit = maxWords;
    }

    /**
     * Hands the slow path to a collector: from now on a request beyond {@code limit} (or every
     * request, under {@code stress}) calls {@code refill} first.
     */
    public void attach(Refill refill, boolean stress, long initialLimitWords) {
        this.refill = refill;
        this.stress = stress;
        this.limit = Math.min(maxWords, initialLimitWords);
        fastLimit = stress ? 0 : (int) Math.min(fastLimit, limit);
    }

    /**
     * Installs a collector's new space: objects in {@code [base, top)}, allocation up to {@code
     * limit} (addresses). The region must be a growable heap region of this memory.
     */
    public void install(Mapping space, long topAddress, long limitAddress) {
        allocatedBefore += top;
        region = space;
        base = space.base();
        words = space.words;
        top = (int) ((topAddress - base) >>> 3);
        allocatedBefore -= top;
        limit = Math.min(maxWords, (limitAddress - base) >>> 3);
        if (top > 0) {
            memory.noteCommitted(region, 8L * top);
        }
        long committedEnd = GuestMemory.pageRound(8L * top) >>> 3;
        fastLimit = stress ? 0 : (int) Math.min(Math.min(words.length, committedEnd), limit);
    }

    /** A collection asked for by the program ({@code runtime.GC()}); false when no collector is attached. */
    public boolean collectNow() {
        if (refill == null) {
            return false;
        }
        refill.collect(0, false);
        return true;
    }

    /**
     * Allocates a zeroed object of {@code payloadWords} words with the given layout.
     *
     * @return the address of the payload (the word after the header)
     * @throws OutOfMemory when the object would take the heap past its maximum
     */
    public long allocate(int layoutId, long payloadWords) {
        int t = top;
        if (payloadWords < 0 || payloadWords >= fastLimit - t) {
            return allocateSlow(layoutId, payloadWords);
        }
        words[t] = Layout.header(layoutId, payloadWords);
        top = t + 1 + (int) payloadWords;
        return base + 8L * (t + 1);
    }

    private long allocateSlow(int layoutId, long payloadWords) {
        if (payloadWords < 0) {
            throw new IllegalArgumentException("negative object size: " + payloadWords);
        }
        long end = top + 1 + payloadWords;
        if (refill != null && 1 + payloadWords <= maxWords && (stress || end > limit)) {
            refill.collect(1 + payloadWords, stress);
            end = top + 1 + payloadWords;
            if (end > limit) {
                throw new OutOfMemory("heap of " + (8 * maxWords) + " bytes cannot hold " + (8 * (payloadWords + 1))
                        + " more", 8 * (payloadWords + 1));
            }
        }
        if (end > maxWords) {
            throw new OutOfMemory("heap of " + (8 * maxWords) + " bytes cannot hold " + (8 * (payloadWords + 1))
                    + " more", 8 * (payloadWords + 1));
        }
        if (end > words.length) {
            long n = words.length;
            while (n < end) {
                n = Math.min(2 * n, Math.min(maxWords, region.span() >>> 3));
            }
            memory.grow(region, (int) n);
            words = region.words;
        }
        memory.noteCommitted(region, 8 * end);
        long committedEnd = GuestMemory.pageRound(8 * end) >>> 3;
        fastLimit = stress && refill != null ? 0 : (int) Math.min(Math.min(words.length, committedEnd), limit);
        int t = top;
        words[t] = Layout.header(layoutId, payloadWords);
        top = (int) end;
        return base + 8L * (t + 1);
    }

    /** The heap region. */
    public Region region() {
        return region;
    }

    /** Address of the first word of the heap (the first object's header). */
    public long base() {
        return base;
    }

    /** Address of the next free word: the heap's objects lie in {@code [base, top)}. */
    public long top() {
        return base + 8L * top;
    }

    /** Whether an address lies inside an allocated part of the heap. */
    public boolean contains(long address) {
        return address >= base && address < base + 8L * top;
    }

    /** The current backing words; {@code words()[i]} is the word at {@code base + 8*i}. Replaced when the heap grows. */
    public long[] words() {
        return words;
    }

    /** Words allocated over the run, headers included (collections do not lower it). */
    public long wordsAllocated() {
        return allocatedBefore + top;
    }

    /**
     * A fresh growable heap region for a collector's to-space: {@code initialBytes} backed now,
     * room to grow in place to {@code spanBytes}.
     */
    public Mapping reserveSpace(long initialBytes, long spanBytes) {
        long words = Math.max(1, Math.min((initialBytes + 7) >>> 3, maxWords));
        return memory.reserveGrowable(Math.max(spanBytes, 8 * words), (int) words, RegionKind.HEAP, "heap");
    }

    /** The heap's current region. */
    public Mapping space() {
        return region;
    }

    /** The maximum size in bytes, as configured ({@code heap.max}) and capped by what one region can back. */
    public long maxBytes() {
        return 8 * maxWords;
    }

    /** Gives the region back to the address space at the end of a run. */
    public void release() {
        if (region.isLive()) {
            memory.release(region);
        }
    }
}
