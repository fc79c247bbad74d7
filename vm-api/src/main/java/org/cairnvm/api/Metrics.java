package org.cairnvm.api;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's counters under dotted keys ({@code vm.instructions}, {@code stack.growths}, ...).
 * Counts are deterministic for a given program and configuration; keys ending in {@code Nanos}
 * are wall-clock times and are not.
 */
public final class Metrics {
    private final Map<String, Long> values;

    public Metrics(Map<String, Long> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** The value of {@code key}, or 0 when the run did not record it. */
    public long get(String key) {
        return values.getOrDefault(key, 0L);
    }

    /** Every recorded key, sorted. */
    public Map<String, Long> asMap() {
        return values;
    }

    /** One flat JSON object of the dotted keys, as {@code cairn run --stats-json} writes it. */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{");
        String sep = "\n  ";
        for (Map.Entry<String, Long> e : values.entrySet()) {
            sb.append(sep).append('"').append(e.getKey()).append("\": ").append(e.getValue());
            sep = ",\n  ";
        }
        return sb.append(values.isEmpty() ? "}" : "\n}").append('\n').toString();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
