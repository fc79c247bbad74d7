/**
 * The back end: from a checked program and its escape decisions to an
 * {@link org.cairnvm.core.code.Image}. {@link org.cairnvm.core.compile.Compiler} runs the whole
 * pipeline; {@link org.cairnvm.core.compile.FunctionCompiler} turns one function into register
 * bytecode (expressions compiled into their destination slot, fused compare-and-branch, every
 * backward jump a {@code LOOP}); {@link org.cairnvm.core.compile.Frame} assigns frame slots, each
 * with one static type so its pointer-ness never changes; {@link org.cairnvm.core.compile.Liveness}
 * computes the stack map of every safepoint from the emitted code; {@link
 * org.cairnvm.core.compile.ImageBuilder} owns what is shared between functions (layouts, string
 * literals in the static region, function and global numbering, the channel layout);
 * {@link org.cairnvm.core.compile.SubsetCheck} rejects the {@code go} statements that have no guest
 * function to start.
 */
package org.cairnvm.core.compile;
