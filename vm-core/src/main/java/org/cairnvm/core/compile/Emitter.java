package org.cairnvm.core.compile;

import java.util.Arrays;
import org.cairnvm.core.code.Opcode;
import org.cairnvm.core.code.Operand;

/**
 * The code buffer of one function: instructions, a source line per pc, and labels. A jump to a
 * label already bound goes backwards and is always emitted as {@code LOOP}, the safepoint where
 * budgets, interrupts and collections are polled; conditional jumps only ever go forward.
 */
final class Emitter {
    private int[] code = new int[64];
    private int[] lines = new int[64];
    private int size;
    int line;

    int pc() {
        return size;
    }

    void emit(Opcode op, int... operands) {
        if (operands.length != op.operandCount()) {
            throw new IllegalStateException(op + " takes " + op.operandCount() + " operands");
        }
        put(op.ordinal());
        for (int v : operands) {
            put(v);
        }
    }

    private void put(int v) {
        if (size == code.length) {
            code = Arrays.copyOf(code, size * 2);
            lines = Arrays.copyOf(lines, size * 2);
        }
        lines[size] = line;
        code[size++] = v;
    }

    /** Emits a jump-carrying instruction whose LABEL operand refers to {@code target}. */
    void jump(Opcode op, Label target, int... otherOperands) {
        Operand[] kinds = op.operands();
        int start = size;
        int[] ops = new int[kinds.length];
        int j = 0;
        int labelAt = -1;
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] == Operand.LABEL) {
                labelAt = i;
                ops[i] = target.bound() ? target.pc : -1;
            } else {
                ops[i] = otherOperands[j++];
            }
        }
        if (target.bound() && op != Opcode.LOOP) {
            throw new IllegalStateException("backward " + op);
        }
        emit(op, ops);
        if (!target.bound()) {
            target.patches.add(start + 1 + labelAt);
        }
    }

    /** An unconditional jump: JMP forward, LOOP backward. */
    void goTo(Label target) {
        jump(target.bound() ? Opcode.LOOP : Opcode.JMP, target);
    }

    void bind(Label l) {
        l.pc = size;
        for (int at : l.patches) {
            code[at] = size;
        }
        l.patches.clear();
    }

    int[] code() {
        return Arrays.copyOf(code, size);
    }

    int[] lines() {
        return Arrays.copyOf(lines, size);
    }
}
