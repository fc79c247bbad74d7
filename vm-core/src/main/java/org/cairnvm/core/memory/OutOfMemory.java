package org.cairnvm.core.memory;

/**
 * The guest asked for memory the configured limits cannot give: the heap passed {@code heap.max},
 * a region larger than a Java array can back, or the address space ran out. The runtime reports
 * it as Go does, {@code fatal error: runtime: out of memory}, exit status 2.
 */
public final class OutOfMemory extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long requestedBytes;

    public OutOfMemory(String detail, long requestedBytes) {
        super("runtime: out of memory: " + detail, null, false, false);
        this.requestedBytes = requestedBytes;
    }

    /** The size of the request that failed, in bytes. */
    public long requestedBytes() {
        return requestedBytes;
    }
}
