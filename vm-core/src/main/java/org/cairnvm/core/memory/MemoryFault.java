package org.cairnvm.core.memory;

import org.cairnvm.spi.Region;

/**
 * A guest access to an address with no word behind it: unmapped (page zero, a gap between
 * regions, a released region), inside a guard region, or misaligned. The runtime turns it into
 * Go's nil-pointer panic, or hands a guard hit to the overflow machinery. It carries no Java
 * stack trace: it is a guest event, not a VM bug.
 */
public final class MemoryFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long address;
    private final boolean write;
    private final transient Region region;

    /**
     * @param address the faulting address
     * @param write whether the access was a store
     * @param region the region the address lies in (a guard region, or a word-less tail of a
     *               mapped page), or null when the address is unmapped
     */
    public MemoryFault(long address, boolean write, Region region) {
        super(describe(address, write, region), null, false, false);
        this.address = address;
        this.write = write;
        this.region = region;
    }

    private static String describe(long address, boolean write, Region region) {
        String where = region == null ? "unmapped" : region.kind().name().toLowerCase() + " region " + region.label();
        return (write ? "write" : "read") + " fault at 0x" + Long.toHexString(address) + " (" + where + ")";
    }

    public long address() {
        return address;
    }

    public boolean isWrite() {
        return write;
    }

    /** Whether the access hit a guard region (a candidate stack overflow) rather than nothing. */
    public boolean isGuard() {
        return region != null && region.kind() == org.cairnvm.spi.RegionKind.GUARD;
    }

    /** The region the address lies in, or null when it is unmapped. */
    public Region region() {
        return region;
    }
}
