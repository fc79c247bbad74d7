/**
 * The {@code copying} stack strategy: one contiguous region per goroutine stack, doubled when a
 * frame does not fit, with the used part copied to the top of the new region and every pointer
 * into the old range relocated through the frame walker (saved frame pointers and the stack-map
 * pointer slots of every frame, which include address-taken locals). Stacks halve when less
 * than a quarter is in use. {@link org.cairnvm.stack.copying.CopyingStacks} holds the
 * invariants; {@link org.cairnvm.stack.copying.CopyingPlugin} is the service entry point.
 */
package org.cairnvm.stack.copying;
