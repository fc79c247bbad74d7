package org.cairnvm.core.walk;

import static org.cairnvm.core.walk.HandStacks.call;
import static org.cairnvm.core.walk.HandStacks.function;
import static org.cairnvm.core.walk.HandStacks.ret;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cairnvm.core.code.FunctionCode;
import org.cairnvm.core.code.Image;
import org.cairnvm.core.memory.Heap;
import org.cairnvm.spi.Frame;
import org.cairnvm.spi.GuestStack;
import org.cairnvm.spi.OverflowEvent;
import org.cairnvm.spi.StackStrategy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The copying strategy, found as a service and driven over core's address space and walker: a
 * chain of {@code main.main -> main.f -> main.f -> ...} where every {@code f} holds a parameter
 * pointing at its caller's local {@code x} (slot 5) and a pointer to its own {@code x}, main holds
 * {@code &x} and a heap pointer, and each f keeps a dead copy of a stack pointer that its stack
 * map does not list.
 */
class StackRelocationTest {
    private static final int MAIN_WORDS = 8;
    private static final int F_WORDS = 7;
    /** main: slot 3 = &x (slot 6), slot 4 = heap pointer. */
    private static final FunctionCode MAIN = function(0, "main.main", MAIN_WORDS, 3, 4);
    /** f: slot 2 = pointer to the caller's x, slot 3 = &x (slot 5); slot 4 a dead stack pointer, slot 6 a scalar. */
    private static final FunctionCode F = function(1, "main.f", F_WORDS, 2, 3);
    private static final Image IMAGE = HandStacks.image(List.of(MAIN, F));

    private HandStacks.Context ctx;
    private StackStrategy copying;
    private Heap heap;
    private long heapObject;

    @BeforeEach
    void setUp() {
        ctx = new HandStacks.Context(IMAGE, 2048, 1_000_000_000);
        copying = HandStacks.copying();
        heap = new Heap(ctx.memory, 1 << 20);
        heapObject = heap.allocate(1, 2);
        ctx.memory.store(heapObject, 777);
    }

    private static long marker(int depth) {
        return -1000 - depth;
    }

    private GuestStack mainFrame() {
        GuestStack stack = copying.newStack(ctx, 1);
        long fp = call(copying, ctx, stack, MAIN);
        ctx.memory.store(fp + 8 * 6, marker(0));
        ctx.memory.store(fp + 8 * 3, fp + 8 * 6);
        ctx.memory.store(fp + 8 * 4, heapObject);
        return stack;
    }

    private void callF(GuestStack stack, int depth) {
        long fp = call(copying, ctx, stack, F);
        long callerX = ctx.memory.load(fp) + 8 * (depth == 1 ? 6 : 5);
        ctx.memory.store(fp + 8 * 2, callerX);
        ctx.memory.store(fp + 8 * 5, marker(depth));
        ctx.memory.store(fp + 8 * 3, fp + 8 * 5);
        ctx.memory.store(fp + 8 * 4, fp + 8 * 5); // dead: not in the map, so a move leaves it stale
        ctx.memory.store(fp + 8 * 6, 12345);
    }

    private List<Frame> frames(GuestStack stack) {
        List<Frame> frames = new ArrayList<>();
        ctx.walker.walk(stack, frames::add);
        return frames.reversed(); // outermost first: index = depth
    }

    /** Every live pointer still names the same logical word; heap pointers and scalars are untouched. */
    private void checkChain(GuestStack stack, int depth) {
        List<Frame> frames = frames(stack);
        assertEquals(depth + 1, frames.size());
        Frame main = frames.getFirst();
        assertEquals(stack.segment.top() - 8 * MAIN_WORDS, main.fp(), "frames keep their distance from the top");
        assertEquals(main.fp() + 8 * 6, ctx.memory.load(main.fp() + 8 * 3));
        assertEquals(heapObject, ctx.memory.load(main.fp() + 8 * 4));
        assertEquals(777, ctx.memory.load(heapObject));
        for (int d = 1; d <= depth; d++) {
            Frame f = frames.get(d);
            Frame caller = frames.get(d - 1);
            assertEquals(caller.fp(), ctx.memory.load(f.fp()), "saved frame pointer");
            assertEquals(caller.fp() - 8 * F_WORDS, f.fp());
            long p = ctx.memory.load(f.fp() + 8 * 2);
            assertEquals(caller.fp() + 8 * (d == 1 ? 6 : 5), p);
            assertEquals(marker(d - 1), ctx.memory.load(p));
            assertEquals(f.fp() + 8 * 5, ctx.memory.load(f.fp() + 8 * 3));
            assertEquals(12345, ctx.memory.load(f.fp() + 8 * 6));
        }
    }

    @Test
    void growthDoublesAndRelocatesEveryMappedStackPointerOnly() {
        ctx.tracing = true;
        GuestStack stack = mainFrame();
        long firstTop = stack.segment.top();
        long expectedAdjusted = 0;
        long expectedCopied = 0;
        for (int d = 1; d <= 100; d++) {
            long growths = ctx.get("stack.growths");
            long deadBefore = d > 1 ? ctx.memory.load(stack.fp + 8 * 4) : 0;
            int usedBefore = MAIN_WORDS + F_WORDS * (d - 1);
            callF(stack, d);
            if (ctx.get("stack.growths") != growths) {
                expectedAdjusted += 1 + 2L * (d - 1);
                expectedCopied += usedBefore;
                if (d > 1) {
                    long callerFp = ctx.memory.load(stack.fp);
                    assertEquals(deadBefore, ctx.memory.load(callerFp + 8 * 4), "a slot the map does not list is not adjusted");
                    assertNotEquals(callerFp + 8 * 5, deadBefore);
                }
            }
            checkChain(stack, d);
        }
        assertEquals(2, ctx.get("stack.growths"), "2048 -> 4096 -> 8192 bytes");
        assertEquals(8192, stack.segment.bytes());
        assertEquals(8192, ctx.get("stack.peakBytes"));
        assertEquals(expectedAdjusted, ctx.get("stack.pointersAdjusted"));
        assertEquals(expectedCopied, ctx.get("stack.wordsCopied"));
        assertTrue(ctx.get("stack.wordsCopied") <= stack.segment.words.length, "copying by doubling costs under the final size");
        assertNotEquals(firstTop, stack.segment.top());
        assertEquals(2, ctx.memory.regionCount(), "the heap and the current stack: old stacks were released");
        assertEquals("stack: goroutine 1 grew 2048 -> 4096 bytes: copied 253 words, adjusted 71 pointers (main.f at prog.go:104)",
                ctx.lines.getFirst());
        assertEquals(2, ctx.lines.size());
    }

    @Test
    void aFrameLargerThanTheDoubledStackGrowsItFurther() {
        GuestStack stack = mainFrame();
        FunctionCode big = function(1, "main.f", 1000, 2);
        long fp = call(copying, ctx, stack, big);
        assertEquals(8192, stack.segment.bytes(), "256 words doubled twice, until 8 + 1000 words fit");
        assertEquals(stack.segment.top() - 8 * (MAIN_WORDS + 1000), fp);
        assertEquals(1, ctx.get("stack.growths"));
    }

    @Test
    void growingPastTheMaximumIsAnOverflowAndLeavesTheStackIntact() {
        ctx = new HandStacks.Context(IMAGE, 2048, 8192);
        setUpHeapAgain();
        GuestStack stack = mainFrame();
        int d = 0;
        HandStacks.Overflow overflow = null;
        while (overflow == null) {
            try {
                callF(stack, ++d);
            } catch (HandStacks.Overflow o) {
                overflow = o;
            }
        }
        OverflowEvent e = overflow.event;
        assertEquals(OverflowEvent.Limit.MAX_STACK, e.limit());
        assertEquals(8192, e.stackBytes(), "the doubled 16 KiB would pass the 8 KiB maximum; 8 KiB itself was allowed");
        assertEquals(8 * F_WORDS, e.frameBytes());
        assertEquals(1, e.goroutineId());
        assertSame(stack, e.stack());
        checkChain(stack, d - 1);
    }

    private void setUpHeapAgain() {
        heap = new Heap(ctx.memory, 1 << 20);
        heapObject = heap.allocate(1, 2);
        ctx.memory.store(heapObject, 777);
    }

    @Test
    void shrinkHalvesWhileUnderAQuarterIsUsedButNotBelowTheInitialSize() {
        GuestStack stack = mainFrame();
        for (int d = 1; d <= 100; d++) {
            callF(stack, d);
        }
        for (int d = 100; d > 10; d--) {
            ret(stack, ctx.memory);
        }
        copying.shrink(ctx, stack); // 71 words of 1024 used
        assertEquals(4096, stack.segment.bytes());
        checkChain(stack, 10);
        copying.shrink(ctx, stack); // 71 of 512
        assertEquals(2048, stack.segment.bytes());
        copying.shrink(ctx, stack); // 71 of 256 is over a quarter; and 2 KiB is the initial size
        assertEquals(2048, stack.segment.bytes());
        assertEquals(2, ctx.get("stack.shrinks"));
        checkChain(stack, 10);
        for (int d = 11; d <= 60; d++) {
            callF(stack, d);
        }
        checkChain(stack, 60);
    }

    @Test
    void stackMoveStressMovesAtEveryCallAndKeepsEveryPointer() {
        ctx.stackMove = true;
        GuestStack stack = mainFrame();
        assertEquals(stack.segment.words.length, stack.segment.guard, "every prologue check fails");
        for (int d = 1; d <= 80; d++) {
            long before = stack.segment.base;
            callF(stack, d);
            assertNotEquals(before, stack.segment.base);
            assertEquals(stack.segment.words.length, stack.segment.guard);
            checkChain(stack, d);
        }
        assertEquals(2, ctx.get("stack.growths"));
        assertEquals(81 - 2, ctx.get("stack.moves"), "main's frame and every f's moved the stack");
        assertEquals(2, ctx.memory.regionCount());
    }

    @Test
    void releaseGivesTheRegionBackOnceAndAccountsItsPages() {
        GuestStack stack = mainFrame();
        for (int d = 1; d <= 100; d++) {
            callF(stack, d);
        }
        long reserved = copying.reservedBytes(stack);
        assertEquals(8192, reserved);
        copying.release(ctx, stack);
        copying.release(ctx, stack);
        assertEquals(1, ctx.memory.regionCount());
        assertEquals(heap.region().size(), ctx.memory.reservedBytes());
        assertTrue(ctx.memory.committedPeakBytes() >= 8 * (MAIN_WORDS + 100 * F_WORDS));
    }
}
