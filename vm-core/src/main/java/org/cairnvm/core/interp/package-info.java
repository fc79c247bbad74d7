/**
 * The bytecode interpreter: one dispatch loop over register bytecode whose frames live in the
 * guest stack's word array ({@link org.cairnvm.core.interp.Interpreter}), Go 1.19's slice growth
 * and bounds-error wording, guest string objects, buffered guest output, and the
 * {@link org.cairnvm.core.interp.Unwind} that ends a goroutine on a panic or fatal error.
 */
package org.cairnvm.core.interp;
