package org.cairnvm.gc.conservative;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.cairnvm.spi.AddressSpace;
import org.cairnvm.spi.Frame;
import org.cairnvm.spi.GcContext;
import org.cairnvm.spi.GcCycle;
import org.cairnvm.spi.Region;
import org.cairnvm.spi.RegionKind;

/**
 * One collection of {@link MarkSweepCollector}: parse, mark (globals precisely, then each stack
 * word as an ambiguous root, draining after each so the words it newly reaches are charged to
 * it), optionally a precise cross-check mark, then an eager sweep that hands the gaps over as
 * free runs. Word indices are relative to the space's base; object {@code h} is the one whose
 * header is at index {@code h}.
 */
final class Cycle {
    private static final long PAYLOAD_MASK = 0xFFFF_FFFFL;

    /** One ambiguous root and the words first reached through it, for the trace. */
    record Retained(long words, String function, int slot, String location) {
    }

    private final GcContext ctx;
    private final MarkSweepCollector.Blacklist blacklist;
    private final AddressSpace mem;
    private final long base;
    private final long[] words;
    /** End of the parsed space: objects and free chunks lie in {@code [0, used)}. */
    private final int used;
    /** The span's end: a false pointer below it but above {@link #used} is into free memory. */
    private final long spanWords;
    /** Bit h: an object or free chunk starts at index h. */
    private final long[] starts;
    /** Bit h: the chunk at h is free (a free-chunk header, or a zero word). */
    private final long[] free;
    private long[] marks;
    private int[] gray = new int[256];
    private int grayTop;
    private long markedWords;
    private long wordsBefore;
    private long ambiguousHits;
    private long newlyBlacklisted;
    private final List<Retained> largest = new ArrayList<>();

    Cycle(GcContext ctx, MarkSweepCollector.Blacklist blacklist) {
        this.ctx = ctx;
        this.blacklist = blacklist;
        this.mem = ctx.memory();
        Region space = ctx.space();
        this.base = space.base();
        this.words = space.words();
        this.used = (int) ((ctx.spaceTop() - base) >>> 3);
        this.spanWords = ctx.heapMaxBytes() >>> 3;
        this.starts = new long[(used >>> 6) + 1];
        this.free = new long[(used >>> 6) + 1];
        this.marks = new long[(used >>> 6) + 1];
        for (int h = 0; h < used; h += size(h)) {
            starts[h >>> 6] |= 1L << h;
            long header = words[h];
            if (header == 0 || (int) (header >>> 32) == GcContext.FREE_LAYOUT) {
                free[h >>> 6] |= 1L << h;
            } else {
                wordsBefore += size(h);
            }
        }
    }

    /** Words of the chunk at {@code h}, header included; a zero word is a one-word free chunk. */
    private int size(int h) {
        long header = words[h];
        return header == 0 ? 1 : 1 + (int) (header & PAYLOAD_MASK);
    }

    private static boolean bit(long[] bits, int i) {
        return (bits[i >>> 6] & (1L << i)) != 0;
    }

    GcCycle run(long requestWords) {
        blacklist.age();
        ctx.exactRoots(slot -> {
            Region r = mem.find(slot);
            if (r != null && r.kind() == RegionKind.STATIC) {
                markPrecise(mem.load(slot));
                drain();
            }
        });
        boolean tracing = ctx.trace().enabled("gc");
        ctx.ambiguousFrames(frame -> {
            scanFrame(frame, tracing);
            return true;
        });
        long falseRetained = -1;
        if ("true".equals(ctx.config().get(MarkSweepCollector.CROSSCHECK).orElse("false"))) {
            falseRetained = crossCheck();
            ctx.counters().max("gc.falseRetainedWords", falseRetained);
        }
        ctx.counters().add("gc.ambiguousRoots", ambiguousHits);
        ctx.counters().add("gc.blacklistedPages", newlyBlacklisted);
        long live = sweep(requestWords);
        if (tracing) {
            trace(live, falseRetained);
        }
        return new GcCycle(wordsBefore, live, 0);
    }

    /** Every word of a frame is an ambiguous root; the trace charges each the words it newly reaches. */
    private void scanFrame(Frame frame, boolean tracing) {
        long fp = frame.fp();
        int n = frame.frameWords();
        Region r = mem.find(fp);
        boolean direct = r != null && r.words().length > 0 && r.contains(fp + 8L * n - 1);
        long[] w = direct ? r.words() : null;
        int at = direct ? (int) ((fp - r.base()) >>> 3) : 0;
        for (int slot = 0; slot < n; slot++) {
            long v = direct ? w[at + slot] : mem.load(fp + 8L * slot);
            long before = markedWords;
            if (markAmbiguous(v)) {
                drain();
                if (tracing && markedWords > before) {
                    noteRetained(new Retained(markedWords - before, frame.functionName(), slot, frame.location()));
                }
            }
        }
    }

    private void noteRetained(Retained r) {
        largest.add(r);
        largest.sort(Comparator.comparingLong(Retained::words).reversed());
        if (largest.size() > MarkSweepCollector.TRACE_LARGEST) {
            largest.removeLast();
        }
    }

    /** The index of the word a value points at, or -1 when it is not a word-aligned address into the span. */
    private long wordIndex(long v) {
        long off = v - base;
        if ((v & 7) != 0 || off < 8 || off >= 8 * spanWords) {
            return -1;
        }
        return off >>> 3;
    }

    /**
     * An ambiguous root: marks the object it points into; a pointer into free memory blacklists
     * its page instead. True when it hit an allocated object.
     */
    private boolean markAmbiguous(long v) {
        long w = wordIndex(v);
        if (w < 0) {
            return false;
        }
        if (w > used) {
            blacklist((int) w);
            return false;
        }
        int h = objectAt((int) w - 1);
        if (bit(free, h)) {
            blacklist((int) w);
            return false;
        }
        ambiguousHits++;
        mark(h);
        return true;
    }

    private void blacklist(int w) {
        if (blacklist.add(w)) {
            newlyBlacklisted++;
        }
    }

    /** A precise pointer (a global or a heap word): marks what it points into, if anything allocated. */
    private void markPrecise(long v) {
        long w = wordIndex(v);
        if (w < 0 || w > used) {
            return;
        }
        int h = objectAt((int) w - 1);
        if (!bit(free, h)) {
            mark(h);
        }
    }

    private void mark(int h) {
        if (bit(marks, h)) {
            return;
        }
        marks[h >>> 6] |= 1L << h;
        markedWords += size(h);
        if (grayTop == gray.length) {
            gray = Arrays.copyOf(gray, 2 * gray.length);
        }
        gray[grayTop++] = h;
    }

    /** Scans gray objects precisely through their layouts until none is left. */
    private void drain() {
        while (grayTop > 0) {
            int h = gray[--grayTop];
            long header = words[h];
            int layout = (int) (header >>> 32);
            int end = h + 1 + (int) (header & PAYLOAD_MASK);
            int unit = ctx.unitWords(layout);
            int[] offsets = ctx.pointerOffsets(layout);
            if (unit == 0 || offsets.length == 0) {
                continue;
            }
            for (int u = h + 1; u < end; u += unit) {
                for (int off : offsets) {
                    int i = u + off;
                    if (i < end) {
                        markPrecise(words[i]);
                    }
                }
            }
        }
    }

    /** The start of the chunk holding word {@code i}: the last start at or before it. */
    private int objectAt(int i) {
        int wi = i >>> 6;
        long word = starts[wi] & (-1L >>> (63 - (i & 63)));
        while (word == 0) {
            word = starts[--wi];
        }
        return (wi << 6) + 63 - Long.numberOfLeadingZeros(word);
    }

    /**
     * A precise mark from the exact roots (globals and stack maps) in a fresh mark set; returns
     * the words the conservative mark kept that it does not.
     */
    private long crossCheck() {
        long[] conservative = marks;
        long conservativeWords = markedWords;
        marks = new long[conservative.length];
        markedWords = 0;
        ctx.exactRoots(slot -> {
            markPrecise(mem.load(slot));
            drain();
        });
        long falseRetained = 0;
        for (int h = 0; h < used; h += size(h)) {
            if (bit(conservative, h) && !bit(marks, h)) {
                falseRetained += size(h);
            }
        }
        marks = conservative;
        markedWords = conservativeWords;
        return falseRetained;
    }

    /**
     * Zeroes the dead, coalesces them with free chunks into gaps, and installs the gaps (split
     * around blacklisted pages) as free runs; a free tail joins the frontier, which runs to the
     * end of the span. Returns the live words.
     */
    private long sweep(long requestWords) {
        long live = 0;
        List<long[]> runs = new ArrayList<>();
        int gapStart = -1;
        for (int h = 0; h < used; ) {
            int n = size(h);
            if (bit(marks, h) && !bit(free, h)) {
                if (gapStart >= 0) {
                    gap(gapStart, h, runs);
                    gapStart = -1;
                }
                live += n;
            } else {
                // A free chunk is zero past its header already; a dead object is cleared whole.
                if (bit(free, h)) {
                    words[h] = 0;
                } else {
                    Arrays.fill(words, h, h + n, 0);
                }
                if (gapStart < 0) {
                    gapStart = h;
                }
            }
            h += n;
        }
        int parsedTop = gapStart >= 0 ? gapStart : used;
        frontier(parsedTop, runs);
        long[] flat = new long[2 * runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            flat[2 * i] = base + 8L * runs.get(i)[0];
            flat[2 * i + 1] = base + 8L * runs.get(i)[1];
        }
        long goal = Math.max(2 * live, MarkSweepCollector.MIN_HEAP_BYTES >>> 3);
        long allowance = Math.max(goal - live, requestWords);
        ctx.installRuns(flat, base + 8L * parsedTop, allowance);
        return live;
    }

    /** A gap {@code [from, to)} inside the parsed space: free chunks cut at blacklisted pages, runs where allowed. */
    private void gap(int from, int to, List<long[]> runs) {
        int x = from;
        while (x < to) {
            int page = x / MarkSweepCollector.PAGE_WORDS;
            boolean listed = blacklist.pages.containsKey(page);
            int y;
            if (listed) {
                y = Math.min(to, (page + 1) * MarkSweepCollector.PAGE_WORDS);
            } else {
                int next = blacklist.next(page);
                y = next < 0 ? to : (int) Math.min(to, (long) next * MarkSweepCollector.PAGE_WORDS);
            }
            words[x] = header(y - x - 1);
            if (!listed && y - x >= MarkSweepCollector.MIN_RUN_WORDS) {
                runs.add(new long[] {x, y});
            }
            x = y;
        }
    }

    /** The frontier from {@code parsedTop} to the span's end, zero throughout, split around blacklisted pages. */
    private void frontier(int parsedTop, List<long[]> runs) {
        long x = parsedTop;
        int added = 0;
        while (x < spanWords) {
            int page = (int) (x / MarkSweepCollector.PAGE_WORDS);
            if (blacklist.pages.containsKey(page)) {
                x = (long) (page + 1) * MarkSweepCollector.PAGE_WORDS;
                continue;
            }
            int next = blacklist.next(page);
            long y = next < 0 ? spanWords : Math.min(spanWords, (long) next * MarkSweepCollector.PAGE_WORDS);
            runs.add(new long[] {x, y});
            added++;
            x = y;
        }
        if (added == 0) {
            runs.add(new long[] {parsedTop, parsedTop});
        }
    }

    private static long header(long payloadWords) {
        return ((long) GcContext.FREE_LAYOUT << 32) | payloadWords;
    }

    private void trace(long live, long falseRetained) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("gc conservative: %d ambiguous roots, %d live words, %d blacklisted pages",
                ambiguousHits, live, blacklist.pages.size()));
        if (falseRetained >= 0) {
            b.append(String.format(", %d words retained only through ambiguous roots", falseRetained));
        }
        for (Retained r : largest) {
            b.append(String.format("; %d words held by %s slot %d (%s)", r.words(), r.function(), r.slot(),
                    r.location()));
        }
        ctx.trace().line("gc", b.toString());
    }
}
