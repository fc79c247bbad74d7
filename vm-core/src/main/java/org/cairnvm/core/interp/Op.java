package org.cairnvm.core.interp;

import org.cairnvm.core.code.Opcode;

/**
 * Opcode ordinals as compile-time constants, so the dispatch loop can {@code switch} on the raw
 * int in the code array ({@link Opcode#ordinal()} is not a constant expression). The class
 * initialiser checks every constant against the enum, so a reordered instruction set fails at
 * once instead of mis-running.
 */
final class Op {
    static final int MOV = 0;
    static final int MOVN = 1;
    static final int ZERO = 2;
    static final int LOADI = 3;
    static final int LOADK = 4;
    static final int ADD = 5;
    static final int SUB = 6;
    static final int MUL = 7;
    static final int DIV = 8;
    static final int REM = 9;
    static final int AND = 10;
    static final int OR = 11;
    static final int XOR = 12;
    static final int ANDNOT = 13;
    static final int SHL = 14;
    static final int SHR = 15;
    static final int ADDI = 16;
    static final int NEG = 17;
    static final int BITNOT = 18;
    static final int NOT = 19;
    static final int EQ = 20;
    static final int NE = 21;
    static final int LT = 22;
    static final int LE = 23;
    static final int GT = 24;
    static final int GE = 25;
    static final int JMP = 26;
    static final int LOOP = 27;
    static final int JT = 28;
    static final int JF = 29;
    static final int JEQ = 30;
    static final int JNE = 31;
    static final int JLT = 32;
    static final int JLE = 33;
    static final int JGT = 34;
    static final int JGE = 35;
    static final int JEQI = 36;
    static final int JNEI = 37;
    static final int JLTI = 38;
    static final int JLEI = 39;
    static final int JGTI = 40;
    static final int JGEI = 41;
    static final int STRCAT = 42;
    static final int STREQ = 43;
    static final int STRNE = 44;
    static final int STRLEN = 45;
    static final int ADDR = 46;
    static final int GADDR = 47;
    static final int GLOAD = 48;
    static final int GSTORE = 49;
    static final int LOAD = 50;
    static final int STORE = 51;
    static final int LEA = 52;
    static final int NEW = 53;
    static final int SLICEIDX = 54;
    static final int ARRIDX = 55;
    static final int FLOADIDX = 56;
    static final int FSTOREIDX = 57;
    static final int MAKESLICE = 58;
    static final int SLICE = 59;
    static final int SLICEPTR = 60;
    static final int APPEND = 61;
    static final int APPENDS = 62;
    static final int CALL = 63;
    static final int CALLHOST = 64;
    static final int RET = 65;
    static final int PRINTI = 66;
    static final int PRINTB = 67;
    static final int PRINTS = 68;
    static final int PRINTC = 69;
    static final int PANIC = 70;
    static final int GC = 71;
    static final int NUMGOROUTINE = 72;
    static final int GO = 73;
    static final int GOSCHED = 74;
    static final int MAKECHAN = 75;
    static final int SEND = 76;
    static final int RECV = 77;
    static final int RECV2 = 78;
    static final int CLOSE = 79;
    static final int CHANLEN = 80;
    static final int CHANCAP = 81;

    // ---- the interpreter's own fused pairs, never in a program's code (see Interpreter.quicken).
    // They follow the last opcode directly so the dispatch switch stays one dense jump table.
    /** {@code ADDI} fused with the {@code CALL} that follows it. */
    static final int ADDI_CALL = CHANCAP + 1;
    /** {@code ADD} fused with the {@code RET} that follows it. */
    static final int ADD_RET = CHANCAP + 2;
    /*
     * A conditional jump fused with the RET right after it, which runs when the jump is not
     * taken: {@code if n < 2 { return n }} in one dispatch. One per compare-and-branch, in the
     * order of JEQ..JGEI, so {@code JEQ_RET + (op - JEQ)} is the fused form of {@code op}.
     */
    static final int JEQ_RET = CHANCAP + 3;
    static final int JNE_RET = JEQ_RET + (JNE - JEQ);
    static final int JLT_RET = JEQ_RET + (JLT - JEQ);
    static final int JLE_RET = JEQ_RET + (JLE - JEQ);
    static final int JGT_RET = JEQ_RET + (JGT - JEQ);
    static final int JGE_RET = JEQ_RET + (JGE - JEQ);
    static final int JEQI_RET = JEQ_RET + (JEQI - JEQ);
    static final int JNEI_RET = JEQ_RET + (JNEI - JEQ);
    static final int JLTI_RET = JEQ_RET + (JLTI - JEQ);
    static final int JLEI_RET = JEQ_RET + (JLEI - JEQ);
    static final int JGTI_RET = JEQ_RET + (JGTI - JEQ);
    static final int JGEI_RET = JEQ_RET + (JGEI - JEQ);
    /**
     * A {@code CALL} of a function the baseline compiler compiled: the same prologue and frame,
     * then the call runs in compiled code ({@link BaselineCompiler}). Patched into the run's code
     * when the program is compiled.
     */
    static final int CALLJIT = JGEI_RET + 1;
    /** {@link #ADDI_CALL} whose {@code CALL} became {@link #CALLJIT}. */
    static final int ADDI_CALLJIT = JGEI_RET + 2;
    /** A {@code LOOP} of a compiled function: after the back-edge, the frame goes on in compiled code. */
    static final int LOOPJIT = JGEI_RET + 3;

    /** Instruction lengths in ints, opcode included, by opcode (the fused ones excepted). */
    static final int[] LENGTH = lengths();

    private Op() {
    }

    private static int[] lengths() {
        Opcode[] all = Opcode.values();
        int[] l = new int[all.length];
        for (Opcode o : all) {
            l[o.ordinal()] = o.length();
        }
        return l;
    }

    static {
        int[] ordinals = {MOV, MOVN, ZERO, LOADI, LOADK, ADD, SUB, MUL, DIV, REM, AND, OR, XOR, ANDNOT, SHL, SHR, ADDI, NEG,
                BITNOT, NOT, EQ, NE, LT, LE, GT, GE, JMP, LOOP, JT, JF, JEQ, JNE, JLT, JLE, JGT, JGE, JEQI, JNEI,
                JLTI, JLEI, JGTI, JGEI, STRCAT, STREQ, STRNE, STRLEN, ADDR, GADDR, GLOAD, GSTORE, LOAD, STORE, LEA,
                NEW, SLICEIDX, ARRIDX, FLOADIDX, FSTOREIDX, MAKESLICE, SLICE, SLICEPTR, APPEND, APPENDS, CALL,
                CALLHOST, RET, PRINTI, PRINTB, PRINTS, PRINTC, PANIC, GC, NUMGOROUTINE, GO, GOSCHED,
                MAKECHAN, SEND, RECV, RECV2, CLOSE, CHANLEN, CHANCAP};
        String[] names = {"MOV", "MOVN", "ZERO", "LOADI", "LOADK", "ADD", "SUB", "MUL", "DIV", "REM", "AND", "OR", "XOR",
                "ANDNOT", "SHL", "SHR", "ADDI", "NEG", "BITNOT", "NOT", "EQ", "NE", "LT", "LE", "GT", "GE", "JMP",
                "LOOP", "JT", "JF", "JEQ", "JNE", "JLT", "JLE", "JGT", "JGE", "JEQI", "JNEI", "JLTI", "JLEI",
                "JGTI", "JGEI", "STRCAT", "STREQ", "STRNE", "STRLEN", "ADDR", "GADDR", "GLOAD", "GSTORE", "LOAD",
                "STORE", "LEA", "NEW", "SLICEIDX", "ARRIDX", "FLOADIDX", "FSTOREIDX", "MAKESLICE", "SLICE",
                "SLICEPTR", "APPEND", "APPENDS", "CALL", "CALLHOST", "RET", "PRINTI", "PRINTB", "PRINTS", "PRINTC",
                "PANIC", "GC", "NUMGOROUTINE", "GO", "GOSCHED", "MAKECHAN", "SEND", "RECV", "RECV2", "CLOSE",
                "CHANLEN", "CHANCAP"};
        Opcode[] all = Opcode.values();
        if (ordinals.length != all.length) {
            throw new AssertionError("interpreter knows " + ordinals.length + " opcodes, the instruction set has "
                    + all.length);
        }
        if (ADDI_CALL < all.length) {
            throw new AssertionError("fused opcodes overlap the instruction set");
        }
        for (int i = 0; i < ordinals.length; i++) {
            if (!all[ordinals[i]].name().equals(names[i])) {
                throw new AssertionError("opcode constant " + names[i] + " out of step with " + all[ordinals[i]]);
            }
        }
    }
}
