/**
 * Cairn's public surface: the embedding API ({@code org.cairnvm.api}) and the service-provider
 * interfaces that plugin modules implement ({@code org.cairnvm.spi}). No implementation lives
 * here; {@code org.cairnvm.core} provides the engine and plugins provide strategies.
 */
module org.cairnvm.api {
    requires transitive com.google.guice;
    requires jdk.unsupported;

    exports org.cairnvm.api;
    exports org.cairnvm.spi;

    uses org.cairnvm.spi.VmEngine;
    uses org.cairnvm.spi.VmPlugin;
}
