package org.cairnvm.spi;

/**
 * One goroutine of a run, shared by core (which runs it) and the {@link Scheduler} (which owns
 * it: creates it, queues it, parks it and ends it). Under the stackful scheduler it owns a
 * {@link GuestStack} from the stack strategy; the interpreter's state while it is switched out is
 * that stack's saved top frame (frame pointer, function, resume pc), so a switch moves no
 * registers. A stackless scheduler would give it a chain of heap frames instead.
 */
public final class Goroutine {
    /** Where a goroutine is in its life. */
    public enum Status {
        /** In the run queue. */
        RUNNABLE,
        /** On the executor. */
        RUNNING,
        /** Parked until another goroutine wakes it (a channel operation), or forever. */
        WAITING,
        /** Returned from its entry function, or ended by an overflow. */
        DEAD
    }

    private final int id;
    private final GuestStack stack;
    private Status status = Status.RUNNABLE;
    private String waitReason = "";
    private long createdBy = -1;
    /** Core's state for the operation the goroutine is parked in; opaque to schedulers. */
    public Object parking;

    public Goroutine(int id, GuestStack stack) {
        this.id = id;
        this.stack = stack;
    }

    /** Go's goroutine id: 1 for the one running {@code main}, then 2, 3, ... in creation order. */
    public int id() {
        return id;
    }

    /** Its stack, whose top frame is exact whenever the goroutine is not running. */
    public GuestStack stack() {
        return stack;
    }

    /**
     * The {@code go} statement that created it, {@code (function << 32) | resume pc}, or -1 for
     * the goroutine running {@code main}: traces end with it, as Go's {@code created by} line.
     */
    public long createdBy() {
        return createdBy;
    }

    /** Records the {@code go} statement that created it; called by core. */
    public void createdBy(int function, int resumePc) {
        this.createdBy = ((long) function << 32) | (resumePc & 0xFFFF_FFFFL);
    }

    public Status status() {
        return status;
    }

    /** Why it waits, as Go's traces say it ({@code chan receive}, {@code chan send (nil chan)}); empty otherwise. */
    public String waitReason() {
        return waitReason;
    }

    /** Sets the status; the reason is kept only while waiting. Called by schedulers. */
    public void status(Status status, String waitReason) {
        this.status = status;
        this.waitReason = status == Status.WAITING ? waitReason : "";
    }

    @Override
    public String toString() {
        return "goroutine " + id + " [" + (status == Status.WAITING ? waitReason : status.name().toLowerCase()) + "]";
    }
}
