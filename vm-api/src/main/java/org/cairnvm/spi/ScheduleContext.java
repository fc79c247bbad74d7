package org.cairnvm.spi;

/** What core lends a scheduler for one run. */
public interface ScheduleContext {
    /** The run's stack strategy, which gives goroutines their stacks. */
    StackStrategy strategy();

    /** The context the strategy is called with. */
    StackContext stacks();

    Counters counters();

    Trace trace();
}
