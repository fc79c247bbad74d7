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
    /**
     * Layout id of a free chunk's header in a space handed out as free runs ({@link #installRuns}):
     * {@code (FREE_LAYOUT << 32) | payloadWords}. No program layout has it (ids are small and
     * non-negative), so a collector parsing its space tells free chunks from objects by the header.
     */
    int FREE_LAYOUT = -1;

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

    /**
     * Visits every frame of every goroutine stack, innermost first; the words {@code [fp, fp + 8 *
     * frameWords)} of each are the ranges {@link #ambiguousRoots} gives, here with the function that
     * owns them (for a conservative collector's attribution of what a slot retains).
     */
    void ambiguousFrames(FrameVisitor visitor);

    /**
     * Makes the current space's free runs the allocator's (a non-moving collector's counterpart of
     * {@link #installSpace}). {@code runs} holds address pairs {@code [from, to)}, ascending and
     * disjoint, every word in them zero except the free-chunk header ({@link #FREE_LAYOUT}) the
     * collector writes at each run's start; objects and free chunks lie contiguously in {@code
     * [space().base(), parsedTop)}, and a run that starts at {@code parsedTop} or above may extend
     * to the end of the space's span ({@code space().base() + heapMaxBytes()}). Allocation bumps
     * through each run in turn; when a request does not fit the rest of a run, core writes a
     * free-chunk header over that rest, so the space stays parseable. The next collection is due
     * once {@code allowanceWords} more words (headers included) have been allocated.
     */
    void installRuns(long[] runs, long parsedTop, long allowanceWords);
}
