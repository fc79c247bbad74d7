package org.cairnvm.core.interp;

/**
 * Go's bounds-check failures, worded as {@code runtime/error.go}'s boundsError formats: the
 * second number is left out when the offending one is negative, as Go does.
 */
enum Bounds {
    INDEX("index out of range [%x] with length %y", "index out of range [%x]"),
    SLICE_ALEN("slice bounds out of range [:%x] with length %y", "slice bounds out of range [:%x]"),
    SLICE_ACAP("slice bounds out of range [:%x] with capacity %y", "slice bounds out of range [:%x]"),
    SLICE_B("slice bounds out of range [%x:%y]", "slice bounds out of range [%x:]"),
    SLICE3_ALEN("slice bounds out of range [::%x] with length %y", "slice bounds out of range [::%x]"),
    SLICE3_ACAP("slice bounds out of range [::%x] with capacity %y", "slice bounds out of range [::%x]"),
    SLICE3_B("slice bounds out of range [:%x:%y]", "slice bounds out of range [:%x:]"),
    SLICE3_C("slice bounds out of range [%x:%y:]", "slice bounds out of range [%x::]");

    private final String format;
    private final String negativeFormat;

    Bounds(String format, String negativeFormat) {
        this.format = format;
        this.negativeFormat = negativeFormat;
    }

    /** The message for offending value {@code x} against limit {@code y}. */
    String message(long x, long y) {
        String f = x < 0 ? negativeFormat : format;
        return f.replace("%x", Long.toString(x)).replace("%y", Long.toString(y));
    }
}
