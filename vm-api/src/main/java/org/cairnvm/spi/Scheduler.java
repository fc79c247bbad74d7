package org.cairnvm.spi;

/**
 * The scheduler (plugin kind {@code scheduler}): owns a run's goroutines. Plugins are singletons
 * per VM; each run gets its own {@link Schedule}.
 *
 * <p>The policy is the same for every scheduler, so that every combination of modules prints
 * the same output for the same program: one first-in-first-out run queue; a goroutine runs until
 * it blocks, yields or ends; {@code go} appends the new goroutine at the tail, and a woken
 * goroutine is appended at the tail. What differs is what a goroutine is made of (a stack of its
 * own, or heap frames on one executor stack) and so what creating, switching and ending one cost.
 */
public interface Scheduler {
    /** Begins a run's scheduling, with no goroutine yet. */
    Schedule start(ScheduleContext ctx);
}
