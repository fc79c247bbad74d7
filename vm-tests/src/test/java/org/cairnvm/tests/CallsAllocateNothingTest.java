package org.cairnvm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Map;
import org.cairnvm.api.Program;
import org.cairnvm.api.RunResult;
import org.cairnvm.api.Source;
import org.cairnvm.api.Vm;
import org.junit.jupiter.api.Test;

/**
 * The fast path of calls, returns and frame access allocates nothing on the Java heap, in the
 * interpreter and in compiled code: a run making 220,894 more calls than another allocates
 * (nearly) the same bytes, as the JVM counts them for the thread that runs both.
 */
class CallsAllocateNothingTest {
    private static final String FIB = """
            package main

            import "fmt"

            func fib(n int) int {
            	if n < 2 {
            		return n
            	}
            	return fib(n-1) + fib(n-2)
            }

            func main() {
            	fmt.Println(fib(%d))
            }
            """;

    /** Bytes the larger run may allocate beyond the smaller one's: far less than one per extra call. */
    private static final long SLACK_BYTES = 16 * 1024;

    private static long allocatedBy(Vm vm, Program program) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        RunResult r = vm.run(program);
        long after = threads.getCurrentThreadAllocatedBytes();
        assertEquals(0, r.exitStatus(), r.stderr());
        return after - before;
    }

    @Test
    void callsAndReturnsAllocateNothingInterpretedOrCompiled() {
        for (Map.Entry<String, String> tier : Map.of("jit", "off", "jit.threshold", "0").entrySet()) {
            try (Vm vm = Vm.builder().option(tier.getKey(), tier.getValue()).build()) {
                Program small = vm.compile(Source.of("prog.go", FIB.formatted(20)));
                Program large = vm.compile(Source.of("prog.go", FIB.formatted(25)));
                // warm-up: class loading, the first compilation of each program
                allocatedBy(vm, small);
                allocatedBy(vm, large);
                long s = allocatedBy(vm, small);
                long l = allocatedBy(vm, large);
                assertTrue(l - s < SLACK_BYTES, tier + ": fib(20) allocated " + s + " bytes, fib(25) " + l);
            }
        }
    }
}
