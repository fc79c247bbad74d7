package org.cairnvm.core.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cairnvm.core.code.ChanObject;
import org.cairnvm.core.code.FunctionCode;
import org.cairnvm.core.code.Image;
import org.cairnvm.core.code.Layout;
import org.cairnvm.core.code.Opcode;
import org.cairnvm.core.code.SlotInfo;
import org.junit.jupiter.api.Test;

/** The code emitted for go statements and channel operations, and their stack maps. */
class GoroutinesAndChannelsTest {

    /** One decoded instruction: its pc, opcode and operands. */
    private record Insn(int pc, Opcode op, int[] args) {
        int arg(int k) {
            return args[k];
        }

        int resume() {
            return pc + op.length();
        }
    }

    private static List<Insn> insns(FunctionCode f) {
        List<Insn> r = new ArrayList<>();
        int[] c = f.code();
        for (int pc = 0; pc < c.length; pc += Opcode.of(c[pc]).length()) {
            Opcode op = Opcode.of(c[pc]);
            r.add(new Insn(pc, op, Arrays.copyOfRange(c, pc + 1, pc + op.length())));
        }
        return r;
    }

    /** The position of an instruction in a decoded function, by pc. */
    private static int indexOf(List<Insn> code, Insn i) {
        for (int k = 0; k < code.size(); k++) {
            if (code.get(k).pc() == i.pc()) {
                return k;
            }
        }
        return -1;
    }

    private static List<Insn> all(FunctionCode f, Opcode op) {
        return insns(f).stream().filter(i -> i.op() == op).toList();
    }

    private static Insn only(FunctionCode f, Opcode op) {
        List<Insn> r = all(f, op);
        assertEquals(1, r.size(), () -> op + " in " + f.name() + ": " + r.size());
        return r.get(0);
    }

    private static FunctionCode main(Image image) {
        return CompilerTest.function(image, "main.main");
    }

    private static SlotInfo slot(FunctionCode f, String name) {
        return f.slots().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static Layout layout(Image image, int id) {
        return image.layouts().get(id);
    }

    private static boolean inMap(FunctionCode f, int resumePc, int slot) {
        int[] m = f.stackMap().at(resumePc);
        assertNotNull(m, () -> f.name() + ": no map at " + resumePc);
        return Arrays.stream(m).anyMatch(s -> s == slot);
    }

    // ---- go statements

    @Test
    void goCopiesArgumentsFromAnAreaLaidOutAsForCall() {
        Image image = CompilerTest.compile("""
                package main

                type P struct {
                	a, b int
                }

                func worker(id int, p P, s string) {
                	println(id, p.a+p.b, s)
                }

                func main() {
                	q := P{1, 2}
                	worker(7, q, "x")
                	go worker(7, q, "x")
                }
                """);
        FunctionCode m = main(image);
        Insn call = only(m, Opcode.CALL);
        Insn go = only(m, Opcode.GO);
        FunctionCode worker = CompilerTest.function(image, "main.worker");
        assertEquals(worker.index(), go.arg(0));
        assertEquals(4, worker.paramWords());
        // the same argument code precedes both, writing the callee's four parameter words from GO's slot
        List<Insn> code = insns(m);
        int goAt = indexOf(code, go);
        int callAt = indexOf(code, call);
        List<Opcode> beforeGo = code.subList(goAt - 3, goAt).stream().map(Insn::op).toList();
        List<Opcode> beforeCall = code.subList(callAt - 3, callAt).stream().map(Insn::op).toList();
        assertEquals(beforeCall, beforeGo);
        Insn first = code.get(goAt - 3);
        assertEquals(Opcode.LOADI, first.op());
        assertEquals(go.arg(1), first.arg(0), "the id argument lands at GO's slot");
        assertEquals(Opcode.MOVN, code.get(goAt - 2).op());
        assertEquals(go.arg(1) + 1, code.get(goAt - 2).arg(0), "the struct argument follows it");
        assertEquals(go.arg(1) + 3, code.get(goAt - 1).arg(0), "then the string");
    }

    @Test
    void goOfMethodsTakesTheReceiverAsCallsDo() {
        Image image = CompilerTest.compile("""
                package main

                type W struct{ n int }

                func (w *W) run(ch chan int) { ch <- w.n }

                func (w W) val(ch chan int) { ch <- w.n }

                func main() {
                	out := make(chan int)
                	var w W
                	go w.run(out)
                	pw := &W{3}
                	go pw.val(out)
                	go pw.run(out)
                	go w.val(out)
                	println(<-out + <-out + <-out + <-out)
                }
                """);
        FunctionCode m = main(image);
        List<Insn> gos = all(m, Opcode.GO);
        assertEquals(List.of("main.(*W).run", "main.W.val", "main.(*W).run", "main.W.val"),
                gos.stream().map(g -> image.function(g.arg(0)).name()).toList());
        // w's address goes to another goroutine: w lives in a heap cell, whose pointer is the receiver
        SlotInfo w = slot(m, "w");
        assertEquals(SlotInfo.Kind.HEAP_CELL, w.kind());
        List<Insn> code = insns(m);
        Insn receiverOfRun = code.get(indexOf(code, gos.get(0)) - 2);
        assertEquals(Opcode.MOV, receiverOfRun.op());
        assertEquals(gos.get(0).arg(1), receiverOfRun.arg(0));
        assertEquals(w.slot(), receiverOfRun.arg(1));
        // a value method on a pointer copies the pointee into the argument area
        Insn receiverOfVal = code.get(indexOf(code, gos.get(1)) - 2);
        assertEquals(Opcode.LOAD, receiverOfVal.op());
        assertEquals(gos.get(1).arg(1), receiverOfVal.arg(0));
        // the argument words are in GO's map (they are read while the goroutine is created)
        assertTrue(inMap(m, gos.get(0).resume(), gos.get(0).arg(1)));
        assertTrue(inMap(m, gos.get(0).resume(), gos.get(0).arg(1) + 1));
    }

    @Test
    void goOfAFunctionWithoutParametersNamesNoArguments() {
        Image image = CompilerTest.compile("""
                package main

                import "runtime"

                func spin() {}

                func main() {
                	go spin()
                	runtime.Gosched()
                }
                """);
        FunctionCode m = main(image);
        assertEquals(List.of(Opcode.GO, Opcode.GOSCHED, Opcode.RET), CompilerTest.opcodes(m));
        assertEquals(CompilerTest.function(image, "main.spin").index(), only(m, Opcode.GO).arg(0));
    }

    // ---- channels

    @Test
    void makeChanNamesTheChannelLayoutAndTheElementLayout() {
        Image image = CompilerTest.compile("""
                package main

                type P struct {
                	p *int
                	n int
                }

                func main() {
                	a := make(chan P, 4)
                	b := make(chan int)
                	c := make(chan struct{})
                	d := make(chan [3]string, 1)
                	println(cap(a), len(b), cap(c), len(d))
                }
                """);
        FunctionCode m = main(image);
        List<Insn> makes = all(m, Opcode.MAKECHAN);
        assertEquals(4, makes.size());
        for (Insn mk : makes) {
            Layout chan = layout(image, mk.arg(1));
            assertEquals(ChanObject.LAYOUT_NAME, chan.name());
            assertEquals(ChanObject.WORDS, chan.unitWords());
            assertEquals(ChanObject.pointers(), chan.pointers());
        }
        assertEquals(1, image.layouts().stream().filter(l -> l.name().equals(ChanObject.LAYOUT_NAME)).count());
        Insn a = makes.get(0);
        assertEquals(slot(m, "a").slot(), a.arg(0));
        assertEquals("[]main.P", layout(image, a.arg(2)).name());
        assertEquals(2, layout(image, a.arg(2)).unitWords());
        assertTrue(layout(image, a.arg(2)).pointers().get(0));
        assertTrue(a.arg(3) >= 0, "buffered: a size slot");
        assertEquals(2, a.arg(4));
        Insn b = makes.get(1);
        assertEquals(-1, b.arg(3), "unbuffered: no size");
        assertEquals(1, b.arg(4));
        Insn c = makes.get(2);
        assertEquals(0, c.arg(4), "chan struct{} carries no words");
        assertEquals(0, layout(image, c.arg(2)).unitWords());
        assertEquals(3, makes.get(3).arg(4));
        assertEquals(slot(m, "a").slot(), all(m, Opcode.CHANCAP).get(0).arg(1));
        assertEquals(slot(m, "d").slot(), all(m, Opcode.CHANLEN).get(1).arg(1));
        assertEquals(2, all(m, Opcode.CHANLEN).size());
        assertEquals(2, all(m, Opcode.CHANCAP).size());
    }

    @Test
    void sendReceiveAndClose() {
        Image image = CompilerTest.compile("""
                package main

                type P struct {
                	p *int
                	n int
                }

                func main() {
                	ch := make(chan P, 2)
                	x := 5
                	ch <- P{&x, 2}
                	ch <- P{}
                	v := <-ch
                	<-ch
                	close(ch)
                	println(*v.p + v.n)
                	done := make(chan struct{}, 1)
                	done <- struct{}{}
                	<-done
                	ps := make(chan *int, 1)
                	ps <- nil
                	println(<-ps == nil)
                }
                """);
        FunctionCode m = main(image);
        int ch = slot(m, "ch").slot();
        List<Insn> sends = all(m, Opcode.SEND);
        assertEquals(4, sends.size());
        assertEquals(ch, sends.get(0).arg(0));
        assertEquals(2, sends.get(0).arg(2));
        // the value sent is in the map: a parked sender's value is read by the receiver later
        assertTrue(inMap(m, sends.get(0).resume(), sends.get(0).arg(1)));
        assertEquals(0, sends.get(2).arg(2));
        assertEquals(1, sends.get(3).arg(2));
        List<Insn> recvs = all(m, Opcode.RECV);
        assertEquals(4, recvs.size());
        assertEquals(slot(m, "v").slot(), recvs.get(0).arg(0), "v := <-ch receives straight into v");
        assertEquals(ch, recvs.get(0).arg(1));
        assertEquals(2, recvs.get(0).arg(2));
        assertNotEquals(slot(m, "v").slot(), recvs.get(1).arg(0), "a receive statement uses a temporary");
        assertEquals(2, recvs.get(1).arg(2));
        assertEquals(0, recvs.get(2).arg(2));
        assertEquals(ch, only(m, Opcode.CLOSE).arg(0));
        // the nil sent is a zeroed word of the element type
        List<Insn> code = insns(m);
        Insn beforeNil = code.get(indexOf(code, sends.get(3)) - 1);
        assertEquals(Opcode.LOADI, beforeNil.op());
        assertEquals(sends.get(3).arg(1), beforeNil.arg(0));
        assertEquals(0, beforeNil.arg(1));
    }

    @Test
    void commaOkReceivesWithRecv2InEveryForm() {
        Image image = CompilerTest.compile("""
                package main

                var gch = make(chan int, 1)
                var gv, gok = <-gch

                func main() {
                	ch := make(chan string, 1)
                	ch <- "a"
                	v, ok := <-ch
                	println(v, ok)
                	v, ok = <-ch
                	_, ok = <-ch
                	var w, ok2 = <-ch
                	println(v, ok, w, ok2, gv, gok)
                }
                """);
        FunctionCode m = main(image);
        List<Insn> r2 = all(m, Opcode.RECV2);
        assertEquals(4, r2.size());
        assertTrue(all(m, Opcode.RECV).isEmpty());
        List<Insn> code = insns(m);
        Insn first = r2.get(0);
        assertEquals(slot(m, "ch").slot(), first.arg(2));
        assertEquals(1, first.arg(3));
        // the results are moved to v and ok after the receive
        Insn toV = code.get(indexOf(code, first) + 1);
        Insn toOk = code.get(indexOf(code, first) + 2);
        assertEquals(List.of(slot(m, "v").slot(), first.arg(0)), List.of(toV.arg(0), toV.arg(1)));
        assertEquals(List.of(slot(m, "ok").slot(), first.arg(1)), List.of(toOk.arg(0), toOk.arg(1)));
        // _ is not assigned
        Insn third = r2.get(2);
        Insn afterThird = code.get(indexOf(code, third) + 1);
        assertEquals(List.of(slot(m, "ok").slot(), third.arg(1)), List.of(afterThird.arg(0), afterThird.arg(1)));
        FunctionCode init = image.function(image.initFunction());
        Insn g = only(init, Opcode.RECV2);
        List<Insn> icode = insns(init);
        assertEquals(List.of(Opcode.GSTORE, Opcode.GSTORE),
                icode.subList(indexOf(icode, g) + 1, indexOf(icode, g) + 3).stream().map(Insn::op).toList());
    }

    @Test
    void rangeOverAChannelLoopsOnRecv2() {
        Image image = CompilerTest.compile("""
                package main

                func main() {
                	ch := make(chan *int, 3)
                	n := 0
                	for p := range ch {
                		if p == nil {
                			continue
                		}
                		if *p > 10 {
                			break
                		}
                		n += *p
                	}
                	var q *int
                	for q = range ch {
                	}
                	for range ch {
                		n++
                	}
                	println(n, q == nil)
                }
                """);
        FunctionCode m = main(image);
        List<Insn> code = insns(m);
        List<Insn> r2 = all(m, Opcode.RECV2);
        assertEquals(3, r2.size());
        // the first loop: receive straight into p, leave when ok is 0, every back-edge a LOOP to the receive
        Insn recv = r2.get(0);
        assertEquals(slot(m, "p").slot(), recv.arg(0));
        assertEquals(1, recv.arg(3));
        Insn exit = code.get(indexOf(code, recv) + 1);
        assertEquals(Opcode.JF, exit.op());
        assertEquals(recv.arg(1), exit.arg(0));
        int end = exit.arg(1);
        List<Insn> backEdges = code.stream().filter(i -> i.op() == Opcode.LOOP && i.arg(0) == recv.pc()).toList();
        assertEquals(2, backEdges.size(), "continue and the loop end");
        assertTrue(code.stream().anyMatch(i -> i.op() == Opcode.JMP && i.arg(0) == end && i.pc() < end),
                "break leaves the loop");
        assertTrue(inMap(m, recv.resume(), slot(m, "p").slot()), "the destination is mapped");
        assertTrue(inMap(m, recv.resume(), recv.arg(2)), "so is the channel, kept for the next iteration");
        // for q = range ch: q is assigned only after ok is checked (a failed receive leaves q as it was)
        Insn second = r2.get(1);
        assertNotEquals(slot(m, "q").slot(), second.arg(0));
        Insn afterExit = code.get(indexOf(code, second) + 2);
        assertEquals(Opcode.MOV, afterExit.op());
        assertEquals(slot(m, "q").slot(), afterExit.arg(0));
        // the range expression is evaluated once, into a temporary the loop keeps
        assertNotEquals(slot(m, "ch").slot(), second.arg(2));
    }

    @Test
    void channelsAreOnePointerWordAnywhere() {
        Image image = CompilerTest.compile("""
                package main

                type S struct {
                	c    chan S
                	name string
                }

                type Box struct {
                	chs  []chan int
                	main chan [3]string
                }

                var global chan int

                func mk() chan bool { return make(chan bool, 1) }

                func same(a, b chan int) bool { return a == b }

                func none(a chan int) bool { return a == nil }

                func main() {
                	var s S
                	s.c = make(chan S, 1)
                	s.c <- s
                	s = <-s.c
                	b := Box{chs: []chan int{make(chan int, 1)}, main: make(chan [3]string, 2)}
                	b.chs[0] <- 4
                	global = b.chs[0]
                	println(same(global, b.chs[0]), none(global), <-mk() == false, <-global, s.name)
                }
                """);
        FunctionCode m = main(image);
        // s = <-s.c: the channel is s's first word, so the receive goes through a temporary
        Insn recv = all(m, Opcode.RECV).get(0);
        int s = slot(m, "s").slot();
        assertEquals(s, recv.arg(1));
        assertNotEquals(s, recv.arg(0));
        List<Insn> code = insns(m);
        Insn back = code.get(indexOf(code, recv) + 1);
        assertEquals(Opcode.MOVN, back.op());
        assertEquals(s, back.arg(0));
        FunctionCode same = CompilerTest.function(image, "main.same");
        assertEquals(List.of(Opcode.EQ, Opcode.RET), CompilerTest.opcodes(same));
        // comparison with nil compares the word with 0
        Insn nilTest = insns(CompilerTest.function(image, "main.none")).get(0);
        assertEquals(Opcode.JNEI, nilTest.op());
        assertEquals(0, nilTest.arg(1));
        assertEquals(1, image.globalPointers().length);
        assertEquals(1, CompilerTest.function(image, "main.mk").resultWords());
    }

    // ---- liveness

    @Test
    void receiveDestinationsAreInTheirOwnMaps() {
        Image image = CompilerTest.compile("""
                package main

                func main() {
                	ch := make(chan *int, 1)
                	<-ch
                	p := <-ch
                	q, ok := <-ch
                	println(p == nil, q == nil, ok)
                }
                """);
        FunctionCode m = main(image);
        List<Insn> recvs = all(m, Opcode.RECV);
        // even a value nobody reads is written by a sender while the receiver is parked
        assertTrue(inMap(m, recvs.get(0).resume(), recvs.get(0).arg(0)));
        assertTrue(inMap(m, recvs.get(1).resume(), slot(m, "p").slot()));
        Insn r2 = only(m, Opcode.RECV2);
        assertTrue(inMap(m, r2.resume(), r2.arg(0)));
        assertFalse(inMap(m, r2.resume(), r2.arg(1)), "ok is not a pointer");
    }

    @Test
    void everyFunctionHasAnEntryMapOfItsLivePointerParameters() {
        Image image = CompilerTest.compile("""
                package main

                var g = 1

                func f(p *int, n int, s string, unused *int) int {
                	return *p + n + len(s)
                }

                func taken(p *int) **int {
                	return &p
                }

                func main() {
                	x := 2
                	go f(&x, 1, "s", nil)
                	println(**taken(&g))
                }
                """);
        for (FunctionCode f : image.functions()) {
            assertNotNull(f.stackMap().at(0), f.name());
            assertEquals(0, f.stackMap().resumePcs()[0], f.name());
        }
        FunctionCode f = CompilerTest.function(image, "main.f");
        assertEquals(List.of(2, 4), Arrays.stream(f.stackMap().at(0)).boxed().toList(),
                "p and s; n is an int and unused is dead");
        FunctionCode taken = CompilerTest.function(image, "main.taken");
        // p's address is returned: p moves to the heap, and its incoming value is read at entry
        assertEquals(List.of(2), Arrays.stream(taken.stackMap().at(0)).boxed().toList());
        assertEquals(0, main(image).stackMap().at(0).length);
        assertEquals(0, image.function(image.initFunction()).stackMap().at(0).length);
    }

    @Test
    void addressTakenFrameParametersAreInTheEntryMap() {
        Image image = CompilerTest.compile("""
                package main

                func set(pp **int) { *pp = nil }

                func f(p *int) {
                	set(&p)
                	println(p == nil)
                }

                func main() {
                	go f(nil)
                }
                """);
        FunctionCode f = CompilerTest.function(image, "main.f");
        SlotInfo p = slot(f, "p");
        assertTrue(p.addressTaken());
        assertTrue(inMap(f, 0, p.slot()));
    }
}
