package org.cairnvm.core.code;

import java.util.List;

/**
 * One compiled function.
 *
 * @param index position in {@link Image#functions()}; what return-address words name
 * @param name Go's name, as traces print it ({@code main.fib}, {@code main.(*Tree).Check})
 * @param code the bytecode
 * @param lines source line of every pc (same length as code)
 * @param constants the constant pool for {@code LOADK}
 * @param frameWords frame size in words, the two header words included
 * @param paramWords parameter words (receiver first), starting at slot 2
 * @param resultWords result words (0 when none)
 * @param stackMap pointer slots at each safepoint
 * @param slots what each slot holds, for disassembly
 * @param declLine the line of the {@code func} keyword
 */
public record FunctionCode(int index, String name, int[] code, int[] lines, long[] constants, int frameWords,
                           int paramWords, int resultWords, StackMap stackMap, List<SlotInfo> slots,
                           int declLine) {
    /** Words at the start of every frame: saved frame pointer, return-address word. */
    public static final int HEADER_WORDS = 2;

    /** The source line of the instruction that ends just before {@code resumePc} (a caller's call site). */
    public int lineBefore(int resumePc) {
        if (resumePc <= 0 || code.length == 0) {
            return declLine;
        }
        return lines[Math.min(resumePc, code.length) - 1];
    }
}
