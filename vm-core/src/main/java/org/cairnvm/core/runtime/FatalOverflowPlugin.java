package org.cairnvm.core.runtime;

/**
 * The default overflow handler, {@code fatal}: an overflowing stack ends the whole program, as in
 * Go.
 */
public final class FatalOverflowPlugin extends OverflowPolicyPlugin {
    public FatalOverflowPlugin() {
        super("fatal", "a stack overflow ends the program with Go's report, exit status 2 (Go's behaviour)",
                new FatalOverflow());
    }
}
