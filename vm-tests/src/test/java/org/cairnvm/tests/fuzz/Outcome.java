package org.cairnvm.tests.fuzz;

import java.util.EnumSet;

/**
 * What a run of a program is judged by, in LANGUAGE.md's contract: standard output, exit status,
 * and the first line of standard error. Everything else (the rest of a panic's trace, metrics,
 * timing) may differ between configurations.
 *
 * @param stdout the whole standard output
 * @param exitStatus the exit status
 * @param stderrFirstLine the first line of standard error, without its terminator ("" for none)
 */
public record Outcome(String stdout, int exitStatus, String stderrFirstLine) {

    /** The outcome of a process or run from its whole standard error. */
    public static Outcome of(String stdout, int exitStatus, String stderr) {
        return new Outcome(stdout, exitStatus, firstLine(stderr));
    }

    /** The first line of {@code text}, without its line terminator ("" for empty text). */
    public static String firstLine(String text) {
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** The parts of an outcome, for saying in which ones two outcomes differ. */
    public enum Part { STDOUT, EXIT_STATUS, STDERR_FIRST_LINE }

    /** The parts in which this outcome differs from {@code other} (empty when they are equal). */
    public EnumSet<Part> differences(Outcome other) {
        EnumSet<Part> out = EnumSet.noneOf(Part.class);
        if (!stdout.equals(other.stdout)) {
            out.add(Part.STDOUT);
        }
        if (exitStatus != other.exitStatus) {
            out.add(Part.EXIT_STATUS);
        }
        if (!stderrFirstLine.equals(other.stderrFirstLine)) {
            out.add(Part.STDERR_FIRST_LINE);
        }
        return out;
    }

    /** A short human-readable form for failure messages. */
    public String describe() {
        return "exit " + exitStatus + (stderrFirstLine.isEmpty() ? "" : ", stderr \"" + stderrFirstLine + "\"")
                + ", " + stdout.lines().count() + " lines of stdout";
    }
}
