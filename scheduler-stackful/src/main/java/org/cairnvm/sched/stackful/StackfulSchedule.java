package org.cairnvm.sched.stackful;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.cairnvm.spi.Goroutine;
import org.cairnvm.spi.GuestStack;
import org.cairnvm.spi.Schedule;
import org.cairnvm.spi.ScheduleContext;

/**
 * One run's goroutines under the stackful scheduler. Each goroutine gets its own stack from the
 * strategy when it is created and gives it back when it ends; a parked goroutine keeps its stack
 * (which the collector still scans, and a copying strategy may shrink and so move). The run queue
 * is first in, first out, as the {@link org.cairnvm.spi.Scheduler} policy says.
 */
final class StackfulSchedule implements Schedule {
    private final ScheduleContext ctx;
    private final ArrayDeque<Goroutine> runQueue = new ArrayDeque<>();
    /** Live goroutines in creation order: a linked set, so a million of them end in constant time each. */
    private final Set<Goroutine> live = new LinkedHashSet<>();
    private final boolean tracing;
    private int lastId;
    /** The goroutine that ran last, to count only real switches. */
    private Goroutine last;
    /** Why {@link #last} stopped, for the trace. */
    private String lastStop = "";

    StackfulSchedule(ScheduleContext ctx) {
        this.ctx = ctx;
        this.tracing = ctx.trace().enabled("sched");
        for (String key : new String[] {"sched.goroutinesCreated", "sched.goroutinesPeak", "sched.switches"}) {
            ctx.counters().add(key, 0);
        }
    }

    @Override
    public Goroutine spawn() {
        int id = ++lastId;
        GuestStack stack = ctx.strategy().newStack(ctx.stacks(), id);
        Goroutine g = new Goroutine(id, stack);
        live.add(g);
        ctx.counters().add("sched.goroutinesCreated", 1);
        ctx.counters().max("sched.goroutinesPeak", live.size());
        if (tracing && last != null) {
            ctx.trace().line("sched", "sched: goroutine " + id + " created by goroutine " + last.id());
        }
        return g;
    }

    @Override
    public void ready(Goroutine g) {
        g.status(Goroutine.Status.RUNNABLE, "");
        runQueue.addLast(g);
    }

    @Override
    public Goroutine next() {
        Goroutine g = runQueue.pollFirst();
        if (g == null) {
            return null;
        }
        g.status(Goroutine.Status.RUNNING, "");
        if (last != null && g != last) {
            ctx.counters().add("sched.switches", 1);
            if (tracing) {
                ctx.trace().line("sched", "sched: switch goroutine " + last.id() + " (" + lastStop + ") -> goroutine "
                        + g.id());
            }
        }
        last = g;
        lastStop = "preempted";
        return g;
    }

    @Override
    public void park(Goroutine g, String reason) {
        g.status(Goroutine.Status.WAITING, reason);
        lastStop = reason;
    }

    @Override
    public void exit(Goroutine g) {
        g.status(Goroutine.Status.DEAD, "");
        live.remove(g);
        lastStop = "exited";
        ctx.strategy().release(ctx.stacks(), g.stack());
    }

    @Override
    public Collection<Goroutine> live() {
        return Collections.unmodifiableSet(live);
    }

    @Override
    public void end() {
        for (Goroutine g : live) {
            g.status(Goroutine.Status.DEAD, "");
            ctx.strategy().release(ctx.stacks(), g.stack());
        }
        live.clear();
        runQueue.clear();
    }
}
