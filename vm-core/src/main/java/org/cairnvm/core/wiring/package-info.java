/**
 * Wiring: how a {@link org.cairnvm.api.Vm} is put together. {@link
 * org.cairnvm.core.wiring.Engine} is the {@link org.cairnvm.spi.VmEngine} service that {@code
 * Vm.builder().build()} finds. It resolves the one {@link org.cairnvm.api.Config} ({@link
 * org.cairnvm.core.wiring.ConfigSources}: defaults, {@code cairn.properties}, {@code CAIRN_*}
 * variables, builder calls), finds the installed plugins ({@link
 * org.cairnvm.core.wiring.PluginCatalog}), picks one per kind, and builds one Guice injector
 * per VM from {@link org.cairnvm.core.wiring.CoreModule} and the chosen plugins' modules. This is
 * the only package that touches Guice; the front end, compiler and interpreter never see it.
 */
package org.cairnvm.core.wiring;
