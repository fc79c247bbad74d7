package org.cairnvm.core.runtime;

import org.cairnvm.spi.OverflowEvent;
import org.cairnvm.spi.OverflowHandler;

/** Go's answer to every overflow, whatever the limit: the program ends (exit status 2). */
public final class FatalOverflow implements OverflowHandler {
    @Override
    public Decision onOverflow(OverflowEvent event) {
        return Decision.FATAL;
    }
}
