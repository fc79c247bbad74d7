/**
 * Execution: one dispatch loop over register bytecode whose frames live in the guest stack's
 * word array ({@link org.cairnvm.core.interp.Interpreter}), and the baseline compiler that
 * translates a program's bytecode into JVM bytecode keeping those frames exactly, so that
 * compiled code and the loop hand a running goroutine back and forth
 * ({@link org.cairnvm.core.interp.BaselineCompiler}); Go 1.19's slice growth and bounds-error
 * wording, guest string objects, buffered guest output, and the
 * {@link org.cairnvm.core.interp.Unwind} that ends a goroutine on a panic or fatal error.
 */
package org.cairnvm.core.interp;
