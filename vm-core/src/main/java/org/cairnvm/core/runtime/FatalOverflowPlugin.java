package org.cairnvm.core.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import org.cairnvm.spi.OverflowHandler;
import org.cairnvm.spi.PluginKind;
import org.cairnvm.spi.VmPlugin;

/**
 * The default overflow handler, {@code fatal}: an overflowing stack ends the whole program, as in
 * Go. Core prints the report ({@code runtime: goroutine stack exceeds N-byte limit}, {@code fatal
 * error: stack overflow}, the goroutine's trace); this plugin only decides the outcome.
 */
public final class FatalOverflowPlugin implements VmPlugin {
    @Override
    public PluginKind kind() {
        return PluginKind.OVERFLOW;
    }

    @Override
    public String name() {
        return "fatal";
    }

    @Override
    public String description() {
        return "a stack overflow ends the program with Go's report, exit status 2 (Go's behaviour)";
    }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                // An instance, not a class: nothing for Guice to construct reflectively in core.
                bind(OverflowHandler.class).toInstance(new FatalOverflow());
            }
        };
    }
}
