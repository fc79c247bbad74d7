package org.cairnvm.stack.segmented;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.cairnvm.spi.AddressSpace;
import org.cairnvm.spi.Region;
import org.cairnvm.spi.RegionKind;

/**
 * A small address space for the strategy's tests, independent of core's: regions at increasing
 * addresses with an unmapped page between neighbours, so a frame placed one word outside its
 * segment faults instead of landing in the next region. As in core, a region's size is rounded up
 * to pages but only the bytes asked for are backed.
 */
final class TestMemory implements AddressSpace {
    record TestRegion(long base, long size, RegionKind kind, String label, long[] words) implements Region {
    }

    /** An access to an address no live region holds: a strategy bug in these tests. */
    static final class Fault extends RuntimeException {
        Fault(long address) {
            super("unmapped address 0x" + Long.toHexString(address));
        }
    }

    /** Where the first region goes: well above the nil page, as in core. */
    private static final long FIRST_BASE = 0x100000;

    private final TreeMap<Long, TestRegion> regions = new TreeMap<>();
    private final Map<Region, Long> committed = new HashMap<>();
    private long next = FIRST_BASE;
    int reserves;
    int releases;

    @Override
    public Region reserve(long bytes, RegionKind kind, String label) {
        long size = Math.max(PAGE, (bytes + PAGE - 1) / PAGE * PAGE);
        TestRegion r = new TestRegion(next, size, kind, label, kind == RegionKind.GUARD ? new long[0]
                : new long[(int) ((bytes + 7) / 8)]);
        regions.put(r.base(), r);
        next += size + PAGE;
        reserves++;
        return r;
    }

    @Override
    public void release(Region region) {
        if (regions.remove(region.base()) == null) {
            throw new IllegalStateException("release of a region not reserved: 0x" + Long.toHexString(region.base()));
        }
        releases++;
    }

    @Override
    public Region find(long address) {
        Map.Entry<Long, TestRegion> e = regions.floorEntry(address);
        return e != null && e.getValue().contains(address) ? e.getValue() : null;
    }

    @Override
    public long load(long address) {
        Region r = find(address);
        if (r == null) {
            throw new Fault(address);
        }
        return r.words()[(int) ((address - r.base()) >> 3)];
    }

    @Override
    public void store(long address, long value) {
        Region r = find(address);
        if (r == null) {
            throw new Fault(address);
        }
        r.words()[(int) ((address - r.base()) >> 3)] = value;
    }

    @Override
    public void noteCommitted(Region region, long bytes) {
        if (find(region.base()) != region) {
            throw new IllegalStateException("commit noted for a region not reserved");
        }
        committed.merge(region, bytes, Math::max);
    }

    int liveRegions() {
        return regions.size();
    }

    boolean mapped(long address) {
        return find(address) != null;
    }
}
