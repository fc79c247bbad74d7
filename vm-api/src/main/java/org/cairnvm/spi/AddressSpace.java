package org.cairnvm.spi;

/**
 * The guest's simulated 64-bit address space, as plugins see it: regions reserved and released
 * like {@code mmap}, byte addresses, 8-byte words, 4 KiB pages. Address 0 and its page are never
 * mapped. Reserved and committed bytes are accounted separately; a page is committed when the
 * guest first writes it.
 */
public interface AddressSpace {
    /** The page size. */
    int PAGE = 4096;

    /** Reserves a fresh range of at least {@code bytes} (rounded up to pages). */
    Region reserve(long bytes, RegionKind kind, String label);

    /** Returns the range to the space; later accesses to it fault. */
    void release(Region region);

    /** The region holding {@code address}, or null when it is unmapped. */
    Region find(long address);

    /** Reads a word; throws the core's memory fault for an unmapped or guard address. */
    long load(long address);

    /** Writes a word; throws the core's memory fault for an unmapped or guard address. */
    void store(long address, long value);

    /**
     * Tells the space how many bytes of a region are in use, counted down from its top (a stack)
     * or up from its base (a heap), so committed bytes can be accounted without a check on every
     * write.
     */
    void noteCommitted(Region region, long bytes);
}
