package org.cairnvm.core.walk;

import static org.cairnvm.core.walk.HandStacks.CALL_RESUME_PC;
import static org.cairnvm.core.walk.HandStacks.LINE_BASE;
import static org.cairnvm.core.walk.HandStacks.NOT_A_SAFEPOINT;
import static org.cairnvm.core.walk.HandStacks.function;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.cairnvm.core.code.Image;
import org.cairnvm.core.memory.GuestMemory;
import org.cairnvm.core.memory.MemoryFault;
import org.cairnvm.spi.Frame;
import org.cairnvm.spi.GuestStack;
import org.cairnvm.spi.Region;
import org.cairnvm.spi.RegionKind;
import org.cairnvm.spi.StackSegment;
import org.junit.jupiter.api.Test;

class WalkerTest {
    private final Image image = HandStacks.image(List.of(
            function(0, "main.main", 6, 3),
            function(1, "main.f", 5, 2, 4),
            function(2, "main.(*Tree).Check", 4)));
    private final GuestMemory memory = new GuestMemory();
    private final Walker walker = new Walker(image, memory);

    /** Writes a frame header at {@code fp}: caller's fp and the return word naming the caller's function. */
    private void frame(long fp, long callerFp, int callerFunction) {
        memory.store(fp, callerFp);
        memory.store(fp + 8, callerFp == 0 ? 0 : ((long) callerFunction << 32) | CALL_RESUME_PC);
    }

    private List<Frame> walk(GuestStack stack) {
        List<Frame> frames = new ArrayList<>();
        walker.walk(stack, frames::add);
        return frames;
    }

    @Test
    void walksFromTheTopFrameToTheEntryFrame() {
        StackSegment seg = new StackSegment(memory.reserve(2048, RegionKind.STACK, "g1"), 0);
        long main = seg.top() - 8 * 6;
        long f = main - 8 * 5;
        long check = f - 8 * 4;
        frame(main, 0, 0);
        frame(f, main, 0);
        frame(check, f, 1);
        GuestStack stack = new GuestStack(1, seg);
        stack.fp = check;
        stack.function = 2;
        stack.pc = CALL_RESUME_PC;

        List<Frame> frames = walk(stack);
        assertEquals(List.of("main.(*Tree).Check", "main.f", "main.main"), frames.stream().map(Frame::functionName).toList());
        assertEquals(List.of(check, f, main), frames.stream().map(Frame::fp).toList());
        assertEquals(List.of(2, 1, 0), frames.stream().map(Frame::functionIndex).toList());
        assertEquals(List.of(4, 5, 6), frames.stream().map(Frame::frameWords).toList());
        Frame fFrame = frames.get(1);
        assertEquals(CALL_RESUME_PC, fFrame.pc());
        assertEquals(LINE_BASE + CALL_RESUME_PC - 1, fFrame.line(), "the line of the call, just before the resume pc");
        assertArrayEquals(new int[] {2, 4}, fFrame.pointerSlots());
        assertArrayEquals(new int[] {3}, frames.get(2).pointerSlots());
        assertArrayEquals(new int[0], frames.get(0).pointerSlots());
    }

    @Test
    void aTopFrameStoppedOutsideASafepointHasNoPointerSlots() {
        StackSegment seg = new StackSegment(memory.reserve(2048, RegionKind.STACK, "g1"), 0);
        long main = seg.top() - 8 * 6;
        frame(main, 0, 0);
        GuestStack stack = new GuestStack(1, seg);
        stack.fp = main;
        stack.function = 0;
        stack.pc = NOT_A_SAFEPOINT;
        Frame top = walk(stack).getFirst();
        assertArrayEquals(new int[0], top.pointerSlots());
        assertEquals(NOT_A_SAFEPOINT - 1, top.line());
    }

    @Test
    void anEmptyStackHasNoFrames() {
        GuestStack stack = new GuestStack(1, new StackSegment(memory.reserve(2048, RegionKind.STACK, "g1"), 0));
        assertEquals(List.of(), walk(stack));
    }

    @Test
    void followsTheChainAcrossSegmentsInEitherDirection() {
        Region high = memory.reserve(2048, RegionKind.STACK, "old segment");
        Region low = memory.reserve(2048, RegionKind.STACK, "new segment");
        long main = high.base() + 2048 - 8 * 6;
        long f = low.base() + 2048 - 8 * 5; // a new segment above the old one in memory
        long check = high.base() + 8; // and back: the segment order in memory does not matter
        frame(main, 0, 0);
        frame(f, main, 0);
        frame(check, f, 1);
        GuestStack stack = new GuestStack(1, new StackSegment(high, 0));
        stack.fp = check;
        stack.function = 2;
        stack.pc = CALL_RESUME_PC;
        assertEquals(List.of(check, f, main), walk(stack).stream().map(Frame::fp).toList());
    }

    @Test
    void theVisitorCanStopTheWalk() {
        StackSegment seg = new StackSegment(memory.reserve(2048, RegionKind.STACK, "g1"), 0);
        long main = seg.top() - 8 * 6;
        long f = main - 8 * 5;
        frame(main, 0, 0);
        frame(f, main, 0);
        GuestStack stack = new GuestStack(1, seg);
        stack.fp = f;
        stack.function = 1;
        stack.pc = CALL_RESUME_PC;
        List<Frame> seen = new ArrayList<>();
        walker.walk(stack, fr -> seen.add(fr) && false);
        assertEquals(1, seen.size());
    }

    @Test
    void aBrokenChainIsReportedNotFollowedForever() {
        StackSegment seg = new StackSegment(memory.reserve(2048, RegionKind.STACK, "g1"), 0);
        long a = seg.top() - 8 * 6;
        long b = a - 8 * 5;
        frame(a, b, 1); // a's caller is below it: a cycle a -> b -> a
        frame(b, a, 0);
        GuestStack stack = new GuestStack(1, seg);
        stack.fp = b;
        stack.function = 1;
        stack.pc = CALL_RESUME_PC;
        assertThrows(IllegalStateException.class, () -> walk(stack));

        frame(b, a, 7); // no function 7
        assertThrows(IllegalStateException.class, () -> walk(stack));

        stack.fp = seg.base - 64; // an unmapped frame pointer faults
        assertThrows(MemoryFault.class, () -> walk(stack));
    }
}
