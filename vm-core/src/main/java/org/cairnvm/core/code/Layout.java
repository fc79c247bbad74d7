package org.cairnvm.core.code;

import java.util.BitSet;

/**
 * The shape of a heap object's payload: a unit of {@code unitWords} words with a pointer map,
 * repeated to fill the payload. A fixed-size object ({@code new(T)}) is one unit; a slice's
 * backing array is n units; a unit of zero words describes a payload with no pointers at all.
 *
 * @param id the layout's index in {@link Image#layouts()}; stored in object headers
 * @param name for traces and disassembly ({@code main.Node}, {@code []int}, {@code string})
 * @param unitWords words per unit
 * @param pointers which words of a unit hold pointers
 */
public record Layout(int id, String name, int unitWords, BitSet pointers) {
    /** Layout id 0: string objects, a length word and packed bytes, no pointers. */
    public static final int STRING = 0;

    public Layout {
        pointers = (BitSet) pointers.clone();
    }

    @Override
    public BitSet pointers() {
        return (BitSet) pointers.clone();
    }

    /** Whether payload word {@code i} of an object of this layout holds a pointer. */
    public boolean isPointer(long i) {
        return unitWords != 0 && pointers.get((int) (i % unitWords));
    }

    public boolean hasPointers() {
        return !pointers.isEmpty();
    }

    /** The header word of an object of this layout with {@code payloadWords} words. */
    public static long header(int layoutId, long payloadWords) {
        return ((long) layoutId << 32) | payloadWords;
    }

    public static int headerLayout(long header) {
        return (int) (header >>> 32);
    }

    public static long headerWords(long header) {
        return header & 0xFFFF_FFFFL;
    }
}
