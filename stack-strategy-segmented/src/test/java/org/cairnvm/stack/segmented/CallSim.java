package org.cairnvm.stack.segmented;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.cairnvm.spi.GuestStack;
import org.cairnvm.spi.StackSegment;
import org.cairnvm.spi.StackStrategy;

/**
 * The interpreter's side of the calling convention, reduced to what a stack strategy sees: the
 * prologue check against the segment's guard, {@code morestack} when it fails, the frame header
 * written with the caller's frame pointer and return word, and {@code returned} when a caller's
 * frame lies outside the current segment. Each frame carries a canary in slot 2, and a shadow
 * stack on the Java side says what the guest stack must hold, so a strategy that moves, overlaps
 * or frees a live frame is caught.
 */
final class CallSim {
    /** The slot holding each frame's canary: the first after the header. */
    static final int CANARY_SLOT = 2;

    record Shadow(long fp, int function, long canary) {
    }

    final StackStrategy strategy;
    final TestContext ctx;
    final GuestStack stack;
    private final Map<Integer, Integer> frameWords;
    private final Deque<Shadow> shadow = new ArrayDeque<>();
    private long nextCanary = 0x5eed_0000L;
    int slowPaths;

    CallSim(StackStrategy strategy, TestContext ctx, Map<Integer, Integer> frameWords, int goroutineId) {
        this.strategy = strategy;
        this.ctx = ctx;
        this.frameWords = frameWords;
        this.stack = strategy.newStack(ctx, goroutineId);
    }

    int frameWords(int function) {
        return frameWords.get(function);
    }

    int depth() {
        return shadow.size();
    }

    /** Starts the goroutine's entry frame. */
    void enter(int function) {
        if (!shadow.isEmpty()) {
            throw new IllegalStateException("entry frame on a non-empty stack");
        }
        push(function, 0);
    }

    /** The top frame calls {@code function}; {@code resumePc} is the pc after the call in the caller. */
    void call(int function, int resumePc) {
        if (shadow.isEmpty()) {
            throw new IllegalStateException("call on an empty stack");
        }
        push(function, resumePc);
    }

    private void push(int function, int resumePc) {
        int words = frameWords(function);
        StackSegment seg = stack.segment;
        long callerFp = stack.fp;
        long fp = (callerFp == 0 ? seg.top() : callerFp) - 8L * words;
        stack.pc = resumePc;
        if (Math.floorDiv(fp - seg.base, 8) < seg.guard) {
            fp = strategy.morestack(ctx, stack, words);
            slowPaths++;
        }
        seg = stack.segment;
        if (!seg.contains(fp) || fp + 8L * words > seg.top()) {
            throw new AssertionError("frame at 0x" + Long.toHexString(fp) + " outside segment [0x"
                    + Long.toHexString(seg.base) + ", 0x" + Long.toHexString(seg.top()) + ")");
        }
        if (seg.contains(callerFp) && fp + 8L * words > callerFp) {
            throw new AssertionError("frame overlaps its caller");
        }
        long canary = nextCanary++;
        ctx.memory.store(fp, callerFp);
        ctx.memory.store(fp + 8, callerFp == 0 ? 0 : ((long) stack.function << 32) | resumePc);
        ctx.memory.store(fp + 8L * CANARY_SLOT, canary);
        shadow.push(new Shadow(fp, function, canary));
        stack.fp = fp;
        stack.function = function;
        stack.pc = 0;
    }

    /** The top frame returns. */
    void ret() {
        Shadow top = shadow.pop();
        checkCanary(top);
        long callerFp = ctx.memory.load(top.fp());
        long word = ctx.memory.load(top.fp() + 8);
        if (callerFp == 0) {
            stack.fp = 0;
            stack.function = 0;
            stack.pc = 0;
            return;
        }
        if (!stack.segment.contains(callerFp)) {
            strategy.returned(ctx, stack, callerFp);
            slowPaths++;
        }
        stack.fp = callerFp;
        stack.function = (int) (word >>> 32);
        stack.pc = (int) word;
        if (!stack.segment.contains(stack.fp)) {
            throw new AssertionError("current segment does not hold the top frame after a return");
        }
    }

    /** Returns until the stack is empty. */
    void unwind() {
        while (!shadow.isEmpty()) {
            ret();
        }
    }

    /** Every live frame's canary is intact and the walker sees exactly the shadow stack. */
    void check() {
        for (Shadow s : shadow) {
            checkCanary(s);
        }
        List<Integer> walked = walkedFunctions();
        List<Integer> expected = new ArrayList<>();
        for (Shadow s : shadow) {
            expected.add(s.function());
        }
        if (!walked.equals(expected)) {
            throw new AssertionError("walker saw " + walked + ", stack holds " + expected);
        }
    }

    List<Integer> walkedFunctions() {
        List<Integer> walked = new ArrayList<>();
        ctx.walker.walk(stack, f -> walked.add(f.functionIndex()));
        return walked;
    }

    /** The frame pointer of the frame {@code below} frames under the top (0: the top frame). */
    long topFpOf(int below) {
        return shadow.stream().skip(below).findFirst().orElseThrow().fp();
    }

    /** Returns until {@code depth} frames are left. */
    void unwindTo(int depth) {
        while (shadow.size() > depth) {
            ret();
        }
    }

    private void checkCanary(Shadow s) {
        long v = ctx.memory.load(s.fp() + 8L * CANARY_SLOT);
        if (v != s.canary()) {
            throw new AssertionError("frame of main.f" + s.function() + " at 0x" + Long.toHexString(s.fp())
                    + " clobbered");
        }
    }
}
