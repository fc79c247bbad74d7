package org.cairnvm.core.code;

import static org.cairnvm.core.code.Operand.*;

/**
 * The instruction set. An instruction is {@code code[pc] = opcode.ordinal()} followed by its
 * operands in the order listed. Integers are 64-bit two's complement; booleans are 0 or 1.
 * Offsets in memory operands are in words. "Safepoint" marks instructions that have a stack map.
 */
public enum Opcode {
    // ---- moves and constants
    /** d = s. */
    MOV(false, DST, SRC),
    /** d[0..n) = s[0..n). */
    MOVN(false, DSTN, SRCN, N),
    /** d[0..n) = 0. */
    ZERO(false, DSTN, N),
    /** d = imm (sign-extended). */
    LOADI(false, DST, IMM),
    /** d = constants[k] (large integers and string literal addresses). */
    LOADK(false, DST, CONST),

    // ---- integer arithmetic: d = a op b
    ADD(false, DST, SRC, SRC),
    SUB(false, DST, SRC, SRC),
    MUL(false, DST, SRC, SRC),
    /** Panics "integer divide by zero"; MinInt64 / -1 wraps as in Go. */
    DIV(false, DST, SRC, SRC),
    /** Panics "integer divide by zero". */
    REM(false, DST, SRC, SRC),
    AND(false, DST, SRC, SRC),
    OR(false, DST, SRC, SRC),
    XOR(false, DST, SRC, SRC),
    ANDNOT(false, DST, SRC, SRC),
    /** Panics "negative shift amount" when b &lt; 0; b &gt;= 64 gives 0. */
    SHL(false, DST, SRC, SRC),
    /** Arithmetic shift; panics "negative shift amount" when b &lt; 0; b &gt;= 64 gives 0 or -1. */
    SHR(false, DST, SRC, SRC),
    /** d = a + imm. */
    ADDI(false, DST, SRC, IMM),
    NEG(false, DST, SRC),
    BITNOT(false, DST, SRC),
    /** Boolean not: d = a ^ 1. */
    NOT(false, DST, SRC),
    /** Comparisons of words (ints, bools, pointers): d = 1 or 0. */
    EQ(false, DST, SRC, SRC),
    NE(false, DST, SRC, SRC),
    LT(false, DST, SRC, SRC),
    LE(false, DST, SRC, SRC),
    GT(false, DST, SRC, SRC),
    GE(false, DST, SRC, SRC),

    // ---- control
    /** Forward jump. */
    JMP(false, LABEL),
    /** Backward jump: a safepoint where the budget, interrupts and collections are polled. */
    LOOP(true, LABEL),
    /** Jump if s != 0. */
    JT(false, SRC, LABEL),
    /** Jump if s == 0. */
    JF(false, SRC, LABEL),
    /** Fused compare and branch: jump if a op b. */
    JEQ(false, SRC, SRC, LABEL),
    JNE(false, SRC, SRC, LABEL),
    JLT(false, SRC, SRC, LABEL),
    JLE(false, SRC, SRC, LABEL),
    JGT(false, SRC, SRC, LABEL),
    JGE(false, SRC, SRC, LABEL),
    /** Fused compare with an immediate and branch: jump if a op imm. */
    JEQI(false, SRC, IMM, LABEL),
    JNEI(false, SRC, IMM, LABEL),
    JLTI(false, SRC, IMM, LABEL),
    JLEI(false, SRC, IMM, LABEL),
    JGTI(false, SRC, IMM, LABEL),
    JGEI(false, SRC, IMM, LABEL),

    // ---- strings (a string is one word: 0 for "", else the address of its length word)
    /** d = a + b; allocates. */
    STRCAT(true, DST, SRC, SRC),
    STREQ(false, DST, SRC, SRC),
    STRNE(false, DST, SRC, SRC),
    STRLEN(false, DST, SRC),

    // ---- addresses and memory
    /** d = fp + 8*slot: the address of one of this frame's slots (a non-escaping address-taken local). */
    ADDR(false, DST, SLOT),
    /** d = address of global word g. */
    GADDR(false, DST, IMM),
    /** d[0..n) = globals[g..g+n). */
    GLOAD(false, DSTN, IMM, N),
    /** globals[g..g+n) = s[0..n). */
    GSTORE(false, IMM, SRCN, N),
    /** d[0..n) = memory[p + 8*off ..); panics on nil p. */
    LOAD(false, DSTN, SRC, IMM, N),
    /** memory[p + 8*off ..) = s[0..n); panics on nil p. */
    STORE(false, SRC, IMM, SRCN, N),
    /** d = p + 8*off (address of a field); panics on nil p. */
    LEA(false, DST, SRC, IMM),
    /** d = address of the payload of a new zeroed object of the layout with the given payload words. */
    NEW(true, DST, LAYOUT, IMM),

    // ---- indexing
    /** d = &s[i] for a slice s with elements of IMM words; panics "index out of range [i] with length n". */
    SLICEIDX(false, DST, SRC3, SRC, IMM),
    /** d = &(*p)[i] for p pointing at an array of length IMM(1) with elements of IMM(2) words; nil and bounds checked. */
    ARRIDX(false, DST, SRC, SRC, IMM, IMM),
    /** d[0..n) = frame array at SLOT, length IMM, elements of n words, element i; bounds checked. */
    FLOADIDX(false, DSTN, SLOT, SRC, IMM, N),
    /** frame array at SLOT, length IMM, element i = s[0..n); bounds checked. */
    FSTOREIDX(false, SLOT, SRC, IMM, SRCN, N),

    // ---- slices (three words: pointer, length, capacity)
    /** d = make([]T, len, cap), element layout and element words IMM; panics "makeslice: len out of range" / "makeslice: cap out of range". */
    MAKESLICE(true, DST3, LAYOUT, SRC, SRC, IMM),
    /** d = s[lo:hi:max] (absent bounds -1), elements of IMM words; panics "slice bounds out of range ...". */
    SLICE(false, DST3, SRC3, SRCOPT, SRCOPT, SRCOPT, IMM),
    /** d = (*p)[lo:hi:max] for p pointing at an array of length IMM(1), elements of IMM(2) words; nil and bounds checked. */
    SLICEPTR(false, DST3, SRC, IMM, SRCOPT, SRCOPT, SRCOPT, IMM),
    /** d = append(s, v0, ..., v(count-1)) with the values laid out from SRCN (width N = count*elemWords); element words IMM; element layout. Grows as Go 1.19's growslice, size classes included. */
    APPEND(true, DST3, SRC3, SRCN, N, IMM, LAYOUT),
    /** d = append(s, t...), element words IMM, element layout. */
    APPENDS(true, DST3, SRC3, SRC3, IMM, LAYOUT),

    // ---- calls
    /** Call a guest function: arguments from SLOT(args), result words to SLOT(dest), which must stay the last operand. */
    CALL(true, FUNC, SLOT, SLOT),
    /** Call a host function with IMM argument words from SLOT(args); result to SLOT(dest), the last operand. */
    CALLHOST(true, HOST, SLOT, IMM, SLOT),
    /** Return n result words from s (n may be 0). */
    RET(false, SRCN, N),

    // ---- built-ins
    /** Print an int to stream IMM (1 = standard output, 2 = standard error). */
    PRINTI(false, SRC, IMM),
    /** Print a bool. */
    PRINTB(false, SRC, IMM),
    /** Print a string. */
    PRINTS(false, SRC, IMM),
    /** Print the character IMM(1) to stream IMM(2). */
    PRINTC(false, IMM, IMM),
    /** panic(v): IMM 0 for a string value, 1 for an int value. */
    PANIC(false, SRC, IMM),
    /** runtime.GC(). */
    GC(true),
    /** d = runtime.NumGoroutine(). */
    NUMGOROUTINE(false, DST),

    // ---- goroutines and channels (a channel is one word: 0 for nil, else the payload address
    // of a channel object; see org.cairnvm.core.chan)
    /**
     * go f(args): a new goroutine whose entry frame runs FUNC with its parameter words copied
     * from SLOT (laid out as for CALL); it joins the tail of the run queue.
     */
    GO(true, FUNC, SLOT),
    /** runtime.Gosched(): the running goroutine goes to the tail of the run queue. */
    GOSCHED(true),
    /**
     * d = make(chan T, size): LAYOUT(1) the channel object's layout, LAYOUT(2) the buffer's
     * element layout, size (-1: unbuffered), element words IMM; panics "makechan: size out of range".
     */
    MAKECHAN(true, DST, LAYOUT, LAYOUT, SRCOPT, IMM),
    /** ch &lt;- s[0..n): may block; panics "send on closed channel"; a nil channel blocks forever. */
    SEND(true, SRC, SRCN, N),
    /** d[0..n) = &lt;-ch: may block; a closed, drained channel gives the zero value. */
    RECV(true, DSTN, SRC, N),
    /** d[0..n), ok = &lt;-ch: ok is 0 when the value is the zero value of a closed, drained channel. */
    RECV2(true, DSTN, DST, SRC, N),
    /** close(ch): wakes every waiter; panics "close of nil channel" / "close of closed channel". */
    CLOSE(false, SRC),
    /** d = len(ch): buffered elements (0 for nil). */
    CHANLEN(false, DST, SRC),
    /** d = cap(ch): buffer size (0 for nil). */
    CHANCAP(false, DST, SRC);

    private static final Opcode[] VALUES = values();

    private final boolean safepoint;
    private final Operand[] operands;

    Opcode(boolean safepoint, Operand... operands) {
        this.safepoint = safepoint;
        this.operands = operands;
    }

    /** Whether the instruction has a stack map (calls, allocations, blocking, back-edges). */
    public boolean safepoint() {
        return safepoint;
    }

    /** Operand kinds, in encoding order. */
    public Operand[] operands() {
        return operands.clone();
    }

    public int operandCount() {
        return operands.length;
    }

    /** Instruction length in ints, opcode included. */
    public int length() {
        return 1 + operands.length;
    }

    public static Opcode of(int ordinal) {
        return VALUES[ordinal];
    }
}
