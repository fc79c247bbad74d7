package org.cairnvm.spi;

/**
 * One guest frame as the frame walker reports it. A frame at address {@code fp} holds the
 * caller's frame pointer at {@code fp} and the return-address word at {@code fp + 8}; its slots
 * follow at {@code fp + 8*slot}.
 */
public interface Frame {
    /** Address of the frame: the word holding the caller's frame pointer. */
    long fp();

    /** Index of the function in the program. */
    int functionIndex();

    /** Go's name for the function, as traces print it ({@code main.fib}, {@code main.(*Tree).Check}). */
    String functionName();

    /** The frame's resume pc. */
    int pc();

    /** Source line of the safepoint the frame stopped at. */
    int line();

    /** The source file's name, as traces print it ({@code prog.go}). */
    String file();

    /** {@code file:line}, as traces and reports print a frame's position. */
    default String location() {
        return file() + ":" + line();
    }

    /** Frame size in words, the two header words included. */
    int frameWords();

    /**
     * Slots (word offsets from {@code fp}) that hold live pointers at this frame's pc, from the
     * compiler's stack map: live pointer-typed slots and address-taken locals.
     */
    int[] pointerSlots();
}
