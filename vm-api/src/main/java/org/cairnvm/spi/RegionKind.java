package org.cairnvm.spi;

/** What an address-space region holds. */
public enum RegionKind {
    /** A goroutine stack or stack segment. */
    STACK,
    /** The garbage-collected heap. */
    HEAP,
    /** A no-access range: any touch is a memory fault. */
    GUARD,
    /** Globals and string literals. */
    STATIC
}
