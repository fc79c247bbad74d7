package org.cairnvm.spi;

import java.util.function.Supplier;
import org.cairnvm.api.Config;

/**
 * What core lends a collector for one run: memory, the heap's current space, object layouts and
 * the roots. A heap object is a header word {@code (layoutId << 32) | payloadWords} followed by
 * its payload; pointers to it point at the payload (or inside it). Objects lie contiguously from
 * the start of the space's region to {@link #spaceTop}.
 */
public interface GcContext {
    AddressSpace memory();

    Counters counters();

    Trace trace();

    Config config();

    /** Per-run collector state, as {@link StackContext#runState}. */
    <T> T runState(Class<T> type, Supplier<T> create);

    /** {@code heap.max} in bytes, headers included. */
    long heapMaxBytes();

    /** The region the heap allocates in now (from-space during a collection). */
    Region space();

    /** Address of the space's next free word: its objects lie in {@code [space().base(), spaceTop())}. */
    long spaceTop();

    /**
     * A fresh heap region of {@code initialBytes} backed, zero-filled, which may later be grown in
     * place (by core's allocator) up to {@code spanBytes} without its address changing.
     */
    Region reserveSpace(long initialBytes, long spanBytes);

    /**
     * Makes {@code region} the heap's space: objects lie in {@code [base, top)}, and allocation
     * bumps from {@code top} up to {@code limit} (the next collection's trigger). Words at and
     * above {@code top} must be zero. The previous space is not released by core.
     */
    void installSpace(Region region, long top, long limit);

    /** Words per unit of a layout (0 for a payload without pointers). */
    int unitWords(int layoutId);

    /** Word offsets within a unit that hold pointers, ascending; shared, do not modify. */
    int[] pointerOffsets(int layoutId);

    /**
     * Visits the address of every exact root: each pointer word of the globals, and each live
     * pointer slot of every frame of every goroutine (the stack maps at their resume pcs).
     */
    void exactRoots(RootVisitor visitor);

    /** Visits every live word range of every goroutine stack (for a conservative collector). */
    void ambiguousRoots(RangeVisitor visitor);
}
