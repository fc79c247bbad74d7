package org.cairnvm.spi;

/**
 * A garbage collector (plugin kind {@code gc}). One instance serves every run of a VM; per-run
 * state lives in {@link GcContext#runState}. Core calls {@link #collect} only at safepoints,
 * where every frame's stack map is exact, and owns the allocation fast path: a pointer bump in
 * the space the collector last installed with {@link GcContext#installSpace}.
 */
public interface Collector {
    /** Whether objects may move, so every root must be exact; core refuses it with {@link #wantsAmbiguousRoots}. */
    boolean movesObjects();

    /** Whether the collector reads {@link GcContext#ambiguousRoots} (a conservative collector). */
    boolean wantsAmbiguousRoots();

    /**
     * One full collection. {@code requestWords} (header included) must fit in the space the
     * collector installs before it returns; if it cannot (the live heap plus the request passes
     * {@code heap.max}), the collector installs what it can and core reports out of memory.
     */
    GcCycle collect(GcContext ctx, GcCause cause, long requestWords);
}
