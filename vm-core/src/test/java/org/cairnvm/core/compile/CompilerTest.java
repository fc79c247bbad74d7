package org.cairnvm.core.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cairnvm.api.Source;
import org.cairnvm.core.code.FunctionCode;
import org.cairnvm.core.code.Image;
import org.cairnvm.core.code.Opcode;
import org.junit.jupiter.api.Test;

class CompilerTest {

    static Image compile(String program) {
        Image image = Compiler.compile(Source.of("prog.go", program));
        assertTrue(image.compiled(), () -> image.diagnostics().toString());
        return image;
    }

    static FunctionCode function(Image image, String name) {
        return image.functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    static List<Opcode> opcodes(FunctionCode f) {
        List<Opcode> ops = new ArrayList<>();
        for (int pc = 0; pc < f.code().length; pc += Opcode.of(f.code()[pc]).length()) {
            ops.add(Opcode.of(f.code()[pc]));
        }
        return ops;
    }

    @Test
    void fibIsSevenInstructionsOnTheRecursivePath() {
        Image image = compile("""
                package main

                import "fmt"

                func fib(n int) int {
                	if n < 2 {
                		return n
                	}
                	return fib(n-1) + fib(n-2)
                }

                func main() {
                	fmt.Println(fib(30))
                }
                """);
        FunctionCode fib = function(image, "main.fib");
        assertEquals(List.of(Opcode.JGEI, Opcode.RET, Opcode.ADDI, Opcode.CALL, Opcode.ADDI, Opcode.CALL, Opcode.ADD,
                Opcode.RET), opcodes(fib));
        assertEquals(1, fib.paramWords());
        assertEquals(1, fib.resultWords());
        assertEquals(-1, image.initFunction());
        assertEquals(image.mainFunction(), function(image, "main.main").index());
        // the call's result goes straight to the destination: the CALL's dest is PRINTI's source
        FunctionCode main = function(image, "main.main");
        int[] c = main.code();
        int call = -1;
        int printed = -1;
        for (int pc = 0; pc < c.length; pc += Opcode.of(c[pc]).length()) {
            if (Opcode.of(c[pc]) == Opcode.CALL) {
                call = c[pc + 3];
            }
            if (Opcode.of(c[pc]) == Opcode.PRINTI) {
                printed = c[pc + 1];
            }
        }
        assertEquals(call, printed);
    }

    @Test
    void everyBackwardJumpIsALoop() {
        Image image = compile("""
                package main

                func main() {
                	s := 0
                	for i := 0; i < 10; i++ {
                		if i == 3 {
                			continue
                		}
                		if i == 8 {
                			break
                		}
                		s += i
                	}
                	for s > 0 {
                		s -= 7
                	}
                	xs := []int{1, 2, 3}
                	for _, v := range xs {
                		s += v
                	}
                	println(s)
                }
                """);
        FunctionCode main = function(image, "main.main");
        int[] c = main.code();
        int loops = 0;
        for (int pc = 0; pc < c.length; pc += Opcode.of(c[pc]).length()) {
            Opcode op = Opcode.of(c[pc]);
            for (int k = 0; k < op.operandCount(); k++) {
                if (op.operands()[k] == org.cairnvm.core.code.Operand.LABEL && c[pc + 1 + k] <= pc) {
                    assertEquals(Opcode.LOOP, op, "backward jump at " + pc);
                }
            }
            if (op == Opcode.LOOP) {
                loops++;
            }
        }
        assertEquals(3, loops);
    }

    @Test
    void goStatementsWithoutAGuestFunctionAreRejectedWithPositions() {
        Image image = Compiler.compile(Source.of("prog.go", """
                package main

                import "fmt"

                func hostNow() int

                func worker() {}

                func main() {
                	go worker()
                	ch := make(chan int, 1)
                	go println(1)
                	go fmt.Println(2)
                	go close(ch)
                	go hostNow()
                }
                """));
        assertFalse(image.compiled());
        List<String> lines = image.diagnostics().stream().map(Object::toString).toList();
        assertEquals(List.of("prog.go:12:5: unsupported: go statement calling println",
                "prog.go:13:5: unsupported: go statement calling fmt.Println",
                "prog.go:14:5: unsupported: go statement calling close",
                "prog.go:15:5: unsupported: go statement calling hostNow"), lines);
    }

    @Test
    void goOfABuiltinGoRejectsIsTheCheckersError() {
        Image image = Compiler.compile(Source.of("prog.go", """
                package main

                func main() {
                	x := []int{1}
                	go len(x)
                }
                """));
        assertFalse(image.compiled());
        assertEquals("prog.go:5:5: go discards result of len(x) (value of type int)",
                image.diagnostics().get(0).toString());
    }

    @Test
    void compileErrorsComeBackAsDiagnostics() {
        Image image = Compiler.compile(Source.of("prog.go", """
                package main

                func main() {
                	x := y
                }
                """));
        assertFalse(image.compiled());
        assertTrue(image.diagnostics().get(0).toString().startsWith("prog.go:4:"), image.diagnostics().toString());
        Image garbage = Compiler.compile(new Source("prog.go", new byte[] {0, 1, 2, (byte) 0xff}));
        assertFalse(garbage.compiled());
    }

    @Test
    void initFunctionOnlyForInitialisedGlobals() {
        Image none = compile("""
                package main

                var counter int

                func main() {
                	counter++
                	println(counter)
                }
                """);
        assertEquals(-1, none.initFunction());
        assertEquals(1, none.globalWords());
        Image some = compile("""
                package main

                var a = b + 1
                var b = 2
                var greeting = "hello"

                func main() {
                	println(a, b, greeting)
                }
                """);
        assertTrue(some.initFunction() >= 0);
        FunctionCode init = some.function(some.initFunction());
        assertEquals("main.init", init.name());
        // b is initialised before a, as Go orders dependencies
        List<Integer> stores = new ArrayList<>();
        int[] c = init.code();
        for (int pc = 0; pc < c.length; pc += Opcode.of(c[pc]).length()) {
            if (Opcode.of(c[pc]) == Opcode.GSTORE) {
                stores.add(c[pc + 1]);
            }
        }
        assertEquals(List.of(1, 0, 2), stores);
        // the literal is in the static region after the globals: header, length, bytes
        long[] s = some.staticWords();
        assertEquals(5, s[some.globalWords() + 1]);
        assertEquals('h', s[some.globalWords() + 2] & 0xff);
    }

    @Test
    void addressTakenLocalsStayInTheFrameOrMoveToTheHeap() {
        Image image = compile("""
                package main

                func inc(p *int) { *p++ }

                func leak() *int {
                	x := 41
                	return &x
                }

                func set(pp **int) { *pp = leak() }

                func main() {
                	y := 1
                	inc(&y)
                	var q *int
                	set(&q)
                	println(y, *leak(), *q)
                }
                """);
        FunctionCode main = function(image, "main.main");
        assertTrue(opcodes(main).contains(Opcode.ADDR));
        assertEquals(Opcode.ZERO, opcodes(main).get(0), "address-taken pointer locals are zeroed in the prologue");
        FunctionCode leak = function(image, "main.leak");
        assertTrue(opcodes(leak).contains(Opcode.NEW));
        assertFalse(opcodes(leak).contains(Opcode.ADDR));
        assertTrue(leak.slots().stream().anyMatch(s -> s.name().equals("x")
                && s.kind() == org.cairnvm.core.code.SlotInfo.Kind.HEAP_CELL));
    }

    @Test
    void hostFunctionsBecomeImports() {
        Image image = compile("""
                package main

                func hostNow() int

                func main() {
                	println(hostNow())
                }
                """);
        assertEquals(1, image.hostImports().size());
        assertEquals("hostNow", image.hostImports().get(0).name());
        assertTrue(opcodes(function(image, "main.main")).contains(Opcode.CALLHOST));
    }

    @Test
    void largeProgramCompiles() {
        Image image = compile("""
                package main

                import (
                	"fmt"
                	"runtime"
                )

                type Point struct {
                	X, Y int
                	Name string
                }

                type Tree struct {
                	Left, Right *Tree
                	Val         int
                }

                func (t *Tree) Sum() int {
                	if t == nil {
                		return 0
                	}
                	return t.Val + t.Left.Sum() + t.Right.Sum()
                }

                func (p Point) Dist() int { return p.X*p.X + p.Y*p.Y }

                func build(d int) *Tree {
                	if d == 0 {
                		return nil
                	}
                	return &Tree{build(d - 1), build(d - 1), d}
                }

                const (
                	A = iota
                	B
                	C
                )

                func main() {
                	var arr [5]int
                	for i := range arr {
                		arr[i] = i * i
                	}
                	s := arr[1:4]
                	s = append(s, 10, 11)
                	s = append(s, s...)
                	ps := []Point{{1, 2, "a"}, {X: 3, Name: "b"}}
                	for i, p := range ps {
                		fmt.Println(i, p.Dist(), p.Name, p == Point{1, 2, "a"})
                	}
                	t := build(4)
                	fmt.Print(t.Sum(), "x", 1, 2, true, "\\n")
                	m := make([]int, 3, 10)
                	m[2] = len(s) + cap(m)
                	switch x := m[2]; {
                	case x > 100:
                		fmt.Println("big")
                	case x > 10, x < 0:
                		fmt.Println("medium")
                	default:
                		fmt.Println("small")
                	}
                	switch C {
                	case A:
                		println("a")
                	case B, C:
                		println("b or c")
                	}
                	q := &ps[0]
                	q.X++
                	str := "ab" + "cd" + ps[1].Name
                	if str == "abcdb" && !(len(str) != 5) || false {
                		println(str)
                	}
                	var grid [3][3]int
                	for i := 0; i < 3; i++ {
                		for j := 0; j < 3; j++ {
                			grid[i][j] = i + j
                		}
                	}
                	runtime.GC()
                	fmt.Println(grid[2][2], runtime.NumGoroutine(), 1<<40, -7/2, 7%-3, 5&^3)
                	if len(s) > 100 {
                		panic("too long")
                	}
                }
                """);
        assertTrue(image.functions().size() >= 4);
    }
}
