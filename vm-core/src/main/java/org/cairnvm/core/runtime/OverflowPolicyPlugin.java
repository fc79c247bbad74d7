package org.cairnvm.core.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import org.cairnvm.spi.OverflowHandler;
import org.cairnvm.spi.PluginKind;
import org.cairnvm.spi.VmPlugin;

/**
 * What core's overflow handlers share: a plugin of kind {@code overflow} that binds one
 * stateless handler. Core prints the report whatever the handler decides ({@code runtime:
 * goroutine stack exceeds N-byte limit}, {@code fatal error: stack overflow}, the goroutine's
 * trace); the handler only decides what ends.
 */
abstract class OverflowPolicyPlugin implements VmPlugin {
    private final String name;
    private final String description;
    private final OverflowHandler handler;

    OverflowPolicyPlugin(String name, String description, OverflowHandler handler) {
        this.name = name;
        this.description = description;
        this.handler = handler;
    }

    @Override
    public final PluginKind kind() {
        return PluginKind.OVERFLOW;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                // An instance, not a class: nothing for Guice to construct reflectively in core.
                bind(OverflowHandler.class).toInstance(handler);
            }
        };
    }
}
