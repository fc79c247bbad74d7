package org.cairnvm.core.compile;

import org.cairnvm.core.types.Type;

/** Where a value lives, for reads, writes and address-of. */
sealed interface Place {
    Type type();

    /** Frame words starting at {@code slot}. */
    record Frame(int slot, Type type) implements Place {
    }

    /** Memory at {@code ptr + 8*off}, ptr a slot holding an address; {@code nonNil} for heap cells. */
    record Mem(int ptr, int off, Type type, boolean nonNil) implements Place {
    }

    /** Global words starting at {@code off}. */
    record Global(int off, Type type) implements Place {
    }

    /** Element {@code idx} (a slot) of the frame array at {@code base}: {@code len} elements of {@code ew} words. */
    record FrameElem(int base, int len, int ew, int idx, Type type) implements Place {
    }
}
