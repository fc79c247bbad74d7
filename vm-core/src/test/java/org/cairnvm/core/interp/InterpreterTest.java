package org.cairnvm.core.interp;

import static org.cairnvm.core.code.Opcode.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongBinaryOperator;
import org.cairnvm.api.GuestError;
import org.cairnvm.core.code.Opcode;
import org.junit.jupiter.api.Test;

/** Every instruction's semantics, through hand-assembled programs run by the whole machine. */
class InterpreterTest {
    private static final int NL = '\n';

    /** Runs a main of {@code frame} words: {@code body}, then prints slot {@code slot} and returns. */
    static Runs.Outcome runMain(int frame, Consumer<Asm.Fn> body) {
        Asm asm = new Asm();
        Asm.Fn main = asm.fn("main.main", 0, 0, frame);
        body.accept(main);
        main.op(RET, 0, 0);
        return Runs.run(asm.image());
    }

    static String printed(int frame, int slot, Consumer<Asm.Fn> body) {
        Runs.Outcome o = runMain(frame, f -> {
            body.accept(f);
            f.op(PRINTI, slot, 1).op(PRINTC, NL, 1);
        });
        assertEquals(0, o.status(), o.err());
        return o.out().strip();
    }

    static long binop(Opcode op, long a, long b) {
        return Long.parseLong(printed(6, 4, f -> f.op(LOADK, 2, f.k(a)).op(LOADK, 3, f.k(b)).op(op, 4, 2, 3)));
    }

    static String panicOf(Runs.Outcome o) {
        assertEquals(2, o.status(), o.out());
        return o.firstLine();
    }

    @Test
    void arithmeticMatchesGo() {
        Map<Opcode, LongBinaryOperator> ref = Map.of(ADD, Long::sum, SUB, (a, b) -> a - b, MUL, (a, b) -> a * b,
                AND, (a, b) -> a & b, OR, (a, b) -> a | b, XOR, (a, b) -> a ^ b, ANDNOT, (a, b) -> a & ~b);
        for (var e : ref.entrySet()) {
            qt().withExamples(40).forAll(longs().all(), longs().all())
                    .check((a, b) -> binop(e.getKey(), a, b) == e.getValue().applyAsLong(a, b));
        }
        qt().withExamples(60).forAll(longs().all(), longs().all()).assuming((a, b) -> b != 0)
                .check((a, b) -> binop(DIV, a, b) == a / b && binop(REM, a, b) == a % b);
        assertEquals(Long.MIN_VALUE, binop(DIV, Long.MIN_VALUE, -1));
        assertEquals(0, binop(REM, Long.MIN_VALUE, -1));
        assertEquals(-3, binop(DIV, -7, 2));
        assertEquals(-1, binop(REM, -7, 2));
    }

    @Test
    void shiftsMatchGo() {
        qt().withExamples(60).forAll(longs().all(), integers().between(0, 200)).check((a, b) -> {
            long shl = b >= 64 ? 0 : a << b;
            long shr = a >> Math.min(b, 63);
            return binop(SHL, a, b) == shl && binop(SHR, a, b) == shr;
        });
        assertEquals(-1, binop(SHR, -5, 64));
        assertEquals(0, binop(SHL, 1, 64));
        assertEquals(1L << 63, binop(SHL, 1, 63));
    }

    @Test
    void unaryAndMoves() {
        assertEquals("-5", printed(5, 3, f -> f.op(LOADI, 2, 5).op(NEG, 3, 2)));
        assertEquals("-6", printed(5, 3, f -> f.op(LOADI, 2, 5).op(BITNOT, 3, 2)));
        assertEquals("0", printed(5, 3, f -> f.op(LOADI, 2, 1).op(NOT, 3, 2)));
        assertEquals("-7", printed(5, 3, f -> f.op(LOADI, 2, -10).op(ADDI, 3, 2, 3)));
        assertEquals("123456789012345", printed(5, 3, f -> f.op(LOADK, 2, f.k(123456789012345L)).op(MOV, 3, 2)));
        assertEquals("7 8 9 0 0", printedRow(10, new int[] {5, 6, 7, 8, 9}, f -> f
                .op(LOADI, 2, 7).op(LOADI, 3, 8).op(LOADI, 4, 9)
                .op(LOADI, 8, 1).op(LOADI, 9, 1)
                .op(MOVN, 5, 2, 3).op(ZERO, 8, 2)));
        // MOVN with overlapping ranges moves like memmove
        assertEquals("1 2 3", printedRow(8, new int[] {3, 4, 5}, f -> f
                .op(LOADI, 2, 1).op(LOADI, 3, 2).op(LOADI, 4, 3).op(MOVN, 3, 2, 3)));
    }

    /** Prints several slots separated by spaces. */
    static String printedRow(int frame, int[] slots, Consumer<Asm.Fn> body) {
        Runs.Outcome o = runMain(frame, f -> {
            body.accept(f);
            for (int i = 0; i < slots.length; i++) {
                if (i > 0) {
                    f.op(PRINTC, ' ', 1);
                }
                f.op(PRINTI, slots[i], 1);
            }
        });
        assertEquals(0, o.status(), o.err());
        return o.out();
    }

    @Test
    void comparisons() {
        long[][] pairs = {{1, 2}, {2, 1}, {3, 3}, {-1, 1}, {Long.MIN_VALUE, Long.MAX_VALUE}};
        Map<Opcode, java.util.function.BiPredicate<Long, Long>> ref = Map.of(EQ, Long::equals, NE, (a, b) -> !a.equals(b),
                LT, (a, b) -> a < b, LE, (a, b) -> a <= b, GT, (a, b) -> a > b, GE, (a, b) -> a >= b);
        for (long[] p : pairs) {
            for (var e : ref.entrySet()) {
                assertEquals(e.getValue().test(p[0], p[1]) ? 1 : 0, binop(e.getKey(), p[0], p[1]), e.getKey() + " " + p[0] + " " + p[1]);
            }
        }
    }

    /** Whether a conditional jump is taken: prints 1 when it jumps, 0 when it falls through. */
    static long taken(Opcode op, long a, long b) {
        Runs.Outcome o = runMain(6, f -> {
            f.op(LOADK, 2, f.k(a)).op(LOADK, 3, f.k(b)).op(LOADI, 4, 0);
            int j = switch (op.operandCount()) {
                case 2 -> f.jump(op, 2);
                default -> op.name().endsWith("I") ? f.jump(op, 2, (int) b) : f.jump(op, 2, 3);
            };
            int skip = f.jump(JMP);
            f.land(j).op(LOADI, 4, 1);
            f.land(skip).op(PRINTI, 4, 1);
        });
        assertEquals(0, o.status(), o.err());
        return Long.parseLong(o.out());
    }

    @Test
    void jumps() {
        long[][] pairs = {{1, 2}, {2, 1}, {3, 3}, {-4, 5}, {0, 0}};
        Map<Opcode, java.util.function.BiPredicate<Long, Long>> ref = new java.util.HashMap<>();
        ref.put(JEQ, Long::equals);
        ref.put(JNE, (a, b) -> !a.equals(b));
        ref.put(JLT, (a, b) -> a < b);
        ref.put(JLE, (a, b) -> a <= b);
        ref.put(JGT, (a, b) -> a > b);
        ref.put(JGE, (a, b) -> a >= b);
        ref.put(JEQI, Long::equals);
        ref.put(JNEI, (a, b) -> !a.equals(b));
        ref.put(JLTI, (a, b) -> a < b);
        ref.put(JLEI, (a, b) -> a <= b);
        ref.put(JGTI, (a, b) -> a > b);
        ref.put(JGEI, (a, b) -> a >= b);
        ref.put(JT, (a, b) -> a != 0);
        ref.put(JF, (a, b) -> a == 0);
        for (long[] p : pairs) {
            for (var e : ref.entrySet()) {
                assertEquals(e.getValue().test(p[0], p[1]) ? 1 : 0, taken(e.getKey(), p[0], p[1]),
                        e.getKey() + " " + p[0] + " " + p[1]);
            }
        }
    }

    @Test
    void loopSumsAndCountsInstructions() {
        // for i := 0; i < 1000; i++ { s += i }
        Asm asm = new Asm();
        Asm.Fn f = asm.fn("main.main", 0, 0, 5);
        f.op(LOADI, 2, 0).op(LOADI, 3, 0);
        int exit = f.jump(JGEI, 3, 1000);
        int body = f.pc();
        f.op(ADD, 2, 2, 3).op(ADDI, 3, 3, 1);
        int back = f.jump(JGEI, 3, 1000);
        f.op(LOOP, body);
        f.land(exit).land(back).op(PRINTI, 2, 1).op(RET, 0, 0);
        Runs.Outcome o = Runs.run(asm.image());
        assertEquals("499500", o.out());
        // 2 loads + 1 check + 1000 * (add, addi, check) + 999 loops + print + ret
        assertEquals(2 + 1 + 3000 + 999 + 2, o.result().metrics().get("vm.instructions"));
    }

    @Test
    void divisionByZeroAndNegativeShiftPanic() {
        for (Opcode op : List.of(DIV, REM)) {
            Runs.Outcome o = runMain(6, f -> f.op(LOADI, 2, 1).op(LOADI, 3, 0).line(7).op(op, 4, 2, 3));
            assertEquals("panic: runtime error: integer divide by zero", panicOf(o));
            assertTrue(o.err().contains("main.main()\n\tprog.go:7\n"), o.err());
        }
        for (Opcode op : List.of(SHL, SHR)) {
            Runs.Outcome o = runMain(6, f -> f.op(LOADI, 2, 1).op(LOADI, 3, -1).op(op, 4, 2, 3));
            assertEquals("panic: runtime error: negative shift amount", panicOf(o));
        }
    }

    @Test
    void stringsConcatenateCompareAndPrint() {
        Asm asm = new Asm();
        long hello = asm.string("héllo, ");
        long world = asm.string("世界 and more than eight bytes");
        long hello2 = asm.string("héllo, ");
        Asm.Fn f = asm.fn("main.main", 0, 0, 12);
        f.op(LOADK, 2, f.k(hello)).op(LOADK, 3, f.k(world)).op(STRCAT, 4, 2, 3)
                .op(PRINTS, 4, 1).op(PRINTC, NL, 1)
                .op(STRLEN, 5, 4).op(PRINTI, 5, 1).op(PRINTC, ' ', 1)
                .op(LOADK, 6, f.k(hello2)).op(STREQ, 7, 2, 6).op(PRINTB, 7, 1).op(PRINTC, ' ', 1)
                .op(STRNE, 7, 2, 3).op(PRINTB, 7, 1).op(PRINTC, ' ', 1)
                .op(LOADI, 8, 0).op(STRCAT, 9, 8, 2).op(STREQ, 7, 9, 2).op(PRINTB, 7, 1).op(PRINTC, ' ', 1)
                .op(STRLEN, 5, 8).op(PRINTI, 5, 1).op(PRINTC, ' ', 1)
                .op(STREQ, 7, 8, 8).op(PRINTB, 7, 1).op(PRINTC, ' ', 1)
                // "héllo, " + "héllo, " differs from "héllo, 世..." only after the first 8 bytes
                .op(STRCAT, 10, 2, 2).op(STREQ, 7, 10, 4).op(PRINTB, 7, 1).op(PRINTC, NL, 2)
                .op(PRINTS, 2, 2)
                .op(RET, 0, 0);
        Runs.Outcome o = Runs.run(asm.image());
        assertEquals(0, o.status(), o.err());
        assertEquals("héllo, 世界 and more than eight bytes\n"
                + ("héllo, 世界 and more than eight bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                + " true true true 0 true false", o.out());
        assertEquals("\nhéllo, ", o.err());
        assertTrue(o.result().metrics().get("gc.wordsAllocated") > 0);
    }

    @Test
    void globalsThroughSlotsAndPointers() {
        Asm asm = new Asm().globals(4);
        Asm.Fn f = asm.fn("main.main", 0, 0, 10);
        f.op(LOADI, 2, 11).op(LOADI, 3, 22).op(GSTORE, 1, 2, 2)   // g[1..3) = 11, 22
                .op(GLOAD, 4, 1, 2)                                   // slots 4,5 = 11, 22
                .op(GADDR, 6, 3).op(LOADI, 7, 33).op(STORE, 6, 0, 7, 1) // g[3] = 33 through a pointer
                .op(GLOAD, 8, 3, 1)
                .op(GADDR, 6, 0).op(LOAD, 9, 6, 2, 1)                 // *(&g[0] + 2) = 22
                .op(PRINTI, 4, 1).op(PRINTC, ' ', 1).op(PRINTI, 5, 1).op(PRINTC, ' ', 1)
                .op(PRINTI, 8, 1).op(PRINTC, ' ', 1).op(PRINTI, 9, 1)
                .op(RET, 0, 0);
        assertEquals("11 22 33 22", Runs.run(asm.image()).out());
    }

    @Test
    void heapObjectsAndFieldAddresses() {
        assertEquals("5 7 7 0", printedRow(12, new int[] {5, 6, 8, 9}, f -> f
                .op(NEW, 2, Asm.PAIRS, 3)          // p := new(struct{a, b, c int})
                .map(2)
                .op(LOADI, 3, 5).op(LOADI, 4, 7)
                .op(STORE, 2, 0, 3, 2)             // p.a, p.b = 5, 7
                .op(LOAD, 5, 2, 0, 2)              // slots 5, 6
                .op(LEA, 7, 2, 1)                  // q := &p.b
                .op(LOAD, 8, 7, 0, 1)
                .op(LOAD, 9, 2, 2, 1)));           // p.c is zero
    }

    @Test
    void nilDereferencePanics() {
        for (Consumer<Asm.Fn> bad : List.<Consumer<Asm.Fn>>of(
                f -> f.op(LOADI, 2, 0).line(9).op(LOAD, 3, 2, 1, 1),
                f -> f.op(LOADI, 2, 0).line(9).op(STORE, 2, 0, 3, 1),
                f -> f.op(LOADI, 2, 0).line(9).op(LEA, 3, 2, 4),
                f -> f.op(LOADI, 2, 0).op(LOADI, 3, 0).line(9).op(ARRIDX, 4, 2, 3, 5, 1),
                f -> f.op(LOADI, 2, 0).line(9).op(SLICEPTR, 3, 2, 4, -1, -1, -1, 1))) {
            Runs.Outcome o = runMain(8, bad);
            assertEquals("panic: runtime error: invalid memory address or nil pointer dereference", panicOf(o));
            assertEquals("panic: runtime error: invalid memory address or nil pointer dereference\n"
                    + "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n\n"
                    + "goroutine 1 [running]:\nmain.main()\n\tprog.go:9\n", o.err());
        }
    }

    @Test
    void wildPointerIsAFatalFault() {
        Runs.Outcome o = runMain(8, f -> f.op(LOADK, 2, f.k(0x7000_0000_0000L)).op(LOAD, 3, 2, 0, 1));
        assertEquals("unexpected fault address 0x700000000000", panicOf(o));
        assertTrue(o.err().startsWith("unexpected fault address 0x700000000000\nfatal error: fault\n"), o.err());
        assertEquals(GuestError.Kind.FATAL, o.result().error().orElseThrow().kind());
        // small non-nil address in the nil page: Go's nil dereference
        Runs.Outcome nilPage = runMain(8, f -> f.op(LOADI, 2, 8).op(LOAD, 3, 2, 0, 1));
        assertEquals("panic: runtime error: invalid memory address or nil pointer dereference", panicOf(nilPage));
    }

    @Test
    void frameArraysAndPointersToArrays() {
        // var a [3]int in slots 2..4; a[i] = 40 + i; then read a[2]; then &a indexed
        assertEquals("42 41 2", printedRow(14, new int[] {7, 10, 12}, f -> {
            for (int i = 0; i < 3; i++) {
                f.op(LOADI, 5, i).op(LOADI, 6, 40 + i).op(FSTOREIDX, 2, 5, 3, 6, 1);
            }
            f.op(LOADI, 5, 2).op(FLOADIDX, 7, 2, 5, 3, 1)
                    .op(ADDR, 8, 2).op(LOADI, 5, 1).op(ARRIDX, 9, 8, 5, 3, 1).op(LOAD, 10, 9, 0, 1)
                    .op(LOADI, 11, 0).op(SLICEPTR, 11, 8, 3, -1, -1, -1, 1).op(LOADI, 12, 0).op(ADDI, 12, 12, 2);
        }));
        Runs.Outcome o = runMain(10, f -> f.op(LOADI, 5, 3).line(4).op(FLOADIDX, 6, 2, 5, 3, 1));
        assertEquals("panic: runtime error: index out of range [3] with length 3", panicOf(o));
        o = runMain(10, f -> f.op(LOADI, 5, -1).op(LOADI, 6, 0).op(FSTOREIDX, 2, 5, 3, 6, 1));
        assertEquals("panic: runtime error: index out of range [-1]", panicOf(o));
        o = runMain(10, f -> f.op(ADDR, 8, 2).op(LOADI, 5, 5).op(ARRIDX, 9, 8, 5, 3, 1));
        assertEquals("panic: runtime error: index out of range [5] with length 3", panicOf(o));
    }

    /** Builds a slice of n ints 0..n-1 in slots 2..4 with make and stores; returns nothing. */
    static void makeInts(Asm.Fn f, int len, int cap) {
        f.op(LOADI, 10, len).op(LOADI, 11, cap).op(MAKESLICE, 2, Asm.INTS, 10, 11, 1).map(2);
        for (int i = 0; i < len; i++) {
            f.op(LOADI, 10, i).op(SLICEIDX, 12, 2, 10, 1).op(STORE, 12, 0, 10, 1);
        }
    }

    @Test
    void slicesIndexAndSlice() {
        // s := make([]int, 3, 5) = [0 1 2]; t := s[1:3]; u := s[1:5] reaches past len into cap
        assertEquals("2 4 1 2 4 0", printedRow(24, new int[] {14, 15, 17, 18, 19, 20}, f -> {
            makeInts(f, 3, 5);
            f.op(LOADI, 10, 1).op(LOADI, 11, 3).op(SLICE, 13, 2, 10, 11, -1, 1)
                    .op(LOADI, 10, 0).op(SLICEIDX, 12, 13, 10, 1).op(LOAD, 17, 12, 0, 1)
                    .op(LOADI, 10, 1).op(SLICEIDX, 12, 13, 10, 1).op(LOAD, 18, 12, 0, 1)
                    .op(LOADI, 10, 1).op(LOADI, 11, 5).op(SLICE, 21, 2, 10, 11, -1, 1)
                    .op(MOV, 19, 22)
                    .op(LOADI, 10, 3).op(SLICEIDX, 12, 21, 10, 1).op(LOAD, 20, 12, 0, 1);
        }));
    }

    static String sliceError(long len, long cap, long lo, long hi, long max) {
        Runs.Outcome o = runMain(24, f -> {
            makeInts(f, (int) len, (int) cap);
            f.op(LOADK, 20, f.k(lo)).op(LOADK, 21, f.k(hi)).op(LOADK, 22, f.k(max));
            f.op(SLICE, 13, 2, lo == Long.MIN_VALUE ? -1 : 20, hi == Long.MIN_VALUE ? -1 : 21,
                    max == Long.MIN_VALUE ? -1 : 22, 1);
        });
        if (o.status() == 0) {
            return "ok";
        }
        return panicOf(o).replace("panic: runtime error: ", "");
    }

    @Test
    void sliceBoundsMessagesAreGos() {
        long none = Long.MIN_VALUE;
        assertEquals("slice bounds out of range [:5] with capacity 3", sliceError(3, 3, none, 5, none));
        assertEquals("slice bounds out of range [2:1]", sliceError(3, 3, 2, 1, none));
        assertEquals("slice bounds out of range [-1:]", sliceError(3, 3, -1, none, none));
        assertEquals("slice bounds out of range [::7] with capacity 5", sliceError(3, 5, 0, 2, 7));
        assertEquals("slice bounds out of range [:4:3]", sliceError(3, 5, 0, 4, 3));
        assertEquals("slice bounds out of range [3:2:]", sliceError(3, 5, 3, 2, 4));
        assertEquals("slice bounds out of range [:-2]", sliceError(3, 5, 0, -2, none));
        assertEquals("ok", sliceError(3, 5, 1, 5, none));
        assertEquals("ok", sliceError(3, 5, 5, 5, 5));
    }

    @Test
    void sliceOfPointerToArrayUsesLengthWording() {
        Runs.Outcome o = runMain(12, f -> f.op(ADDR, 5, 2).op(LOADI, 6, 4)
                .op(SLICEPTR, 7, 5, 3, -1, 6, -1, 1));
        assertEquals("panic: runtime error: slice bounds out of range [:4] with length 3", panicOf(o));
        o = runMain(12, f -> f.op(ADDR, 5, 2).op(LOADI, 6, 4).op(LOADI, 10, 1)
                .op(SLICEPTR, 7, 5, 3, -1, 10, 6, 1));
        assertEquals("panic: runtime error: slice bounds out of range [::4] with length 3", panicOf(o));
    }

    @Test
    void indexOutOfRange() {
        Runs.Outcome o = runMain(20, f -> {
            makeInts(f, 3, 3);
            f.op(LOADI, 10, 5).line(12).op(SLICEIDX, 12, 2, 10, 1);
        });
        assertEquals("panic: runtime error: index out of range [5] with length 3", panicOf(o));
        assertTrue(o.err().endsWith("main.main()\n\tprog.go:12\n"), o.err());
        o = runMain(20, f -> f.op(LOADI, 10, 0).op(SLICEIDX, 12, 2, 10, 1)); // nil slice
        assertEquals("panic: runtime error: index out of range [0] with length 0", panicOf(o));
    }

    @Test
    void makesliceErrors() {
        Runs.Outcome o = runMain(20, f -> f.op(LOADI, 10, -1).op(LOADI, 11, 3).op(MAKESLICE, 2, 1, 10, 11, 1));
        assertEquals("panic: runtime error: makeslice: len out of range", panicOf(o));
        o = runMain(20, f -> f.op(LOADI, 10, 4).op(LOADI, 11, 3).op(MAKESLICE, 2, 1, 10, 11, 1));
        assertEquals("panic: runtime error: makeslice: cap out of range", panicOf(o));
        o = runMain(20, f -> f.op(LOADK, 10, f.k(1L << 50)).op(MAKESLICE, 2, 1, 10, 10, 1));
        assertEquals("panic: runtime error: makeslice: len out of range", panicOf(o));
        o = runMain(20, f -> f.op(LOADI, 10, 1).op(LOADK, 11, f.k(1L << 50)).op(MAKESLICE, 2, 1, 10, 11, 1));
        assertEquals("panic: runtime error: makeslice: cap out of range", panicOf(o));
        // make([]int, 0) is not nil: Go's zerobase
        assertEquals("1", printed(20, 12, f -> f.op(LOADI, 10, 0).op(MAKESLICE, 2, 1, 10, 10, 1)
                .op(LOADI, 11, 0).op(NE, 12, 2, 11)));
    }

    /** Appends 0..n-1 one at a time and prints every new capacity, as the Go program in GrowSliceTest. */
    @Test
    void appendGrowsLikeGo() {
        Asm asm = new Asm();
        Asm.Fn f = asm.fn("main.main", 0, 0, 16);
        f.op(ZERO, 2, 3).op(LOADI, 5, 0);                 // s = nil; i = 0
        int body = f.pc();
        f.op(MOV, 6, 4)                                   // old cap
                .op(APPEND, 2, 2, 5, 1, 1, Asm.INTS).map(2)
                .line(2);
        int same = f.jump(JEQ, 4, 6);
        f.op(PRINTI, 4, 1).op(PRINTC, ' ', 1);
        f.land(same).op(ADDI, 5, 5, 1);
        int done = f.jump(JGEI, 5, 2000);
        f.op(LOOP, body).map(2);
        f.land(done)
                // check contents: s[1999] == 1999 and s[0] == 0, len 2000
                .op(LOADI, 7, 1999).op(SLICEIDX, 8, 2, 7, 1).op(LOAD, 9, 8, 0, 1).op(PRINTI, 9, 1)
                .op(PRINTC, ' ', 1).op(PRINTI, 3, 1).op(RET, 0, 0);
        Runs.Outcome o = Runs.run(asm.image());
        assertEquals("1 2 4 8 16 32 64 128 256 512 848 1280 1792 2560 1999 2000", o.out());
    }

    @Test
    void appendOfSeveralAndOfSlices() {
        // u := append([]int{1,2,3}, 4..10): cap 10, as Go; then append(u[:2], u[5:]...) in place
        Runs.Outcome o = runMain(40, f -> {
            makeInts(f, 3, 3); // 0 1 2
            for (int i = 0; i < 7; i++) {
                f.op(LOADI, 20 + i, 3 + i);
            }
            f.op(APPEND, 2, 2, 20, 7, 1, Asm.INTS).map(2)
                    .op(PRINTI, 4, 1).op(PRINTC, ' ', 1)
                    .op(LOADI, 10, 2).op(SLICE, 13, 2, -1, 10, -1, 1)
                    .op(LOADI, 10, 5).op(SLICE, 16, 2, 10, -1, -1, 1)
                    .op(APPENDS, 13, 13, 16, 1, Asm.INTS).map(2, 13)
                    .op(PRINTI, 14, 1).op(PRINTC, ' ', 1).op(PRINTI, 15, 1).op(PRINTC, ':', 1);
            for (int i = 0; i < 7; i++) {
                f.op(LOADI, 10, i).op(SLICEIDX, 12, 2, 10, 1).op(LOAD, 11, 12, 0, 1).op(PRINTI, 11, 1)
                        .op(PRINTC, ' ', 1);
            }
            // appending an empty slice to nil stays nil
            f.op(ZERO, 30, 6).op(APPENDS, 30, 30, 33, 1, Asm.INTS).op(PRINTI, 30, 1);
        });
        assertEquals(0, o.status(), o.err());
        assertEquals("10 7 10:0 1 5 6 7 8 9 0", o.out());
    }

    @Test
    void multiWordArgumentsAndResults() {
        // func swap3(a, b, c int) (3 words) returns (c, b, a) as one 3-word struct
        Asm asm = new Asm();
        Asm.Fn main = asm.fn("main.main", 0, 0, 12);
        Asm.Fn swap = asm.fn("main.swap3", 3, 3, 8);
        swap.op(MOV, 5, 4).op(MOV, 6, 3).op(MOV, 7, 2).op(RET, 5, 3);
        main.op(LOADI, 2, 1).op(LOADI, 3, 2).op(LOADI, 4, 3).op(CALL, swap.index, 2, 6)
                .op(PRINTI, 6, 1).op(PRINTI, 7, 1).op(PRINTI, 8, 1).op(RET, 0, 0);
        Runs.Outcome o = Runs.run(asm.image());
        assertEquals("321", o.out());
        assertEquals(1, o.result().metrics().get("vm.calls"));
    }

    /** The interpreter fuses ADDI+CALL and ADD+RET; a jump landing on the second of a pair still runs it alone. */
    @Test
    void fusedPairsKeepTheirMeaning() {
        Asm asm = new Asm();
        Asm.Fn main = asm.fn("main.main", 0, 0, 8);
        Asm.Fn inc = asm.fn("main.inc", 1, 1, 4);
        inc.op(ADDI, 3, 2, 1).op(RET, 3, 1);
        Asm.Fn sum = asm.fn("main.sum", 2, 1, 6);
        int skipAdd = sum.jump(JEQI, 2, 0);
        sum.op(ADD, 4, 2, 3);
        sum.land(skipAdd).op(RET, 4, 1);                     // with a=0 the jump lands on the RET
        main.op(LOADI, 2, 10).op(LOADI, 3, 0);
        int skipAddi = main.jump(JEQI, 3, 0);                  // jumps straight onto the CALL
        main.op(ADDI, 2, 2, 100);
        main.land(skipAddi).op(CALL, inc.index, 2, 4)          // inc(10) = 11, not inc(110)
                .op(ADDI, 2, 2, 5).op(CALL, inc.index, 2, 5)  // fused: inc(15) = 16
                .op(LOADI, 2, 3).op(LOADI, 3, 4).op(CALL, sum.index, 2, 6)   // 3 + 4
                .op(LOADI, 2, 0).op(LOADI, 3, 0).op(CALL, sum.index, 2, 7)   // the jump lands on the RET
                .op(PRINTI, 4, 1).op(PRINTC, ' ', 1).op(PRINTI, 5, 1).op(PRINTC, ' ', 1)
                .op(PRINTI, 6, 1).op(RET, 0, 0);
        Runs.Outcome o = Runs.run(asm.image());
        assertEquals(0, o.status(), o.err());
        assertEquals("11 16 7", o.out());
        // a fused pair still counts as two instructions: 2 + 1 + ... counted by hand
        long expected = 2 + 1 + 1 + 2 /* inc */ + 2 + 2 /* inc */ + 3 + 3 /* sum: JEQI ADD RET */
                + 3 + 2 /* sum: JEQI RET */ + 5 + 1;
        assertEquals(expected, o.result().metrics().get("vm.instructions"));
    }

    /**
     * A compare-and-branch directly followed by RET is fused into a conditional return: both
     * outcomes, register and immediate forms, a jump landing on the RET alone, and the count
     * (a return taken through the pair is two instructions).
     */
    @Test
    void fusedConditionalReturnsKeepTheirMeaning() {
        Asm asm = new Asm();
        Asm.Fn main = asm.fn("main.main", 0, 0, 10);
        // func fib(n int) int { if n < 2 { return n }; return fib(n-1) + fib(n-2) }
        Asm.Fn fib = asm.fn("main.fib", 1, 1, 7);
        int big = fib.jump(JGEI, 2, 2);
        fib.op(RET, 2, 1);
        fib.land(big).op(ADDI, 5, 2, -1).op(CALL, fib.index, 5, 4)
                .op(ADDI, 6, 2, -2).op(CALL, fib.index, 6, 5)
                .op(ADD, 3, 4, 5).op(RET, 3, 1);
        // func minOr7(a, b int) int { if a >= b { return 7 } else { return a } }, with the jump
        // over the first RET and a second jump landing on it
        Asm.Fn pick = asm.fn("main.pick", 2, 1, 5);
        pick.op(LOADI, 4, 7);
        int small = pick.jump(JLT, 2, 3);
        pick.op(RET, 4, 1);
        pick.land(small).op(MOV, 4, 2);
        int again = pick.jump(JEQI, 4, 4);   // a == 4 jumps back onto the RET of the pair
        pick.op(RET, 4, 1);
        pick.land(again).op(LOADI, 4, 9).op(JMP, 7);   // onto the first pair's RET, at pc 7: returns 9
        main.op(LOADI, 2, 10).op(CALL, fib.index, 2, 3)
                .op(LOADI, 4, 1).op(LOADI, 5, 2).op(CALL, pick.index, 4, 6)
                .op(LOADI, 4, 3).op(LOADI, 5, 2).op(CALL, pick.index, 4, 7)
                .op(LOADI, 4, 4).op(LOADI, 5, 5).op(CALL, pick.index, 4, 8)
                .op(PRINTI, 3, 1).op(PRINTC, ' ', 1).op(PRINTI, 6, 1).op(PRINTC, ' ', 1)
                .op(PRINTI, 7, 1).op(PRINTC, ' ', 1).op(PRINTI, 8, 1).op(RET, 0, 0);
        Runs.Outcome o = Runs.run(asm.image());
        assertEquals(0, o.status(), o.err());
        assertEquals("55 1 7 9", o.out());
        // fib(10): 177 calls, 89 leaves (JGEI RET) and 88 inner ones (JGEI ADDI CALL ADDI CALL ADD RET)
        long fibCount = 89 * 2 + 88 * 7;
        long pickCount = 5 /* a=1: LOADI JLT MOV JEQI RET */ + 3 /* a=3: LOADI JLT RET */
                + 7 /* a=4: LOADI JLT MOV JEQI LOADI JMP RET */;
        long mainCount = 2 + 3 + 3 + 3 + 8;
        assertEquals(fibCount + pickCount + mainCount, o.result().metrics().get("vm.instructions"));
        assertEquals(177 + 3, o.result().metrics().get("vm.calls"));
    }

    @Test
    void hostFunctions() {
        Asm asm = new Asm();
        int add = asm.host("hostAdd", 2, 1);
        Asm.Fn main = asm.fn("main.main", 0, 0, 8);
        main.op(LOADI, 2, 40).op(LOADI, 3, 2).op(CALLHOST, add, 2, 2, 4).op(PRINTI, 4, 1).op(RET, 0, 0);
        Runs.Outcome o = Runs.run(asm.image(), Map.of("hostAdd", args -> args[0] + args[1]), new AtomicBoolean());
        assertEquals("42", o.out());
        Runs.Outcome missing = Runs.run(asm.image());
        assertEquals(1, missing.status());
        assertEquals("prog.go:3:6: missing function body", missing.firstLine());
        assertEquals(GuestError.Kind.COMPILE, missing.result().error().orElseThrow().kind());
    }

    @Test
    void panicsWithStringsAndInts() {
        Asm asm = new Asm();
        long boom = asm.string("boom");
        Asm.Fn main = asm.fn("main.main", 0, 0, 4);
        main.op(LOADK, 2, main.k(boom)).op(PANIC, 2, 0);
        Runs.Outcome o = Runs.run(asm.image());
        assertEquals("panic: boom", o.firstLine());
        assertEquals(GuestError.Kind.PANIC, o.result().error().orElseThrow().kind());
        Runs.Outcome i = runMain(4, f -> f.op(LOADI, 2, 42).op(PANIC, 2, 1));
        assertEquals("panic: 42", panicOf(i));
        Runs.Outcome e = runMain(4, f -> f.op(LOADI, 2, 0).op(PANIC, 2, 0));
        assertEquals("panic: ", panicOf(e));
    }

    @Test
    void printsBoolsIntsAndStreams() {
        Runs.Outcome o = runMain(5, f -> f.op(LOADI, 2, 1).op(PRINTB, 2, 1).op(LOADI, 2, 0).op(PRINTB, 2, 2)
                .op(LOADK, 3, f.k(Long.MIN_VALUE)).op(PRINTI, 3, 1).op(PRINTC, 0x4e16, 1).op(NUMGOROUTINE, 4)
                .op(PRINTI, 4, 2).op(GC));
        assertEquals("true-9223372036854775808世", o.out());
        assertEquals("false1", o.err());
    }

    @Test
    void aMillionLinesPrintQuickly() {
        Asm asm = new Asm();
        long line = asm.string("line ");
        Asm.Fn f = asm.fn("main.main", 0, 0, 6);
        f.op(LOADI, 2, 0).op(LOADK, 3, f.k(line));
        int body = f.pc();
        f.op(PRINTS, 3, 1).op(PRINTI, 2, 1).op(PRINTC, NL, 1).op(ADDI, 2, 2, 1);
        int done = f.jump(JGEI, 2, 1_000_000);
        f.op(LOOP, body).land(done).op(RET, 0, 0);
        long t0 = System.nanoTime();
        Runs.Outcome o = Runs.run(asm.image());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(0, o.status());
        assertTrue(o.out().endsWith("line 999999\n"));
        assertEquals(1_000_000, o.out().lines().count());
        assertTrue(ms < 5000, "took " + ms + " ms");
    }
}
