/**
 * A precise, moving garbage collector: Cheney's semispace copying over roots that core finds
 * exactly through the compiler's stack maps. Depends only on the SPI.
 */
module org.cairnvm.gc.precise {
    requires org.cairnvm.api;
    requires com.google.guice;

    provides org.cairnvm.spi.VmPlugin with org.cairnvm.gc.precise.PrecisePlugin;

    opens org.cairnvm.gc.precise to com.google.guice;
}
