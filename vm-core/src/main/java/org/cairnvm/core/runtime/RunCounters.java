package org.cairnvm.core.runtime;

import java.util.HashMap;
import java.util.Map;
import org.cairnvm.spi.Counters;

/** One run's plugin counters. Plugins count on slow paths only, so a map is cheap enough. */
final class RunCounters implements Counters {
    private final Map<String, Long> values = new HashMap<>();

    @Override
    public void add(String key, long delta) {
        values.merge(key, delta, Long::sum);
    }

    @Override
    public void max(String key, long value) {
        values.merge(key, value, Math::max);
    }

    @Override
    public long get(String key) {
        return values.getOrDefault(key, 0L);
    }

    Map<String, Long> snapshot() {
        return Map.copyOf(values);
    }
}
