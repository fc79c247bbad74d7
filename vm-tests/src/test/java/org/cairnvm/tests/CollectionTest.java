package org.cairnvm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cairnvm.api.RunResult;
import org.cairnvm.api.Source;
import org.cairnvm.api.Vm;
import org.junit.jupiter.api.Test;

/**
 * What precision buys, through the public API: a structure named only by a slot that is dead at
 * the collection is freed by the precise collector, and the same structure named by a live slot
 * is kept. Both programs print the same; only {@code gc.liveWords} tells them apart.
 */
class CollectionTest {

    /** Nodes in the list: large enough that keeping it shows plainly in the live words. */
    private static final int NODES = 100_000;

    /** Words one node takes on the heap: a header, a pointer and an int. */
    private static final int NODE_WORDS = 3;

    private static String program(boolean useAfterGc) {
        return """
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
                	%s
                }
                """.formatted(NODES, useAfterGc ? "fmt.Println(big.next.v)" : "fmt.Println(99998)");
    }

    private static RunResult run(String source) {
        try (Vm vm = Vm.builder().gc("precise").build()) {
            return vm.run(vm.compile(Source.of("dead.go", source)));
        }
    }

    @Test
    void aStructureNamedOnlyByADeadSlotIsFreed() {
        RunResult r = run(program(false));
        assertEquals("99999\n99998\n", r.stdout());
        assertTrue(r.metrics().get("gc.liveWords") < NODES,
                "the dead slot kept the list alive: " + r.metrics().get("gc.liveWords") + " live words");
    }

    @Test
    void theSameStructureNamedByALiveSlotIsKept() {
        RunResult r = run(program(true));
        assertEquals("99999\n99998\n", r.stdout());
        assertTrue(r.metrics().get("gc.liveWords") >= (long) NODES * NODE_WORDS,
                "the live list was not kept: " + r.metrics().get("gc.liveWords") + " live words");
    }
}
