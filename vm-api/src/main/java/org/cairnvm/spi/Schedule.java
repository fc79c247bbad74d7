package org.cairnvm.spi;

import java.util.Collection;

/**
 * One run's goroutines and run queue (see {@link Scheduler} for the policy every implementation
 * follows). Core calls it from its executor loop: {@link #spawn} for {@code go} (and for the main
 * goroutine), {@link #next} to pick what runs, {@link #park}/{@link #ready} around channel
 * operations and {@code runtime.Gosched}, {@link #exit} when a goroutine's entry function returns.
 * Never called on the interpreter's fast path: only at goroutine creation, blocking and ending.
 *
 * <p>Counters every implementation keeps: {@code sched.goroutinesCreated},
 * {@code sched.goroutinesPeak} (live at once), {@code sched.switches} (the executor changed
 * goroutine); with {@code --trace sched}, a line per creation, switch and end.
 */
public interface Schedule {
    /**
     * A new goroutine with the next id and an empty execution context (stackful: its own stack
     * from the strategy); core writes its entry frame, then queues it with {@link #ready}.
     */
    Goroutine spawn();

    /** Appends a goroutine at the tail of the run queue. */
    void ready(Goroutine g);

    /** Takes the goroutine at the head of the run queue and marks it running, or returns null when none is runnable. */
    Goroutine next();

    /** The running goroutine stops until {@link #ready}: {@code reason} as Go's traces name it. */
    void park(Goroutine g, String reason);

    /** The goroutine has ended; its stack is released. */
    void exit(Goroutine g);

    /** Every goroutine not yet ended, in creation order (the collector's roots, deadlock reports). */
    Collection<Goroutine> live();

    /** The run is over: every remaining goroutine's stack is released. */
    void end();
}
