package org.cairnvm.tests.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The generator's goroutine programs: about a third of all programs, of every shape the
 * generator has, valid under {@code go vet}, and deterministic under Go's real scheduler (the
 * differential test compares the VM against one Go run, so a program whose output depended on
 * scheduling would make it flaky). That every VM combination runs them alike is the differential
 * test's business.
 */
class GoroutineProgramsTest {

    /** Seeds surveyed for the share and the shapes of goroutine programs. */
    private static final int SURVEYED = 150;

    /**
     * Goroutine programs built and run under Go. Each costs a few milliseconds per run; the
     * builds share one {@code go build}.
     */
    private static final int UNDER_GO = 24;

    /** Runs per program and scheduling in the determinism test. */
    private static final int REPEATS = 2;

    static boolean usesGoroutines(String program) {
        return program.contains("\tgo ");
    }

    /** The first {@code n} goroutine programs from seed 1 on, by name. */
    private static Map<String, String> goroutinePrograms(int n) {
        Map<String, String> out = new LinkedHashMap<>();
        for (long seed = 1; out.size() < n; seed++) {
            String p = ProgramGenerator.generate(seed);
            if (usesGoroutines(p)) {
                out.put("seed" + seed, p);
            }
        }
        return out;
    }

    @Test
    void aboutAThirdOfTheProgramsUseGoroutinesAndChannels() {
        int concurrent = 0;
        for (long seed = 1; seed <= SURVEYED; seed++) {
            String p = ProgramGenerator.generate(seed);
            if (usesGoroutines(p)) {
                concurrent++;
                assertTrue(p.contains("make(chan "), "seed " + seed);
            } else {
                assertFalse(p.contains("chan ") || p.contains("Gosched"), "seed " + seed + " has no goroutine");
            }
        }
        double share = concurrent / (double) SURVEYED;
        assertTrue(share > 0.2 && share < 0.5, "share of goroutine programs: " + share);
    }

    @Test
    void everyShapeOfGoroutineGroupIsGenerated() {
        String all = String.join("\n", goroutinePrograms(SURVEYED / 3).values());
        List<String> missing = new ArrayList<>();
        for (String shape : List.of(
                "for v := range in {",          // range workers
                "go feed(",                      // a feeder goroutine that closes its channel
                "out <- &h",                     // pointers to a worker's own variable sent
                "*<-out",                        // ... and read by main
                "v := <-in",                     // workers parked deep in recursion
                "runtime.GC()\n\tin",            // main collects while they are parked
                "\tif v < 0 {",                  // a worker dying deep in its recursion
                ").w",                           // go obj.m(...)
                "fmt.Println(\"queued\", len(",  // len and cap of a channel main filled
                "fmt.Println(\"drained\"",       // two-value receive from a closed, drained channel
                "fmt.Println(\"closed\"",        // ... from a channel a worker closed
                "for {\n",                       // a receive loop ended by !ok
                "runtime.NumGoroutine()",
                "runtime.Gosched()",
                "chan [4]int",
                "chan string")) {
            if (!all.contains(shape)) {
                missing.add(shape);
            }
        }
        assertEquals(List.of(), missing, "shapes never generated");
    }

    @Test
    void goroutineProgramsPassGoVet() {
        Optional<GoOracle> oracle = GoOracle.find();
        assumeTrue(oracle.isPresent(), "go is not on the PATH");
        try (GoOracle go = oracle.get()) {
            GoOracle.Vet vet = go.vetAll(goroutinePrograms(UNDER_GO));
            assertEquals(0, vet.status(), vet.output());
        }
    }

    @Test
    void goroutineProgramsAreDeterministicUnderGosScheduler() {
        Optional<GoOracle> oracle = GoOracle.find();
        assumeTrue(oracle.isPresent(), "go is not on the PATH");
        List<Map<String, String>> schedulings = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++) {
            schedulings.addAll(GoOracle.SCHEDULINGS);
        }
        try (GoOracle go = oracle.get()) {
            Map<String, List<Outcome>> runs = go.runAll(goroutinePrograms(UNDER_GO), schedulings);
            for (Map.Entry<String, List<Outcome>> e : runs.entrySet()) {
                Outcome first = e.getValue().getFirst();
                assertNotEquals(1, first.exitStatus(), e.getKey() + " does not build: " + first.describe());
                assertNotEquals(GoOracle.TIMED_OUT, first.exitStatus(), e.getKey() + " hangs");
                assertFalse(first.stderrFirstLine().contains("deadlock"), e.getKey() + " deadlocks");
                for (int i = 1; i < e.getValue().size(); i++) {
                    assertEquals(first, e.getValue().get(i), e.getKey() + " under " + schedulings.get(i)
                            + " differs from its run under " + schedulings.getFirst());
                }
            }
        }
    }
}
