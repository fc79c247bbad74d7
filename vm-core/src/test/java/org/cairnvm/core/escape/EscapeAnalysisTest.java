package org.cairnvm.core.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.cairnvm.api.Source;
import org.cairnvm.core.ast.SourceFile;
import org.cairnvm.core.check.Checker;
import org.cairnvm.core.check.Symbol;
import org.cairnvm.core.check.TypeInfo;
import org.cairnvm.core.code.EscapeNote;
import org.cairnvm.core.parse.Parser;
import org.cairnvm.core.source.Diagnostics;
import org.junit.jupiter.api.Test;

class EscapeAnalysisTest {

    private static TypeInfo check(String program) {
        Diagnostics d = new Diagnostics("prog.go");
        SourceFile f = Parser.parse(Source.of("prog.go", program), d);
        TypeInfo info = Checker.check(f, d);
        assertFalse(d.hasErrors(), () -> d.sorted().toString());
        return info;
    }

    private static List<String> notes(String program) {
        Escapes e = EscapeAnalysis.analyze(check(program));
        return e.notes().stream().map(n -> n.line() + ":" + n.column() + ": " + n.message())
                .collect(Collectors.toList());
    }

    private static Symbol.Func func(TypeInfo info, String name) {
        return info.functions.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void returnedAddressMovesToHeap() {
        List<String> n = notes("""
                package main

                func f() *int {
                	x := 1
                	return &x
                }

                func main() {
                	println(*f())
                }
                """);
        assertTrue(n.contains("4:2: moved to heap: x (address returned at 5:9)"), n.toString());
    }

    @Test
    void localAddressThatStaysDoesNotEscape() {
        List<String> n = notes("""
                package main

                func inc(p *int) {
                	*p++
                }

                func main() {
                	x := 1
                	inc(&x)
                	println(x)
                }
                """);
        assertTrue(n.contains("8:2: x does not escape"), n.toString());
        assertTrue(n.contains("3:10: p does not escape"), n.toString());
    }

    @Test
    void storeInGlobalEscapes() {
        List<String> n = notes("""
                package main

                type Node struct{ next *Node }

                var g *Node

                func main() {
                	g = &Node{}
                	println(g != nil)
                }
                """);
        assertTrue(n.contains("8:6: &Node{} escapes to heap (stored in global g at 8:2)"), n.toString());
    }

    @Test
    void leakSummariesFollowTheCallGraph() {
        String program = """
                package main

                var g *int

                func id(p *int) *int {
                	return p
                }

                func keep(p *int) {
                	g = p
                }

                func viaKeep(q *int) {
                	keep(q)
                }

                func main() {
                	a := 1
                	b := 2
                	c := 3
                	println(*id(&a))
                	viaKeep(&b)
                	g = id(&c)
                }
                """;
        TypeInfo info = check(program);
        Escapes e = EscapeAnalysis.analyze(info);
        assertEquals(0, e.summary(func(info, "id")).result(0));
        assertEquals(LeakSummary.NONE, e.summary(func(info, "id")).heap(0));
        assertEquals(0, e.summary(func(info, "keep")).heap(0));
        assertEquals(0, e.summary(func(info, "viaKeep")).heap(0));
        List<String> n = e.notes().stream().map(x -> x.line() + ":" + x.column() + ": " + x.message()).toList();
        assertTrue(n.contains("5:9: leaking param: p (to result)"), n.toString());
        assertTrue(n.contains("18:2: a does not escape"), n.toString());
        assertTrue(n.stream().anyMatch(s -> s.startsWith("19:2: moved to heap: b (address passed to leaking param q of main.viaKeep")), n.toString());
        assertTrue(n.stream().anyMatch(s -> s.startsWith("20:2: moved to heap: c (address stored in global g")), n.toString());
    }

    @Test
    void recursionReachesAFixedPoint() {
        String program = """
                package main

                var g *int

                func a(p *int, n int) {
                	if n == 0 {
                		g = p
                		return
                	}
                	b(p, n-1)
                }

                func b(p *int, n int) {
                	a(p, n)
                }

                func main() {
                	x := 1
                	a(&x, 3)
                }
                """;
        TypeInfo info = check(program);
        Escapes e = EscapeAnalysis.analyze(info);
        assertEquals(0, e.summary(func(info, "a")).heap(0));
        assertEquals(0, e.summary(func(info, "b")).heap(0));
        Symbol.Var x = info.defs.entrySet().stream().filter(en -> en.getKey().name().equals("x"))
                .map(en -> (Symbol.Var) en.getValue()).findFirst().orElseThrow();
        assertTrue(e.movedToHeap(x));
    }

    @Test
    void addressStoredInOuterLoopVariableEscapes() {
        List<String> n = notes("""
                package main

                func main() {
                	var p *int
                	for i := 0; i < 3; i++ {
                		x := i
                		p = &x
                	}
                	println(*p)
                }
                """);
        assertTrue(n.stream().anyMatch(s -> s.startsWith("6:3: moved to heap: x (address assigned to p declared outside the loop")),
                n.toString());
    }

    @Test
    void storesThroughPointersAndIntoSlicesEscape() {
        List<String> n = notes("""
                package main

                type Box struct{ p *int }

                func main() {
                	b := &Box{}
                	x := 1
                	b.p = &x
                	s := []*int{}
                	y := 2
                	s = append(s, &y)
                	println(len(s), *b.p)
                }
                """);
        assertTrue(n.contains("6:7: &Box{} does not escape"), n.toString());
        assertTrue(n.stream().anyMatch(s -> s.startsWith("7:2: moved to heap: x (address stored through pointer")), n.toString());
        assertTrue(n.stream().anyMatch(s -> s.startsWith("10:2: moved to heap: y (address appended to slice")), n.toString());
    }

    @Test
    void flowsThroughStructLocalsCopiesAndArraySlices() {
        List<String> n = notes("""
                package main

                type Holder struct{ p *int }

                func get() *int {
                	x := 1
                	h := Holder{p: &x}
                	h2 := h
                	return h2.p
                }

                func sl() []int {
                	var arr [4]int
                	return arr[:]
                }

                func main() {
                	println(*get(), len(sl()))
                }
                """);
        assertTrue(n.stream().anyMatch(s -> s.startsWith("6:2: moved to heap: x")), n.toString());
        assertTrue(n.stream().anyMatch(s -> s.startsWith("13:6: moved to heap: arr")), n.toString());
    }

    @Test
    void pointerMethodOnLocalTakesItsAddress() {
        String program = """
                package main

                type C struct{ n int }

                func (c *C) Inc() { c.n++ }

                var keep *C

                func (c *C) Keep() { keep = c }

                func main() {
                	var a C
                	a.Inc()
                	var b C
                	b.Keep()
                	println(a.n, b.n)
                }
                """;
        List<String> n = notes(program);
        assertTrue(n.contains("12:6: a does not escape"), n.toString());
        assertTrue(n.stream().anyMatch(s -> s.startsWith("14:6: moved to heap: b")), n.toString());
        assertTrue(n.stream().anyMatch(s -> s.startsWith("9:7: leaking param: c")), n.toString());
    }

    @Test
    void everyDecisionHasANote() {
        Escapes e = EscapeAnalysis.analyze(check("""
                package main

                func main() {
                	p := new(int)
                	*p = 3
                	println(*p)
                }
                """));
        EscapeNote note = e.notes().stream().filter(x -> x.message().startsWith("new(int)")).findFirst().orElse(null);
        assertNotNull(note, e.notes().toString());
        assertEquals("new(int) does not escape", note.message());
        assertEquals(4, note.line());
    }

    @Test
    void addressSentOnAChannelMovesToHeap() {
        List<String> n = notes("""
                package main

                type T struct{ p *int }

                func main() {
                	x := 1
                	ch := make(chan *int, 1)
                	ch <- &x
                	y := 2
                	ts := make(chan T, 1)
                	ts <- T{&y}
                	z := 3
                	q := &z
                	println(*<-ch, *(<-ts).p, *q)
                }
                """);
        assertTrue(n.contains("6:2: moved to heap: x (address sent on channel at 8:5)"), n.toString());
        assertTrue(n.contains("9:2: moved to heap: y (address sent on channel at 11:5)"), n.toString());
        assertTrue(n.contains("12:2: z does not escape"), n.toString());
    }

    @Test
    void argumentsAndReceiversOfGoStatementsEscape() {
        List<String> n = notes("""
                package main

                type W struct{ n int }

                func (w *W) run() { w.n++ }

                func (w W) val(p *int) { println(w.n + *p) }

                func use(p *int, q *W) {}

                func main() {
                	a := 1
                	go use(&a, &W{})
                	var w W
                	go w.run()
                	pw := &W{2}
                	b := 3
                	go pw.val(&b)
                	var v W
                	v.run()
                	println(a, w.n, v.n)
                }
                """);
        assertTrue(n.contains("12:2: moved to heap: a (address passed to a goroutine at 13:9)"), n.toString());
        assertTrue(n.contains("13:13: &W{} escapes to heap (passed to a goroutine at 13:13)"), n.toString());
        assertTrue(n.contains("14:6: moved to heap: w (address passed to a goroutine at 15:5)"), n.toString());
        // a value method copies *pw into the goroutine: the W itself stays
        assertTrue(n.contains("16:8: &W{} does not escape"), n.toString());
        assertTrue(n.contains("17:2: moved to heap: b (address passed to a goroutine at 18:12)"), n.toString());
        assertTrue(n.contains("19:6: v does not escape"), n.toString());
        // the callees' own parameters do not leak: the go statement, not the callee, sends them away
        assertTrue(n.contains("9:10: p does not escape"), n.toString());
    }
}
