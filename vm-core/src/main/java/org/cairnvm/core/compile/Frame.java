package org.cairnvm.core.compile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cairnvm.core.code.FunctionCode;
import org.cairnvm.core.code.SlotInfo;
import org.cairnvm.core.types.Type;
import org.cairnvm.core.types.Types;

/**
 * Slot assignment for one frame: parameters from slot 2 (receiver first), then locals and
 * temporaries as they are met. Every word keeps one static type for the whole function, so
 * whether it holds a pointer is a property of the slot, which is what makes stack maps
 * computable: a temporary is reused only by a value of the same pointer shape.
 */
final class Frame {
    private final List<SlotInfo> infos = new ArrayList<>();
    private final BitSet pointers = new BitSet();
    private final BitSet addressTaken = new BitSet();
    private final Map<String, ArrayDeque<Integer>> free = new HashMap<>();
    private final Map<Integer, String> liveTemps = new HashMap<>();
    private final Map<Integer, String> tempShapes = new HashMap<>();
    private final List<Integer> allocationOrder = new ArrayList<>();
    private int next = FunctionCode.HEADER_WORDS;

    private int reserve(String name, Type t, int words, BitSet ptrs, SlotInfo.Kind kind, boolean taken) {
        int slot = next;
        next += words;
        for (int i = ptrs.nextSetBit(0); i >= 0; i = ptrs.nextSetBit(i + 1)) {
            pointers.set(slot + i);
            if (taken) {
                addressTaken.set(slot + i);
            }
        }
        infos.add(new SlotInfo(slot, words, name, t == null ? "" : t.toString(), kind, taken));
        return slot;
    }

    int variable(String name, Type t, SlotInfo.Kind kind, boolean addressTaken) {
        return reserve(name, t, Types.words(t), Types.pointerMap(t), kind, addressTaken);
    }

    /** A heap cell: one pointer word holding the address of a variable moved to the heap. */
    int heapCell(String name, Type t) {
        BitSet p = new BitSet();
        p.set(0);
        return reserve(name, new Type.Pointer(t), 1, p, SlotInfo.Kind.HEAP_CELL, false);
    }

    private static String shape(Type t) {
        BitSet p = Types.pointerMap(t);
        int w = Types.words(t);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < w; i++) {
            sb.append(p.get(i) ? 'p' : 'i');
        }
        return sb.toString();
    }

    /** A temporary for a value of type t. */
    int temp(Type t) {
        return block(List.of(t));
    }

    /** Consecutive temporaries for values of the given types (a call's argument area, append's values). */
    int block(List<Type> types) {
        int total = 0;
        for (Type t : types) {
            total += Types.words(t);
        }
        if (total == 0) {
            // nothing is read or written: any slot number will do, and none is reserved
            return FunctionCode.HEADER_WORDS;
        }
        StringBuilder key = new StringBuilder();
        for (Type t : types) {
            key.append(shape(t)).append('|');
        }
        String k = key.toString();
        ArrayDeque<Integer> pool = free.get(k);
        int slot;
        if (pool != null && !pool.isEmpty()) {
            slot = pool.pop();
        } else {
            slot = next;
            for (Type t : types) {
                reserve("t" + next, t, Types.words(t), Types.pointerMap(t), SlotInfo.Kind.TEMP, false);
            }
            tempShapes.put(slot, k);
        }
        liveTemps.put(slot, k);
        allocationOrder.add(slot);
        return slot;
    }

    boolean isTemp(int slot) {
        return liveTemps.containsKey(slot);
    }

    /** Returns a temporary to its pool; a no-op for variables and already freed temporaries. */
    void free(int slot) {
        String k = liveTemps.remove(slot);
        if (k != null) {
            free.computeIfAbsent(k, x -> new ArrayDeque<>()).push(slot);
        }
    }

    int mark() {
        return allocationOrder.size();
    }

    /** Frees every temporary allocated since {@code mark}. */
    void release(int mark) {
        while (allocationOrder.size() > mark) {
            free(allocationOrder.remove(allocationOrder.size() - 1));
        }
    }

    int words() {
        return next;
    }

    BitSet pointerWords() {
        return (BitSet) pointers.clone();
    }

    BitSet addressTakenPointerWords() {
        return (BitSet) addressTaken.clone();
    }

    List<SlotInfo> slots() {
        return List.copyOf(infos);
    }
}
