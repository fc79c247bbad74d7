package org.cairnvm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks that every expected file still says what the real Go toolchain says now, so a
 * hand-edited {@code .out} or {@code .err} is caught: expected files come from Go, never from the
 * VM and never from a keyboard. It builds and runs each program of {@code testdata/} and
 * {@code examples/} exactly as {@code scripts/golden-regen} does. Skipped when {@code go} is not
 * on the PATH or is not the Go 1.19 the files were made with (later releases reword some compile
 * errors).
 */
class OracleTest {

    /** The Go release the expected files were generated with. */
    private static final String GO_RELEASE = "go1.19";

    /**
     * Limit for one build or run. The slowest golden program (the stack overflow, which touches
     * a 1 GB stack) takes about 3 s under Go; a build takes under one.
     */
    private static final long STEP_LIMIT_SECONDS = 120;

    @TestFactory
    Stream<DynamicTest> expectedFilesMatchGo() throws IOException {
        Optional<Path> go = GoToolchain.go();
        Assumptions.assumeTrue(go.isPresent(), "go is not on the PATH");
        String version = run(List.of(go.get().toString(), "env", "GOVERSION"), Path.of(".")).stdout().strip();
        Assumptions.assumeTrue(version.equals(GO_RELEASE) || version.startsWith(GO_RELEASE + "."),
                "expected files come from " + GO_RELEASE + ", found " + version);
        List<GoldenProgram> programs = new ArrayList<>(GoldenProgram.loadAll(GoldenProgram.repoDir("testdata")));
        programs.addAll(GoldenProgram.loadAll(GoldenProgram.repoDir("examples")));
        return programs.stream().map(p -> DynamicTest.dynamicTest(p.name() + " [go " + version + "]",
                p.path().toUri(), () -> check(go.get(), p)));
    }

    private static void check(Path go, GoldenProgram golden) throws IOException {
        Path dir = Files.createTempDirectory("cairn-oracle-");
        try {
            Files.copy(golden.path(), dir.resolve(golden.name()));
            Outcome build = run(List.of(go.toString(), "build", "-o", "prog", golden.name()), dir);
            Outcome actual;
            if (build.status() == 0) {
                actual = run(List.of(dir.resolve("prog").toString()), dir);
            } else {
                // go build exits 2 for any failure; the compiler's own status (1) is the contract.
                Outcome compile = run(List.of(go.toString(), "tool", "compile", "-o", "compile.o", golden.name()), dir);
                String messages = build.stderr().lines().filter(l -> !l.equals("# command-line-arguments"))
                        .map(l -> l.startsWith("./") ? l.substring(2) : l)
                        .reduce("", (a, b) -> a + b + "\n");
                actual = new Outcome(compile.status(), "", messages);
            }
            assertEquals(golden.stdout(), actual.stdout(), golden.name() + ": .out differs from Go's standard output");
            assertEquals(golden.exitStatus(), actual.status(), golden.name() + ": // exit: differs from Go's status");
            if (golden.stderrFirstLine().isPresent()) {
                assertEquals(golden.stderrFirstLine().get(), GoldenProgram.firstLine(actual.stderr()),
                        golden.name() + ": .err differs from Go's first line of standard error");
            } else {
                assertTrue(actual.stderr().isEmpty(), golden.name() + ": Go writes to standard error but there is no .err");
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** A finished process: its status and both outputs. */
    private record Outcome(int status, String stdout, String stderr) {
    }

    private static Outcome run(List<String> command, Path dir) throws IOException {
        Path out = Files.createTempFile("cairn-oracle-out", ".txt");
        Path err = Files.createTempFile("cairn-oracle-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            boolean done;
            try {
                done = p.waitFor(STEP_LIMIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                done = false;
            }
            if (!done) {
                p.destroyForcibly();
            }
            assertTrue(done, String.join(" ", command) + " did not finish within " + STEP_LIMIT_SECONDS + " s");
            return new Outcome(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
