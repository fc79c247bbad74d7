/**
 * The stackful scheduler: every goroutine owns a growable guest stack from the configured stack
 * strategy, as in Go. Depends only on the SPI.
 */
module org.cairnvm.sched.stackful {
    requires org.cairnvm.api;
    requires com.google.guice;
    requires jdk.unsupported;

    provides org.cairnvm.spi.VmPlugin with org.cairnvm.sched.stackful.StackfulPlugin;

    opens org.cairnvm.sched.stackful to com.google.guice;
}
