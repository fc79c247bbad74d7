package org.cairnvm.core.parse;

import java.util.function.Supplier;

/**
 * Runs a recursive front-end pass on a thread whose stack is large enough for the deepest tree
 * {@link Parser#MAX_NESTING} allows, whatever the caller's own stack size.
 *
 * <p>The parser and the checker recurse once or more per nesting level, and before the JIT
 * compiles them an interpreted frame can take a few hundred bytes; 1000 levels then need more
 * than the 512 KiB to 1 MiB that Java threads get by default. Rather than lower the limit below
 * what real programs might use, each pass runs on its own thread with {@link #STACK_BYTES}.
 */
public final class StackBudget {
    /**
     * Stack reserved for a front-end pass: 64 MiB, about 30 times what {@link Parser#MAX_NESTING}
     * levels need in the interpreter, so the bound on nesting (not the Java stack) is always what
     * stops a hostile program. Only the pages actually touched are committed by the OS.
     */
    public static final long STACK_BYTES = 64L << 20;

    private StackBudget() {
    }

    /** Runs {@code body} on a fresh thread with {@link #STACK_BYTES} of stack and returns its result. */
    public static <T> T run(String name, Supplier<T> body) {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                result[0] = body.get();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, name, STACK_BYTES);
        t.setDaemon(true);
        t.start();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the pass is short; finish it, then restore the flag
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] instanceof RuntimeException re) {
            throw re;
        }
        if (failure[0] instanceof Error err) {
            throw err;
        }
        @SuppressWarnings("unchecked")
        T r = (T) result[0];
        return r;
    }
}
