package org.cairnvm.gc.conservative;

import java.util.Map;
import java.util.TreeMap;
import org.cairnvm.spi.Collector;
import org.cairnvm.spi.GcCause;
import org.cairnvm.spi.GcContext;
import org.cairnvm.spi.GcCycle;

/**
 * A conservative, non-moving mark-sweep collector in the manner of bdwgc for its roots and of
 * Mono's and WebKit's for its heap: every word of every live frame is an ambiguous root (any
 * word-aligned value that points into an allocated object, interior words included, keeps the
 * object), globals and heap objects are scanned precisely through their layouts.
 *
 * <p>Each cycle parses the space (objects and free chunks lie contiguously, see {@link
 * GcContext#FREE_LAYOUT}), marks, then sweeps eagerly: dead objects are zeroed and coalesced with
 * free chunks into gaps, and the gaps become the allocator's free runs ({@link
 * GcContext#installRuns}), so allocation stays core's pointer bump. The free tail of the space
 * joins the frontier. The next cycle is due after the live size again (Go's {@code GOGC=100}),
 * never sooner than a heap of {@link #MIN_HEAP_BYTES}.
 *
 * <p>Blacklisting as bdwgc does: a stack word that points into free memory (a free chunk, or
 * the span above the parsed space) is a false pointer the allocator must not make true, so its
 * page is kept out of the free runs for {@link #BLACKLIST_CYCLES} cycles.
 *
 * <p>The collector is stateless; the blacklist is per run ({@link GcContext#runState}) and a
 * cycle's work lives in one {@link Cycle}.
 */
public final class MarkSweepCollector implements Collector {
    /** Go's minimum heap goal: below 4 MB, doubling the live size would collect small heaps constantly. */
    static final long MIN_HEAP_BYTES = 4L << 20;
    /** Blacklist granularity: a 4 KiB page, bdwgc's heap block, so the list stays small. */
    static final int PAGE_WORDS = 512;
    /**
     * How long a page stays blacklisted: bdwgc keeps the list of the previous and the current
     * cycle, long enough for a stale stack word to be overwritten by the frame that left it.
     */
    static final int BLACKLIST_CYCLES = 2;
    /**
     * Gaps smaller than this are left as free chunks, not runs: a 3-word gap fits only the
     * smallest objects, and visiting it on the slow path costs more than it saves.
     */
    static final int MIN_RUN_WORDS = 4;
    /** How many of the largest structures held by ambiguous roots {@code --trace gc} names. */
    static final int TRACE_LARGEST = 3;
    /** Configuration key that runs a precise mark beside the conservative one. */
    static final String CROSSCHECK = "gc.crosscheck";

    @Override
    public boolean movesObjects() {
        return false;
    }

    @Override
    public boolean wantsAmbiguousRoots() {
        return true;
    }

    @Override
    public GcCycle collect(GcContext ctx, GcCause cause, long requestWords) {
        Blacklist blacklist = ctx.runState(Blacklist.class, Blacklist::new);
        // Present from the first cycle, so a run's stats show 0 rather than nothing; the false
        // retention only means something with the cross-check on.
        for (String key : new String[] {"gc.ambiguousRoots", "gc.blacklistedPages"}) {
            ctx.counters().add(key, 0);
        }
        return new Cycle(ctx, blacklist).run(requestWords);
    }

    /** Pages kept out of the free runs, with the cycle that last found a false pointer into each. */
    static final class Blacklist {
        final TreeMap<Integer, Long> pages = new TreeMap<>();
        long cycle;

        /** Drops pages not hit for {@link #BLACKLIST_CYCLES} cycles; called once per cycle. */
        void age() {
            cycle++;
            pages.values().removeIf(last -> cycle - last >= BLACKLIST_CYCLES);
        }

        /** Lists the page of word index {@code w}; true when it was not listed. */
        boolean add(int w) {
            return pages.put(w / PAGE_WORDS, cycle) == null;
        }

        /** The first listed page at or after {@code page}, or -1. */
        int next(int page) {
            Map.Entry<Integer, Long> e = pages.ceilingEntry(page);
            return e == null ? -1 : e.getKey();
        }
    }
}
