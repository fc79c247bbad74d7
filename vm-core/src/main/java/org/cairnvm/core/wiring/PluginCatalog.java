package org.cairnvm.core.wiring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import org.cairnvm.api.Config;
import org.cairnvm.spi.PluginKind;
import org.cairnvm.spi.VmPlugin;

/**
 * The plugins installed, found with {@link ServiceLoader}, and the choice of one per kind. A
 * plugin is installed when its module is on the module path or its jar (with a
 * {@code META-INF/services} entry) is on the class path; both are searched, so core works the
 * same embedded in a modular application and in a plain class-path one.
 */
public final class PluginCatalog {
    private final List<VmPlugin> plugins;

    /** A catalog of exactly these plugins (tests use it to wire fakes); a repeated kind and name keeps the first. */
    public PluginCatalog(List<VmPlugin> plugins) {
        List<VmPlugin> unique = new ArrayList<>();
        for (VmPlugin p : plugins) {
            if (unique.stream().noneMatch(q -> q.kind() == p.kind() && q.name().equals(p.name()))) {
                unique.add(p);
            }
        }
        unique.sort(Comparator.comparing(VmPlugin::kind).thenComparing(VmPlugin::name));
        this.plugins = List.copyOf(unique);
    }

    /**
     * Every plugin visible from {@code loader}: providers in named modules of its layers and
     * {@code META-INF/services} entries on its class path, plus, when the thread's context class
     * loader differs (an application server, a test runner), those visible from that one too.
     */
    public static PluginCatalog discover(ClassLoader loader) {
        List<VmPlugin> found = new ArrayList<>();
        Set<String> providerClasses = new LinkedHashSet<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        for (ClassLoader l : context == null || context == loader ? List.of(loader) : List.of(loader, context)) {
            try {
                for (VmPlugin p : ServiceLoader.load(VmPlugin.class, l)) {
                    if (providerClasses.add(p.getClass().getName())) {
                        found.add(p);
                    }
                }
            } catch (ServiceConfigurationError e) {
                throw new IllegalStateException("a Cairn plugin could not be loaded: " + e.getMessage(), e);
            }
        }
        return new PluginCatalog(found);
    }

    /** Every plugin, sorted by kind then name. */
    public List<VmPlugin> plugins() {
        return plugins;
    }

    /** The plugins of one kind, sorted by name. */
    public List<VmPlugin> ofKind(PluginKind kind) {
        return plugins.stream().filter(p -> p.kind() == kind).toList();
    }

    /**
     * One plugin per kind, by the name under the kind's configuration key. A kind is skipped when
     * nothing of it is installed, unless core needs it ({@code required}) or a source set its key
     * on purpose: then asking for it is an error, as asking for an unknown name is.
     *
     * @throws IllegalArgumentException {@code unknown stack plugin 'foo' (available: copying)}
     */
    public Map<PluginKind, VmPlugin> choose(Config config, Set<String> explicitKeys, Set<PluginKind> required) {
        Map<PluginKind, VmPlugin> chosen = new EnumMap<>(PluginKind.class);
        for (PluginKind kind : PluginKind.values()) {
            List<VmPlugin> candidates = ofKind(kind);
            if (candidates.isEmpty() && !required.contains(kind) && !explicitKeys.contains(kind.configKey())) {
                continue;
            }
            String name = config.get(kind.configKey()).map(String::trim).orElse("");
            VmPlugin match = candidates.stream().filter(p -> p.name().equals(name)).findFirst()
                    .orElseThrow(() -> unknown(kind, name, candidates));
            chosen.put(kind, match);
        }
        return chosen;
    }

    private static IllegalArgumentException unknown(PluginKind kind, String name, List<VmPlugin> candidates) {
        String available = candidates.isEmpty() ? "none"
                : String.join(", ", candidates.stream().map(VmPlugin::name).toList());
        return new IllegalArgumentException("unknown " + kind.configKey() + " plugin '" + name + "' (available: "
                + available + ")");
    }
}
