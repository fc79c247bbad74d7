package org.cairnvm.cli;

import static org.cairnvm.cli.MainTest.cairn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cairnvm.api.Combination;
import org.cairnvm.api.GuestError;
import org.cairnvm.api.Metrics;
import org.cairnvm.api.RunResult;
import org.cairnvm.spi.PluginKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn matrix}: the command end to end, and its comparison and report with made-up runs. */
class MatrixTest {
    @TempDir
    Path dir;

    private static final String DEEP = """
            package main

            import "fmt"

            func down(n int, p *int) int {
            	var pad [8]int
            	pad[n%8] = n
            	if n == 0 {
            		return *p
            	}
            	*p += n
            	return down(n-1, p) + pad[n%8]
            }

            func main() {
            	acc := 0
            	fmt.Println(down(500, &acc), acc)
            }
            """;

    private Path program(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void everyCombinationAgreesOnAGoodProgram() throws IOException {
        Path p = program("deep.go", DEEP);
        MainTest.Outcome o = cairn("matrix", "--stress", "stack-move", p.toString());
        assertEquals(0, o.status(), o.out() + o.err());
        int combinations = Combination.installed().size();
        List<String> lines = o.out().lines().toList();
        assertTrue(lines.getFirst().contains("combination") && lines.getFirst().contains("instructions")
                && lines.getFirst().contains("wall ms"), o.out());
        long rows = lines.stream().filter(l -> l.matches("\\s+\\d+\\s+.*")).count();
        assertEquals(2L * combinations, rows, o.out());
        assertTrue(o.out().contains("all " + 2 * combinations + " runs agree"), o.out());
        assertTrue(lines.stream().anyMatch(l -> l.contains("stack-move")), o.out());
        assertFalse(o.out().contains("*"), "no row marked: " + o.out());
        assertEquals("", o.err());
    }

    @Test
    void jsonHasEveryRowWithItsMetricsAndAgreement() throws IOException {
        Path p = program("deep.go", DEEP);
        MainTest.Outcome o = cairn("matrix", "--json", p.toString());
        assertEquals(0, o.status(), o.err());
        String json = o.out();
        assertTrue(json.startsWith("[\n  {\"row\": 1, \"combination\": "), json);
        assertTrue(json.strip().endsWith("]"), json);
        assertEquals(Combination.installed().size(), json.split("\"agree\": true", -1).length - 1, json);
        assertTrue(json.contains("\"vm.instructions\": "), json);
        assertTrue(json.contains("\"settings\": {\"stack\": "), json);
    }

    @Test
    void aProgramThatDoesNotCompileExitsOneWithItsErrors() throws IOException {
        Path p = program("bad.go", "package main\n\nfunc main() {\n\tx := 1\n}\n");
        MainTest.Outcome o = cairn("matrix", p.toString());
        assertEquals(1, o.status());
        assertTrue(o.firstErrLine().startsWith("bad.go:4:2: "), o.err());
        assertEquals("", o.out());
    }

    @Test
    void aPanickingProgramAgreesOnItsFirstLine() throws IOException {
        Path p = program("boom.go", "package main\n\nfunc main() {\n\tpanic(\"boom\")\n}\n");
        MainTest.Outcome o = cairn("matrix", p.toString());
        assertEquals(0, o.status(), o.out());
        assertTrue(o.out().lines().skip(1).filter(l -> l.matches("\\s+\\d+\\s+.*"))
                .allMatch(l -> l.matches(".*\\s2\\s.*")), "exit status 2 in every row: " + o.out());
    }

    @Test
    void usageErrors() throws IOException {
        Path p = program("deep.go", DEEP);
        MainTest.Outcome stack = cairn("matrix", "-D", "stack=copying", p.toString());
        assertEquals(2, stack.status());
        assertTrue(stack.firstErrLine().startsWith("cairn matrix: -D stack cannot be set"), stack.err());
        assertEquals(2, cairn("matrix", "-Dstress=stack-move", p.toString()).status());
        assertEquals(2, cairn("matrix").status());
        MainTest.Outcome mode = cairn("matrix", "--stress", "sideways", p.toString());
        assertEquals(2, mode.status());
        assertTrue(mode.err().contains("sideways"), mode.err());
        assertEquals(0, cairn("matrix", "--help").status());
        assertTrue(cairn("help", "matrix").out().startsWith("usage: " + MatrixRequest.SYNTAX));
        assertEquals(1, cairn("matrix", dir.resolve("missing.go").toString()).status());
    }

    @Test
    void defineAppliesToEveryRun() throws IOException {
        Path p = program("deep.go", DEEP);
        MainTest.Outcome o = cairn("matrix", "--json", "-D", "budget.instructions=100", p.toString());
        assertEquals(0, o.status(), o.out());
        assertEquals(Combination.installed().size(), o.out().split("\"exitStatus\": 2", -1).length - 1,
                "every run ran out of the same budget: " + o.out());
    }

    // ---------------------------------------------------------------- with made-up runs

    private static Combination combination(String stack) {
        TreeMap<PluginKind, String> choices = new TreeMap<>(Map.of(PluginKind.STACK, stack));
        return new Combination(choices);
    }

    private static RunResult result(String stdout, int status, String stderr, Map<String, Long> metrics) {
        Optional<GuestError> error = status == 0 ? Optional.empty()
                : Optional.of(new GuestError(GuestError.Kind.PANIC, Matrix.firstLine(stderr), stderr));
        return new RunResult(status, stdout, stderr, error, new Metrics(metrics));
    }

    @Test
    void aDifferingRowIsMarkedAndDiffed() throws Failure {
        List<String> calls = new ArrayList<>();
        List<Matrix.Row> rows = Matrix.run(List.of(combination("copying"), combination("odd")), List.of("stack-move"),
                (c, stress) -> {
                    calls.add(c.choice(PluginKind.STACK) + "/" + stress);
                    boolean odd = c.choice(PluginKind.STACK).equals("odd") && stress.equals("stack-move");
                    return result(odd ? "1\n2\nX\n4\n" : "1\n2\n3\n4\n", 0, "",
                            Map.of("vm.instructions", 10L, "stack.growths", odd ? 3L : 1L, "time.wallNanos", 2_000_000L));
                });
        assertEquals(List.of("copying/none", "copying/stack-move", "odd/none", "odd/stack-move"), calls);
        assertEquals(List.of(true, true, true, false), rows.stream().map(Matrix.Row::agree).toList());

        String table = MatrixReport.table(rows);
        List<String> lines = table.lines().toList();
        assertTrue(lines.get(4).startsWith("*  4  stack=odd"), table);
        assertTrue(lines.get(1).startsWith("   1  stack=copying"), table);
        assertTrue(lines.get(1).matches(".*\\s10\\s+1(\\s+-){8}\\s+2$"), table);

        String verdict = MatrixReport.verdict(rows);
        assertTrue(verdict.startsWith("1 of 4 runs (marked *) differ from row 1"), verdict);
        assertTrue(verdict.contains("""
                --- row 1: stack=copying stress=none
                +++ row 4: stack=odd stress=stack-move
                @@ -1,5 +1,5 @@
                 1
                 2
                -3
                +X
                 4
                 [exit status 0]
                """), verdict);
        String json = MatrixReport.json(rows);
        assertTrue(json.contains("\"row\": 4, \"combination\": \"stack=odd\", \"settings\": {\"stack\": \"odd\"}, "
                + "\"stress\": \"stack-move\", \"exitStatus\": 0, \"stderrFirstLine\": \"\", \"agree\": false, "
                + "\"metrics\": {\"stack.growths\": 3, \"time.wallNanos\": 2000000, \"vm.instructions\": 10}}"), json);
    }

    @Test
    void exitStatusAndFirstStderrLineCountButTheRestOfStderrDoesNot() throws Failure {
        List<Matrix.Row> rows = Matrix.run(List.of(combination("a"), combination("b"), combination("c")), List.of(),
                (c, stress) -> switch (c.choice(PluginKind.STACK)) {
                    case "a" -> result("", 2, "panic: boom\n\ngoroutine 1 [running]:\nmain.main()\n", Map.of());
                    case "b" -> result("", 2, "panic: boom\n\ngoroutine 1 [running]:\nmain.other()\n", Map.of());
                    default -> result("", 2, "panic: bang\n", Map.of());
                });
        assertEquals(List.of(true, true, false), rows.stream().map(Matrix.Row::agree).toList());
        String verdict = MatrixReport.verdict(rows);
        assertTrue(verdict.contains("-[stderr] panic: boom\n+[stderr] panic: bang\n"), verdict);
    }

    @Test
    void unifiedDiffOfDistantChangesHasTwoHunks() {
        List<String> a = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            a.add(Integer.toString(i));
        }
        List<String> b = new ArrayList<>(a);
        b.set(1, "two");
        b.remove(17);
        String diff = TextDiff.unified("a", a, "b", b);
        assertEquals("""
                --- a
                +++ b
                @@ -1,5 +1,5 @@
                 1
                -2
                +two
                 3
                 4
                 5
                @@ -15,6 +15,5 @@
                 15
                 16
                 17
                -18
                 19
                 20
                """, diff);
    }

    @Test
    void jsonStringsAreEscaped() {
        assertEquals("\"a\\\"b\\\\c\\nd\\u0001\"", MatrixReport.quote("a\"b\\c\nd\u0001"));
    }
}
