package org.cairnvm.core.runtime;

import java.util.HashMap;
import java.util.Map;
import org.cairnvm.spi.Counters;

/**
 * One run's plugin counters. Plugins count on slow paths only, so a map is cheap enough; its
 * values are mutable cells, so that counting (a scheduler counts every switch) allocates nothing.
 */
final class RunCounters implements Counters {
    private final Map<String, long[]> values = new HashMap<>();

    @Override
    public void add(String key, long delta) {
        values.computeIfAbsent(key, k -> new long[1])[0] += delta;
    }

    @Override
    public void max(String key, long value) {
        long[] cell = values.get(key);
        if (cell == null) {
            values.put(key, new long[] {value});
        } else if (value > cell[0]) {
            cell[0] = value;
        }
    }

    @Override
    public long get(String key) {
        long[] cell = values.get(key);
        return cell == null ? 0 : cell[0];
    }

    Map<String, Long> snapshot() {
        Map<String, Long> m = new HashMap<>();
        values.forEach((k, v) -> m.put(k, v[0]));
        return Map.copyOf(m);
    }
}
