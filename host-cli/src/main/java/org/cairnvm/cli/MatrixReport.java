package org.cairnvm.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How {@code cairn matrix} shows its rows: a table with the key metrics side by side (a metric a
 * run did not record shows as {@code -}, as for a GC that is not installed), differing rows marked
 * with {@code *} and followed by a unified diff of their outputs against row 1; or, with {@code
 * --json}, an array of rows with every metric and an {@code agree} flag.
 */
final class MatrixReport {
    private MatrixReport() {
    }

    /**
     * A table column: its heading and the metric it shows.
     *
     * @param heading the column's heading
     * @param key the metric key
     * @param divisor the metric is divided by this for display (nanoseconds to milliseconds)
     */
    record Column(String heading, String key, long divisor) {
    }

    /** The key metrics, in the order the issue lists them; keys of plugins not installed show as {@code -}. */
    static final List<Column> COLUMNS = List.of(
            new Column("instructions", "vm.instructions", 1),
            new Column("growths", "stack.growths", 1),
            new Column("copied", "stack.wordsCopied", 1),
            new Column("segments", "stack.segmentsAllocated", 1),
            new Column("gc", "gc.cycles", 1),
            new Column("moved", "gc.wordsMoved", 1),
            new Column("live", "gc.liveWords", 1),
            new Column("pause ms", "gc.pauseNanosTotal", 1_000_000),
            new Column("switches", "sched.switches", 1),
            new Column("committed", "mem.committedPeakBytes", 1),
            new Column("wall ms", "time.wallNanos", 1_000_000));

    static String table(List<Matrix.Row> rows) {
        List<String> headings = new ArrayList<>(List.of("", "#", "combination", "stress", "exit"));
        COLUMNS.forEach(c -> headings.add(c.heading()));
        List<List<String>> cells = new ArrayList<>();
        for (Matrix.Row r : rows) {
            List<String> line = new ArrayList<>(List.of(r.agree() ? " " : "*", Integer.toString(r.number()),
                    r.combination().isEmpty() ? "(defaults)" : r.combination(), r.stress(), Integer.toString(r.exitStatus())));
            for (Column c : COLUMNS) {
                Long v = r.metrics().get(c.key());
                line.add(v == null ? "-" : Long.toString(v / c.divisor()));
            }
            cells.add(line);
        }
        int[] width = new int[headings.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = headings.get(i).length();
            for (List<String> line : cells) {
                width[i] = Math.max(width[i], line.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        appendLine(sb, headings, width);
        cells.forEach(line -> appendLine(sb, line, width));
        return sb.toString();
    }

    /** Text columns (marker, combination, stress) left-aligned; numbers right-aligned. */
    private static void appendLine(StringBuilder sb, List<String> cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            boolean left = i == 0 || i == 2 || i == 3;
            String pad = " ".repeat(width[i] - cell.length());
            line.append(left ? cell + pad : pad + cell).append(i == cells.size() - 1 ? "" : "  ");
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }

    /** The summary line and, for each differing row, its diff against row 1. */
    static String verdict(List<Matrix.Row> rows) {
        List<Matrix.Row> differing = rows.stream().filter(r -> !r.agree()).toList();
        StringBuilder sb = new StringBuilder();
        if (differing.isEmpty()) {
            return sb.append("all ").append(rows.size()).append(" runs agree: same output, exit status and first line of stderr\n")
                    .toString();
        }
        Matrix.Row first = rows.getFirst();
        sb.append(differing.size()).append(" of ").append(rows.size())
                .append(" runs (marked *) differ from row 1 in output, exit status or first line of stderr\n");
        for (Matrix.Row r : differing) {
            sb.append('\n').append(TextDiff.unified("row 1: " + first.label(), first.transcript(),
                    "row " + r.number() + ": " + r.label(), r.transcript()));
        }
        return sb.toString();
    }

    static String json(List<Matrix.Row> rows) {
        StringBuilder sb = new StringBuilder("[");
        String rowSep = "\n";
        for (Matrix.Row r : rows) {
            sb.append(rowSep).append("  {\"row\": ").append(r.number())
                    .append(", \"combination\": ").append(quote(r.combination()))
                    .append(", \"settings\": ").append(object(r.settings(), true))
                    .append(", \"stress\": ").append(quote(r.stress()))
                    .append(", \"exitStatus\": ").append(r.exitStatus())
                    .append(", \"stderrFirstLine\": ").append(quote(r.stderrFirstLine()))
                    .append(", \"agree\": ").append(r.agree())
                    .append(", \"metrics\": ").append(object(r.metrics(), false)).append('}');
            rowSep = ",\n";
        }
        return sb.append(rows.isEmpty() ? "]" : "\n]").append('\n').toString();
    }

    private static String object(Map<String, ?> values, boolean strings) {
        StringBuilder sb = new StringBuilder("{");
        String sep = "";
        for (Map.Entry<String, ?> e : values.entrySet()) {
            sb.append(sep).append(quote(e.getKey())).append(": ")
                    .append(strings ? quote(String.valueOf(e.getValue())) : String.valueOf(e.getValue()));
            sep = ", ";
        }
        return sb.append('}').toString();
    }

    /** A JSON string literal (RFC 8259 escapes). */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
