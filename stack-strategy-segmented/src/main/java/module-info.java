/**
 * Segmented stacks: a goroutine's stack is a chain of separately reserved segments, linked on
 * the prologue's slow path and unlinked on return, as Go did until 1.2 and GCC's
 * {@code -fsplit-stack} still does. Depends on the SPI only; core finds it through
 * {@link org.cairnvm.spi.VmPlugin}.
 */
module org.cairnvm.stack.segmented {
    requires org.cairnvm.api;
    requires com.google.guice;
    requires jdk.unsupported;

    provides org.cairnvm.spi.VmPlugin with org.cairnvm.stack.segmented.SegmentedPlugin;

    opens org.cairnvm.stack.segmented to com.google.guice;
}
