/**
 * The disassembler: a compiled {@link org.cairnvm.core.code.Image} as text, for
 * {@code cairn disasm}: every function's frame layout, its bytecode with source lines, the stack
 * map after each safepoint, and optionally the escape-analysis decisions.
 */
package org.cairnvm.core.disasm;
