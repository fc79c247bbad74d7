/**
 * The compiled form the compiler produces and the interpreter, frame walker and disassembler
 * read: register bytecode, frame layouts, stack maps, line tables, heap object layouts.
 *
 * <h2>Frames</h2>
 * Stacks grow down. A frame of {@code frameWords} words at address {@code fp} holds:
 * <pre>
 *   fp + 0   caller's frame pointer (an address; 0 for a goroutine's entry frame)
 *   fp + 8   return-address word: (callerFunction &lt;&lt; 32) | callerResumePc; 0 for the entry frame
 *   fp + 16  slot 2: the first parameter word, then the other parameters, locals, temporaries
 * </pre>
 * Instruction operands name slots by their word offset from {@code fp} (so slot 2 is the first
 * parameter). A caller evaluates arguments into consecutive slots of its own frame; {@code CALL}
 * copies them into the callee's parameter slots and, on return, the callee's {@code RET} writes
 * its result words into the caller's destination slot, found as the last operand of the caller's
 * {@code CALL} instruction ({@code code[resumePc - 1]}).
 *
 * <h2>Safepoints and stack maps</h2>
 * Every instruction that can call, allocate or block, and every back-edge ({@code LOOP}), is a
 * safepoint. Its stack map is keyed by its resume pc ({@code pc + length}), which is also what a
 * caller's return-address word holds, so a walker finds every frame's map the same way. A map
 * lists the slots holding live pointers while the instruction is in progress: the live-in of the
 * instruction, plus what is live after it except what it defines, plus address-taken locals.
 *
 * <h2>Heap objects</h2>
 * An object is a header word {@code (layoutId << 32) | payloadWords} followed by its payload;
 * pointers point at the payload (or inside it). A {@link org.cairnvm.core.code.Layout} is a unit
 * of words with a pointer map, repeated to fill the payload: one unit for {@code new(T)}, n units
 * for a slice's backing array. Layout 0 is {@link org.cairnvm.core.code.Layout#STRING}: a length
 * word then the bytes, eight to a word, little-endian.
 */
package org.cairnvm.core.code;
