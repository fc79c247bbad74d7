package org.cairnvm.gc.precise;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Singleton;
import org.cairnvm.spi.Collector;
import org.cairnvm.spi.PluginKind;
import org.cairnvm.spi.VmPlugin;

/** Service entry point of the {@code precise} collector (the default). */
public final class PrecisePlugin implements VmPlugin {
    @Override
    public PluginKind kind() {
        return PluginKind.GC;
    }

    @Override
    public String name() {
        return "precise";
    }

    @Override
    public String description() {
        return "precise moving collector: Cheney semispace copying over stack-map roots";
    }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(Collector.class).to(CheneyCollector.class).in(Singleton.class);
            }
        };
    }
}
