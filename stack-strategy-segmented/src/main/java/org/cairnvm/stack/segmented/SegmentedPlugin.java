package org.cairnvm.stack.segmented;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.cairnvm.api.Config;
import org.cairnvm.spi.PluginKind;
import org.cairnvm.spi.StackStrategy;
import org.cairnvm.spi.VmPlugin;

/** The {@code segmented} stack plugin: linked stack segments with hot-split accounting. */
public final class SegmentedPlugin implements VmPlugin {
    /** The keys this plugin reads besides core's. */
    static final List<Config.Key> KEYS = List.of(CachePolicy.KEY, SplitLedger.HOT_THRESHOLD);

    @Override
    public PluginKind kind() {
        return PluginKind.STACK;
    }

    @Override
    public String name() {
        return "segmented";
    }

    @Override
    public String description() {
        return "linked stack segments, split on call and unlinked on return (Go <= 1.2, -fsplit-stack), with hot-split accounting";
    }

    @Override
    public List<Config.Key> keys() {
        return KEYS;
    }

    /** Each cache policy: they differ in exactly what the module exists to show. */
    @Override
    public List<Map<String, String>> variants() {
        return Arrays.stream(CachePolicy.values()).map(p -> Map.of(CachePolicy.KEY.name(), p.configName())).toList();
    }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                // Stateless (run state lives in the context, goroutine state in the stack): one per VM.
                bind(StackStrategy.class).toInstance(new SegmentedStrategy());
            }
        };
    }
}
