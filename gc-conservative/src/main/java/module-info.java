/**
 * A conservative garbage collector: every word of every goroutine stack is an ambiguous root,
 * the heap is traced precisely through object layouts, and nothing moves (mark-sweep handing its
 * free gaps to core's bump allocator). Depends only on the SPI.
 */
module org.cairnvm.gc.conservative {
    requires org.cairnvm.api;
    requires com.google.guice;

    provides org.cairnvm.spi.VmPlugin with org.cairnvm.gc.conservative.ConservativePlugin;

    opens org.cairnvm.gc.conservative to com.google.guice;
}
