/**
 * Service-provider interfaces. A plugin module provides {@link org.cairnvm.spi.VmPlugin}; core
 * discovers plugins with {@link java.util.ServiceLoader}, picks one per {@link
 * org.cairnvm.spi.PluginKind}, and installs the chosen plugins' Guice modules into one injector
 * per VM. Per-run state (address space, counters, stacks) reaches plugins through the context
 * objects passed to each call, so one plugin instance serves many runs.
 */
package org.cairnvm.spi;
