package org.cairnvm.tests.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A reduced program on which configurations disagreed, saved as a golden program under {@code
 * testdata/regress/}: {@code seed-S.go} with {@code .out} and (when standard error is not empty)
 * {@code .err}, so the golden suite replays it under every combination from then on.
 *
 * @param seed the generator seed the program came from
 * @param source the reduced program
 * @param expected the outcome the files record
 * @param provenance where the expected outcome came from ({@code Go go1.19}, or the majority of
 *     the VM's configurations when Go was not installed)
 * @param finding one line saying what disagreed
 */
record RegressionCase(long seed, String source, Outcome expected, String provenance, String finding) {

    /** Writes the files into {@code dir} (created if needed) and returns the program's path. */
    Path save(Path dir) {
        try {
            Files.createDirectories(dir);
            String base = "seed-" + seed;
            Path go = dir.resolve(base + ".go");
            Files.writeString(go, text(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(base + ".out"), expected.stdout(), StandardCharsets.UTF_8);
            Path err = dir.resolve(base + ".err");
            if (expected.stderrFirstLine().isEmpty()) {
                Files.deleteIfExists(err);
            } else {
                Files.writeString(err, expected.stderrFirstLine() + "\n", StandardCharsets.UTF_8);
            }
            return go;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The program with the golden header: the exit line first (when not 0), then what it guards. */
    String text() {
        StringBuilder sb = new StringBuilder();
        if (expected.exitStatus() != 0) {
            sb.append("// exit: ").append(expected.exitStatus()).append('\n');
        }
        sb.append("// Differential-test regression, generator seed ").append(seed).append(" (reduced): ")
                .append(finding).append('\n');
        sb.append("// Expected files from ").append(provenance).append(".\n");
        List<String> lines = source.lines().dropWhile(l -> l.startsWith("//")).toList();
        return sb.append(lines.stream().collect(Collectors.joining("\n"))).append('\n').toString();
    }
}
