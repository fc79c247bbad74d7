package org.cairnvm.sched.stackful;

import org.cairnvm.spi.Schedule;
import org.cairnvm.spi.ScheduleContext;
import org.cairnvm.spi.Scheduler;

/** The {@code stackful} scheduler; it holds nothing, each run's state is its {@link StackfulSchedule}. */
public final class StackfulScheduler implements Scheduler {
    @Override
    public Schedule start(ScheduleContext ctx) {
        return new StackfulSchedule(ctx);
    }
}
