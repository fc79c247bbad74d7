/**
 * The {@code segmented} stack strategy: a goroutine's stack as a chain of linked segments.
 * {@link org.cairnvm.stack.segmented.SegmentedStrategy} links and unlinks segments on the
 * prologue's slow path and on returns across a boundary; {@code SegmentChain} holds one
 * goroutine's segments and spares; {@code CachePolicy} decides what an unlinked segment becomes
 * ({@code segment.cache}); {@code SplitLedger} counts one run's segments and switches per call
 * site and names the hot splits. {@link org.cairnvm.stack.segmented.SegmentedPlugin} registers
 * the strategy with the VM.
 */
package org.cairnvm.stack.segmented;
