package org.cairnvm.core.code;

import java.util.Arrays;

/**
 * A function's stack maps: for each safepoint, keyed by resume pc, the slots that hold live
 * pointers while the safepoint instruction is in progress.
 *
 * @param resumePcs safepoint resume pcs, ascending
 * @param pointerSlots for each safepoint, the slots holding live pointers, ascending
 */
public record StackMap(int[] resumePcs, int[][] pointerSlots) {
    public static final int[] NONE = new int[0];

    /** The pointer slots at a resume pc, or null when the pc is not a safepoint. */
    public int[] at(int resumePc) {
        int i = Arrays.binarySearch(resumePcs, resumePc);
        return i >= 0 ? pointerSlots[i] : null;
    }

    public int size() {
        return resumePcs.length;
    }
}
