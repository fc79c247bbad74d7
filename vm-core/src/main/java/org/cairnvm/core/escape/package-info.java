/**
 * Escape analysis, as Go's compiler does it: decides which address-taken locals and which
 * {@code new(T)}/{@code &T{}} allocations may stay in their function's frame and which must live
 * on the heap, and summarises for every function which parameters leak (to the heap, or only to
 * the result). Its invariant is the one stack copying depends on: a pointer into a stack is never
 * stored in the heap or a global and never outlives its frame, so pointers into a goroutine's
 * stack are found only in that stack's own slots. Values sent on a channel and the arguments (and
 * receiver) of a {@code go} statement count as stored in the heap: they reach another goroutine,
 * whose stack moves independently.
 */
package org.cairnvm.core.escape;
