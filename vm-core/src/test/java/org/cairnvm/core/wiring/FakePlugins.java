package org.cairnvm.core.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Singleton;
import jakarta.inject.Inject;
import org.cairnvm.api.Config;
import org.cairnvm.spi.GuestStack;
import org.cairnvm.spi.OverflowEvent;
import org.cairnvm.spi.OverflowHandler;
import org.cairnvm.spi.PluginKind;
import org.cairnvm.spi.StackContext;
import org.cairnvm.spi.StackStrategy;
import org.cairnvm.spi.VmPlugin;

/** Plugins that only record how they were wired, so wiring is tested without the real runtime. */
final class FakePlugins {
    private FakePlugins() {
    }

    /** A plugin of any kind whose module binds whatever it is given. */
    record Plugin(PluginKind kind, String name, Module module) implements VmPlugin {
        @Override
        public String description() {
            return "fake " + kind.configKey() + " " + name;
        }
    }

    static Plugin stack(String name) {
        return new Plugin(PluginKind.STACK, name, new AbstractModule() {
            @Override
            protected void configure() {
                bind(StackStrategy.class).to(RecordingStack.class).in(Singleton.class);
                bind(String.class).toInstance(name);
            }
        });
    }

    static Plugin overflow(String name) {
        return new Plugin(PluginKind.OVERFLOW, name, new AbstractModule() {
            @Override
            protected void configure() {
                bind(OverflowHandler.class).toInstance(event -> OverflowHandler.Decision.FATAL);
            }
        });
    }

    static Plugin gc(String name) {
        return new Plugin(PluginKind.GC, name, new AbstractModule() {
            @Override
            protected void configure() {
            }
        });
    }

    /** Remembers the configuration and plugin name it was built with; never asked to run. */
    public static final class RecordingStack implements StackStrategy {
        final Config config;
        final String pluginName;

        @Inject
        public RecordingStack(Config config, String pluginName) {
            this.config = config;
            this.pluginName = pluginName;
        }

        @Override
        public GuestStack newStack(StackContext ctx, int goroutineId) {
            throw new UnsupportedOperationException("wiring tests do not run programs");
        }

        @Override
        public long morestack(StackContext ctx, GuestStack stack, int frameWords) {
            throw new UnsupportedOperationException("wiring tests do not run programs");
        }

        @Override
        public void shrink(StackContext ctx, GuestStack stack) {
            throw new UnsupportedOperationException("wiring tests do not run programs");
        }

        @Override
        public void release(StackContext ctx, GuestStack stack) {
            throw new UnsupportedOperationException("wiring tests do not run programs");
        }

        @Override
        public long reservedBytes(GuestStack stack) {
            return 0;
        }
    }

    /** An overflow handler an embedder might pass to the builder. */
    static final OverflowHandler HOST_HANDLER = (OverflowEvent event) -> OverflowHandler.Decision.KILL_GOROUTINE;
}
