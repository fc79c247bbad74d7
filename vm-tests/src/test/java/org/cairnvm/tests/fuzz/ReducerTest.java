package org.cairnvm.tests.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.cairnvm.api.Program;
import org.cairnvm.api.RunResult;
import org.cairnvm.api.Source;
import org.cairnvm.api.Vm;
import org.junit.jupiter.api.Test;

/** The reducer's tree of lines and blocks, its expression simplifications, and a real reduction. */
class ReducerTest {

    /** Candidates tried by the real reduction below. */
    private static final int TEST_CANDIDATES = 300;

    @Test
    void parseAndRenderRoundTripEveryGeneratedProgram() {
        for (long seed = 1; seed <= 30; seed++) {
            String program = ProgramGenerator.generate(seed);
            List<Reducer.Node> tree = Reducer.parse(program);
            assertEquals(program, Reducer.render(tree), "seed " + seed);
        }
    }

    @Test
    void elseBranchesAreSegmentsOfOneBlock() {
        List<Reducer.Node> tree = Reducer.parse("if a {\n\tx()\n} else if b {\n\ty()\n} else {\n\tz()\n}\n");
        assertEquals(2, tree.size(), "the block and the empty last line");
        Reducer.Block b = (Reducer.Block) tree.getFirst();
        assertEquals(3, b.segments().size());
        assertEquals("} else if b {", b.segments().get(1).header());
        assertNull(Reducer.parse("func f() {\n"), "unbalanced braces are not reduced");
    }

    @Test
    void simplerVersionsOfALine() {
        List<String> s = Reducer.simpler("\th = (h + (x * 3)) - f(y)");
        assertTrue(s.contains("\th = h - f(y)"), s.toString());
        assertTrue(s.contains("\th = (x * 3) - f(y)"), s.toString());
        assertTrue(s.contains("\th = (h + x) - f(y)"), s.toString());
        assertTrue(s.contains("\th = (h + 0) - f(y)"), s.toString());
        assertTrue(s.contains("\th = (h + (x * 1)) - f(y)"), s.toString());
        assertFalse(s.stream().anyMatch(l -> l.contains("f0") || l.contains("f(0)")), "call parentheses stay: " + s);
        assertTrue(Reducer.simpler("\ts := \"(a + b) 12\"").isEmpty(), "nothing inside strings");
    }

    @Test
    void reducesToWhatKeepsThePropertyAndStillCompiles() {
        String program = ProgramGenerator.generate(7);
        // The property: the program still prints a line starting "call0". Only the call of the
        // recursion from main and what it needs can stay.
        Predicate<String> printsCall0 = src -> {
            try (Vm vm = Vm.builder().option("budget.instructions", "2000000").build()) {
                Program p = vm.compile(Source.of("prog.go", src));
                if (!p.compiled()) {
                    return false;
                }
                RunResult r = vm.run(p);
                return r.exitStatus() == 0 && r.stdout().lines().anyMatch(l -> l.startsWith("call0"));
            }
        };
        assertTrue(printsCall0.test(program), program);
        // A few hundred candidates are enough to show the passes work, and keep the test quick.
        String reduced = Reducer.reduce(program, printsCall0, TEST_CANDIDATES, Duration.ofSeconds(60));
        assertTrue(printsCall0.test(reduced), reduced);
        assertTrue(reduced.lines().count() * 3 < program.lines().count(),
                "at most a third of " + program.lines().count() + " lines remain:\n" + reduced);
    }

    /** A goroutine program of the generator: seed 3 runs workers on channel pairs, round by round. */
    private static final long GOROUTINE_SEED = 3;

    @Test
    void reducesAGoroutineProgramKeepingTheWorkerThatComputesTheValue() {
        String program = ProgramGenerator.generate(GOROUTINE_SEED);
        assertTrue(GoroutineProgramsTest.usesGoroutines(program), program);
        String secondLine = run(program).stdout().lines().skip(1).findFirst().orElseThrow();
        assertTrue(secondLine.startsWith("round 0 "), secondLine);
        // The property: the same value after the first round, which a worker goroutine computed
        // and sent back; a candidate that deadlocks or runs out of budget does not have it.
        Predicate<String> sameRound = src -> {
            RunResult r = run(src);
            return r != null && r.exitStatus() == 0 && r.stdout().lines().anyMatch(secondLine::equals);
        };
        String reduced = Reducer.reduce(program, sameRound, TEST_CANDIDATES, Duration.ofSeconds(60));
        assertTrue(sameRound.test(reduced), reduced);
        assertTrue(reduced.contains("\tgo ") && reduced.contains("<-"), "the goroutine and its channel stay:\n" + reduced);
        assertTrue(reduced.lines().count() * 2 < program.lines().count(),
                "at most half of " + program.lines().count() + " lines remain:\n" + reduced);
    }

    /** The run of {@code src} under the default VM with a small budget, or null when it does not compile. */
    private static RunResult run(String src) {
        try (Vm vm = Vm.builder().option("budget.instructions", "2000000").build()) {
            Program p = vm.compile(Source.of("prog.go", src));
            return p.compiled() ? vm.run(p) : null;
        }
    }
}
