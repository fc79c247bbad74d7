package org.cairnvm.core.runtime;

import java.io.Writer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cairnvm.api.Config;
import org.cairnvm.api.HostFunction;
import org.cairnvm.spi.Collector;
import org.cairnvm.spi.OverflowHandler;
import org.cairnvm.spi.Scheduler;
import org.cairnvm.spi.StackStrategy;

/**
 * Everything one run needs besides the program: the resolved configuration, the chosen plugins
 * (from the VM's injector), host functions, output destinations and the interrupt flag the VM's
 * {@code interrupt()} sets.
 *
 * @param config resolved configuration
 * @param stack the stack strategy plugin
 * @param overflow the overflow handler (plugin or host-supplied)
 * @param hosts host function bodies by Go name
 * @param out guest standard output
 * @param err guest standard error (panic reports, traces, println)
 * @param interrupt set from another thread to stop the run at its next safepoint
 * @param gc the garbage collector plugin, or null to run without collecting
 * @param scheduler the scheduler plugin
 */
public record RunEnv(Config config, StackStrategy stack, OverflowHandler overflow, Map<String, HostFunction> hosts,
                     Writer out, Writer err, AtomicBoolean interrupt, Collector gc, Scheduler scheduler) {
}
