package org.cairnvm.core.runtime;

import org.cairnvm.spi.OverflowEvent;
import org.cairnvm.spi.OverflowHandler;

/** Ends only the goroutine whose stack overflowed; the program goes on and exits with status 2. */
public final class KillGoroutineOverflow implements OverflowHandler {
    @Override
    public Decision onOverflow(OverflowEvent event) {
        return Decision.KILL_GOROUTINE;
    }
}
