package org.cairnvm.tests.fuzz;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cairnvm.tests.GoToolchain;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real Go toolchain as the oracle: builds programs in one temporary module and runs the
 * binaries. A batch is built by a single {@code go build -o bin/ ./...}, one package per program,
 * which lets Go compile and link them in parallel and share its caches; that is several times
 * faster than a {@code go build} per program. Close it to delete the module.
 */
final class GoOracle implements AutoCloseable {

    /**
     * Limit for one build of a whole batch: generous, as a cold Go cache on a slow machine
     * needs tens of seconds for a few hundred small programs.
     */
    private static final long BUILD_LIMIT_SECONDS = 600;

    /**
     * Limit for one run of a built program. Generated programs take milliseconds; a reduced
     * candidate may loop forever or recurse until Go's 1 GB stack limit (2 to 3 seconds), and a
     * run that times out counts as "not the disagreement we are after".
     */
    private static final long RUN_LIMIT_SECONDS = 10;

    /** Exit status given to a run that hit {@link #RUN_LIMIT_SECONDS}. */
    static final int TIMED_OUT = -1;

    /** Exit status given by {@link #runStable} to a program whose runs disagreed. */
    static final int NONDETERMINISTIC = -2;

    /**
     * Environments of a stable run: Go's scheduler on one thread, then on two and four, where
     * goroutines really run in parallel. A program whose output depends on scheduling rarely
     * survives all three.
     */
    static final List<Map<String, String>> SCHEDULINGS = List.of(Map.of("GOMAXPROCS", "1"),
            Map.of("GOMAXPROCS", "2"), Map.of("GOMAXPROCS", "4"));

    /**
     * Analyzers of {@code go vet} turned off for generated programs: {@code bools} and {@code
     * assign} flag redundant but valid forms ({@code b && b}, {@code h = h}) that the
     * expression generator writes by chance; every other analyzer must pass.
     */
    static final List<String> VET_FLAGS = List.of("-assign=false", "-bools=false");

    private final Path go;
    private final Path module;
    private int oneOffs;

    private GoOracle(Path go, Path module) {
        this.go = go;
        this.module = module;
    }

    /** An oracle when {@code go} is on the PATH, else empty. */
    static Optional<GoOracle> find() {
        return GoToolchain.go().map(go -> {
            try {
                Path module = Files.createTempDirectory("cairn-fuzz-go-");
                Files.writeString(module.resolve("go.mod"), "module cairnfuzz\n\ngo 1.19\n");
                return new GoOracle(go, module);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** {@code go env GOVERSION}, for reports. */
    String version() {
        return process(List.of(go.toString(), "env", "GOVERSION"), module, RUN_LIMIT_SECONDS).stdout().strip();
    }

    /**
     * Builds every program with one {@code go build} and runs each; the result maps each name to
     * its outcome. A program Go rejects gets exit status 1 and Go's first message, as
     * LANGUAGE.md's contract states compile errors.
     */
    synchronized Map<String, Outcome> runAll(Map<String, String> programs) {
        Map<String, Outcome> out = new LinkedHashMap<>();
        runAll(programs, List.of(Map.of())).forEach((name, outcomes) -> out.put(name, outcomes.getFirst()));
        return out;
    }

    /**
     * Builds every program with one {@code go build} and runs each once per environment (extra
     * environment variables, such as {@code GOMAXPROCS}); the result maps each name to its
     * outcomes in the order of {@code environments}.
     */
    synchronized Map<String, List<Outcome>> runAll(Map<String, String> programs, List<Map<String, String>> environments) {
        Path batch = module.resolve("batch" + (oneOffs++));
        Path bin = batch.resolve("bin");
        try {
            for (Map.Entry<String, String> p : programs.entrySet()) {
                Path dir = batch.resolve(p.getKey());
                Files.createDirectories(dir);
                Files.writeString(dir.resolve("main.go"), p.getValue());
            }
            Files.createDirectories(bin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // -s -w: no symbol table or DWARF, which roughly halves the link, the bulk of a build.
        Result build = process(List.of(go.toString(), "build", "-ldflags=-s -w", "-o", bin + File.separator,
                "./" + module.relativize(batch) + "/..."), module, BUILD_LIMIT_SECONDS);
        Map<String, List<Outcome>> out = new LinkedHashMap<>();
        for (String name : programs.keySet()) {
            Path binary = bin.resolve(name);
            List<Outcome> outcomes = new ArrayList<>();
            for (Map<String, String> env : environments) {
                if (Files.isExecutable(binary)) {
                    Result r = process(List.of(binary.toString()), batch, RUN_LIMIT_SECONDS, env);
                    outcomes.add(Outcome.of(r.stdout(), r.status(), r.stderr()));
                } else {
                    outcomes.add(compileFailure(build.stderr(), name));
                }
            }
            out.put(name, List.copyOf(outcomes));
        }
        delete(batch);
        return out;
    }

    /** Builds and runs one program. */
    synchronized Outcome run(String source) {
        return runAll(Map.of("one", source)).get("one");
    }

    /**
     * Builds one program and runs it under every {@link #SCHEDULINGS}: their common outcome, or
     * exit status {@link #NONDETERMINISTIC} when they differ (a candidate of a reduction whose
     * output came to depend on Go's scheduler, which no VM run can be judged against).
     */
    synchronized Outcome runStable(String source) {
        List<Outcome> outcomes = runAll(Map.of("one", source), SCHEDULINGS).get("one");
        if (outcomes.stream().distinct().count() == 1) {
            return outcomes.getFirst();
        }
        return new Outcome("", NONDETERMINISTIC, "nondeterministic under Go's scheduler: "
                + outcomes.stream().map(Outcome::describe).distinct().toList());
    }

    /** What {@code go vet} said about a batch: its exit status and its output. */
    record Vet(int status, String output) {
    }

    /** Runs {@code go vet} with {@link #VET_FLAGS} over every program, as one package each. */
    synchronized Vet vetAll(Map<String, String> programs) {
        Path batch = module.resolve("batch" + (oneOffs++));
        try {
            for (Map.Entry<String, String> p : programs.entrySet()) {
                Path dir = batch.resolve(p.getKey());
                Files.createDirectories(dir);
                Files.writeString(dir.resolve("main.go"), p.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(go.toString(), "vet"));
        command.addAll(VET_FLAGS);
        command.add("./" + module.relativize(batch) + "/...");
        Result r = process(command, module, BUILD_LIMIT_SECONDS);
        delete(batch);
        return new Vet(r.status(), r.stdout() + r.stderr());
    }

    /** Go's first message about package {@code name}, without the {@code ./dir/} prefix. */
    private static Outcome compileFailure(String stderr, String name) {
        String prefix = name + "/";
        String message = stderr.lines().filter(l -> l.contains(prefix + "main.go:")).findFirst()
                .map(l -> "main.go:" + l.substring(l.indexOf(prefix + "main.go:") + (prefix + "main.go:").length()))
                .orElse(stderr.isBlank() ? "go build failed" : Outcome.firstLine(stderr));
        return new Outcome("", 1, message);
    }

    @Override
    public void close() {
        delete(module);
    }

    /** A finished process. */
    private record Result(int status, String stdout, String stderr) {
    }

    private static Result process(List<String> command, Path dir, long limitSeconds) {
        return process(command, dir, limitSeconds, Map.of());
    }

    private static Result process(List<String> command, Path dir, long limitSeconds, Map<String, String> env) {
        try {
            Path out = Files.createTempFile("cairn-fuzz-out", ".txt");
            Path err = Files.createTempFile("cairn-fuzz-err", ".txt");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                // The oracle never needs the network: generated programs import only the standard library.
                pb.environment().put("GOPROXY", "off");
                pb.environment().put("GOFLAGS", "-mod=mod");
                pb.environment().putAll(env);
                Process p = pb.start();
                boolean done;
                try {
                    done = p.waitFor(limitSeconds, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    done = false;
                }
                if (!done) {
                    p.destroyForcibly();
                    return new Result(TIMED_OUT, "", "timed out after " + limitSeconds + " s");
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(files.sorted(Comparator.reverseOrder()).toList());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
