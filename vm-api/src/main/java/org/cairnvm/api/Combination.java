package org.cairnvm.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cairnvm.spi.PluginKind;
import org.cairnvm.spi.VmPlugin;

/**
 * One configuration worth comparing against the others: one plugin per kind, for every kind
 * that has at least one plugin installed, plus the settings of one of each chosen plugin's
 * {@linkplain VmPlugin#variants() variants} ({@code segment.cache=one}). {@link #all} enumerates
 * every such combination, which is what {@code cairn matrix}, the golden tests and the
 * differential tests run a program under: a plugin that is installed later is picked up without
 * any change to them.
 *
 * <p>A kind with no plugin installed is left out entirely, so its configuration key is never set
 * and the VM's own default handling applies.
 *
 * @param choices plugin name per kind, in {@link PluginKind} order
 * @param options the chosen variants' settings, sorted by key
 */
public record Combination(SortedMap<PluginKind, String> choices, SortedMap<String, String> options) {

    public Combination {
        choices = new TreeMap<>(choices);
        options = new TreeMap<>(options);
    }

    /** Plugin choices with no variant settings. */
    public Combination(SortedMap<PluginKind, String> choices) {
        this(choices, new TreeMap<>());
    }

    /**
     * Every combination of {@code installed} and their variants: the cartesian product over the
     * kinds (in {@link PluginKind} order), plugins of a kind sorted by name, variants in the
     * order the plugin lists them. Plugins that do not {@linkplain VmPlugin#matchesGo match Go}
     * are left out. With nothing installed, the one empty combination.
     */
    public static List<Combination> all(List<VmPlugin> installed) {
        Map<PluginKind, List<VmPlugin>> byKind = installed.stream().filter(VmPlugin::matchesGo)
                .collect(Collectors.groupingBy(
                VmPlugin::kind, () -> new EnumMap<>(PluginKind.class), Collectors.toList()));
        List<Combination> out = new ArrayList<>();
        out.add(new Combination(new TreeMap<>()));
        for (Map.Entry<PluginKind, List<VmPlugin>> kind : byKind.entrySet()) {
            List<VmPlugin> plugins = kind.getValue().stream().sorted(Comparator.comparing(VmPlugin::name)).toList();
            List<Combination> next = new ArrayList<>();
            for (Combination partial : out) {
                for (VmPlugin plugin : plugins) {
                    for (Map<String, String> variant : plugin.variants()) {
                        SortedMap<PluginKind, String> c = new TreeMap<>(partial.choices());
                        c.put(kind.getKey(), plugin.name());
                        SortedMap<String, String> o = new TreeMap<>(partial.options());
                        o.putAll(variant);
                        next.add(new Combination(c, o));
                    }
                }
            }
            out = next;
        }
        return List.copyOf(out);
    }

    /** Every combination of what {@link Vm#installedPlugins()} finds now. */
    public static List<Combination> installed() {
        return all(Vm.installedPlugins());
    }

    /** The plugin chosen for {@code kind}, or null when the kind has none installed. */
    public String choice(PluginKind kind) {
        return choices.get(kind);
    }

    /** Sets this combination's plugin choices and variant settings on {@code builder}. */
    public Vm.Builder apply(Vm.Builder builder) {
        choices.forEach((kind, name) -> builder.option(kind.configKey(), name));
        return builder.options(options);
    }

    /** {@code stack=segmented segment.cache=one overflow=fatal}; empty for the empty combination. */
    public String label() {
        return Stream.concat(
                choices.entrySet().stream().map(e -> e.getKey().configKey() + "=" + e.getValue()),
                options.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()))
                .collect(Collectors.joining(" "));
    }
}
