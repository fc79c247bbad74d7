package org.cairnvm.core.runtime;

/**
 * The {@code kill-goroutine} overflow handler: the goroutine that overflowed ends with the same
 * report Go prints for a fatal overflow, and the others go on; when {@code main} returns, the
 * exit status is 2 and the run's error is that report. If the goroutine was the one running
 * {@code main}, the program ends there, as it does whenever {@code main} ends.
 */
public final class KillGoroutineOverflowPlugin extends OverflowPolicyPlugin {
    public KillGoroutineOverflowPlugin() {
        super("kill-goroutine",
                "a stack overflow ends only that goroutine, with Go's report; the run exits 2 at its end",
                new KillGoroutineOverflow());
    }

    /** Go has no such policy: a program that overflows a goroutine ends differently here. */
    @Override
    public boolean matchesGo() {
        return false;
    }
}
