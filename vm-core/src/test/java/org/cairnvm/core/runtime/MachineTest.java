package org.cairnvm.core.runtime;

import static org.cairnvm.core.code.Opcode.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cairnvm.api.GuestError;
import org.cairnvm.api.Source;
import org.cairnvm.core.code.FunctionCode;
import org.cairnvm.core.code.Image;
import org.cairnvm.core.code.StackMap;
import org.cairnvm.core.interp.Asm;
import org.cairnvm.core.interp.Runs;
import org.junit.jupiter.api.Test;

/** Whole runs: deep stacks on the copying strategy, every kind of report, limits, metrics. */
class MachineTest {

    /**
     * main: acc := 0; f(&acc, depth); println(acc). f(p, n): if n == 0 return; *p += n; f(p, n-1).
     * The pointer into main's frame is threaded through every frame, so each stack move must
     * relocate it in every frame's stack map.
     */
    static Image threadedPointer(int depth) {
        Asm asm = new Asm();
        Asm.Fn main = asm.fn("main.main", 0, 0, 6);
        Asm.Fn f = asm.fn("main.f", 2, 0, 8).decl(10);
        main.line(4).op(ZERO, 2, 1).op(ADDR, 3, 2).op(LOADK, 4, main.k(depth))
                .line(5).op(CALL, f.index, 3, 5).map(3)
                .line(6).op(PRINTI, 2, 1).op(PRINTC, '\n', 1).op(RET, 0, 0);
        f.line(11);
        int go = f.jump(JNEI, 3, 0);
        f.line(12).op(RET, 0, 0);
        f.land(go).line(14).op(LOAD, 4, 2, 0, 1).op(ADD, 4, 4, 3).op(STORE, 2, 0, 4, 1)
                .line(15).op(MOV, 5, 2).op(ADDI, 6, 3, -1).op(CALL, f.index, 5, 7).map(2, 5)
                .line(16).op(RET, 0, 0);
        return asm.image();
    }

    @Test
    void aMillionFramesThreadingAPointer() {
        Runs.Outcome o = Runs.run(threadedPointer(1_000_000));
        assertEquals(0, o.status(), o.err());
        assertEquals("500000500000\n", o.out());
        var m = o.result().metrics();
        assertEquals(1_000_001, m.get("vm.calls"));
        assertTrue(m.get("stack.growths") > 10, m.toString());
        // total words copied by growth stay within twice the final stack
        assertTrue(8 * m.get("stack.wordsCopied") <= 2 * m.get("stack.peakBytes"), m.toString());
        assertTrue(m.get("stack.peakBytes") >= 8L * 8 * 1_000_000, m.toString());
        assertTrue(m.get("mem.committedPeakBytes") >= 8L * 8 * 1_000_000, m.toString());
    }

    @Test
    void stackMoveAtEveryCheck() {
        Runs.Outcome o = Runs.run(threadedPointer(3000), "stress", "stack-move");
        assertEquals(0, o.status(), o.err());
        assertEquals(3000L * 3001 / 2 + "\n", o.out());
    }

    /** func f(n int) { f(n + 1) } called forever. */
    static Image runaway() {
        Asm asm = new Asm();
        Asm.Fn main = asm.fn("main.main", 0, 0, 4);
        Asm.Fn f = asm.fn("main.f", 1, 0, 5).decl(7);
        main.line(4).op(LOADI, 2, 0).op(CALL, f.index, 2, 3).op(RET, 0, 0);
        f.line(8).op(ADDI, 3, 2, 1).op(CALL, f.index, 3, 4).line(9).op(RET, 0, 0);
        return asm.image();
    }

    @Test
    void stackOverflowReport() {
        Runs.Outcome o = Runs.run(runaway(), "stack.max", "1m");
        assertEquals(2, o.status());
        GuestError e = o.result().error().orElseThrow();
        assertEquals(GuestError.Kind.FATAL, e.kind());
        assertEquals("runtime: goroutine stack exceeds 1048576-byte limit", e.firstLine());
        List<String> lines = o.err().lines().toList();
        assertEquals("runtime: goroutine stack exceeds 1048576-byte limit", lines.get(0));
        assertTrue(lines.get(1).matches("runtime: sp=0x[0-9a-f]+ stack=\\[0x[0-9a-f]+, 0x[0-9a-f]+]"), lines.get(1));
        assertEquals("fatal error: stack overflow", lines.get(2));
        assertEquals("", lines.get(3));
        assertEquals("goroutine 1 [running]:", lines.get(4));
        // the callee that did not fit, at its func line (as Go, which checks in the prologue), then its caller
        assertEquals("main.f(...)", lines.get(5));
        assertEquals("\tprog.go:7", lines.get(6));
        assertEquals("main.f(...)", lines.get(7));
        assertEquals("\tprog.go:8", lines.get(8));
        // 50 frames, the elision line, 50 frames
        assertEquals(5 + 100 + 1 + 100, lines.size());
        assertEquals("...additional frames elided...", lines.get(105));
        assertEquals("main.main()", lines.get(lines.size() - 2));
        assertEquals("\tprog.go:4", lines.get(lines.size() - 1));
        assertEquals(e.report(), o.err());
    }

    @Test
    void shallowTracesAreNotElided() {
        Asm asm = new Asm();
        long msg = asm.string("deep");
        Asm.Fn main = asm.fn("main.main", 0, 0, 4);
        Asm.Fn f = asm.fn("main.f", 1, 0, 6);
        main.line(3).op(LOADI, 2, 0).op(CALL, f.index, 2, 3).op(RET, 0, 0);
        f.line(20);
        int go = f.jump(JLTI, 2, 98);
        f.line(21).op(LOADK, 3, f.k(msg)).op(PANIC, 3, 0);
        f.land(go).line(22).op(ADDI, 4, 2, 1).op(CALL, f.index, 4, 5).op(RET, 0, 0);
        Runs.Outcome o = Runs.run(asm.image());
        List<String> lines = o.err().lines().toList();
        assertEquals("panic: deep", lines.get(0));
        assertEquals("\tprog.go:21", lines.get(4));
        assertEquals("\tprog.go:22", lines.get(6));
        assertEquals(3 + 2 * 100, lines.size());
        assertTrue(lines.stream().noneMatch(l -> l.contains("elided")));
    }

    @Test
    void budgetStopsAnEndlessLoop() {
        Asm asm = new Asm();
        Asm.Fn main = asm.fn("main.main", 0, 0, 3);
        main.line(5).op(LOADI, 2, 0).op(ADDI, 2, 2, 1).op(LOOP, 3);
        Runs.Outcome o = Runs.run(asm.image(), "budget.instructions", "10000");
        assertEquals(2, o.status());
        assertEquals(GuestError.Kind.BUDGET, o.result().error().orElseThrow().kind());
        assertEquals("fatal error: instruction budget exhausted (10000 instructions)", o.firstLine());
        assertEquals("fatal error: instruction budget exhausted (10000 instructions)\n\n"
                + "goroutine 1 [running]:\nmain.main()\n\tprog.go:5\n", o.err());
        // checked at back-edges: LOADI then (ADDI, LOOP) pairs reach 10000 first at 10001
        assertEquals(10001, o.result().metrics().get("vm.instructions"));
    }

    @Test
    void interruptFromAnotherThread() throws Exception {
        Asm asm = new Asm();
        Asm.Fn main = asm.fn("main.main", 0, 0, 3);
        main.op(LOADI, 2, 0).op(ADDI, 2, 2, 1).op(LOOP, 3);
        AtomicBoolean flag = new AtomicBoolean();
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            flag.set(true);
        });
        t.start();
        Runs.Outcome o = Runs.run(asm.image(), Map.of(), flag);
        t.join();
        assertEquals(2, o.status());
        assertEquals(GuestError.Kind.INTERRUPTED, o.result().error().orElseThrow().kind());
        assertEquals("fatal error: interrupted", o.firstLine());
    }

    @Test
    void outOfMemory() {
        Asm asm = new Asm();
        Asm.Fn main = asm.fn("main.main", 0, 0, 3);
        main.line(6).op(NEW, 2, Asm.INTS, 1000).op(LOOP, 0);
        Runs.Outcome o = Runs.run(asm.image(), "heap.max", "64k");
        assertEquals(2, o.status());
        assertEquals("fatal error: runtime: out of memory", o.firstLine());
        assertTrue(o.err().endsWith("goroutine 1 [running]:\nmain.main()\n\tprog.go:6\n"), o.err());
    }

    @Test
    void initRunsBeforeMain() {
        Asm asm = new Asm().globals(1);
        Asm.Fn main = asm.fn("main.main", 0, 0, 3);
        Asm.Fn init = asm.fn("main.init", 0, 0, 3);
        main.op(GLOAD, 2, 0, 1).op(PRINTI, 2, 1).op(RET, 0, 0);
        init.op(LOADI, 2, 77).op(GSTORE, 0, 2, 1).op(RET, 0, 0);
        Runs.Outcome o = Runs.run(asm.image(init.index, main.index));
        assertEquals("77", o.out());
        // the image is shared: a second run starts from zeroed globals again
        Image once = new Asm().image();
        assertEquals("77", Runs.run(asm.image(init.index, main.index)).out());
        assertEquals(0, once.functions().size());
    }

    @Test
    void aVmBugIsAnInternalErrorNotAnException() {
        FunctionCode bad = new FunctionCode(0, "main.main", new int[] {999}, new int[] {1}, new long[0], 2, 0, 0,
                new StackMap(new int[0], new int[0][]), List.of(), 1);
        Image image = new Image(Source.of("prog.go", ""), List.of(), List.of(bad), List.of(), List.of(), new long[0],
                0, -1, 0, List.of(), new int[0]);
        Runs.Outcome o = Runs.run(image);
        assertEquals(2, o.status());
        assertTrue(o.firstLine().startsWith("fatal error: internal VM error: "), o.firstLine());
        assertTrue(o.err().contains("\tat org.cairnvm."), o.err());
    }

    @Test
    void stackTraceCategoryGoesToStderr() {
        Runs.Outcome o = Runs.run(threadedPointer(2000), "trace", "stack");
        assertEquals(0, o.status(), o.err());
        var m = o.result().metrics();
        assertTrue(m.get("vm.instructions") > 0);
        assertTrue(m.get("mem.reservedPeakBytes") > 0);
        assertTrue(m.get("time.wallNanos") > 0);
        assertTrue(m.asMap().containsKey("stack.shrinks"));
    }

    /** fib(n) with the fused compare-and-branch and the inline call, as the compiler emits it. */
    static Image fib(int n) {
        Asm asm = new Asm();
        Asm.Fn main = asm.fn("main.main", 0, 0, 5);
        Asm.Fn fib = asm.fn("main.fib", 1, 1, 7);
        main.op(LOADI, 2, n).op(CALL, fib.index, 2, 3).op(PRINTI, 3, 1).op(RET, 0, 0);
        int rec = fib.jump(JGEI, 2, 2);
        fib.op(RET, 2, 1);
        fib.land(rec).op(ADDI, 4, 2, -1).op(CALL, fib.index, 4, 5).op(ADDI, 4, 2, -2).op(CALL, fib.index, 4, 6)
                .op(ADD, 3, 5, 6).op(RET, 3, 1);
        return asm.image();
    }

    @Test
    void fibonacci() {
        Runs.Outcome o = Runs.run(fib(27));
        assertEquals("196418", o.out());
        assertEquals(635621, o.result().metrics().get("vm.calls"));
    }
}
