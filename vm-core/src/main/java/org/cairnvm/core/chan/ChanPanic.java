package org.cairnvm.core.chan;

/** A channel operation that Go answers with a panic ({@code send on closed channel}); the interpreter turns it into the guest's panic. */
public final class ChanPanic extends RuntimeException {
    public ChanPanic(String message) {
        super(message, null, false, false);
    }
}
