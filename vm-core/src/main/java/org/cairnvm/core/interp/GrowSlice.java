package org.cairnvm.core.interp;

/**
 * Go 1.19's slice growth ({@code runtime/slice.go} growslice), with its rounding of the new
 * backing array up to a malloc size class ({@code runtime/msize.go} roundupsize, classes from
 * {@code runtime/sizeclasses.go}), so that {@code cap()} after {@code append} is what real Go
 * prints.
 */
final class GrowSlice {
    /** Go's maxAlloc on linux/amd64: the 48-bit address space. */
    static final long MAX_ALLOC = 1L << 48;
    /** Objects up to this size come from size classes; larger ones are rounded to whole pages. */
    private static final long MAX_SMALL_SIZE = 32768;
    /** Go's heap page size ({@code _PageSize}), the rounding unit of large objects. */
    private static final long PAGE_SIZE = 8192;
    /** Go's threshold where growth turns from doubling to about 1.25x. */
    private static final long THRESHOLD = 256;

    /** runtime/sizeclasses.go class_to_size, Go 1.19 (class 0 unused). */
    private static final int[] CLASS_TO_SIZE = {0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208,
            224, 240, 256, 288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408,
            1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472,
            9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768};

    private GrowSlice() {
    }

    /**
     * The size malloc actually hands out for {@code size} bytes. Go looks this up in two tables
     * indexed by size/8 and size/128; both map to the smallest class that holds the size, which
     * is what the search finds.
     */
    static long roundupsize(long size) {
        if (size < MAX_SMALL_SIZE) {
            int lo = 1;
            int hi = CLASS_TO_SIZE.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (CLASS_TO_SIZE[mid] >= size) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return CLASS_TO_SIZE[lo];
        }
        if (size + PAGE_SIZE < size) {
            return size;
        }
        return (size + PAGE_SIZE - 1) & -PAGE_SIZE;
    }

    /**
     * The capacity of the grown backing array when a slice of capacity {@code oldCap} must hold
     * {@code needed} elements of {@code elemBytes} bytes, or -1 when Go would panic
     * {@code growslice: cap out of range}. Zero-size elements take exactly {@code needed}.
     */
    static long newCap(long oldCap, long needed, long elemBytes) {
        if (needed < oldCap) {
            return -1;
        }
        if (elemBytes == 0) {
            return needed;
        }
        long newcap = oldCap;
        long doublecap = newcap + newcap;
        if (needed > doublecap) {
            newcap = needed;
        } else if (oldCap < THRESHOLD) {
            newcap = doublecap;
        } else {
            while (0 < newcap && newcap < needed) {
                newcap += (newcap + 3 * THRESHOLD) / 4;
            }
            if (newcap <= 0) {
                newcap = needed;
            }
        }
        // Go's overflow test (newcap > maxAlloc/size) in unsigned arithmetic, then the rounding.
        if (Long.compareUnsigned(newcap, MAX_ALLOC / elemBytes) > 0) {
            return -1;
        }
        long capmem = roundupsize(newcap * elemBytes);
        if (capmem > MAX_ALLOC) {
            return -1;
        }
        return capmem / elemBytes;
    }

    /** Go's makeslice checks: null when fine, else the panic message. */
    static String makesliceError(long len, long cap, long elemBytes) {
        if (tooBig(cap, elemBytes) || len < 0 || len > cap) {
            if (tooBig(len, elemBytes) || len < 0) {
                return "makeslice: len out of range";
            }
            return "makeslice: cap out of range";
        }
        return null;
    }

    /** Whether n elements of elemBytes overflow or pass maxAlloc, with n taken as unsigned (as Go's uintptr). */
    private static boolean tooBig(long n, long elemBytes) {
        if (elemBytes == 0) {
            return false;
        }
        return Long.compareUnsigned(n, MAX_ALLOC / elemBytes) > 0;
    }
}
