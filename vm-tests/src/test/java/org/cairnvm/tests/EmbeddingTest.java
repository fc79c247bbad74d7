package org.cairnvm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.cairnvm.api.Diagnostic;
import org.cairnvm.api.GuestError;
import org.cairnvm.api.Program;
import org.cairnvm.api.RunResult;
import org.cairnvm.api.Source;
import org.cairnvm.api.Vm;
import org.junit.jupiter.api.Test;

/**
 * The embedding contract of DESIGN.md, exercised through the public API as a host application
 * would: host functions, output redirection, the instruction budget, {@link Vm#interrupt()} from
 * another thread, reuse of one immutable {@link Program}, compile errors as values, and two VMs
 * in one JVM. Expected outputs of the guest programs that Go can run were produced by Go 1.19.
 */
class EmbeddingTest {

    /**
     * How long a test waits for a run that should end on its own (or by interrupt) before calling
     * it hung. Far above what any of these programs needs; it only keeps a broken VM from
     * stalling the suite.
     */
    private static final Duration HANG_LIMIT = Duration.ofSeconds(120);

    /** Pause between repeated interrupts while waiting for a run to notice one. */
    private static final long INTERRUPT_PERIOD_MILLIS = 20;

    /** A linked list built 2,000 frames deep with a pointer to main's local, a GC, a sum. */
    private static final String LIST_PROGRAM = """
            package main

            import (
            	"fmt"
            	"runtime"
            )

            type Node struct {
            	v    int
            	next *Node
            }

            func build(n int, acc *int) *Node {
            	var pad [8]int
            	pad[n%8] = n
            	if n == 0 {
            		return nil
            	}
            	*acc += n
            	return &Node{v: n + pad[0]*0, next: build(n-1, acc)}
            }

            func main() {
            	acc := 0
            	list := build(2000, &acc)
            	runtime.GC()
            	s := 0
            	for p := list; p != nil; p = p.next {
            		s += p.v
            	}
            	fmt.Println(acc, s)
            }
            """;
    private static final String LIST_OUTPUT = "2001000 2001000\n";

    private static final String FIB_PROGRAM = """
            package main

            import "fmt"

            func fib(n int) int {
            	if n < 2 {
            		return n
            	}
            	return fib(n-1) + fib(n-2)
            }

            func main() {
            	for i := 15; i <= 20; i++ {
            		fmt.Print(fib(i), " ")
            	}
            	fmt.Println()
            }
            """;
    private static final String FIB_OUTPUT = "610 987 1597 2584 4181 6765 \n";

    /** Never ends by itself, and calls nothing: only a back-edge safepoint can stop it. */
    private static final String LOOP_PROGRAM = """
            package main

            import "fmt"

            var n int

            func main() {
            	fmt.Println("looping")
            	for {
            		n++
            	}
            }
            """;

    /** Never ends by itself, calling a function on every iteration. */
    private static final String SPIN_PROGRAM = """
            package main

            var n int

            func spin(k int) int {
            	return k + 1
            }

            func main() {
            	for {
            		n = spin(n)
            	}
            }
            """;

    @Test
    void hostFunctionSuppliedByTheBuilder() {
        String src = """
                package main

                import "fmt"

                func hostAdd(a int, b int) int

                func main() {
                	s := 0
                	for i := 0; i < 10; i++ {
                		s = hostAdd(s, i)
                	}
                	fmt.Println(hostAdd(2, 40), s)
                }
                """;
        AtomicInteger calls = new AtomicInteger();
        try (Vm vm = Vm.builder().hostFunction("hostAdd", args -> {
            calls.incrementAndGet();
            return args[0] + args[1];
        }).build()) {
            Program p = vm.compile(Source.of("host.go", src));
            assertTrue(p.compiled(), () -> p.diagnostics().toString());
            RunResult r = vm.run(p);
            assertEquals("42 45\n", r.stdout());
            assertEquals(0, r.exitStatus());
            assertEquals(11, calls.get());
        }
    }

    @Test
    void outputGoesToTheWritersTheHostGave() {
        String src = """
                package main

                import "fmt"

                func main() {
                	fmt.Println("to the writer", 7)
                	println("to the err writer")
                }
                """;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (Vm vm = Vm.builder().out(out).err(err).build()) {
            RunResult r = vm.run(vm.compile(Source.of("redirect.go", src)));
            assertEquals(0, r.exitStatus());
            assertEquals("to the writer 7\n", out.toString());
            assertEquals("to the err writer\n", err.toString());
            assertEquals("", r.stdout(), "output given to a writer is not captured too");
            assertEquals("", r.stderr());
        }
    }

    @Test
    void instructionBudgetEndsAnInfiniteLoop() throws Exception {
        try (Vm vm = Vm.builder().option("budget.instructions", "1000000").build()) {
            Program p = vm.compile(Source.of("loop.go", LOOP_PROGRAM));
            RunResult r = runWithin(vm, p);
            assertEquals("looping\n", r.stdout());
            assertEquals(2, r.exitStatus());
            assertEquals(GuestError.Kind.BUDGET, r.error().orElseThrow().kind());
            RunResult again = runWithin(vm, p);
            assertEquals(r.metrics().get("vm.instructions"), again.metrics().get("vm.instructions"),
                    "the budget is deterministic");
        }
    }

    @Test
    void interruptFromAnotherThreadEndsAnInfiniteLoop() throws Exception {
        for (String src : List.of(LOOP_PROGRAM, SPIN_PROGRAM)) {
            try (Vm vm = Vm.builder().build()) {
                Program p = vm.compile(Source.of("forever.go", src));
                assertTrue(p.compiled(), () -> p.diagnostics().toString());
                ExecutorService runner = Executors.newSingleThreadExecutor(EmbeddingTest::daemon);
                try {
                    Future<RunResult> run = runner.submit(() -> vm.run(p));
                    RunResult r = interruptUntilDone(vm, run);
                    assertEquals(2, r.exitStatus());
                    assertEquals(GuestError.Kind.INTERRUPTED, r.error().orElseThrow().kind());
                } finally {
                    runner.shutdownNow();
                }
            }
        }
    }

    @Test
    void oneProgramRunsTwiceAndUnderTwoConfigurations() throws Exception {
        Program p;
        RunResult first;
        RunResult second;
        try (Vm vm = Vm.builder().build()) {
            p = vm.compile(Source.of("list.go", LIST_PROGRAM));
            first = runWithin(vm, p);
            second = runWithin(vm, p);
        }
        RunResult stressed;
        try (Vm other = Vm.builder().option("stress", "stack-move").option("stack.initial", "4k").build()) {
            stressed = runWithin(other, p);
        }
        for (RunResult r : List.of(first, second, stressed)) {
            assertEquals(LIST_OUTPUT, r.stdout());
            assertEquals(0, r.exitStatus());
            assertTrue(r.error().isEmpty(), () -> r.error().toString());
        }
        assertEquals(first.metrics().get("vm.instructions"), second.metrics().get("vm.instructions"),
                "metrics of one program under one configuration are deterministic");
        assertEquals(first.metrics().get("vm.calls"), stressed.metrics().get("vm.calls"),
                "the configuration changes how the stack is managed, not what the guest does");
    }

    @Test
    void compileErrorsAreValues() throws Exception {
        String src = """
                package main

                import "fmt"

                func main() {
                	x := 1
                	fmt.Println(x + y)
                }
                """;
        try (Vm vm = Vm.builder().build()) {
            Program p = vm.compile(Source.of("bad.go", src));
            assertFalse(p.compiled());
            Diagnostic d = p.diagnostics().getFirst();
            assertEquals(new Diagnostic("bad.go", 7, 18, "undefined: y"), d);
            assertEquals("bad.go:7:18: undefined: y", d.toString());
            RunResult r = runWithin(vm, p);
            assertEquals(1, r.exitStatus());
            assertEquals("", r.stdout());
            GuestError e = r.error().orElseThrow();
            assertEquals(GuestError.Kind.COMPILE, e.kind());
            assertEquals("bad.go:7:18: undefined: y", e.firstLine());
            assertEquals("bad.go:7:18: undefined: y", GoldenProgram.firstLine(r.stderr()));
        }
    }

    @Test
    void twoVmsRunConcurrentlyWithoutInterference() throws Exception {
        int rounds = 5;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3, EmbeddingTest::daemon);
        try (Vm a = Vm.builder().option("stress", "stack-move").build();
             Vm b = Vm.builder().option("stack.max", "64m").build();
             Vm c = Vm.builder().build()) {
            Program list = a.compile(Source.of("list.go", LIST_PROGRAM));
            Program fib = b.compile(Source.of("fib.go", FIB_PROGRAM));
            Program spin = c.compile(Source.of("spin.go", SPIN_PROGRAM));
            Callable<List<RunResult>> runA = () -> repeat(start, a, list, rounds);
            Callable<List<RunResult>> runB = () -> repeat(start, b, fib, rounds);
            Future<List<RunResult>> fa = pool.submit(runA);
            Future<List<RunResult>> fb = pool.submit(runB);
            Future<RunResult> fc = pool.submit(() -> {
                start.await();
                return c.run(spin);
            });
            start.countDown();
            try {
                for (RunResult r : fa.get(HANG_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                    assertEquals(LIST_OUTPUT, r.stdout());
                    assertEquals(0, r.exitStatus());
                }
                for (RunResult r : fb.get(HANG_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                    assertEquals(FIB_OUTPUT, r.stdout());
                    assertEquals(0, r.exitStatus());
                }
                assertFalse(fc.isDone(), "the spinning VM ends only when interrupted");
                RunResult spun = interruptUntilDone(c, fc);
                assertEquals(GuestError.Kind.INTERRUPTED, spun.error().orElseThrow().kind());
            } finally {
                c.interrupt();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Guest runs happen on daemon threads, so a VM that ignores every stop cannot keep the JVM alive. */
    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "embedding-test-guest");
        t.setDaemon(true);
        return t;
    }

    private static List<RunResult> repeat(CountDownLatch start, Vm vm, Program p, int rounds) throws InterruptedException {
        start.await();
        List<RunResult> results = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            results.add(vm.run(p));
        }
        return results;
    }

    /** Runs on another thread so a hang fails the test instead of stalling it. */
    private static RunResult runWithin(Vm vm, Program p) throws Exception {
        ExecutorService runner = Executors.newSingleThreadExecutor(EmbeddingTest::daemon);
        try {
            Future<RunResult> run = runner.submit(() -> vm.run(p));
            try {
                return run.get(HANG_LIMIT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                vm.interrupt();
                throw new AssertionError("run did not end within " + HANG_LIMIT, e);
            }
        } finally {
            runner.shutdownNow();
        }
    }

    /**
     * Interrupts until the run ends: an interrupt that arrives before the run has started may be
     * lost, so it is repeated rather than raced.
     */
    private static RunResult interruptUntilDone(Vm vm, Future<RunResult> run) throws Exception {
        long deadline = System.nanoTime() + HANG_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            vm.interrupt();
            try {
                return run.get(INTERRUPT_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                // not yet at a safepoint, or not yet started: interrupt again
            }
        }
        throw new AssertionError("interrupt() did not end the run within " + HANG_LIMIT);
    }
}
