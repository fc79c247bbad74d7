package org.cairnvm.stack.copying;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Singleton;
import org.cairnvm.spi.PluginKind;
import org.cairnvm.spi.StackStrategy;
import org.cairnvm.spi.VmPlugin;

/** Service entry point of the {@code copying} stack strategy (the default). */
public final class CopyingPlugin implements VmPlugin {
    @Override
    public PluginKind kind() {
        return PluginKind.STACK;
    }

    @Override
    public String name() {
        return "copying";
    }

    @Override
    public String description() {
        return "contiguous stacks that double, copy and relocate pointers (Go >= 1.3)";
    }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(StackStrategy.class).to(CopyingStacks.class).in(Singleton.class);
            }
        };
    }
}
