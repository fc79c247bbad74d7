package org.cairnvm.core.memory;

import java.util.Arrays;
import org.cairnvm.spi.AddressSpace;
import org.cairnvm.spi.Region;
import org.cairnvm.spi.RegionKind;

/**
 * The guest's address space for one run.
 *
 * <p>Invariants:
 * <ul>
 * <li>Nothing is ever mapped below {@link #NEVER_MAPPED}: a nil pointer, and any small offset from
 *     one, faults.</li>
 * <li>The static region sits where the image says ({@code Image.STATIC_BASE}); every other region
 *     is placed at increasing addresses from {@link #ARENA_START}, each followed by an unmapped
 *     {@link #REGION_GAP}, so running off the end of any region faults. The exception is small
 *     stacks (at most {@link #SMALL_STACK_MAX} bytes), which are carved side by side out of shared
 *     pages, as Go's stack pool carves small stacks out of spans: a million parked goroutines
 *     then cost a million small stacks, not a million pages. A stack never runs off its end (the
 *     prologue check keeps every frame inside it), so they need no gap.</li>
 * <li>Addresses are never reused: a released region's range stays unmapped for the rest of the
 *     run, so a stale pointer into a moved stack faults instead of silently reading a new one.</li>
 * <li>Regions are kept sorted by base. Released regions stay in the array, dead, until they
 *     outnumber the live ones, so releasing is amortised constant time.</li>
 * </ul>
 *
 * <p>Committed bytes are not tracked per write (the interpreter's stores go straight to backing
 * arrays): they come from {@link #noteCommitted}, which strategies and the heap call on their slow
 * paths, and from {@link #touchedStackBytes}, which recovers a stack's high-water mark lazily
 * because every frame writes a non-zero saved frame pointer into fresh, zeroed memory.
 */
public final class GuestMemory implements AddressSpace {
    /** Never mapped: page zero and the rest of the first 64 KiB, as Linux's {@code mmap_min_addr}. */
    public static final long NEVER_MAPPED = 0x1_0000L;
    /** Where reserved regions start: Go's first heap arena hint on amd64, far above the static region. */
    public static final long ARENA_START = 0x00c0_0000_0000L;
    /** Unmapped bytes after every region, so an overrun of up to 64 KiB faults rather than landing in a neighbour. */
    public static final long REGION_GAP = 0x1_0000L;
    /** End of the usable space: the top of a 47-bit user address space, as on x86-64 Linux. */
    public static final long ADDRESS_LIMIT = 0x7fff_ffff_f000L;
    /** Zeros to compare stack words with ({@link #touchedStackBytes}); never written. */
    private static final long[] ZEROS = new long[512];
    /** Stacks up to this size share pages with other small stacks; see the class comment. */
    public static final long SMALL_STACK_MAX = PAGE / 2;
    /** Largest backing a region can have: Java arrays are indexed by int, less a few header words. */
    static final int MAX_WORDS = Integer.MAX_VALUE - 8;

    private Mapping[] regions = new Mapping[16];
    private int count;
    private int dead;
    /** The last region found: most accesses hit the same region as the one before. */
    private Mapping last;
    private long nextBase = ARENA_START;
    /** The page small stacks are being carved from: next free address and its end. */
    private long smallStackNext;
    private long smallStackEnd;

    private long reservedBytes;
    private long reservedPeakBytes;
    private long committedBytes;
    private long committedPeakBytes;
    /** Committed bytes of stack regions alone: every goroutine's stacks together. */
    private long committedStackBytes;
    private long committedStackPeakBytes;

    /** Rounds a byte count up to whole pages. */
    public static long pageRound(long bytes) {
        return (bytes + PAGE - 1) & -(long) PAGE;
    }

    /**
     * Maps the program's static region (globals, then string literal objects) at {@code base}. The
     * words are copied: the image they come from is shared by every run of the program.
     */
    public Mapping mapStatic(long base, long[] words) {
        if (base < NEVER_MAPPED || (base & (PAGE - 1)) != 0) {
            throw new IllegalArgumentException("static region at 0x" + Long.toHexString(base)
                    + ": must be page-aligned and above 0x" + Long.toHexString(NEVER_MAPPED));
        }
        long size = pageRound(Math.max(8L * words.length, 8));
        if (base + size + REGION_GAP > ARENA_START) {
            throw new OutOfMemory("static region of " + size + " bytes does not fit below the arena", size);
        }
        compact();
        for (int i = 0; i < count; i++) {
            Mapping m = regions[i];
            if (m.base() < base + size && base < m.base() + m.span()) {
                throw new IllegalArgumentException("static region overlaps " + m);
            }
        }
        Mapping m = new Mapping(this, base, size, RegionKind.STATIC, "static", words.clone(), size);
        insert(m);
        addReserved(size);
        m.committed = pageRound(8L * words.length);
        addCommitted(m.committed);
        return m;
    }

    @Override
    public Mapping reserve(long bytes, RegionKind kind, String label) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative reservation: " + bytes);
        }
        boolean small = kind == RegionKind.STACK && bytes <= SMALL_STACK_MAX;
        long size = small ? (Math.max(bytes, 8) + 7) & -8L : pageRound(Math.max(bytes, 1));
        long[] words = kind == RegionKind.GUARD ? null : backing((bytes + 7) >>> 3, bytes);
        long base = small ? placeSmallStack(size) : place(size, bytes);
        Mapping m = new Mapping(this, base, size, kind, label, words, size);
        insert(m);
        addReserved(size);
        return m;
    }

    /**
     * Reserves a region that can grow in place: {@code spanBytes} of address space are set aside,
     * {@code initialWords} words are backed and reserved now. Used by the heap.
     */
    Mapping reserveGrowable(long spanBytes, int initialWords, RegionKind kind, String label) {
        long size = pageRound(Math.max(8L * initialWords, 8));
        long span = Math.max(pageRound(spanBytes), size);
        Mapping m = new Mapping(this, place(span, spanBytes), span, kind, label, backing(initialWords, spanBytes), size);
        insert(m);
        addReserved(size);
        return m;
    }

    /** Replaces a growable region's backing with a larger one holding the same words first. */
    void grow(Mapping m, int newWords) {
        if (newWords < m.words.length || 8L * newWords > m.span()) {
            throw new IllegalArgumentException("cannot grow " + m + " to " + newWords + " words");
        }
        long[] bigger = backing(newWords, 8L * newWords);
        System.arraycopy(m.words, 0, bigger, 0, m.words.length);
        m.words = bigger;
        long size = Math.min(pageRound(8L * newWords), m.span());
        addReserved(size - m.size);
        m.size = size;
    }

    private static long[] backing(long words, long requestedBytes) {
        if (words > MAX_WORDS) {
            throw new OutOfMemory("region of " + requestedBytes + " bytes is larger than the VM can back", requestedBytes);
        }
        try {
            return new long[(int) words];
        } catch (OutOfMemoryError e) {
            // The JVM's own heap is the host's; running out of it must end the guest, not the VM.
            throw new OutOfMemory("host heap exhausted backing " + requestedBytes + " bytes", requestedBytes);
        }
    }

    private long place(long span, long requestedBytes) {
        long base = nextBase;
        if (span > ADDRESS_LIMIT - base - REGION_GAP) {
            throw new OutOfMemory("address space exhausted", requestedBytes);
        }
        nextBase = base + span + REGION_GAP;
        return base;
    }

    /** The next {@code size} bytes of the shared small-stack page, starting a new page when it is full. */
    private long placeSmallStack(long size) {
        if (smallStackNext + size > smallStackEnd) {
            smallStackNext = place(PAGE, PAGE);
            smallStackEnd = smallStackNext + PAGE;
        }
        long base = smallStackNext;
        smallStackNext += size;
        return base;
    }

    private void insert(Mapping m) {
        if (count == regions.length) {
            if (dead > 0) {
                compact();
            }
            if (count == regions.length) {
                regions = Arrays.copyOf(regions, regions.length * 2);
            }
        }
        int i = count;
        while (i > 0 && regions[i - 1].base() > m.base()) {
            regions[i] = regions[i - 1];
            i--;
        }
        regions[i] = m;
        count++;
    }

    private void compact() {
        int j = 0;
        for (int i = 0; i < count; i++) {
            if (regions[i].live) {
                regions[j++] = regions[i];
            }
        }
        Arrays.fill(regions, j, count, null);
        count = j;
        dead = 0;
    }

    @Override
    public void release(Region region) {
        Mapping m = owned(region);
        if (!m.live) {
            throw new IllegalStateException("released twice: " + m);
        }
        reservedBytes -= m.size;
        committedBytes -= m.committed;
        if (m.kind() == RegionKind.STACK) {
            committedStackBytes -= m.committed;
        }
        m.retire();
        if (last == m) {
            last = null;
        }
        dead++;
        if (dead > count / 2) {
            compact();
        }
    }

    private Mapping owned(Region region) {
        if (region instanceof Mapping m && m.owner() == this) {
            return m;
        }
        throw new IllegalArgumentException("not a region of this address space: " + region);
    }

    @Override
    public Mapping find(long address) {
        Mapping m = last;
        if (m != null && address >= m.base() && address - m.base() < m.size) {
            return m;
        }
        int lo = 0;
        int hi = count - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (regions[mid].base() <= address) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (hi < 0) {
            return null;
        }
        m = regions[hi];
        if (!m.live || address - m.base() >= m.size) {
            return null;
        }
        last = m;
        return m;
    }

    @Override
    public long load(long address) {
        Mapping m = last;
        if (m != null) {
            long i = (address - m.base()) >> 3;
            long[] w = m.words;
            if (i >= 0 && i < w.length && (address & 7) == 0) {
                return w[(int) i];
            }
        }
        m = locate(address, false);
        return m.words[(int) ((address - m.base()) >>> 3)];
    }

    @Override
    public void store(long address, long value) {
        Mapping m = last;
        if (m != null) {
            long i = (address - m.base()) >> 3;
            long[] w = m.words;
            if (i >= 0 && i < w.length && (address & 7) == 0) {
                w[(int) i] = value;
                return;
            }
        }
        m = locate(address, true);
        m.words[(int) ((address - m.base()) >>> 3)] = value;
    }

    /** The region whose words hold {@code address}, or a fault saying why there is none. */
    private Mapping locate(long address, boolean write) {
        Mapping m = find(address);
        if (m == null) {
            throw new MemoryFault(address, write, null);
        }
        if ((address & 7) != 0 || ((address - m.base()) >>> 3) >= m.words.length) {
            throw new MemoryFault(address, write, m);
        }
        return m;
    }

    @Override
    public void noteCommitted(Region region, long bytes) {
        Mapping m = owned(region);
        if (!m.live) {
            return; // a late note for a released region changes nothing: its pages are gone
        }
        long c = Math.min(pageRound(Math.max(bytes, 0)), m.size);
        if (c > m.committed) {
            addCommitted(c - m.committed);
            if (m.kind() == RegionKind.STACK) {
                committedStackBytes += c - m.committed;
                committedStackPeakBytes = Math.max(committedStackPeakBytes, committedStackBytes);
            }
            m.committed = c;
        }
    }

    /**
     * How many bytes of a stack region have ever held a frame: from the lowest non-zero word to the
     * top. Stacks start zeroed and every frame below the entry frame writes a non-zero saved frame
     * pointer at its lowest word, so this is the stack's high-water mark, found with no cost on the
     * interpreter's fast path.
     */
    public static long touchedStackBytes(Region stack) {
        long[] w = stack.words();
        int i = 0;
        // A block at a time against zeros, which the JDK compares with vector instructions: the
        // scheduler asks at every switch, and the untouched part is most of a small stack.
        while (i < w.length) {
            int n = Math.min(ZEROS.length, w.length - i);
            int m = Arrays.mismatch(w, i, i + n, ZEROS, 0, n);
            if (m >= 0) {
                return 8L * (w.length - i - m);
            }
            i += n;
        }
        return 0;
    }

    /** Accounts a stack region's touched pages as committed and returns its touched bytes. */
    public long noteStackTouched(Region stack) {
        long touched = touchedStackBytes(stack);
        noteCommitted(stack, touched);
        return touched;
    }

    private void addReserved(long bytes) {
        reservedBytes += bytes;
        if (reservedBytes > reservedPeakBytes) {
            reservedPeakBytes = reservedBytes;
        }
    }

    private void addCommitted(long bytes) {
        committedBytes += bytes;
        if (committedBytes > committedPeakBytes) {
            committedPeakBytes = committedBytes;
        }
    }

    public long reservedBytes() {
        return reservedBytes;
    }

    public long reservedPeakBytes() {
        return reservedPeakBytes;
    }

    public long committedBytes() {
        return committedBytes;
    }

    public long committedPeakBytes() {
        return committedPeakBytes;
    }

    /** The most bytes of stack regions committed at once (stack.committedBytesPeak). */
    public long committedStackPeakBytes() {
        return committedStackPeakBytes;
    }

    /** Number of live regions. */
    public int regionCount() {
        return count - dead;
    }
}
