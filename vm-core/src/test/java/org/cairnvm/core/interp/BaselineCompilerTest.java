package org.cairnvm.core.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cairnvm.api.GuestError;
import org.cairnvm.api.Source;
import org.cairnvm.core.code.Image;
import org.cairnvm.core.compile.Compiler;
import org.junit.jupiter.api.Test;

/**
 * The baseline compiler against the interpreter it must be indistinguishable from: the same
 * output, exit status and standard error (panic traces included, which the saved top frame
 * decides), and the same deterministic counts (instructions, calls, stack growths, words copied,
 * peak bytes, collections...) for programs run with {@code jit=off} and compiled before their
 * first instruction ({@code jit.threshold=0}). Expected outputs come from Go 1.19 ({@code go run}).
 */
class BaselineCompilerTest {
    private static final String[] INTERPRETED = {"jit", "off"};
    private static final String[] COMPILED = {"jit.threshold", "0"};

    /** Calls, returns, loops in main (entered compiled at their back-edges), frames, slices, strings. */
    private static final String MIXED = """
            package main

            import "fmt"

            type Point struct{ X, Y int }

            var total int

            func fib(n int) int {
            	if n < 2 {
            		return n
            	}
            	return fib(n-1) + fib(n-2)
            }

            func (p *Point) Move(dx, dy int) {
            	p.X += dx
            	p.Y -= dy
            }

            func sum(xs []int) int {
            	s := 0
            	for _, x := range xs {
            		s += x
            	}
            	return s
            }

            func fill(a *[8]int, k int) {
            	for i := 0; i < len(a); i++ {
            		a[i] = i * k
            	}
            }

            func acc(p *int, n int) {
            	if n == 0 {
            		return
            	}
            	*p += n
            	acc(p, n-1)
            }

            func local(k int) int {
            	var a [5]int
            	for i := 0; i < 5; i++ {
            		a[i] = k + i
            	}
            	q := &a[2]
            	*q *= 2
            	return a[(k%5+5)%5] + a[2]
            }

            func bits(a, b int) int {
            	return (a<<3 | b>>1) ^ (a &^ b) + a%7 - b/3
            }

            func main() {
            	x := 0
            	for i := 0; i < 200000; i++ {
            		x += i % 7
            		x ^= i << 2
            	}
            	fmt.Println("loop", x)
            	fmt.Println("fib", fib(25))
            	p := Point{1, 2}
            	for i := 0; i < 1000; i++ {
            		p.Move(i, -i)
            	}
            	fmt.Println("point", p.X, p.Y)
            	var a [8]int
            	fill(&a, 3)
            	fmt.Println("array", a[7], sum(a[:]))
            	s := make([]int, 0)
            	for i := 0; i < 3000; i++ {
            		s = append(s, i)
            	}
            	fmt.Println("slice", len(s), sum(s), sum(s[10:20]))
            	n := 0
            	acc(&n, 3000)
            	fmt.Println("deep", n)
            	total = fib(15)
            	fmt.Println("global", total)
            	str := ""
            	for i := 0; i < 10; i++ {
            		str = str + "ab"
            	}
            	fmt.Println("string", str, len(str), str == "abababababababababab")
            	l := 0
            	for i := -20; i < 20; i++ {
            		l += local(i) + bits(i, i*3+1)
            	}
            	fmt.Println("local", l)
            }
            """;

    private static final String MIXED_OUT = """
            loop 968658
            fib 75025
            point 499501 499502
            array 21 84
            slice 3000 4498500 145
            deep 4501500
            global 610
            string abababababababababab 20 true
            local 1270
            """;

    /**
     * Workers that compute in compiled code and park in it (in {@code put}), which hands back
     * each time. The loops that receive are left to the interpreter (they would hand back at
     * every turn).
     */
    private static final String WORKERS = """
            package main

            import "fmt"

            func fib(n int) int {
            	if n < 2 {
            		return n
            	}
            	return fib(n-1) + fib(n-2)
            }

            func put(c chan int, v int) {
            	c <- v
            }

            func work(in chan int, out chan int) {
            	for n := range in {
            		put(out, fib(n))
            	}
            	close(out)
            }

            func main() {
            	in := make(chan int)
            	out := make(chan int)
            	go work(in, out)
            	go func2(in)
            	t := 0
            	for v := range out {
            		t += v
            	}
            	fmt.Println(t)
            }

            func func2(in chan int) {
            	for i := 0; i < 24; i++ {
            		in <- i
            	}
            	close(in)
            }
            """;

    /** A program whose f panics in its 501st call, from g, from main's loop; {@code %s} is f's body. */
    private static final String PANICKING = """
            package main

            import "fmt"

            type Point struct{ X, Y int }

            func f(i int) int {
            	%s
            }

            func g(i int) int {
            	return f(i) + 1
            }

            func main() {
            	t := 0
            	for i := 0; i < 1000; i++ {
            		t += g(i)
            	}
            	fmt.Println(t)
            }
            """;

    private static Image compile(String program) {
        Image image = Compiler.compile(Source.of("prog.go", program));
        assertTrue(image.compiled(), () -> image.diagnostics().toString());
        return image;
    }

    /** Every metric that does not measure time or the baseline compiler itself. */
    private static Map<String, Long> counts(Runs.Outcome o) {
        Map<String, Long> m = new TreeMap<>(o.result().metrics().asMap());
        m.keySet().removeIf(k -> k.startsWith("time.") || k.startsWith("jit.") || k.endsWith("Nanos")
                || k.endsWith("NanosTotal"));
        return m;
    }

    /**
     * Runs {@code program} interpreted and compiled, asserts the two runs are indistinguishable
     * and that the compiled run ran compiled code, and returns the compiled run.
     */
    private static Runs.Outcome sameBothWays(String program, String... options) {
        Image image = compile(program);
        Runs.Outcome interpreted = Runs.run(image, concat(INTERPRETED, options));
        Runs.Outcome compiled = Runs.run(image, concat(COMPILED, options));
        assertEquals(interpreted.out(), compiled.out(), "standard output");
        assertEquals(interpreted.err(), compiled.err(), "standard error");
        assertEquals(interpreted.status(), compiled.status(), "exit status");
        assertEquals(counts(interpreted), counts(compiled), "deterministic metrics");
        assertEquals(0, interpreted.result().metrics().get("jit.functions"), "jit=off compiles nothing");
        assertTrue(compiled.result().metrics().get("jit.functions") > 0, "compiled functions");
        assertTrue(compiled.result().metrics().get("jit.entries") > 0, "entries into compiled code");
        return compiled;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void callsLoopsFramesAndSlicesRunCompiledAsInterpreted() {
        Runs.Outcome o = sameBothWays(MIXED);
        assertEquals(MIXED_OUT, o.out());
        assertEquals(0, o.status(), o.err());
        // acc's 3,000 frames outgrow the 2 KiB stack and the compiled depth: both hand back
        assertTrue(o.result().metrics().get("stack.growths") > 0);
        assertTrue(o.result().metrics().get("jit.handBacks") > 3000 * 2L / Interpreter.MAX_COMPILED_DEPTH_WORDS);
    }

    @Test
    void theSameUnderTheStackMoveStressAndWithoutACollectorToShrinkStacks() {
        sameBothWays(MIXED, "stress", "stack-move");
        sameBothWays(MIXED, "stack.initial", "256");
    }

    @Test
    void compilingInTheMiddleOfARunChangesNothingButTheTimes() {
        // the switch comes with interpreted frames on the stack, which stay interpreted
        Image image = compile(MIXED);
        Runs.Outcome interpreted = Runs.run(image, INTERPRETED);
        for (long threshold : new long[] {1, 777, 10_000, 123_457, 2_000_000}) {
            Runs.Outcome o = Runs.run(image, "jit.threshold", Long.toString(threshold));
            assertEquals(MIXED_OUT, o.out(), "threshold " + threshold);
            assertEquals(counts(interpreted), counts(o), "threshold " + threshold);
            assertTrue(o.result().metrics().get("jit.entries") > 0, "threshold " + threshold);
        }
    }

    @Test
    void goroutinesThatParkInCompiledCodeHandBackAndResume() {
        // Go: 75024, the sum of fib(0..23)
        Runs.Outcome o = sameBothWays(WORKERS);
        assertEquals("75024\n", o.out());
        assertTrue(o.result().metrics().get("jit.handBacks") > 0, "a put that finds no receiver waiting parks");
    }

    @Test
    void codeThatHandsBackAtOnceStopsBeingEnteredFromTheInterpreter() {
        // put parks at nearly every call, and main's loop, entered compiled at its back-edge,
        // hands back in it: both stop being entered after MAX_WASTED_ENTRIES short entries
        Runs.Outcome o = sameBothWays("""
                package main

                import "fmt"

                func put(c chan int, v int) {
                	c <- v
                }

                func drain(c chan int, done chan int) {
                	t := 0
                	for v := range c {
                		t += v
                	}
                	done <- t
                }

                func main() {
                	c := make(chan int)
                	done := make(chan int)
                	go drain(c, done)
                	for i := 0; i < 5000; i++ {
                		put(c, i)
                	}
                	close(c)
                	fmt.Println(<-done)
                }
                """);
        assertEquals("12497500\n", o.out()); // Go 1.19
        assertTrue(o.result().metrics().get("jit.handBacks") <= 2 * Interpreter.MAX_WASTED_ENTRIES,
                o.result().metrics().toString());
    }

    @Test
    void runtimePanicsInCompiledCodeReportTheSameTraces() {
        // Go 1.19's first lines for each body of f
        Map<String, String> panics = Map.of(
                "d := 500 - i\n\treturn 1000 / d", "panic: runtime error: integer divide by zero",
                "s := 500 - i\n\treturn i << s", "panic: runtime error: negative shift amount",
                "var a [4]int\n\tj := i % 4\n\tif i == 500 {\n\t\tj = i\n\t}\n\ta[j%4] = i\n\treturn a[j]",
                "panic: runtime error: index out of range [500] with length 4",
                "var p *Point\n\tif i < 500 {\n\t\tp = &Point{i, i}\n\t}\n\treturn p.X",
                "panic: runtime error: invalid memory address or nil pointer dereference");
        for (Map.Entry<String, String> p : panics.entrySet()) {
            Runs.Outcome o = sameBothWays(PANICKING.formatted(p.getKey()));
            assertEquals(2, o.status());
            assertEquals(p.getValue(), o.err().lines().findFirst().orElse(""));
            assertTrue(o.err().contains("main.f(...)\n\tprog.go:"), o.err());
        }
    }

    @Test
    void theBudgetRunsOutAtTheSameInstruction() {
        for (long budget : new long[] {4097, 1_000_003, 2_500_000}) {
            Runs.Outcome o = sameBothWays(MIXED, "budget.instructions", Long.toString(budget));
            assertEquals(GuestError.Kind.BUDGET, o.result().error().orElseThrow().kind());
        }
    }

    @Test
    void anInterruptStopsACompiledLoop() throws Exception {
        Image image = compile("""
                package main

                func spin(n int) int {
                	x := 0
                	for {
                		x += n
                		if x == -1 {
                			return x
                		}
                	}
                }

                func main() {
                	spin(3)
                }
                """);
        AtomicBoolean interrupt = new AtomicBoolean();
        Thread stopper = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            interrupt.set(true);
        });
        Runs.Outcome o = Runs.run(image, Map.of(), interrupt, COMPILED);
        stopper.join();
        assertEquals(GuestError.Kind.INTERRUPTED, o.result().error().orElseThrow().kind());
        assertTrue(o.result().metrics().get("jit.entries") > 0);
    }

    @Test
    void aFunctionTooLargeForHotSpotStaysInterpreted() {
        StringBuilder big = new StringBuilder("package main\n\nimport \"fmt\"\n\nfunc big(x int) int {\n");
        for (int i = 0; i < 1500; i++) {
            big.append("\tx = x*3 + ").append(i).append(" - x/7\n");
        }
        big.append("\treturn x\n}\n\nfunc small(x int) int {\n\treturn x + 1\n}\n\n"
                + "func main() {\n\tfmt.Println(big(small(1)))\n}\n");
        Runs.Outcome o = sameBothWays(big.toString());
        assertEquals(2, o.result().metrics().get("jit.functions"), "main and small, not big");
    }

    @Test
    void theLargestFunctionTakenOfTheBulkiestInstructionsStillMakesAClass() {
        // loads, stores and calls with four argument words, as many as MAX_GUEST_CODE allows:
        // its method passes HotSpot's 8,000 bytes, so it is dropped, but the class is made
        String program = null;
        for (int statements = 2; ; statements += 2) {
            StringBuilder sb = new StringBuilder("""
                    package main

                    import "fmt"

                    type P struct{ X, Y int }

                    func g(a, b, c, d int) int {
                    	return a + b - c + d
                    }

                    func heavy(p *P, q *P) int {
                    """);
            for (int i = 0; i < statements; i++) {
                sb.append(i % 2 == 0 ? "\tp.X = q.Y + p.X\n" : "\tq.Y = g(p.X, q.X, p.Y, " + i + ")\n");
            }
            sb.append("""
                    	return p.X + q.Y
                    }

                    func main() {
                    	fmt.Println(heavy(&P{1, 2}, &P{3, 4}))
                    }
                    """);
            if (heavyLength(compile(sb.toString())) > BaselineCompiler.MAX_GUEST_CODE) {
                break;
            }
            program = sb.toString();
        }
        Image image = compile(program);
        assertTrue(heavyLength(image) > BaselineCompiler.MAX_GUEST_CODE - 100);
        Runs.Outcome o = sameBothWays(program);
        assertEquals(0, o.status(), o.err());
        assertEquals(2, o.result().metrics().get("jit.functions"), "g and main; heavy is too large for HotSpot");
    }

    private static int heavyLength(Image image) {
        return image.functions().stream().filter(f -> f.name().equals("main.heavy")).findFirst().orElseThrow()
                .code().length;
    }

    @Test
    void jitOffAndAThresholdNotReachedRunNothingCompiled() {
        Image image = compile(MIXED);
        Runs.Outcome late = Runs.run(image, "jit.threshold", "1000000000000");
        assertEquals(MIXED_OUT, late.out());
        assertEquals(0, late.result().metrics().get("jit.entries"));
    }

    @Test
    void laterRunsOfAProgramReuseItsCompiledCode() {
        Image image = compile(MIXED);
        assertTrue(!image.derived().made());
        Runs.run(image, COMPILED);
        assertTrue(image.derived().made());
        Runs.Outcome again = Runs.run(image, COMPILED);
        assertEquals(MIXED_OUT, again.out());
        assertTrue(again.result().metrics().get("jit.functions") > 0);
    }

    /** Go's operators on random operands, in compiled code, against the interpreter's. */
    @Test
    void arithmeticOfRandomExpressionsAgrees() {
        String[] ops = {"+", "-", "*", "/", "%", "&", "|", "^", "&^", "<<", ">>", "==", "<"};
        qt().withExamples(25).forAll(lists().of(integers().between(0, ops.length - 1)).ofSizeBetween(1, 12),
                longs().between(-1000, 1000), longs().all()).checkAssert((picks, a, b) -> {
            StringBuilder e = new StringBuilder("x");
            for (int i = 0; i < picks.size(); i++) {
                String op = ops[picks.get(i)];
                String operand = (i % 2 == 0 ? "y" : "z") + "+" + i;
                e.insert(0, "(").append(switch (op) {
                    // a nonnegative shift, a nonzero divisor, comparisons as 0 or 1
                    case "<<", ">>" -> " " + op + " ((" + operand + ") & 63))";
                    case "/", "%" -> " " + op + " ((" + operand + ") | 1))";
                    case "==", "<" -> " + b2i(x " + op + " " + operand + "))";
                    default -> " " + op + " (" + operand + "))";
                });
            }
            String program = """
                    package main

                    import "fmt"

                    func b2i(b bool) int {
                    	if b {
                    		return 1
                    	}
                    	return 0
                    }

                    func f(x, y, z int) int {
                    	return %s
                    }

                    func main() {
                    	t := 0
                    	for i := 0; i < 50; i++ {
                    		t ^= f(%d+i, %d, i*7)
                    	}
                    	fmt.Println(t)
                    }
                    """.formatted(e, a, b);
            sameBothWays(program);
        });
    }
}
