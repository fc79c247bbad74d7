package org.cairnvm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.cairnvm.api.GuestError;
import org.cairnvm.api.Program;
import org.cairnvm.api.RunResult;
import org.cairnvm.api.Source;
import org.cairnvm.api.Vm;
import org.junit.jupiter.api.Test;

/**
 * Goroutines end to end through the public API: the {@code kill-goroutine} overflow handler
 * against the default {@code fatal} one, the {@code sched.*} metrics, the deadlock report, a
 * panic's goroutine id, {@code runtime.NumGoroutine}, and goroutines parked deep in recursion
 * whose pointers to their own locals stay right while collections run and stacks move. Where
 * Go can run a program, its expected output came from Go 1.19; under Go, ids of goroutines other
 * than main differ (the runtime starts its own), so reports are compared in the VM's numbering,
 * which counts every {@code go} statement from 2.
 */
class GoroutineTest {

    /**
     * The stack limit for overflow tests: small, so the runaway goroutine overflows quickly.
     * Plain bytes, not {@code 1m}: size suffixes are powers of 1024, and Go's message names the
     * limit in bytes.
     */
    private static final String SMALL_STACK_MAX = "1000000";

    /**
     * One goroutine recurses without bound; two others each send main a sum. The runaway
     * waits for nothing, so under the FIFO policy it overflows before the workers run.
     */
    private static final String RUNAWAY = """
            package main

            import "fmt"

            func down(n int) int {
            	var pad [8]int
            	pad[n%8] = n
            	return down(n+1) + pad[0]
            }

            func runaway(done chan bool) {
            	fmt.Println("runaway starts")
            	fmt.Println(down(0))
            	done <- true
            }

            func worker(id int, out chan int) {
            	s := 0
            	for i := 1; i <= id*10; i++ {
            		s += i
            	}
            	out <- s
            }

            func main() {
            	out := make(chan int)
            	done := make(chan bool)
            	go runaway(done)
            	go worker(1, out)
            	go worker(2, out)
            	a := <-out
            	fmt.Println("worker", a)
            	b := <-out
            	fmt.Println("worker", b)
            	fmt.Println("main done")
            }
            """;

    /** Every goroutine blocks, each in a different way (line numbers matter for the report). */
    private static final String DEADLOCK = """
            package main

            import "fmt"

            func recvForever(c chan int) {
            	<-c
            }

            func sendNil() {
            	var c chan int
            	c <- 1
            }

            func recvNil() {
            	var c chan int
            	<-c
            }

            func sendForever(c chan int) {
            	c <- 1
            }

            func main() {
            	go recvForever(make(chan int))
            	go sendNil()
            	go recvNil()
            	go sendForever(make(chan int))
            	c := make(chan int)
            	fmt.Println("waiting")
            	<-c
            }
            """;

    /**
     * Goroutines each block 300 frames deep, every frame holding a pointer to its own local
     * array and a heap cell, while main allocates and collects; then each is woken and unwinds,
     * reading and writing through those pointers. Go 1.19 prints {@link #DEEP_OUTPUT}.
     */
    private static final String DEEP = """
            package main

            import (
            	"fmt"
            	"runtime"
            )

            type cell struct {
            	v    int
            	next *cell
            }

            func deep(n int, acc *int, in chan int, out chan int) int {
            	var local [4]int
            	local[n%4] = n
            	p := &local[n%4]
            	c := &cell{v: n}
            	if n == 0 {
            		v := <-in
            		*acc += v
            		out <- *acc
            		return c.v
            	}
            	r := deep(n-1, acc, in, out)
            	*p += 1
            	*acc += *p
            	return r + c.v
            }

            func worker(id int, in chan int, out chan int, res chan int) {
            	total := id
            	r := deep(300, &total, in, out)
            	res <- total*1000 + r
            }

            func main() {
            	in := make(chan int)
            	out := make(chan int)
            	res := make(chan int)
            	for id := 1; id <= 3; id++ {
            		go worker(id, in, out, res)
            	}
            	var keep []*cell
            	for i := 0; i < 2000; i++ {
            		keep = append(keep, &cell{v: i})
            	}
            	runtime.GC()
            	for id := 1; id <= 3; id++ {
            		in <- id * 100
            		fmt.Println("parked sum", <-out)
            	}
            	for id := 1; id <= 3; id++ {
            		fmt.Println("result", <-res)
            	}
            	fmt.Println(len(keep), keep[1999].v)
            }
            """;
    private static final String DEEP_OUTPUT = """
            parked sum 101
            parked sum 202
            parked sum 303
            result 45596150
            result 45697150
            result 45798150
            2000 1999
            """;

    /** {@code %d} goroutines all park on one channel, then main wakes them one by one. */
    private static final String PARKED = """
            package main

            import (
            	"fmt"
            	"runtime"
            )

            func wait(c chan int, done chan int) {
            	v := <-c
            	done <- v
            }

            func main() {
            	c := make(chan int)
            	done := make(chan int)
            	for i := 0; i < %d; i++ {
            		go wait(c, done)
            	}
            	runtime.Gosched()
            	for i := 0; i < %<d; i++ {
            		c <- i
            	}
            	s := 0
            	for i := 0; i < %<d; i++ {
            		s += <-done
            	}
            	fmt.Println(s)
            }
            """;

    private static RunResult run(String name, String source, Map<String, String> options) {
        try (Vm vm = Vm.builder().options(options).build()) {
            Program p = vm.compile(Source.of(name, source));
            assertTrue(p.compiled(), () -> p.diagnostics().toString());
            return vm.run(p);
        }
    }

    private static String describe(RunResult r) {
        return "exit " + r.exitStatus() + "\n--- stdout\n" + r.stdout() + "--- stderr\n" + r.stderr();
    }

    // ---------------------------------------------------------------------------------------------
    // Overflow handlers

    @Test
    void killGoroutineEndsOnlyTheOverflowingGoroutine() {
        RunResult r = run("prog.go", RUNAWAY, Map.of("overflow", "kill-goroutine", "stack.max", SMALL_STACK_MAX));
        assertEquals("runaway starts\nworker 55\nworker 210\nmain done\n", r.stdout(), () -> describe(r));
        assertEquals(2, r.exitStatus(), () -> describe(r));
        String err = r.stderr();
        assertTrue(err.startsWith("runtime: goroutine stack exceeds 1000000-byte limit\n"), () -> describe(r));
        String[] lines = err.split("\n", -1);
        assertTrue(lines[1].startsWith("runtime: sp=0x") && lines[1].contains(" stack=[0x"), () -> describe(r));
        assertEquals("fatal error: stack overflow", lines[2], () -> describe(r));
        assertEquals("", lines[3]);
        assertEquals("goroutine 2 [running]:", lines[4], "the trace is the runaway goroutine's");
        assertEquals("main.down(...)", lines[5]);
        assertTrue(err.contains("\n...additional frames elided...\n"), () -> describe(r));
        assertTrue(err.contains("main.runaway(...)\n\tprog.go:13\n"), () -> describe(r));
        assertFalse(err.contains("goroutine 1 "), "only the goroutine that overflowed is reported");
        GuestError e = r.error().orElseThrow();
        assertEquals(GuestError.Kind.FATAL, e.kind());
        assertEquals("runtime: goroutine stack exceeds 1000000-byte limit", e.firstLine());
        assertEquals(err, e.report(), "the run's error is the report, and nothing else went to stderr");
    }

    @Test
    void fatalOverflowEndsTheWholeProgram() {
        RunResult r = run("prog.go", RUNAWAY, Map.of("stack.max", SMALL_STACK_MAX));
        assertEquals("runaway starts\n", r.stdout(), () -> describe(r));
        assertEquals(2, r.exitStatus());
        assertTrue(r.stderr().startsWith("runtime: goroutine stack exceeds 1000000-byte limit\n"), () -> describe(r));
        assertTrue(r.stderr().contains("\nfatal error: stack overflow\n\ngoroutine 2 [running]:\nmain.down(...)\n"),
                () -> describe(r));
        assertEquals(r.stderr(), r.error().orElseThrow().report());
    }

    @Test
    void killGoroutineOnMainEndsTheProgram() {
        String src = """
                package main

                import "fmt"

                func down(n int) int {
                	return down(n+1) + 1
                }

                func other(c chan int) {
                	fmt.Println("never runs")
                	c <- 1
                }

                func main() {
                	c := make(chan int)
                	go other(c)
                	fmt.Println("main starts")
                	fmt.Println(down(0))
                }
                """;
        RunResult r = run("prog.go", src, Map.of("overflow", "kill-goroutine", "stack.max", SMALL_STACK_MAX));
        assertEquals("main starts\n", r.stdout(), () -> describe(r));
        assertEquals(2, r.exitStatus());
        assertTrue(r.stderr().contains("fatal error: stack overflow\n\ngoroutine 1 [running]:\n"), () -> describe(r));
    }

    // ---------------------------------------------------------------------------------------------
    // Evaluation order around blocking

    @Test
    void printArgumentsAreAllEvaluatedBeforeAnythingPrints() {
        // Go evaluates every argument of fmt.Println, a blocking receive included, before the
        // call writes anything; the other goroutine's line must not land inside main's.
        String src = """
                package main

                import "fmt"

                func other(c chan int) {
                	fmt.Println("other")
                	c <- 1
                }

                func main() {
                	c := make(chan int)
                	go other(c)
                	fmt.Println("main", <-c)
                }
                """;
        RunResult r = run("prog.go", src, Map.of());
        assertEquals("other\nmain 1\n", r.stdout(), () -> describe(r));
        assertEquals(0, r.exitStatus());
    }

    // ---------------------------------------------------------------------------------------------
    // Metrics

    @Test
    void schedMetricsCountGoroutinesAndSwitches() {
        RunResult small = run("parked.go", PARKED.formatted(20), Map.of());
        RunResult large = run("parked.go", PARKED.formatted(200), Map.of());
        assertEquals("190\n", small.stdout(), () -> describe(small));
        assertEquals("19900\n", large.stdout(), () -> describe(large));
        assertEquals(21, small.metrics().get("sched.goroutinesCreated"));
        assertEquals(201, large.metrics().get("sched.goroutinesCreated"));
        assertEquals(21, small.metrics().get("sched.goroutinesPeak"), "all parked at once, with main");
        assertEquals(201, large.metrics().get("sched.goroutinesPeak"));
        // Each waiter runs at least twice (to park, then when woken), each time after someone else.
        assertTrue(large.metrics().get("sched.switches") >= 2 * 200, () -> large.metrics().toString());
        assertTrue(large.metrics().get("sched.switches") > small.metrics().get("sched.switches"));
        long perGoroutine = (large.metrics().get("stack.committedBytesPeak")
                - small.metrics().get("stack.committedBytesPeak")) / 180;
        // A parked goroutine holds at least its two frames' headers and arguments.
        assertTrue(perGoroutine >= 8 * 8, () -> "committed stack bytes per parked goroutine: " + perGoroutine
                + "\n" + small.metrics() + "\n" + large.metrics());
    }

    @Test
    void schedTraceNamesCreationsAndSwitches() {
        RunResult r = run("parked.go", PARKED.formatted(2), Map.of("trace", "sched"));
        assertEquals("1\n", r.stdout(), () -> describe(r));
        assertTrue(r.stderr().contains("sched: goroutine 2 created by goroutine 1\n"), () -> describe(r));
        assertTrue(r.stderr().contains("sched: goroutine 3 created by goroutine 1\n"), () -> describe(r));
        assertTrue(r.stderr().contains("sched: switch goroutine 1 (preempted) -> goroutine 2\n"),
                () -> "Gosched lets goroutine 2 run first\n" + describe(r));
        assertTrue(r.stderr().contains("sched: switch goroutine 2 (chan receive) -> goroutine 3\n"), () -> describe(r));
        RunResult quiet = run("parked.go", PARKED.formatted(2), Map.of());
        assertEquals("", quiet.stderr(), "no trace unless asked for");
    }

    @Test
    void aRunWithoutGoStatementsHasOneGoroutine() {
        RunResult r = run("one.go", """
                package main

                import "fmt"

                func main() {
                	fmt.Println("alone")
                }
                """, Map.of());
        assertEquals("alone\n", r.stdout());
        assertEquals(1, r.metrics().get("sched.goroutinesCreated"));
        assertEquals(1, r.metrics().get("sched.goroutinesPeak"));
        assertEquals(0, r.metrics().get("sched.switches"));
        assertTrue(r.metrics().get("stack.committedBytesPeak") > 0);
    }

    // ---------------------------------------------------------------------------------------------
    // Reports

    @Test
    void deadlockReportListsEveryGoroutineWithItsWaitReason() {
        RunResult r = run("prog.go", DEADLOCK, Map.of());
        assertEquals("waiting\n", r.stdout());
        assertEquals(2, r.exitStatus());
        assertEquals("""
                fatal error: all goroutines are asleep - deadlock!

                goroutine 1 [chan receive]:
                main.main()
                	prog.go:30

                goroutine 2 [chan receive]:
                main.recvForever(...)
                	prog.go:6
                created by main.main
                	prog.go:24

                goroutine 3 [chan send (nil chan)]:
                main.sendNil()
                	prog.go:11
                created by main.main
                	prog.go:25

                goroutine 4 [chan receive (nil chan)]:
                main.recvNil()
                	prog.go:16
                created by main.main
                	prog.go:26

                goroutine 5 [chan send]:
                main.sendForever(...)
                	prog.go:20
                created by main.main
                	prog.go:27
                """, r.stderr(), () -> describe(r));
        GuestError e = r.error().orElseThrow();
        assertEquals(GuestError.Kind.FATAL, e.kind());
        assertEquals("fatal error: all goroutines are asleep - deadlock!", e.firstLine());
    }

    @Test
    void panicInAGoroutineNamesThatGoroutine() {
        String src = """
                package main

                import "fmt"

                func check(n int) {
                	if n == 3 {
                		panic("bad worker")
                	}
                }

                func worker(n int, done chan int) {
                	check(n)
                	done <- n
                }

                func main() {
                	done := make(chan int)
                	for i := 1; i <= 4; i++ {
                		go worker(i, done)
                	}
                	fmt.Println("started")
                	for i := 1; i <= 3; i++ {
                		v := <-done
                		fmt.Println("got", v)
                	}
                }
                """;
        RunResult r = run("prog.go", src, Map.of());
        // Worker 1 hands its value to main, worker 2 blocks (main is queued, not receiving), worker 3 panics.
        assertEquals("started\n", r.stdout(), () -> describe(r));
        assertEquals(2, r.exitStatus());
        assertTrue(r.stderr().startsWith("""
                panic: bad worker

                goroutine 4 [running]:
                main.check(...)
                	prog.go:7
                main.worker(...)
                	prog.go:12
                """), () -> describe(r));
        assertEquals(GuestError.Kind.PANIC, r.error().orElseThrow().kind());
    }

    @Test
    void numGoroutineCountsLiveGoroutines() {
        String src = """
                package main

                import (
                	"fmt"
                	"runtime"
                )

                func block(c chan int) {
                	<-c
                }

                func main() {
                	fmt.Println(runtime.NumGoroutine())
                	c := make(chan int)
                	for i := 0; i < 4; i++ {
                		go block(c)
                	}
                	fmt.Println(runtime.NumGoroutine())
                	runtime.Gosched()
                	fmt.Println(runtime.NumGoroutine())
                	c <- 1
                	c <- 2
                	for runtime.NumGoroutine() > 3 {
                		runtime.Gosched()
                	}
                	fmt.Println(runtime.NumGoroutine())
                	close(c)
                	for runtime.NumGoroutine() > 1 {
                		runtime.Gosched()
                	}
                	fmt.Println(runtime.NumGoroutine())
                }
                """;
        RunResult r = run("prog.go", src, Map.of());
        assertEquals("1\n5\n5\n3\n1\n", r.stdout(), () -> describe(r));
        assertEquals(0, r.exitStatus());
    }

    // ---------------------------------------------------------------------------------------------
    // Parked stacks under collection and movement

    @Test
    void deepParkedGoroutinesKeepTheirLocals() {
        RunResult r = run("deep.go", DEEP, Map.of());
        assertEquals(DEEP_OUTPUT, r.stdout(), () -> describe(r));
        assertEquals(0, r.exitStatus());
    }

    @Test
    void deepParkedGoroutinesKeepTheirLocalsWhileCollectionsRun() {
        RunResult r = run("deep.go", DEEP, Map.of("stress", "gc-alloc"));
        assertEquals(DEEP_OUTPUT, r.stdout(), () -> describe(r));
        assertEquals(0, r.exitStatus());
        assertTrue(r.metrics().get("gc.cycles") > 100, () -> r.metrics().toString());
    }

    @Test
    void deepParkedGoroutinesKeepTheirLocalsWhileStacksMove() {
        RunResult r = run("deep.go", DEEP, Map.of("stack", "copying", "stress", "gc-alloc,stack-move"));
        assertEquals(DEEP_OUTPUT, r.stdout(), () -> describe(r));
        assertEquals(0, r.exitStatus());
        assertTrue(r.metrics().get("stack.moves") > 300 && r.metrics().get("stack.pointersAdjusted") > 0,
                () -> r.metrics().toString());
    }

    @Test
    void aParkedStackShrinksAndItsPointersFollow() {
        // The holder grows its stack deep, returns, and parks shallow with a pointer to its own
        // local: collections shrink (so move) the parked stack, and the pointer must follow.
        String src = """
                package main

                import (
                	"fmt"
                	"runtime"
                )

                func grow(n int) int {
                	var pad [16]int
                	pad[n%16] = n
                	if n == 0 {
                		return 0
                	}
                	return grow(n-1) + pad[n%16]
                }

                func holder(in chan int, out chan int) {
                	x := 5
                	p := &x
                	s := grow(2000)
                	v := <-in
                	*p += v
                	out <- x*1000000000 + s
                }

                func main() {
                	in := make(chan int)
                	out := make(chan int)
                	go holder(in, out)
                	runtime.Gosched()
                	for i := 0; i < 4; i++ {
                		runtime.GC()
                	}
                	in <- 10
                	fmt.Println(<-out)
                }
                """;
        RunResult r = run("shrink.go", src, Map.of("stack", "copying"));
        assertEquals("15002001000\n", r.stdout(), () -> describe(r));
        assertEquals(0, r.exitStatus());
        assertTrue(r.metrics().get("stack.shrinks") > 0, () -> r.metrics().toString());
    }
}
