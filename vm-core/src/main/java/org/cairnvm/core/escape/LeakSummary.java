package org.cairnvm.core.escape;

import java.util.Arrays;

/**
 * How a function's parameters (receiver first) leak, Go's "param tags": for each parameter, the
 * smallest number of dereferences after which its value reaches the heap, and the smallest after
 * which it reaches the function's result; {@link #NONE} when it does not. A parameter {@code p}
 * with {@code heap[i] == 0} is "leaking param: p"; with {@code heap[i] == 1} only what it points
 * to leaks ("leaking param content").
 *
 * @param heap dereferences to the heap, per parameter
 * @param result dereferences to the result, per parameter
 */
public record LeakSummary(int[] heap, int[] result) {
    /** No flow at all. */
    public static final int NONE = Integer.MAX_VALUE;

    public LeakSummary {
        heap = heap.clone();
        result = result.clone();
    }

    /** A function none of whose parameters leak: the optimistic start of the fixed point. */
    public static LeakSummary none(int params) {
        int[] h = new int[params];
        int[] r = new int[params];
        Arrays.fill(h, NONE);
        Arrays.fill(r, NONE);
        return new LeakSummary(h, r);
    }

    public int params() {
        return heap.length;
    }

    public int heap(int param) {
        return heap[param];
    }

    public int result(int param) {
        return result[param];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LeakSummary s && Arrays.equals(heap, s.heap) && Arrays.equals(result, s.result);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(heap) + Arrays.hashCode(result);
    }

    @Override
    public String toString() {
        return "LeakSummary" + Arrays.toString(heap) + Arrays.toString(result);
    }
}
