package org.cairnvm.spi;

/**
 * What one collection did, for core's trace line and counters.
 *
 * @param wordsBefore heap words in use when it started, headers included
 * @param liveWords heap words in use after it
 * @param wordsMoved words copied to new addresses (0 for a non-moving collector)
 */
public record GcCycle(long wordsBefore, long liveWords, long wordsMoved) {
}
