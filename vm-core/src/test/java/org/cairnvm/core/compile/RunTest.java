package org.cairnvm.core.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cairnvm.api.Source;
import org.cairnvm.core.code.Image;
import org.cairnvm.core.interp.Runs;
import org.junit.jupiter.api.Test;

/**
 * Compiled code run by the interpreter, against outputs from the real Go toolchain (go 1.19,
 * {@code go run}): frame arrays with dynamic indices, method receivers with automatic & and *,
 * escaping and non-escaping addresses, parallel assignment, switch forms, print spacing; then the
 * same with the stack moved at every prologue check, which breaks any stack map that misses a
 * pointer into the stack.
 */
class RunTest {
    private static final String CODEGEN = """
            package main

            import "fmt"

            type P struct {
            	X, Y int
            	S    string
            }

            type Grid struct {
            	cells [3][4]P
            	n     int
            }

            type Counter struct{ n int }

            func (c *Counter) Inc()     { c.n++ }
            func (c Counter) Get() int  { return c.n }
            func (c *Counter) Ptr() *Counter { return c }

            var global *int
            var gs []P
            var garr [4]int

            func keep(p *int) { global = p }

            func swap(a, b int) int { a, b = b, a; return a*10 + b }


            func mkptrs() []*int {
            	var out []*int
            	for i := 0; i < 3; i++ {
            		x := i * 10
            		out = append(out, &x)
            	}
            	return out
            }

            func main() {
            	var g Grid
            	for i := 0; i < 3; i++ {
            		for j := 0; j < 4; j++ {
            			g.cells[i][j].X = i
            			g.cells[i][j].Y = j
            			g.cells[i][j].S = "c"
            		}
            	}
            	i, j := 2, 3
            	g.cells[i][j].S += "!"
            	fmt.Println(g.cells[2][3].X, g.cells[i][j].Y, g.cells[i][j].S, g.cells[1][1] == P{1, 1, "c"}, g.cells[1][1] != P{1, 1, "d"})
            	var c Counter
            	c.Inc()
            	c.Inc()
            	pc := &c
            	pc.Inc()
            	fmt.Println(c.Get(), pc.Get(), pc.Ptr().n)
            	var cs [3]Counter
            	k := 1
            	cs[k].Inc()
            	cs[k].Inc()
            	fmt.Println(cs[0].n, cs[1].n, cs[k].Get())
            	v := 5
            	keep(&v)
            	v++
            	fmt.Println(*global)
            	ps := mkptrs()
            	fmt.Println(*ps[0], *ps[1], *ps[2])
            	fmt.Println(swap(1, 2))
            	gs = append(gs, P{1, 2, "x"}, P{3, 4, "y"})
            	gs[1].X += 10
            	fmt.Println(len(gs), gs[1].X, gs[0].S+gs[1].S)
            	garr[k+1] = 7
            	fmt.Println(garr[0], garr[1], garr[2], garr[3])
            	arr := [5]int{1, 2, 3, 4, 5}
            	s := arr[1:3]
            	s = append(s, 99)
            	fmt.Println(arr[3], len(s), cap(s), s[2])
            	t := s[:]
            	t[0] = -1
            	fmt.Println(arr[1])
            	fmt.Print("a", "b", 1, 2, true, "c", 3, "\\n")
            	fmt.Print(1, 2, "\\n")
            	println("to", "stderr", 3, false)
            	a, b := 1, 2
            	a, b = b, a
            	fmt.Println(a, b)
            	names := []string{"x", "y", "z"}
            	total := ""
            	for idx, n := range names {
            		if idx == 1 {
            			continue
            		}
            		total += n
            	}
            	fmt.Println(total)
            	switch total {
            	case "xy":
            		fmt.Println("no")
            	case "xz", "zz":
            		fmt.Println("yes")
            	default:
            		fmt.Println("default")
            	}
            	x := 3
            	switch {
            	default:
            		fmt.Println("dflt")
            	case x > 5:
            		fmt.Println(">5")
            	case x > 2:
            		fmt.Println(">2")
            		if x == 3 {
            			break
            		}
            		fmt.Println("not reached")
            	}
            	nested := [][]int{{1, 2}, {3}, {}}
            	fmt.Println(len(nested), len(nested[0]), nested[1][0], len(nested[2]))
            	pts := []*P{{1, 2, "a"}, {X: 5}}
            	fmt.Println(pts[1].X, pts[0].S)
            	m := make([]int, 2, 5)
            	m = append(m, m...)
            	fmt.Println(m[3], len(m), cap(m))
            	big := 1 << 40
            	fmt.Println(big, -big, big/3, big%7, ^5, 5&^3, 7>>1, -7>>1)
            	var bs [2]bool
            	bs[1] = !bs[0] && x == 3 || false
            	fmt.Println(bs[0], bs[1])
            	q := new(int)
            	*q = 42
            	pp := &q
            	**pp++
            	fmt.Println(*q)
            }
            """;

    private static final String CODEGEN_OUT = """
            2 3 c! true true
            3 3 3
            0 2 2
            6
            0 10 20
            21
            2 13 xy
            0 0 7 0
            99 3 4 99
            -1
            ab1 2 truec3
            1 2
            2 1
            xz
            yes
            >2
            3 2 3 0
            5 a
            0 4 5
            1099511627776 -1099511627776 366503875925 2 -6 4 3 -4
            false true
            43
            """;

    private static final String POINTERS = """
            package main

            import (
            	"fmt"
            	"runtime"
            )

            type Node struct {
            	v    int
            	next *Node
            }

            type Pair struct {
            	a, b *Node
            	s    string
            }

            func sumList(n *Node) int {
            	s := 0
            	for ; n != nil; n = n.next {
            		s += n.v
            	}
            	return s
            }

            func fill(p *Pair, d int) int {
            	if d == 0 {
            		return sumList(p.a) + sumList(p.b)
            	}
            	var local Pair
            	local.a = &Node{d, p.a}
            	local.b = p.b
            	local.s = p.s + "."
            	r := fill(&local, d-1)
            	return r + len(local.s)
            }

            func bump(arr *[4]int, i int) {
            	arr[i]++
            }

            func rec(n int, acc *[4]int) int {
            	var frames [4]Pair
            	frames[n%4].s = "x"
            	bump(acc, n%4)
            	if n == 0 {
            		return acc[0] + acc[1] + acc[2] + acc[3]
            	}
            	p := &frames[n%4]
            	r := rec(n-1, acc)
            	return r + len(p.s)
            }

            func local() int {
            	n := &Node{v: 1}
            	m := &Node{v: 2, next: n}
            	runtime.GC()
            	return sumList(m)
            }

            func build(k int) *Node {
            	var head *Node
            	for i := 0; i < k; i++ {
            		head = &Node{i, head}
            	}
            	return head
            }

            func main() {
            	var p Pair
            	p.s = "start"
            	p.b = &Node{100, nil}
            	fmt.Println(fill(&p, 50))
            	var acc [4]int
            	fmt.Println(rec(200, &acc), acc[0], acc[3])
            	fmt.Println(local())
            	lists := []*Node{}
            	for i := 0; i < 20; i++ {
            		lists = append(lists, build(i))
            		runtime.GC()
            	}
            	t := 0
            	for _, l := range lists {
            		t += sumList(l)
            	}
            	fmt.Println(t)
            	strs := ""
            	for i := 0; i < 10; i++ {
            		strs = strs + "ab"
            	}
            	fmt.Println(len(strs))
            }
            """;

    private static final String POINTERS_OUT = """
            2900
            401 51 50
            3
            1140
            20
            """;

    private static Runs.Outcome run(String program, String... options) {
        Image image = Compiler.compile(Source.of("prog.go", program));
        assertEquals("[]", image.diagnostics().toString());
        return Runs.run(image, options);
    }

    @Test
    void codegenMatchesGo() {
        Runs.Outcome o = run(CODEGEN);
        assertEquals(CODEGEN_OUT, o.out());
        assertEquals("to stderr 3 false\n", o.err());
        assertEquals(0, o.status());
    }

    @Test
    void pointersIntoTheStackSurviveStackMoves() {
        assertEquals(POINTERS_OUT, run(POINTERS).out());
        assertEquals(POINTERS_OUT, run(POINTERS, "stress", "stack-move").out());
        assertEquals(CODEGEN_OUT, run(CODEGEN, "stress", "stack-move").out());
    }
}
