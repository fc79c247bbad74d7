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
}
