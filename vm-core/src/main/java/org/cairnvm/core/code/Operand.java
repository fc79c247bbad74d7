package org.cairnvm.core.code;

/** Kinds of instruction operand, for the disassembler, the verifier and liveness. */
public enum Operand {
    /** A slot written, one word. */
    DST,
    /** A slot read, one word. */
    SRC,
    /** A slot written, width given by the instruction's {@link #N} operand. */
    DSTN,
    /** A slot read, width given by the instruction's {@link #N} operand. */
    SRCN,
    /** A slice value written: three words. */
    DST3,
    /** A slice value read: three words. */
    SRC3,
    /** A slot read, or -1 when absent (slice bounds). */
    SRCOPT,
    /** A frame slot named by the instruction without being read or written as a value (address-of, frame arrays, call argument and result areas). */
    SLOT,
    /** A width in words. */
    N,
    /** An immediate integer. */
    IMM,
    /** An absolute pc. */
    LABEL,
    /** A function index. */
    FUNC,
    /** An index into the function's constant pool. */
    CONST,
    /** A layout id. */
    LAYOUT,
    /** A host function index. */
    HOST
}
