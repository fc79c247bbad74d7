package org.cairnvm.cli;

import java.util.Map;
import org.cairnvm.api.Metrics;

/**
 * {@code cairn run --stats}: one metric per line, names left and values right-aligned, sorted by
 * name so two runs' tables line up for comparison.
 */
final class StatsTable {
    private StatsTable() {
    }

    static String render(Metrics metrics) {
        Map<String, Long> values = metrics.asMap();
        if (values.isEmpty()) {
            return "no metrics recorded\n";
        }
        int nameWidth = "metric".length();
        int valueWidth = "value".length();
        for (Map.Entry<String, Long> e : values.entrySet()) {
            nameWidth = Math.max(nameWidth, e.getKey().length());
            valueWidth = Math.max(valueWidth, Long.toString(e.getValue()).length());
        }
        String format = "%-" + nameWidth + "s  %" + valueWidth + "s%n";
        StringBuilder sb = new StringBuilder(String.format(format, "metric", "value"));
        values.forEach((k, v) -> sb.append(String.format(format, k, v)));
        return sb.toString();
    }
}
