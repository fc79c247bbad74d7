/**
 * The {@code cairn} command. It needs only the embedding API: core and the plugins are on the
 * module path at run time and are found as services ({@code Vm.builder()} and {@code
 * Vm.installedPlugins()}), so adding a plugin jar adds a choice without touching this module.
 */
module org.cairnvm.cli {
    requires org.cairnvm.api;
    requires org.apache.commons.cli;
}
