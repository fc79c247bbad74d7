package org.cairnvm.tests.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.cairnvm.api.Program;
import org.cairnvm.api.Vm;
import org.cairnvm.tests.GoldenProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Differential testing: a batch of generated programs ({@link ProgramGenerator}) run under every
 * {@link RunConfig} (every combination of installed plugins and their variants, times every
 * stress mode that applies), and, when {@code go} is on the PATH, built and run by Go too. Every
 * run must give the reference outcome: Go's when Go is there, else the first configuration's.
 *
 * <p>A disagreement is reduced ({@link Reducer}) while it persists, printed with its seed, and
 * saved as {@code testdata/regress/seed-S.go} with expected files from Go (or from the majority
 * of configurations without Go), which the golden suite then runs under every combination. Then
 * the test fails.
 *
 * <p>Scale and replay: {@code -Dcairn.fuzz.iterations=N} programs (default {@value
 * #DEFAULT_ITERATIONS}) from seed {@code -Dcairn.fuzz.seed=S} on (default {@value #DEFAULT_SEED});
 * program {@code i} uses seed {@code S + i}, so {@code -Dcairn.fuzz.seed=1234
 * -Dcairn.fuzz.iterations=1} replays one failure.
 */
class DifferentialTest {

    /** A CI-sized batch: with today's eleven configurations, about a minute on two cores. */
    static final int DEFAULT_ITERATIONS = 200;

    /** The first seed of the default batch; fixed so that CI runs are reproducible. */
    static final long DEFAULT_SEED = 1;

    static final String ITERATIONS_PROPERTY = "cairn.fuzz.iterations";
    static final String SEED_PROPERTY = "cairn.fuzz.seed";

    /**
     * Instruction budget of one batch run. Generated programs need under a million
     * instructions; the budget only turns a hang (a generator or VM bug) into a reported
     * disagreement instead of a stalled build.
     */
    private static final long RUN_BUDGET = 100_000_000;

    /**
     * Budget factor for candidate runs while reducing: a deletion can turn a loop infinite or
     * a recursion unbounded, and such a candidate must end fast (and counts as uninteresting).
     */
    private static final long REDUCE_BUDGET_FACTOR = 3;

    /** Floor of the reduction budget, for programs that need almost no instructions. */
    private static final long REDUCE_BUDGET_FLOOR = 200_000;

    /**
     * Findings reduced per batch. A VM bug that many programs hit (one in the scheduler can hit
     * every goroutine program) would otherwise cost minutes of reduction per program; the rest
     * are listed by seed, each replayable alone.
     */
    private static final int MAX_REDUCED = 3;

    /** A reduction against Go builds every candidate with Go (about half a second): more time. */
    private static final int GO_REDUCE_TIME_FACTOR = 3;

    @Test
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void generatedProgramsAgreeUnderEveryConfigurationAndWithGo() throws Exception {
        int iterations = Integer.getInteger(ITERATIONS_PROPERTY, DEFAULT_ITERATIONS);
        long firstSeed = Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
        List<RunConfig> configs = RunConfig.all();
        long started = System.nanoTime();

        Map<Long, String> programs = new LinkedHashMap<>();
        for (long seed = firstSeed; seed < firstSeed + iterations; seed++) {
            programs.put(seed, ProgramGenerator.generate(seed));
        }

        Optional<GoOracle> oracle = GoOracle.find();
        Map<Long, Outcome> goOutcomes = new HashMap<>();
        String goNote = "go not on the PATH: compared configurations with each other only";
        try {
            if (oracle.isPresent()) {
                long goStart = System.nanoTime();
                Map<String, String> named = programs.entrySet().stream().collect(Collectors.toMap(
                        e -> "seed" + e.getKey(), Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
                oracle.get().runAll(named).forEach((name, o) -> goOutcomes.put(Long.parseLong(name.substring(4)), o));
                goNote = oracle.get().version() + " built and ran all " + programs.size() + " programs in "
                        + millis(goStart) + " ms (one go build for the batch)";
            }

            List<Finding> findings = runBatch(programs, configs, goOutcomes);
            long batchMillis = millis(started);
            System.out.printf("differential: %d programs (seeds %d..%d) x %d configurations = %d VM runs in %d ms; %s%n",
                    programs.size(), firstSeed, firstSeed + iterations - 1, configs.size(),
                    (long) programs.size() * configs.size(), batchMillis, goNote);
            configs.forEach(c -> System.out.println("  configuration: " + c.label()));
            if (findings.isEmpty()) {
                return;
            }
            StringBuilder report = new StringBuilder();
            for (Finding f : findings.subList(0, Math.min(MAX_REDUCED, findings.size()))) {
                String r = reduceAndSave(f, configs, oracle);
                System.out.println(r);
                report.append(r).append('\n');
            }
            if (findings.size() > MAX_REDUCED) {
                report.append("not reduced (replay each alone): seeds ").append(findings.subList(MAX_REDUCED,
                        findings.size()).stream().map(f -> Long.toString(f.seed())).collect(Collectors.joining(" ")))
                        .append('\n');
            }
            fail(findings.size() + " of " + programs.size() + " programs disagreed:\n" + report);
        } finally {
            oracle.ifPresent(GoOracle::close);
        }
    }

    /**
     * What went wrong with one program.
     *
     * @param seed its seed
     * @param source its text
     * @param reference the outcome every run should have had, and where it came from
     * @param referenceName {@code go} or the label of the first configuration
     * @param outcomes every configuration's outcome
     * @param compileError the VM's diagnostics when it rejected the program, else null
     */
    private record Finding(long seed, String source, Outcome reference, String referenceName,
                           Map<RunConfig, Outcome> outcomes, String compileError) {

        List<RunConfig> deviants() {
            return outcomes.entrySet().stream().filter(e -> !e.getValue().equals(reference))
                    .map(Map.Entry::getKey).toList();
        }
    }

    private static List<Finding> runBatch(Map<Long, String> programs, List<RunConfig> configs,
                                          Map<Long, Outcome> goOutcomes) throws InterruptedException {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(null, r, "differential", DEEP_JAVA_STACK);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Optional<Finding>>> futures = new ArrayList<>();
            for (Map.Entry<Long, String> p : programs.entrySet()) {
                futures.add(pool.submit(() -> check(p.getKey(), p.getValue(), configs, goOutcomes.get(p.getKey()))));
            }
            List<Finding> findings = new ArrayList<>();
            for (Future<Optional<Finding>> f : futures) {
                try {
                    f.get().ifPresent(findings::add);
                } catch (ExecutionException e) {
                    throw new AssertionError("the differential harness itself failed", e.getCause());
                }
            }
            findings.sort(Comparator.comparingLong(Finding::seed));
            return findings;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Java stack for the worker threads, as the test JVM's own (-Xss16m) gives the main thread. */
    private static final long DEEP_JAVA_STACK = 16L << 20;

    private static Optional<Finding> check(long seed, String source, List<RunConfig> configs, Outcome go) {
        String name = "seed-" + seed + ".go";
        Program program = configs.getFirst().compile(name, source);
        if (!program.compiled()) {
            String diagnostics = program.diagnostics().stream().map(Object::toString).collect(Collectors.joining("\n"));
            return Optional.of(new Finding(seed, source, go, "go", Map.of(), diagnostics));
        }
        Map<RunConfig, Outcome> outcomes = new LinkedHashMap<>();
        for (RunConfig c : configs) {
            outcomes.put(c, c.run(program, RUN_BUDGET).outcome());
        }
        Outcome reference = go != null ? go : outcomes.get(configs.getFirst());
        String referenceName = go != null ? "go" : configs.getFirst().label();
        Finding f = new Finding(seed, source, reference, referenceName, outcomes, null);
        return f.deviants().isEmpty() ? Optional.empty() : Optional.of(f);
    }

    /** Reduces a finding, saves it under testdata/regress, and returns the report for it. */
    private static String reduceAndSave(Finding f, List<RunConfig> configs, Optional<GoOracle> oracle) {
        StringBuilder sb = new StringBuilder();
        sb.append("seed ").append(f.seed()).append(" (replay: -D").append(SEED_PROPERTY).append('=').append(f.seed())
                .append(" -D").append(ITERATIONS_PROPERTY).append("=1)\n");
        if (f.compileError() != null) {
            sb.append("  the VM rejected a program Go accepts (").append(f.reference() == null ? "Go not run"
                    : f.reference().describe()).append("):\n  ").append(f.compileError()).append('\n')
                    .append(f.source());
            return sb.toString();
        }
        if (f.reference().exitStatus() == GoOracle.TIMED_OUT) {
            return sb.append("  Go did not finish the program in time: a generator bug (its programs must be fast)\n")
                    .append(f.source()).toString();
        }
        List<RunConfig> deviants = f.deviants();
        sb.append("  ").append(deviants.size()).append(" of ").append(configs.size())
                .append(" configurations differ from ").append(f.referenceName()).append(" (")
                .append(f.reference().describe()).append("):\n");
        for (RunConfig c : deviants) {
            sb.append("    ").append(c.label()).append(": ").append(f.outcomes().get(c).describe()).append('\n');
        }
        // Reduce the clearest pair: two VM configurations when they disagree with each other,
        // else the VM (all alike) against Go.
        List<RunConfig> agreeing = configs.stream().filter(c -> !deviants.contains(c)).toList();
        RunConfig bad = deviants.getFirst();
        RunConfig good = agreeing.isEmpty() ? null : agreeing.getFirst();
        long budget = Math.max(REDUCE_BUDGET_FLOOR, REDUCE_BUDGET_FACTOR * instructions(f.source(), configs.getFirst()));
        Predicate<String> stillDiffers;
        String finding;
        Duration limit = Reducer.DEFAULT_TIME_LIMIT;
        // A candidate must fail the same way: differ in the same parts of the outcome (a deletion
        // may turn a wrong value into a deadlock or a hang, which is another finding).
        if (good != null) {
            EnumSet<Outcome.Part> signature = f.outcomes().get(good).differences(f.outcomes().get(bad));
            stillDiffers = src -> {
                Outcome b = runOrNull(bad, src, budget);
                Outcome g = b == null ? null : runOrNull(good, src, budget);
                return g != null && g.differences(b).equals(signature);
            };
            finding = bad.label() + " differs from " + good.label();
        } else if (oracle.isPresent()) {
            EnumSet<Outcome.Part> signature = f.reference().differences(f.outcomes().get(bad));
            stillDiffers = src -> {
                Outcome vm = runOrNull(bad, src, budget);
                if (vm == null) {
                    return false;
                }
                // Under several schedulings: a deletion in a goroutine program (a receive main no
                // longer waits for) can make Go's output depend on its scheduler, and such a
                // candidate proves nothing about the VM.
                Outcome go = oracle.get().runStable(src);
                return usable(go) && go.differences(vm).equals(signature);
            };
            finding = "every configuration differs from Go";
            // Every candidate costs a Go build: allow more time.
            limit = limit.multipliedBy(GO_REDUCE_TIME_FACTOR);
        } else {
            return sb.append("  (no configuration to compare against)\n").append(f.source()).toString();
        }
        long reduceStart = System.nanoTime();
        System.out.println(sb + "  reducing...");
        String reduced = Reducer.reduce(f.source(), stillDiffers, Reducer.DEFAULT_MAX_TESTS, limit);
        Outcome expected;
        String provenance;
        if (oracle.isPresent()) {
            Outcome go = oracle.get().runStable(reduced);
            if (!usable(go)) {
                // The VM accepted a candidate Go rejects (or whose output under Go depends on
                // scheduling): keep the unreduced program, which Go ran.
                reduced = f.source();
                go = oracle.get().run(reduced);
            }
            expected = go;
            provenance = "Go " + oracle.get().version();
        } else {
            expected = majority(reduced, configs, budget);
            provenance = "the majority of the VM's " + configs.size() + " configurations (go was not installed)";
        }
        RegressionCase saved = new RegressionCase(f.seed(), reduced, expected, provenance, finding);
        Path path = saved.save(GoldenProgram.repoDir("testdata").resolve(GoldenProgram.REGRESS_DIR));
        sb.append("  reduced in ").append(millis(reduceStart)).append(" ms to ").append(reduced.lines().count())
                .append(" lines, saved as ").append(path).append(":\n").append(saved.text());
        return sb.toString();
    }

    /** Whether Go's outcome can judge the VM: Go compiled the program, finished it, and always alike. */
    private static boolean usable(Outcome go) {
        return go.exitStatus() != 1 && go.exitStatus() != GoOracle.TIMED_OUT && go.exitStatus() != GoOracle.NONDETERMINISTIC;
    }

    /** The outcome of a candidate, or null when it does not compile or runs out of budget. */
    private static Outcome runOrNull(RunConfig config, String src, long budget) {
        Program p = config.compile("prog.go", src);
        if (!p.compiled()) {
            return null;
        }
        RunConfig.Run r = config.run(p, budget);
        return r.outOfBudget() ? null : r.outcome();
    }

    private static long instructions(String source, RunConfig config) {
        Program p = config.compile("prog.go", source);
        try (Vm vm = config.combination().apply(Vm.builder())
                .option("budget.instructions", Long.toString(RUN_BUDGET)).build()) {
            return vm.run(p).metrics().get("vm.instructions");
        }
    }

    private static Outcome majority(String source, List<RunConfig> configs, long budget) {
        Map<Outcome, Integer> votes = new LinkedHashMap<>();
        for (RunConfig c : configs) {
            Outcome o = runOrNull(c, source, budget);
            if (o != null) {
                votes.merge(o, 1, Integer::sum);
            }
        }
        return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElseThrow(() -> new AssertionError("no configuration ran the reduced program"));
    }

    private static long millis(long since) {
        return Duration.ofNanos(System.nanoTime() - since).toMillis();
    }

    @Test
    void generatorIsDeterministic() {
        assertEquals(ProgramGenerator.generate(42), ProgramGenerator.generate(42));
        assertNotEquals(ProgramGenerator.generate(42), ProgramGenerator.generate(43));
    }
}
