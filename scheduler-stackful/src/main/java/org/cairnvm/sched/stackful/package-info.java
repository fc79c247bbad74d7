/**
 * The {@code stackful} scheduler (the default): a goroutine is a stack of its own from the stack
 * strategy, and switching is saving the running one's top frame (which the interpreter does at
 * every safepoint anyway) and resuming another's. Owns the run queue and the per-run goroutine
 * table, the {@code sched.*} counters and the {@code sched} trace.
 */
package org.cairnvm.sched.stackful;
