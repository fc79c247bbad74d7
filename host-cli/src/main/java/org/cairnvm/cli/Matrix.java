package org.cairnvm.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cairnvm.api.Combination;
import org.cairnvm.api.RunResult;

/**
 * {@code cairn matrix}: one compiled program run under every {@link Combination} of installed
 * plugins, each with no stress and with every stress mode asked for, and each run judged against
 * the first by what LANGUAGE.md's contract fixes (standard output, exit status, the first line
 * of standard error). The metrics are the point of the comparison; the outputs must not differ.
 */
final class Matrix {
    private Matrix() {
    }

    /** Runs the program once under one combination and stress mode ({@code none} for none). */
    @FunctionalInterface
    interface Runner {
        RunResult run(Combination combination, String stress) throws Failure;
    }

    /**
     * One run.
     *
     * @param number 1-based, in run order; row 1 is the reference
     * @param combination the combination's label ({@code stack=segmented segment.cache=one ...})
     * @param settings the combination's configuration keys and values
     * @param stress the stress mode, {@code none} for none
     * @param exitStatus the guest's exit status
     * @param stdout the guest's standard output
     * @param stderrFirstLine the first line of the guest's standard error
     * @param metrics every metric the run recorded
     * @param agree whether stdout, exit status and first stderr line equal row 1's
     */
    record Row(int number, String combination, Map<String, String> settings, String stress, int exitStatus,
               String stdout, String stderrFirstLine, Map<String, Long> metrics, boolean agree) {

        /** The text a diff compares: standard output, then the exit status and the first stderr line. */
        List<String> transcript() {
            List<String> lines = new ArrayList<>(stdout.lines().toList());
            if (!stdout.isEmpty() && !stdout.endsWith("\n")) {
                lines.add("\\ no newline at end of output");
            }
            lines.add("[exit status " + exitStatus + "]");
            if (!stderrFirstLine.isEmpty()) {
                lines.add("[stderr] " + stderrFirstLine);
            }
            return lines;
        }

        String label() {
            return combination.isEmpty() ? "stress=" + stress : combination + " stress=" + stress;
        }
    }

    /** Runs every combination under no stress and each of {@code stress}, in that order per combination. */
    static List<Row> run(List<Combination> combinations, List<String> stress, Runner runner) throws Failure {
        List<String> modes = new ArrayList<>();
        modes.add(MatrixRequest.NO_STRESS);
        modes.addAll(stress);
        List<Row> rows = new ArrayList<>();
        Row first = null;
        for (Combination c : combinations) {
            for (String mode : modes) {
                RunResult r = runner.run(c, mode);
                String firstLine = firstLine(r.stderr());
                boolean agree = first == null || first.stdout().equals(r.stdout())
                        && first.exitStatus() == r.exitStatus() && first.stderrFirstLine().equals(firstLine);
                Map<String, String> settings = new LinkedHashMap<>();
                c.choices().forEach((kind, name) -> settings.put(kind.configKey(), name));
                settings.putAll(c.options());
                Row row = new Row(rows.size() + 1, c.label(), settings, mode, r.exitStatus(), r.stdout(), firstLine,
                        r.metrics().asMap(), agree);
                if (first == null) {
                    first = row;
                }
                rows.add(row);
            }
        }
        return rows;
    }

    static String firstLine(String text) {
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
