package org.cairnvm.spi;

/**
 * A reserved range of the guest address space, backed by a word array. {@code words[i]} holds the
 * word at address {@code base + 8*i}. Guard regions have no words and fault on any access.
 */
public interface Region {
    long base();

    /** Reserved size in bytes, a multiple of the 4 KiB page. */
    long size();

    /** One past the last address. */
    default long limit() {
        return base() + size();
    }

    RegionKind kind();

    String label();

    /** The backing words; empty for a guard region. */
    long[] words();

    default boolean contains(long address) {
        return address >= base() && address < limit();
    }
}
