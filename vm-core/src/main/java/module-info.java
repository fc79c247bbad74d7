/**
 * Cairn's core: the front end and compiler, the address space and heap, the interpreter, the
 * frame walker, plugin discovery and Guice wiring, and the default overflow handler. It exports
 * nothing: applications reach it only through {@code org.cairnvm.api} ({@code Vm.builder()}
 * finds {@link org.cairnvm.core.wiring.Engine} as a service), and plugins only through the SPIs.
 */
module org.cairnvm.core {
    requires org.cairnvm.api;
    requires com.google.guice;
    // Guice reads jakarta.inject's annotations and Provider at run time; requiring it here puts
    // it in the module graph, which Guice, an automatic module, cannot do by itself.
    requires jakarta.inject;
    requires jdk.unsupported;
    // stats.hostHeap reads the JVM's heap usage
    requires java.management;

    provides org.cairnvm.spi.VmEngine with org.cairnvm.core.wiring.Engine;
    provides org.cairnvm.spi.VmPlugin with org.cairnvm.core.runtime.FatalOverflowPlugin,
            org.cairnvm.core.runtime.KillGoroutineOverflowPlugin;

    uses org.cairnvm.spi.VmPlugin;

    // Guice instantiates the wiring's modules and the default overflow handler reflectively.
    opens org.cairnvm.core.wiring to com.google.guice;
    opens org.cairnvm.core.runtime to com.google.guice;
}
