/**
 * Contiguous goroutine stacks that grow by doubling, copying and relocating pointers, as Go has
 * done since 1.3. Depends only on the SPI: frames are found through core's frame walker.
 */
module org.cairnvm.stack.copying {
    requires org.cairnvm.api;
    requires com.google.guice;
    requires jdk.unsupported;

    provides org.cairnvm.spi.VmPlugin with org.cairnvm.stack.copying.CopyingPlugin;

    opens org.cairnvm.stack.copying to com.google.guice;
}
