package org.cairnvm.core.memory;

import org.cairnvm.core.code.Layout;
import org.cairnvm.spi.GcContext;
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
 *
 * <p>Run mode ({@link #installRuns}, for a non-moving collector): the space keeps its objects in
 * place and the collector hands over its free gaps as runs. The fast path is unchanged, a bump
 * within the current run; the slow path moves to the next run that fits, writing a free-chunk
 * header ({@link GcContext#FREE_LAYOUT}) over the rest of the run it leaves so the collector can
 * still parse the space. The collection trigger is then an allowance of words to allocate, not
 * an address: it is charged on the slow path for what the fast path bumped, and caps the fast
 * path's limit so an allowance running out lands in the slow path.
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
    /** Run mode: free runs as word-index pairs {@code [from, to)}, ascending; null in bump mode. */
    private int[] runs;
    /** Run mode: the pair index of the run being bumped through. */
    private int run;
    /** Run mode: the end of the parsed part below the frontier; {@link #top()} is at least this. */
    private int highWater;
    /** Run mode: words that may still be allocated before the next collection, as of {@link #chargedFrom}. */
    private long allowance;
    /** Run mode: the bump index when {@link #allowance} was last charged. */
    private int chargedFrom;

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
        runs = null;
        highWater = 0;
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

    /**
     * Switches to run mode over the current space: allocation bumps through {@code runs} (word-index
     * pairs, see {@link GcContext#installRuns}); objects lie in {@code [0, parsedTop)} below the
     * frontier; the next collection comes after {@code allowanceWords} more words.
     */
    public void installRuns(int[] runs, int parsedTop, long allowanceWords) {
        if (runs.length == 0 || (runs.length & 1) != 0) {
            throw new IllegalArgumentException("free runs must be a non-empty list of pairs");
        }
        this.runs = runs;
        this.run = 0;
        this.highWater = parsedTop;
        this.allowance = allowanceWords;
        this.limit = maxWords;
        if (parsedTop > 0) {
            memory.noteCommitted(region, 8L * parsedTop);
        }
        jump(runs[0]);
        runFastLimit();
    }

    /** Moves the bump pointer without allocating (to another run), keeping {@link #wordsAllocated} exact. */
    private void jump(int newTop) {
        // A run past a blacklisted page may start beyond the backing; the space's words up to the
        // bump pointer must exist, since the collector parses them and the interpreter reads them.
        ensureBacking(Math.min(newTop + 1L, maxWords));
        allocatedBefore += top - newTop;
        top = newTop;
        chargedFrom = newTop;
    }

    /** Run mode: the fast path may bump to the run's end, the backing's, the committed page's or the allowance's. */
    private void runFastLimit() {
        if (stress && refill != null) {
            fastLimit = 0;
            return;
        }
        long committedEnd = Math.max(highWater, GuestMemory.pageRound(8L * top) >>> 3);
        long lim = Math.min(Math.min(runs[2 * run + 1], words.length), committedEnd);
        fastLimit = (int) Math.max(top, Math.min(lim, top + Math.max(0, allowance)));
    }

    /** Run mode: charges the allowance with what the fast path bumped since the last charge. */
    private void charge() {
        allowance -= top - chargedFrom;
        chargedFrom = top;
    }

    /** Run mode: leaves the current run parseable by covering its unused rest with a free chunk. */
    private void retireRun() {
        int end = runs[2 * run + 1];
        boolean frontier = run == runs.length / 2 - 1 && top >= highWater;
        if (top < end && !frontier) {
            ensureBacking(top + 1L);
            words[top] = Layout.header(GcContext.FREE_LAYOUT, end - top - 1L);
        }
    }

    /** Runs a collection from the slow path, leaving the space parseable first in run mode. */
    private void collect(long requestWords, boolean stressed) {
        if (runs != null) {
            charge();
            retireRun();
        }
        refill.collect(requestWords, stressed);
    }

    /** A collection asked for by the program ({@code runtime.GC()}); false when no collector is attached. */
    public boolean collectNow() {
        if (refill == null) {
            return false;
        }
        collect(0, false);
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
        if (runs != null) {
            return allocateInRuns(layoutId, payloadWords);
        }
        long end = top + 1 + payloadWords;
        if (refill != null && 1 + payloadWords <= maxWords && (stress || end > limit)) {
            collect(1 + payloadWords, stress);
            if (runs != null) {
                return allocateInRuns(layoutId, payloadWords, true);
            }
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

    private long allocateInRuns(int layoutId, long payloadWords) {
        long need = 1 + payloadWords;
        charge();
        boolean collected = false;
        if (refill != null && need <= maxWords && (stress || need > allowance)) {
            collect(need, stress);
            collected = true;
        }
        return allocateInRuns(layoutId, payloadWords, collected);
    }

    /**
     * Run mode's slow path after the trigger check: the first run from the current one whose rest
     * fits the object, collecting once more (if not just done) when none does.
     */
    private long allocateInRuns(int layoutId, long payloadWords, boolean collected) {
        long need = 1 + payloadWords;
        while (runs != null && top + need > runs[2 * run + 1]) {
            if (run + 1 < runs.length / 2) {
                retireRun();
                run++;
                jump(runs[2 * run]);
            } else if (refill != null && !collected && need <= maxWords) {
                collect(need, stress);
                collected = true;
            } else {
                throw new OutOfMemory("heap of " + (8 * maxWords) + " bytes cannot hold " + (8 * need) + " more",
                        8 * need);
            }
        }
        if (runs == null) {
            return allocateSlow(layoutId, payloadWords);
        }
        int t = top;
        long end = t + need;
        ensureBacking(end);
        if (end > highWater) {
            memory.noteCommitted(region, 8 * end);
        }
        words[t] = Layout.header(layoutId, payloadWords);
        top = (int) end;
        charge();
        runFastLimit();
        return base + 8L * (t + 1);
    }

    /** Grows the backing in place (doubling) until it holds {@code end} words. */
    private void ensureBacking(long end) {
        if (end > words.length) {
            long n = words.length;
            while (n < end) {
                n = Math.min(2 * n, Math.min(maxWords, region.span() >>> 3));
            }
            memory.grow(region, (int) n);
            words = region.words;
        }
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
        return base + 8L * Math.max(top, highWater);
    }

    /** Whether an address lies inside an allocated part of the heap. */
    public boolean contains(long address) {
        return address >= base && address < top();
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
