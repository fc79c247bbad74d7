package org.cairnvm.core.compile;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.cairnvm.core.code.Opcode;
import org.cairnvm.core.code.Operand;
import org.cairnvm.core.code.StackMap;

/**
 * Backward liveness over a function's emitted bytecode, on pointer words only, and the stack map
 * it yields: at each safepoint, keyed by resume pc, the live-in of the instruction, plus what is
 * live after it except what it defines, plus every address-taken frame word holding a pointer
 * (those can be read and written through pointers the analysis does not follow).
 *
 * <p>Operand widths come from {@link Operand}: {@code CALL}'s and {@code GO}'s argument area is
 * read for the callee's parameter words and CALL's destination written for its result words; a
 * frame array named by {@code FLOADIDX}/{@code FSTOREIDX} is read (and, for a store, also
 * written) as a whole.
 *
 * <p>Two additions to the plain rule. A {@code RECV}/{@code RECV2} destination is in its own
 * safepoint's map although the instruction defines it: while the receiver is parked the runtime
 * has zeroed it and a sender writes into it, so the collector must see (and a stack copy
 * relocate) whatever it holds; {@code MAKECHAN}'s destination likewise holds the new channel
 * object while its buffer is allocated (the runtime zeroes it first). And every function has a map at resume pc 0, the entry: the
 * parameters' pointer words live there (with the address-taken ones, read through pointers), for
 * a goroutine's entry frame that is created, saved at pc 0, and not yet run.
 */
final class Liveness {
    private final int[] code;
    private final BitSet pointers;
    private final BitSet addressTaken;
    private final IntUnaryOperator calleeParamWords;
    private final IntUnaryOperator calleeResultWords;
    private final IntUnaryOperator hostResultWords;
    private final BitSet paramWords;

    private final List<Integer> starts = new ArrayList<>();
    private BitSet[] use;
    private BitSet[] def;
    private BitSet[] liveIn;
    private BitSet[] liveOut;

    /** {@code paramWords}: the frame words of the parameters (receiver included). */
    Liveness(int[] code, BitSet pointers, BitSet addressTaken, BitSet paramWords, IntUnaryOperator calleeParamWords,
             IntUnaryOperator calleeResultWords, IntUnaryOperator hostResultWords) {
        this.code = code;
        this.pointers = pointers;
        this.addressTaken = addressTaken;
        this.calleeParamWords = calleeParamWords;
        this.calleeResultWords = calleeResultWords;
        this.hostResultWords = hostResultWords;
        this.paramWords = paramWords;
    }

    /** Computes live sets; returns this. */
    Liveness solve() {
        for (int pc = 0; pc < code.length; pc += Opcode.of(code[pc]).length()) {
            starts.add(pc);
        }
        int n = starts.size();
        use = new BitSet[n];
        def = new BitSet[n];
        liveIn = new BitSet[n];
        liveOut = new BitSet[n];
        int[][] succ = new int[n][];
        java.util.Map<Integer, Integer> indexOf = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            indexOf.put(starts.get(i), i);
        }
        for (int i = 0; i < n; i++) {
            int pc = starts.get(i);
            use[i] = new BitSet();
            def[i] = new BitSet();
            operands(pc, use[i], def[i]);
            use[i].and(pointers);
            def[i].and(pointers);
            liveIn[i] = new BitSet();
            liveOut[i] = new BitSet();
            Opcode op = Opcode.of(code[pc]);
            List<Integer> s = new ArrayList<>();
            Operand[] kinds = op.operands();
            for (int k = 0; k < kinds.length; k++) {
                if (kinds[k] == Operand.LABEL) {
                    s.add(indexOf.getOrDefault(code[pc + 1 + k], -1));
                }
            }
            boolean falls = switch (op) {
                case JMP, LOOP, RET, PANIC -> false;
                default -> true;
            };
            if (falls && i + 1 < n) {
                s.add(i + 1);
            }
            succ[i] = s.stream().filter(x -> x >= 0).mapToInt(Integer::intValue).toArray();
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = n - 1; i >= 0; i--) {
                BitSet out = new BitSet();
                for (int s : succ[i]) {
                    out.or(liveIn[s]);
                }
                BitSet in = (BitSet) out.clone();
                in.andNot(def[i]);
                in.or(use[i]);
                if (!in.equals(liveIn[i]) || !out.equals(liveOut[i])) {
                    liveIn[i] = in;
                    liveOut[i] = out;
                    changed = true;
                }
            }
        }
        return this;
    }

    private void operands(int pc, BitSet u, BitSet d) {
        Opcode op = Opcode.of(code[pc]);
        Operand[] kinds = op.operands();
        int width = 0;
        for (int k = 0; k < kinds.length; k++) {
            if (kinds[k] == Operand.N) {
                width = code[pc + 1 + k];
            }
        }
        int slotOperand = 0;
        for (int k = 0; k < kinds.length; k++) {
            int v = code[pc + 1 + k];
            switch (kinds[k]) {
                case DST -> d.set(v);
                case SRC -> u.set(v);
                case DSTN -> d.set(v, v + width);
                case SRCN -> u.set(v, v + width);
                case DST3 -> d.set(v, v + 3);
                case SRC3 -> u.set(v, v + 3);
                case SRCOPT -> {
                    if (v >= 0) {
                        u.set(v);
                    }
                }
                case SLOT -> {
                    slotOperand++;
                    switch (op) {
                        case CALL -> {
                            if (slotOperand == 1) {
                                u.set(v, v + calleeParamWords.applyAsInt(code[pc + 1]));
                            } else {
                                d.set(v, v + calleeResultWords.applyAsInt(code[pc + 1]));
                            }
                        }
                        case GO -> u.set(v, v + calleeParamWords.applyAsInt(code[pc + 1]));
                        case CALLHOST -> {
                            if (slotOperand == 1) {
                                u.set(v, v + code[pc + 3]);
                            } else {
                                d.set(v, v + hostResultWords.applyAsInt(code[pc + 1]));
                            }
                        }
                        case FLOADIDX -> u.set(v, v + code[pc + 4] * code[pc + 5]);
                        case FSTOREIDX -> {
                            int all = code[pc + 3] * code[pc + 5];
                            u.set(v, v + all);
                            d.set(v, v + all);
                        }
                        default -> {
                            // ADDR names a slot without reading it: the local is address-taken and always mapped
                        }
                    }
                }
                default -> {
                }
            }
        }
    }

    /** Pointer words live on entry to the function (must be parameters only). */
    BitSet liveAtEntry() {
        return starts.isEmpty() ? new BitSet() : (BitSet) liveIn[0].clone();
    }

    /** The stack maps of the entry (resume pc 0) and of every safepoint. */
    StackMap stackMap() {
        List<int[]> pcs = new ArrayList<>();
        BitSet entry = liveAtEntry();
        BitSet takenParams = (BitSet) addressTaken.clone();
        takenParams.and(paramWords);
        entry.or(takenParams);
        entry.and(pointers);
        pcs.add(concat(0, entry.stream().toArray()));
        for (int i = 0; i < starts.size(); i++) {
            int pc = starts.get(i);
            Opcode op = Opcode.of(code[pc]);
            if (!op.safepoint()) {
                continue;
            }
            BitSet m = (BitSet) liveIn[i].clone();
            BitSet after = (BitSet) liveOut[i].clone();
            after.andNot(def[i]);
            m.or(after);
            if (op == Opcode.RECV || op == Opcode.RECV2 || op == Opcode.MAKECHAN) {
                m.or(def[i]);
            }
            m.or(addressTaken);
            m.and(pointers);
            pcs.add(concat(pc + op.length(), m.stream().toArray()));
        }
        int[] resume = new int[pcs.size()];
        int[][] slots = new int[pcs.size()][];
        for (int i = 0; i < pcs.size(); i++) {
            int[] e = pcs.get(i);
            resume[i] = e[0];
            slots[i] = java.util.Arrays.copyOfRange(e, 1, e.length);
        }
        return new StackMap(resume, slots);
    }

    private static int[] concat(int head, int[] tail) {
        int[] r = new int[tail.length + 1];
        r[0] = head;
        System.arraycopy(tail, 0, r, 1, tail.length);
        return r;
    }
}
