package org.cairnvm.stack.segmented;

import java.util.function.IntUnaryOperator;
import org.cairnvm.spi.AddressSpace;
import org.cairnvm.spi.Frame;
import org.cairnvm.spi.FrameVisitor;
import org.cairnvm.spi.FrameWalker;
import org.cairnvm.spi.GuestStack;

/**
 * A frame-pointer walk over raw memory, as core's walker does it: the top frame from the stack's
 * saved state, each caller from the header words. Function {@code i} is named {@code main.f<i>};
 * the line of a frame stopped at resume pc {@code p} is {@code LINE_BASE + p}, so tests can tell
 * which call a report names.
 */
final class TestWalker implements FrameWalker {
    /** Added to a resume pc to make its line number. */
    static final int LINE_BASE = 1000;

    private final AddressSpace memory;
    private final IntUnaryOperator frameWords;
    int walks;

    TestWalker(AddressSpace memory, IntUnaryOperator frameWords) {
        this.memory = memory;
        this.frameWords = frameWords;
    }

    record TestFrame(long fp, int functionIndex, String functionName, int pc, int line, int frameWords)
            implements Frame {
        @Override
        public String file() {
            return "prog.go";
        }

        @Override
        public int[] pointerSlots() {
            return new int[0];
        }
    }

    static String name(int function) {
        return "main.f" + function;
    }

    @Override
    public void walk(GuestStack stack, FrameVisitor visitor) {
        walks++;
        long fp = stack.fp;
        int function = stack.function;
        int pc = stack.pc;
        while (fp != 0) {
            if (!visitor.visit(new TestFrame(fp, function, name(function), pc, LINE_BASE + pc,
                    frameWords.applyAsInt(function)))) {
                return;
            }
            long ret = memory.load(fp + 8);
            fp = memory.load(fp);
            function = (int) (ret >>> 32);
            pc = (int) ret;
        }
    }
}
