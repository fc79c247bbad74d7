package org.cairnvm.stack.segmented;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cairnvm.api.Config;
import org.cairnvm.spi.Counters;

/**
 * One run's accounting for segmented stacks, shared by all its goroutines (kept in
 * {@link org.cairnvm.spi.StackContext#runState}): segment counts, and segment switches per call
 * site for hot-split detection.
 *
 * <p>Counts are plain fields, flushed into the run's counters when a stack is released and when
 * the run ends: the benchmark this module exists for takes two million slow paths, and a map
 * update per event would be measured as part of the split.
 */
final class SplitLedger {
    /** The configuration key for the hot-split threshold. */
    static final Config.Key HOT_THRESHOLD = new Config.Key("segment.hotThreshold", "1000",
            "segmented stacks: segment switches after which a call site is reported as a hot split");

    /**
     * Default hot-split threshold, in switches (a split on the call and a switch back on the
     * return each count). Ordinary growth crosses each boundary once down and once back, so a
     * site reaches 1000 only in a loop (500 round trips) or in a recursion 500 segments deep
     * (at least 1 MiB of stack at the 2 KiB default, which Go programs rarely reach); a loop on a
     * boundary passes it within its first thousand iterations, long before the cost shows in
     * wall time. The report walks one frame once per site, so a lower value would cost nothing
     * but noise.
     */
    static final long DEFAULT_HOT_THRESHOLD = 1000;

    /** One call site: a function and the resume pc of one of its calls. */
    static final class Site {
        final int function;
        final int pc;
        /** Splits on the call plus switches back on the return. */
        long switches;
        /** Segments this site linked that are still linked: each will add a switch when unlinked by a return. */
        long outstanding;
        /** Go's name of the function holding the call, once walked; null before. */
        String functionName;
        /** Where the site is, {@code prog.go:12}. */
        String location;

        Site(int function, int pc) {
            this.function = function;
            this.pc = pc;
        }

        boolean named() {
            return functionName != null;
        }
    }

    final long hotThreshold;
    private final Map<Long, Site> sites = new HashMap<>();
    /** Sites in the order they were first named, which is the order they became hot: the report's order. */
    private final Map<Long, Site> namedInOrder = new LinkedHashMap<>();
    private boolean reported;
    /** The site of the previous split: a hot split is the same site again and again, so this skips the map. */
    private Site lastSite;

    long segmentsAllocated;
    long segmentsFreed;
    long segmentsReused;
    long growths;
    long switches;
    long shrinks;
    long peakBytes;

    SplitLedger(long hotThreshold) {
        this.hotThreshold = hotThreshold;
    }

    /** The ledger's threshold from {@code segment.hotThreshold}. */
    static SplitLedger from(Config config) {
        String text = config.get(HOT_THRESHOLD.name()).orElse(HOT_THRESHOLD.defaultValue()).trim();
        long threshold;
        try {
            threshold = Long.parseLong(text);
        } catch (NumberFormatException e) {
            threshold = -1;
        }
        if (threshold < 1) {
            throw new IllegalArgumentException("invalid number for " + HOT_THRESHOLD.name() + ": '" + text
                    + "' (a positive count of segment switches)");
        }
        return new SplitLedger(threshold);
    }

    /** The site of the call at resume pc {@code pc} in function {@code function}. */
    Site site(int function, int pc) {
        Site s = lastSite;
        if (s == null || s.function != function || s.pc != pc) {
            s = sites.computeIfAbsent(((long) function << 32) | (pc & 0xffffffffL), k -> new Site(function, pc));
            lastSite = s;
        }
        return s;
    }

    /**
     * Whether the site has to be named now: it is unnamed and its switches, counting the returns
     * still to come for the segments it has linked, reach the threshold. Asked only at a split,
     * where the top frame is exactly the site's frame; since every return of a site follows one
     * of its splits, the split before the crossing always sees the crossing coming.
     */
    boolean needsName(Site site) {
        return !site.named() && site.switches + site.outstanding >= hotThreshold;
    }

    void name(Site site, String functionName, String location) {
        site.functionName = functionName;
        site.location = location;
        namedInOrder.put(((long) site.function << 32) | (site.pc & 0xffffffffL), site);
    }

    /** Sites past the threshold, in the order they became hot. */
    List<Site> hotSites() {
        List<Site> hot = new ArrayList<>();
        for (Site s : namedInOrder.values()) {
            if (s.switches >= hotThreshold) {
                hot.add(s);
            }
        }
        return hot;
    }

    /**
     * Claims the end-of-run report; true only the first time, so a site is reported once per
     * run however often the VM signals the end.
     */
    boolean claimReport() {
        if (reported) {
            return false;
        }
        reported = true;
        return true;
    }

    /**
     * Moves the counts gathered since the last flush into the run's counters. Called when a
     * goroutine's stack is released and at the end of the run, so the counts reach the metrics
     * even from a run that ends without {@code runEnded}.
     */
    void flush(Counters counters) {
        counters.add("stack.segmentsAllocated", segmentsAllocated);
        counters.add("stack.segmentsFreed", segmentsFreed);
        counters.add("stack.segmentsReused", segmentsReused);
        counters.add("stack.segmentSwitches", switches);
        counters.add("stack.growths", growths);
        counters.add("stack.shrinks", shrinks);
        counters.max("stack.peakBytes", peakBytes);
        // Nothing in a segmented stack ever moves: no word is copied (arguments are written into
        // the callee's frame on every call, split or not), no pointer adjusted. The keys are
        // recorded as zeros so the strategies line up in side-by-side stats.
        counters.add("stack.wordsCopied", 0);
        counters.add("stack.pointersAdjusted", 0);
        segmentsAllocated = 0;
        segmentsFreed = 0;
        segmentsReused = 0;
        switches = 0;
        growths = 0;
        shrinks = 0;
    }
}
