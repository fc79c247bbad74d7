package org.cairnvm.core.interp;

/**
 * A program's functions as the {@link BaselineCompiler} made them: one hidden class per run, one
 * static method per compiled function, and this entry point, through which the interpreter
 * calls into them.
 *
 * <p>The calling convention is the interpreter's own: the caller has already written the callee's
 * frame (header and arguments) at word index {@code fp} of {@code w}, and the callee writes its
 * results to word index {@code dst}, the caller's destination slot, before it returns.
 */
interface CompiledCode {
    /**
     * Runs compiled function {@code function} in the frame at {@code fp} until it returns or hands
     * control back to the interpreter.
     *
     * @param guard the lowest word index a new frame may start at (the segment's guard, or higher,
     *     to bound the depth of JVM frames)
     * @param counts {@code calls << 32 | instructions} executed since the interpreter last
     *     accounted for them
     * @param dst the word index where the results go; or, negative, {@code ~pc} of a loop header
     *     where the interpreter enters the running frame at {@code fp}, whose return then hands
     *     back (the interpreter returns from the frame itself)
     * @return the counts, updated; negative ({@link #HANDED_BACK} set) when compiled code handed
     *     control back to the interpreter, which continues from the state saved in the guest stack
     */
    long call(int function, Interpreter interpreter, long[] w, int fp, int guard, long counts, int dst);

    /** The sign bit of a returned count: compiled code handed control back (a deoptimisation). */
    long HANDED_BACK = Long.MIN_VALUE;

    /** One call in the counts word. */
    long ONE_CALL = 1L << 32;
}
