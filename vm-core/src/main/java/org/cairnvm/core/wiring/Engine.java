package org.cairnvm.core.wiring;

import com.google.inject.ConfigurationException;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cairnvm.api.Vm;
import org.cairnvm.spi.Collector;
import org.cairnvm.spi.OverflowHandler;
import org.cairnvm.spi.PluginKind;
import org.cairnvm.spi.Scheduler;
import org.cairnvm.spi.StackStrategy;
import org.cairnvm.spi.VmEngine;
import org.cairnvm.spi.VmPlugin;

/**
 * The VM implementation's entry point, found by {@code Vm.builder().build()} as a {@link
 * VmEngine} service. Each {@link #create} resolves a configuration, picks one plugin per kind,
 * and builds one Guice injector for that VM alone, so two VMs in one JVM share no state.
 */
public final class Engine implements VmEngine {

    /** Public and argument-free, as {@link java.util.ServiceLoader} requires. */
    public Engine() {
    }

    @Override
    public Vm create(Spec spec) {
        return create(spec, ConfigSources.ofProcess(), PluginCatalog.discover(Engine.class.getClassLoader()));
    }

    /**
     * Builds a VM from explicit sources and plugins (tests pass fakes here).
     *
     * @throws IllegalArgumentException for a bad configuration value or an unknown plugin name
     * @throws IllegalStateException when a chosen plugin's Guice module cannot be wired
     */
    public static Vm create(Spec spec, ConfigSources sources, PluginCatalog catalog) {
        ConfigSources.Resolved resolved = sources.resolve(spec.options(), spec.readEnvironment());
        Set<PluginKind> required = EnumSet.of(PluginKind.STACK, PluginKind.SCHEDULER);
        if (spec.overflowHandler() == null) {
            required.add(PluginKind.OVERFLOW);
        }
        Map<PluginKind, VmPlugin> chosen = catalog.choose(resolved.config(), resolved.explicitKeys(), required);

        List<Module> modules = new ArrayList<>();
        modules.add(new CoreModule(resolved.config()));
        chosen.values().forEach(p -> modules.add(p.module()));
        String names = chosen.entrySet().stream()
                .map(e -> e.getKey().configKey() + "=" + e.getValue().name())
                .collect(Collectors.joining(", "));
        try {
            Injector injector = Guice.createInjector(modules);
            StackStrategy stack = injector.getInstance(StackStrategy.class);
            OverflowHandler overflow = spec.overflowHandler() != null ? spec.overflowHandler()
                    : injector.getInstance(OverflowHandler.class);
            Collector gc = chosen.containsKey(PluginKind.GC) ? injector.getInstance(Collector.class) : null;
            if (gc != null && gc.movesObjects() && gc.wantsAmbiguousRoots()) {
                throw new IllegalStateException("gc plugin '" + chosen.get(PluginKind.GC).name()
                        + "' moves objects but wants ambiguous roots, which cannot be updated");
            }
            Scheduler scheduler = injector.getInstance(Scheduler.class);
            return new CairnVm(resolved.config(), stack, overflow, gc, scheduler, spec.hostFunctions(), spec.out(),
                    spec.err());
        } catch (CreationException | ConfigurationException | ProvisionException e) {
            throw new IllegalStateException("cannot wire the plugins (" + names + "): " + e.getMessage(), e);
        }
    }
}
