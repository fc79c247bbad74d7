package org.cairnvm.gc.conservative;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Singleton;
import java.util.List;
import org.cairnvm.api.Config;
import org.cairnvm.spi.Collector;
import org.cairnvm.spi.PluginKind;
import org.cairnvm.spi.VmPlugin;

/** Service entry point of the {@code conservative} collector. */
public final class ConservativePlugin implements VmPlugin {
    @Override
    public PluginKind kind() {
        return PluginKind.GC;
    }

    @Override
    public String name() {
        return "conservative";
    }

    @Override
    public String description() {
        return "conservative non-moving collector: ambiguous stack roots, precise heap, mark-sweep";
    }

    @Override
    public List<Config.Key> keys() {
        return List.of(new Config.Key(MarkSweepCollector.CROSSCHECK, "false",
                "conservative gc: also mark from exact roots and report gc.falseRetainedWords"));
    }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(Collector.class).to(MarkSweepCollector.class).in(Singleton.class);
            }
        };
    }
}
