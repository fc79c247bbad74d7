package org.cairnvm.core.disasm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cairnvm.api.Source;
import org.cairnvm.core.code.Image;
import org.cairnvm.core.compile.Compiler;
import org.junit.jupiter.api.Test;

class DisassemblerTest {
    private static final String PROGRAM = """
            package main

            import "fmt"

            type Node struct{ next *Node }

            var g *Node

            func fib(n int) int {
            	if n < 2 {
            		return n
            	}
            	return fib(n-1) + fib(n-2)
            }

            func leak() *int {
            	x := 7
            	return &x
            }

            func main() {
            	g = &Node{}
            	fmt.Println("fib:", fib(10), *leak())
            }
            """;

    @Test
    void rendersFunctionsSlotsCodeAndMaps() {
        Image image = Compiler.compile(Source.of("prog.go", PROGRAM));
        assertTrue(image.compiled(), image.diagnostics()::toString);
        String text = Disassembler.render(image, false);
        assertTrue(text.contains("func 0 main.fib: frame "), text);
        assertTrue(text.contains("params 1, result 1"), text);
        assertTrue(text.matches("(?s).*slot r2 +1 +n +int +param.*"), text);
        assertTrue(text.matches("(?s).*\\n +0 +10  JGEI +r2, 2, @\\d+\\n.*"), text);
        assertTrue(text.contains("CALL       main.fib, r"), text);
        assertTrue(text.matches("(?s).*; map @\\d+:.*"), text);
        assertTrue(text.contains("LOADK      r"), text);
        assertTrue(text.contains("\"fib:\""), text);
        assertFalse(text.contains("prog.go:"), text);
    }

    @Test
    void rendersEscapeNotesSorted() {
        Image image = Compiler.compile(Source.of("prog.go", PROGRAM));
        String text = Disassembler.render(image, true);
        int leak = text.indexOf("prog.go:17:2: moved to heap: x (address returned at 18:9)");
        int global = text.indexOf("prog.go:22:6: &Node{} escapes to heap (stored in global g at 22:2)");
        assertTrue(leak >= 0, text);
        assertTrue(global > leak, text);
    }

    @Test
    void failedImagesRenderTheirDiagnostics() {
        Image image = Compiler.compile(Source.of("prog.go", "package main\n\nfunc main() {\n\tgo println(1)\n}\n"));
        assertTrue(Disassembler.render(image, true)
                .contains("prog.go:4:5: unsupported: go statement calling println"));
    }

    @Test
    void rendersTheEntryMapBeforeTheFirstInstruction() {
        Image image = Compiler.compile(Source.of("prog.go", """
                package main

                func f(p *int, n int) {
                	println(*p + n)
                }

                func main() {
                	x := 1
                	go f(&x, 2)
                }
                """));
        assertTrue(image.compiled(), image.diagnostics()::toString);
        String text = Disassembler.render(image, false);
        assertTrue(text.matches("(?s).*slot r5 +1 +t5 +int +temp\n +; map @0 \\(entry\\): r2\n +0 +4  LOAD .*"), text);
        assertTrue(text.matches("(?s).*\n +\\d+ +9  GO +main\\.f, r\\d+\n +; map @\\d+: r\\d+\n.*"), text);
    }
}
