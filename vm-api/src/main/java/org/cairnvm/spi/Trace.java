package org.cairnvm.spi;

/**
 * One line per runtime event on standard error, in the manner of {@code GODEBUG=gctrace=1}.
 * Categories are {@code stack}, {@code gc} and {@code sched}.
 */
public interface Trace {
    boolean enabled(String category);

    /** Writes {@code text} as one line; callers check {@link #enabled} first to avoid formatting. */
    void line(String category, String text);
}
