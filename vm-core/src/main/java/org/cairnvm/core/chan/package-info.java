/**
 * Channels: Go's semantics over channel objects in the guest heap ({@link
 * org.cairnvm.core.code.ChanObject}) and the run's table of goroutines waiting on them. Unbuffered
 * channels hand a value straight from the sender's frame to the receiver's; buffered ones keep a
 * ring in a heap array. A parked goroutine's value or destination stays in its own frame, named by
 * slot, not address, because its stack may move (shrink at a collection) while it waits: the
 * sender's value is live in the stack map of its {@code SEND}, the receiver's destination in that
 * of its {@code RECV} (zeroed when it parks). Go keeps the same things in {@code sudog}s pointing
 * into the stack, and adjusts them when it copies one.
 */
package org.cairnvm.core.chan;
