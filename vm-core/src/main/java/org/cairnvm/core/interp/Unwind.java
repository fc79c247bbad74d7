package org.cairnvm.core.interp;

import java.util.List;
import org.cairnvm.api.GuestError;

/**
 * Ends the running goroutine: a guest panic, a fatal runtime error, the instruction budget or an
 * interrupt. It carries the report's head (the lines Go prints before the blank line and the
 * goroutine trace); the runtime's report printer adds the trace, walking the stack, whose top
 * frame the interpreter saved before throwing. An overflow is reported by the overflow machinery
 * itself, which hands back an unwind already {@link #reported()}.
 *
 * <p>No Java stack trace is captured: an unwind is guest control flow, not a VM bug.
 */
public final class Unwind extends RuntimeException {
    private final GuestError.Kind kind;
    private final List<String> head;
    private final GuestError reported;
    private final boolean goroutineOnly;

    private Unwind(GuestError.Kind kind, List<String> head, GuestError reported) {
        this(kind, head, reported, false);
    }

    private Unwind(GuestError.Kind kind, List<String> head, GuestError reported, boolean goroutineOnly) {
        super(head.isEmpty() ? reported.firstLine() : head.getFirst(), null, false, false);
        this.kind = kind;
        this.head = List.copyOf(head);
        this.reported = reported;
        this.goroutineOnly = goroutineOnly;
    }

    /** {@code panic(v)} with a string or int value, already rendered. */
    public static Unwind panic(String value) {
        return new Unwind(GuestError.Kind.PANIC, List.of("panic: " + value), null);
    }

    /** A runtime error panic: {@code panic: runtime error: index out of range [5] with length 3}. */
    public static Unwind runtimeError(String message) {
        return panic("runtime error: " + message);
    }

    /** The nil-pointer panic, with Go's signal line. */
    public static Unwind nilDereference() {
        return new Unwind(GuestError.Kind.PANIC, List.of(
                "panic: runtime error: invalid memory address or nil pointer dereference",
                "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]"), null);
    }

    /** A fault outside the nil page: Go's {@code unexpected fault address}, then {@code fatal error: fault}. */
    public static Unwind unexpectedFault(long address) {
        String hex = "0x" + Long.toHexString(address);
        return new Unwind(GuestError.Kind.FATAL, List.of("unexpected fault address " + hex, "fatal error: fault",
                "[signal SIGSEGV: segmentation violation code=0x1 addr=" + hex + " pc=0x0]"), null);
    }

    /** {@code fatal error: <message>}. */
    public static Unwind fatal(String message) {
        return new Unwind(GuestError.Kind.FATAL, List.of("fatal error: " + message), null);
    }

    /** The deterministic instruction budget ran out. */
    public static Unwind budget(long instructions) {
        return new Unwind(GuestError.Kind.BUDGET,
                List.of("fatal error: instruction budget exhausted (" + instructions + " instructions)"), null);
    }

    /** The host interrupted the run. */
    public static Unwind interrupted() {
        return new Unwind(GuestError.Kind.INTERRUPTED, List.of("fatal error: interrupted"), null);
    }

    /** An error whose report has already been written (stack overflow). */
    public static Unwind reported(GuestError error) {
        return new Unwind(error.kind(), List.of(), error);
    }

    /**
     * An error already reported that ends only the goroutine it unwinds (the {@code
     * kill-goroutine} overflow handler's decision); the others go on.
     */
    public static Unwind goroutineKilled(GuestError error) {
        return new Unwind(error.kind(), List.of(), error, true);
    }

    /** Whether only the unwound goroutine ends, not the program. */
    public boolean goroutineOnly() {
        return goroutineOnly;
    }

    public GuestError.Kind kind() {
        return kind;
    }

    /** The lines before the blank line and the trace; empty when already reported. */
    public List<String> head() {
        return head;
    }

    /** The error as already written, or null when the report is still to be printed. */
    public GuestError reported() {
        return reported;
    }
}
