package org.cairnvm.spi;

/**
 * A run's metrics as plugins record them, under dotted keys ({@code stack.growths}). Plugins
 * call it on slow paths only; the interpreter keeps its own counts in locals.
 */
public interface Counters {
    void add(String key, long delta);

    /** Records {@code value} if it exceeds the key's current value. */
    void max(String key, long value);

    long get(String key);
}
