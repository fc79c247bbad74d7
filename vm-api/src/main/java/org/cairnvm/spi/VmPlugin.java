package org.cairnvm.spi;

import com.google.inject.Module;

/**
 * A module's entry point, provided as a {@code java.util.ServiceLoader} service. Its Guice
 * module binds the SPI interface of its kind ({@link StackStrategy} for {@link PluginKind#STACK},
 * {@link OverflowHandler} for {@link PluginKind#OVERFLOW}, ...) to the implementation.
 */
public interface VmPlugin {
    PluginKind kind();

    /** The name users choose it by ({@code copying}, {@code precise}, ...). */
    String name();

    /** One line for {@code cairn modules}. */
    String description();

    /** Binds this plugin's implementation; installed into the VM's injector when chosen. */
    Module module();

    /** The configuration keys this plugin reads, for {@code cairn config --help}. */
    default java.util.List<org.cairnvm.api.Config.Key> keys() {
        return java.util.List.of();
    }

    /**
     * The settings of this plugin that behave differently enough to test and compare each
     * ({@code segment.cache=none}, {@code one}, {@code peak}): the golden tests and {@code cairn
     * matrix} run every variant. One empty map means the plugin has a single behaviour.
     */
    default java.util.List<java.util.Map<String, String>> variants() {
        return java.util.List.of(java.util.Map.of());
    }

    /**
     * Whether a program runs under this plugin as it does built by Go, the language's oracle.
     * False for a plugin that changes a program's outcome on purpose (an overflow handler that
     * lets the other goroutines go on): {@link org.cairnvm.api.Combination#all} leaves it out of
     * the combinations that are compared with each other and with Go.
     */
    default boolean matchesGo() {
        return true;
    }
}
