package org.cairnvm.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One golden program of {@code testdata/} with its expectations, as LANGUAGE.md's conventions
 * lay them out: {@code NAME.go} beside {@code NAME.out} (standard output), {@code NAME.err} (the
 * first line of standard error, when there is one) and the exit status on the first line as
 * {@code // exit: N} (0 when absent). The header (the comment lines before {@code package}) may
 * also say {@code // skip-stress: MODE reason}: that stress mode is inherently infeasible for the
 * program and the harness reports it as skipped with the reason.
 *
 * @param name the file name, {@code arith.go}
 * @param path where the program is
 * @param exitStatus the expected exit status
 * @param stdout the expected standard output
 * @param stderrFirstLine the expected first line of standard error, if the program writes one
 * @param skipStress stress mode to the reason it is skipped for this program
 */
public record GoldenProgram(String name, Path path, int exitStatus, String stdout, Optional<String> stderrFirstLine,
                     Map<String, String> skipStress) {

    private static final Pattern EXIT = Pattern.compile("^// exit: (\\d+)\\s*$");
    private static final Pattern SKIP_STRESS = Pattern.compile("^// skip-stress: (\\S+)\\s+(.+)$");

    /** The system property that points the tests at a testdata directory explicitly. */
    static final String TESTDATA_PROPERTY = "cairn.testdata";

    /** Reads {@code NAME.go} and its expectation files; a missing {@code .out} is an error. */
    public static GoldenProgram load(Path go) {
        try {
            String file = go.getFileName().toString();
            String base = file.substring(0, file.length() - ".go".length());
            List<String> lines = Files.readAllLines(go, StandardCharsets.UTF_8);
            int exit = 0;
            Map<String, String> skips = new LinkedHashMap<>();
            for (int i = 0; i < lines.size() && lines.get(i).startsWith("//"); i++) {
                Matcher e = EXIT.matcher(lines.get(i));
                if (i == 0 && e.matches()) {
                    exit = Integer.parseInt(e.group(1));
                }
                Matcher s = SKIP_STRESS.matcher(lines.get(i));
                if (s.matches()) {
                    skips.put(s.group(1), s.group(2).strip());
                }
            }
            Path out = go.resolveSibling(base + ".out");
            if (!Files.exists(out)) {
                throw new IllegalStateException(out + " is missing: run scripts/golden-regen");
            }
            Path err = go.resolveSibling(base + ".err");
            Optional<String> errLine = Files.exists(err)
                    ? Optional.of(firstLine(Files.readString(err, StandardCharsets.UTF_8)))
                    : Optional.empty();
            return new GoldenProgram(file, go, exit, Files.readString(out, StandardCharsets.UTF_8), errLine,
                    Map.copyOf(skips));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The folder of {@code testdata/} that holds the differential tests' saved regression cases
     * (reduced programs on which combinations once disagreed), run like every other golden program.
     */
    public static final String REGRESS_DIR = "regress";

    /** Every golden program: {@code *.go} of {@code testdata} then of its {@value #REGRESS_DIR} folder. */
    public static List<GoldenProgram> loadGolden(Path testdata) {
        List<GoldenProgram> all = new ArrayList<>(loadAll(testdata));
        Path regress = testdata.resolve(REGRESS_DIR);
        if (Files.isDirectory(regress)) {
            all.addAll(loadAll(regress));
        }
        return all;
    }

    /** The name tests are shown by: {@code arith.go}, or {@code regress/seed-42.go} for a saved case. */
    public String displayName() {
        Path dir = path.getParent();
        return dir != null && dir.getFileName() != null && dir.getFileName().toString().equals(REGRESS_DIR)
                ? REGRESS_DIR + "/" + name : name;
    }

    /** Every {@code *.go} of a directory, sorted by name. */
    static List<GoldenProgram> loadAll(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<GoldenProgram> all = new ArrayList<>();
            files.filter(p -> p.getFileName().toString().endsWith(".go")).sorted().forEach(p -> all.add(load(p)));
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The repository's directory {@code name} ({@code testdata}, {@code examples}): from the
     * system property {@value #TESTDATA_PROPERTY} for testdata when set, else found by walking up
     * from the working directory (the module directory under Maven, the repository root from an IDE).
     */
    public static Path repoDir(String name) {
        String explicit = System.getProperty(TESTDATA_PROPERTY);
        if (explicit != null && name.equals("testdata")) {
            return Path.of(explicit);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve(name);
            if (Files.isDirectory(candidate) && Files.exists(p.resolve("pom.xml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + name + "/ directory above " + Path.of("").toAbsolutePath()
                + "; set -D" + TESTDATA_PROPERTY);
    }

    /** The source text. */
    String text() {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first line of {@code text}, without its line terminator ("" for empty text). */
    static String firstLine(String text) {
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
