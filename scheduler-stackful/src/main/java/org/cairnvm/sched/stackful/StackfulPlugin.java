package org.cairnvm.sched.stackful;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Singleton;
import org.cairnvm.spi.PluginKind;
import org.cairnvm.spi.Scheduler;
import org.cairnvm.spi.VmPlugin;

/** Service entry point of the {@code stackful} scheduler (the default). */
public final class StackfulPlugin implements VmPlugin {
    @Override
    public PluginKind kind() {
        return PluginKind.SCHEDULER;
    }

    @Override
    public String name() {
        return "stackful";
    }

    @Override
    public String description() {
        return "every goroutine owns a growable guest stack from the stack strategy (Go's model)";
    }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(Scheduler.class).to(StackfulScheduler.class).in(Singleton.class);
            }
        };
    }
}
