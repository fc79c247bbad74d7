package org.cairnvm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cairnvm.api.Combination;
import org.cairnvm.api.GuestError;
import org.cairnvm.api.Program;
import org.cairnvm.api.RunResult;
import org.cairnvm.api.Source;
import org.cairnvm.api.Vm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Runs every golden program of {@code testdata/} and of {@code testdata/regress/} (the differential
 * tests' saved cases) under every combination of installed modules
 * ({@link Combination}) and every stress mode that applies to it ({@link StressMode}), each both
 * interpreted and compiled ({@link Tier}), embedding
 * the VM as a host application would, and compares standard output, exit status and the first
 * line of standard error with the files the real Go toolchain produced.
 *
 * <p>Each program is compiled once and the {@link Program} reused for all its runs: programs are
 * immutable, and that reuse is part of what is tested. Runs go in parallel, one per core (see
 * {@code junit-platform.properties}): each has a VM of its own, and two VMs share nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoldenTest {

    /**
     * The fewest programs testdata/ must hold; fewer means the directory was not found whole (a
     * wrong working directory must not pass as an empty, green suite).
     */
    private static final int MIN_PROGRAMS = 50;

    /**
     * Wall-clock limit of one run, after which the harness interrupts the VM and fails the test.
     * Generous because stress modes are slow by design (stack-move copies the stack at every
     * call) and build machines are noisy; a hang must still end the suite, not stall it.
     */
    private static final long RUN_LIMIT_SECONDS = 300;

    /**
     * Characters of output a run may write beyond what Go wrote before the harness interrupts
     * it: a program that prints without end (a scheduler bug that reruns main) must fail its
     * own test, not fill the test JVM's heap.
     */
    private static final int OUTPUT_SLACK_CHARS = 1 << 20;

    private ScheduledExecutorService watchdog;

    @BeforeAll
    void startWatchdog() {
        watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "golden-watchdog");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    void stopWatchdog() {
        watchdog.shutdownNow();
    }

    @TestFactory
    @Execution(ExecutionMode.CONCURRENT)
    Stream<DynamicNode> golden() {
        List<GoldenProgram> programs = GoldenProgram.loadGolden(GoldenProgram.repoDir("testdata"));
        assertTrue(programs.size() >= MIN_PROGRAMS, "only " + programs.size() + " golden programs found");
        List<Combination> combinations = Combination.installed();
        return programs.stream().map(p -> programNode(p, combinations));
    }

    private DynamicContainer programNode(GoldenProgram golden, List<Combination> combinations) {
        CompiledOnce compiled = new CompiledOnce(golden, combinations.getFirst());
        List<DynamicTest> tests = new ArrayList<>();
        for (Combination c : combinations) {
            for (StressMode stress : StressMode.ALL) {
                if (!stress.appliesTo().test(c)) {
                    continue;
                }
                for (Tier tier : Tier.ALL) {
                    String label = (c.label().isEmpty() ? "" : c.label() + " ") + "stress=" + stress.name() + " "
                            + tier.name();
                    String display = golden.displayName() + " [" + label + "]";
                    tests.add(DynamicTest.dynamicTest(display, golden.path().toUri(),
                            () -> runOne(golden, compiled, c, stress, tier)));
                }
            }
        }
        return DynamicContainer.dynamicContainer(golden.displayName(), golden.path().toUri(), tests.stream());
    }

    private void runOne(GoldenProgram golden, CompiledOnce compiled, Combination combination, StressMode stress,
                        Tier tier) {
        // A mode skipped alone is skipped in every combination of modes that includes it.
        String skipReason = java.util.Arrays.stream(stress.name().split(","))
                .map(golden.skipStress()::get).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        if (skipReason != null) {
            Assumptions.abort("skip-stress " + stress.name() + ": " + skipReason);
        }
        Program program = compiled.get();
        Vm.Builder builder = tier.apply(combination.apply(Vm.builder()));
        stress.optionValue().ifPresent(v -> builder.option("stress", v));
        RunResult result;
        CappedWriter out = new CappedWriter(golden.stdout().length() + OUTPUT_SLACK_CHARS);
        CappedWriter err = new CappedWriter(OUTPUT_SLACK_CHARS);
        builder.out(out).err(err);
        try (Vm vm = builder.build()) {
            out.onOverflow(vm::interrupt);
            err.onOverflow(vm::interrupt);
            ScheduledFuture<?> limit = watchdog.schedule(vm::interrupt, RUN_LIMIT_SECONDS, TimeUnit.SECONDS);
            try {
                result = vm.run(program);
            } finally {
                limit.cancel(false);
            }
        }
        if (out.overflowed() || err.overflowed()) {
            fail(golden.name() + " wrote over " + OUTPUT_SLACK_CHARS + " characters more than Go; it begins:\n"
                    + out.text().substring(0, Math.min(2000, out.text().length())));
        }
        if (result.error().map(e -> e.kind() == GuestError.Kind.INTERRUPTED).orElse(false)) {
            fail(golden.name() + " did not finish within " + RUN_LIMIT_SECONDS + " s");
        }
        String stderr = err.text();
        assertEquals(golden.stdout(), out.text(), () -> golden.name() + ": standard output (stderr: "
                + GoldenProgram.firstLine(stderr) + ")");
        assertEquals(golden.exitStatus(), result.exitStatus(), () -> golden.name() + ": exit status; stderr:\n"
                + stderr);
        if (golden.stderrFirstLine().isPresent()) {
            assertEquals(golden.stderrFirstLine().get(), GoldenProgram.firstLine(stderr),
                    () -> golden.name() + ": first line of standard error");
        } else {
            assertEquals("", stderr, () -> golden.name() + ": Go wrote nothing on standard error");
        }
        if (golden.exitStatus() == 0) {
            assertTrue(result.error().isEmpty(), () -> golden.name() + ": unexpected " + result.error());
        } else {
            assertFalse(result.error().isEmpty(), () -> golden.name() + ": exit " + result.exitStatus()
                    + " without a GuestError");
        }
    }

    /**
     * Captures a run's output up to a number of characters; past it, drops the rest and calls
     * the overflow action once (the harness interrupts the VM).
     */
    private static final class CappedWriter extends java.io.Writer {
        private final StringBuilder text = new StringBuilder();
        private final int cap;
        private Runnable onOverflow = () -> { };
        private boolean overflowed;

        CappedWriter(int cap) {
            this.cap = cap;
        }

        void onOverflow(Runnable action) {
            onOverflow = action;
        }

        boolean overflowed() {
            return overflowed;
        }

        String text() {
            return text.toString();
        }

        @Override
        public void write(char[] buf, int off, int len) {
            int room = cap - text.length();
            text.append(buf, off, Math.min(len, Math.max(room, 0)));
            if (len > room && !overflowed) {
                overflowed = true;
                onOverflow.run();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /**
     * Compiles a program the first time one of its tests needs it and hands every later test the
     * same {@link Program}; a compile that throws fails each of the program's tests, not the
     * whole factory.
     */
    private static final class CompiledOnce {
        private final GoldenProgram golden;
        private final Combination combination;
        private Program program;

        CompiledOnce(GoldenProgram golden, Combination combination) {
            this.golden = golden;
            this.combination = combination;
        }

        synchronized Program get() {
            if (program == null) {
                try (Vm vm = combination.apply(Vm.builder()).build()) {
                    program = vm.compile(Source.of(golden.name(), golden.text()));
                }
            }
            if (golden.exitStatus() == 1) {
                assertFalse(program.compiled(), golden.name() + " should not compile");
                golden.stderrFirstLine().ifPresent(line ->
                        assertEquals(line, program.diagnostics().getFirst().toString().lines().findFirst().orElse(""),
                                "first diagnostic"));
            } else {
                assertTrue(program.compiled(), () -> golden.name() + ": " + program.diagnostics());
            }
            return program;
        }
    }
}
