package org.cairnvm.core.memory;

import org.cairnvm.spi.Region;
import org.cairnvm.spi.RegionKind;

/**
 * One region of a {@link GuestMemory}. Its address range is {@code [base, base + size)}, with
 * {@code size} a whole number of pages; its words back {@code [base, base + 8*words.length)},
 * which may stop short of the page end (a 2 KiB stack in a 4 KiB page), and the tail faults.
 * A heap mapping may grow in place up to its span, the address range kept free for it.
 */
public final class Mapping implements Region {
    /** Backing of guard regions and released regions: no word at all. */
    private static final long[] NO_WORDS = new long[0];

    private final GuestMemory owner;
    private final long base;
    private final long span;
    private final RegionKind kind;
    private final String label;
    /** Current backing; replaced when a heap grows, emptied on release. */
    long[] words;
    /** Reserved bytes, whole pages, at most {@link #span}. */
    long size;
    /** Committed bytes, whole pages, at most {@link #size}. */
    long committed;
    boolean live = true;

    Mapping(GuestMemory owner, long base, long span, RegionKind kind, String label, long[] words, long size) {
        this.owner = owner;
        this.base = base;
        this.span = span;
        this.kind = kind;
        this.label = label;
        this.words = words == null ? NO_WORDS : words;
        this.size = size;
    }

    GuestMemory owner() {
        return owner;
    }

    /** The address range kept for this mapping: nothing else is ever placed below {@code base + span}. */
    long span() {
        return span;
    }

    void retire() {
        live = false;
        words = NO_WORDS;
    }

    @Override
    public long base() {
        return base;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public RegionKind kind() {
        return kind;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public long[] words() {
        return words;
    }

    /** Whether the region is still mapped. */
    public boolean isLive() {
        return live;
    }

    /** Committed bytes of this region, whole pages. */
    public long committedBytes() {
        return committed;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase() + " " + label + " [0x" + Long.toHexString(base) + ", 0x"
                + Long.toHexString(base + size) + ")" + (live ? "" : " released");
    }
}
