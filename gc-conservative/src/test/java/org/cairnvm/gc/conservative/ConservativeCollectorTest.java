package org.cairnvm.gc.conservative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cairnvm.api.RunResult;
import org.cairnvm.api.Source;
import org.cairnvm.api.Vm;
import org.junit.jupiter.api.Test;

/**
 * The conservative collector end to end, beside the precise one: what a dead stack slot costs,
 * and that freed memory is reused in place.
 */
class ConservativeCollectorTest {
    /** Nodes in the list: large enough that keeping it shows plainly in the live words. */
    private static final int NODES = 100_000;
    /** Words one node takes on the heap: a header, a pointer and an int. */
    private static final int NODE_WORDS = 3;

    /** {@code big} is dead at {@code runtime.GC()} but its slot still holds the list. */
    private static final String DEAD_SLOT = """
            package main

            import (
            	"fmt"
            	"runtime"
            )

            type Node struct {
            	next *Node
            	v    int
            }

            func build(n int) *Node {
            	var h *Node
            	for i := 0; i < n; i++ {
            		h = &Node{h, i}
            	}
            	return h
            }

            func main() {
            	big := build(%d)
            	fmt.Println(big.v)
            	runtime.GC()
            	fmt.Println(99998)
            }
            """.formatted(NODES);

    /** Short-lived lists, many collections: a non-moving heap must reuse what it freed. */
    private static final String CHURN = """
            package main

            import "fmt"

            type Node struct {
            	next *Node
            	v    int
            }

            func build(n int) *Node {
            	var h *Node
            	for i := 0; i < n; i++ {
            		h = &Node{h, i}
            	}
            	return h
            }

            func main() {
            	keep := build(1000)
            	s := 0
            	for r := 0; r < 200; r++ {
            		l := build(10000)
            		s += l.v
            	}
            	fmt.Println(s, keep.v)
            }
            """;

    /**
     * {@code f}'s frame leaves a pointer to its list in a word that {@code g}'s frame, laid over
     * it, has not written when {@code g} collects: a false pointer into memory the previous
     * collection freed. (Which word it is depends on the compiler's frame layout; that one exists
     * does not, since {@code g}'s frame is larger than {@code f}'s written slots.)
     */
    private static final String STALE = """
            package main

            import "runtime"

            type Node struct {
            	next *Node
            	v    int
            }

            func build(n int) *Node {
            	var h *Node
            	for i := 0; i < n; i++ {
            		h = &Node{h, i}
            	}
            	return h
            }

            func f() int {
            	l := build(1000)
            	return l.v
            }

            func g(a, b, c, d int) int {
            	var x [8]int
            	runtime.GC()
            	return a + b + c + d + x[0]
            }

            func main() {
            	s := f()
            	runtime.GC()
            	s += g(1, 2, 3, 4)
            	println(s)
            }
            """;

    private static RunResult run(String gc, String source) {
        try (Vm vm = Vm.builder().gc(gc).option(MarkSweepCollector.CROSSCHECK, "true").build()) {
            return vm.run(vm.compile(Source.of("prog.go", source)));
        }
    }

    @Test
    void aDeadSlotRetainsWhatThePreciseCollectorFrees() {
        RunResult precise = run("precise", DEAD_SLOT);
        RunResult conservative = run("conservative", DEAD_SLOT);
        assertEquals("99999\n99998\n", precise.stdout());
        assertEquals("99999\n99998\n", conservative.stdout());
        long preciseLive = precise.metrics().get("gc.liveWords");
        long conservativeLive = conservative.metrics().get("gc.liveWords");
        assertTrue(preciseLive < NODES, "precise kept the dead list: " + preciseLive);
        assertTrue(conservativeLive >= (long) NODES * NODE_WORDS, "conservative freed it: " + conservativeLive);
        assertTrue(conservative.metrics().get("gc.falseRetainedWords") >= (long) NODES * NODE_WORDS,
                "the cross-check did not see the false retention");
        assertTrue(conservative.metrics().get("gc.ambiguousRoots") > 0);
        assertEquals(0, conservative.metrics().get("gc.wordsMoved"));
    }

    @Test
    void freedMemoryIsReusedInPlace() {
        RunResult r = run("conservative", CHURN);
        assertEquals(0, r.exitStatus(), r.stderr());
        assertEquals("1999800 999\n", r.stdout());
        long allocatedBytes = 8 * r.metrics().get("gc.wordsAllocated");
        long committed = r.metrics().get("mem.committedPeakBytes");
        assertTrue(r.metrics().get("gc.cycles") >= 2, "too few collections to show reuse");
        assertTrue(committed < allocatedBytes / 2,
                "the heap grew with what was allocated: " + committed + " of " + allocatedBytes + " bytes");
    }

    @Test
    void aStalePointerIntoFreedMemoryBlacklistsItsPage() {
        RunResult r = run("conservative", STALE);
        assertEquals(0, r.exitStatus(), r.stderr());
        assertTrue(r.metrics().get("gc.blacklistedPages") >= 1, "no page blacklisted");
    }
}
