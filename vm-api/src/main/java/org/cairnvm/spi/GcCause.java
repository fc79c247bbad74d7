package org.cairnvm.spi;

/** Why a collection runs. */
public enum GcCause {
    /** An allocation did not fit in the current space (the GOGC trigger). */
    ALLOCATION_FAILED,
    /** {@code runtime.GC()}. */
    EXPLICIT,
    /** The {@code gc-alloc} stress mode: a collection at every allocation. */
    STRESS
}
