package org.cairnvm.api;

import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.cairnvm.spi.OverflowHandler;
import org.cairnvm.spi.VmEngine;

/**
 * One virtual machine: a configuration (one plugin per kind and the options), output
 * destinations and host functions. A VM compiles sources to immutable {@link Program}s and runs
 * them, one run at a time; every run gets a fresh address space. Two VMs share nothing.
 *
 * <pre>{@code
 * try (Vm vm = Vm.builder().stack("copying").option("stack.max", "64m").build()) {
 *     Program p = vm.compile(Source.of(Path.of("prog.go")));
 *     RunResult r = vm.run(p);
 * }
 * }</pre>
 */
public interface Vm extends AutoCloseable {

    /** Compiles a source; errors are recorded in the program, never thrown. */
    Program compile(Source source);

    /** Runs a program to completion, a panic, a fatal error, the budget or an interrupt. */
    RunResult run(Program program);

    /**
     * Stops the running program from another thread at its next safepoint; the guest cannot
     * catch or ignore it. The run ends with {@link GuestError.Kind#INTERRUPTED}.
     */
    void interrupt();

    /**
     * The program as {@code cairn disasm} prints it: functions, frame layouts, bytecode with
     * source lines, stack maps; with {@code escapes}, each escape-analysis decision and its
     * reason instead.
     */
    String disassemble(Program program, boolean escapes);

    /** Every plugin installed (found with {@link ServiceLoader}), sorted by kind and name. */
    static java.util.List<org.cairnvm.spi.VmPlugin> installedPlugins() {
        java.util.List<org.cairnvm.spi.VmPlugin> all = new java.util.ArrayList<>();
        ServiceLoader.load(org.cairnvm.spi.VmPlugin.class, Vm.class.getClassLoader()).forEach(all::add);
        all.sort(java.util.Comparator.comparing((org.cairnvm.spi.VmPlugin p) -> p.kind()).thenComparing(org.cairnvm.spi.VmPlugin::name));
        return all;
    }

    /** The resolved configuration, defaults included. */
    Config config();

    @Override
    void close();

    /** A builder; the VM implementation is found with {@link ServiceLoader}. */
    static Builder builder() {
        return new Builder();
    }

    /** Collects a VM's configuration. */
    final class Builder {
        private final Map<String, String> options = new LinkedHashMap<>();
        private final Map<String, HostFunction> hostFunctions = new LinkedHashMap<>();
        private Writer out;
        private Writer err;
        private OverflowHandler overflowHandler;
        private boolean readEnvironment;

        Builder() {
        }

        /** Stack strategy plugin by name ({@code copying}, {@code segmented}). */
        public Builder stack(String name) {
            return option(Config.STACK.name(), name);
        }

        /** Garbage collector plugin by name ({@code precise}, {@code conservative}). */
        public Builder gc(String name) {
            return option(Config.GC.name(), name);
        }

        /** Scheduler plugin by name ({@code stackful}, {@code stackless}). */
        public Builder scheduler(String name) {
            return option(Config.SCHEDULER.name(), name);
        }

        /** Overflow handler plugin by name ({@code fatal}, {@code kill-goroutine}). */
        public Builder overflow(String name) {
            return option(Config.OVERFLOW.name(), name);
        }

        /** Any configuration key ({@code stack.max}, {@code heap.max}, {@code stress}, ...). */
        public Builder option(String key, String value) {
            options.put(key, value);
            return this;
        }

        /** Several keys at once. */
        public Builder options(Map<String, String> values) {
            options.putAll(values);
            return this;
        }

        /** Also read {@code cairn.properties} in the working directory and {@code CAIRN_*} variables, below builder calls. */
        public Builder readEnvironment(boolean read) {
            this.readEnvironment = read;
            return this;
        }

        /** Guest standard output goes here; when unset it is captured in {@link RunResult#stdout()}. */
        public Builder out(Writer writer) {
            this.out = writer;
            return this;
        }

        /** Guest standard error goes here; when unset it is captured in {@link RunResult#stderr()}. */
        public Builder err(Writer writer) {
            this.err = writer;
            return this;
        }

        /** Supplies the body of a Go function declared without one. */
        public Builder hostFunction(String name, HostFunction function) {
            hostFunctions.put(name, function);
            return this;
        }

        /** A host-supplied overflow handler, used instead of the configured {@code overflow} plugin. */
        public Builder overflowHandler(OverflowHandler handler) {
            this.overflowHandler = handler;
            return this;
        }

        /** Builds the VM: resolves the configuration and the plugins, or throws {@link IllegalArgumentException} naming what is wrong. */
        public Vm build() {
            VmEngine engine = ServiceLoader.load(VmEngine.class, Vm.class.getClassLoader()).findFirst()
                    .or(() -> ServiceLoader.load(VmEngine.class).findFirst())
                    .orElseThrow(() -> new IllegalStateException(
                            "no Cairn engine found: put the org.cairnvm.core module on the module path or class path"));
            return engine.create(new VmEngine.Spec(Map.copyOf(options), Map.copyOf(hostFunctions), out, err,
                    overflowHandler, readEnvironment));
        }
    }
}
