package org.cairnvm.core.walk;

import org.cairnvm.core.code.FunctionCode;
import org.cairnvm.core.code.Image;
import org.cairnvm.core.code.StackMap;
import org.cairnvm.spi.AddressSpace;
import org.cairnvm.spi.Frame;
import org.cairnvm.spi.FrameVisitor;
import org.cairnvm.spi.FrameWalker;
import org.cairnvm.spi.GuestStack;
import org.cairnvm.spi.Region;

/**
 * Walks a goroutine's frames, innermost first, by following the frame-pointer chain through guest
 * memory (see {@code org.cairnvm.core.code} for the frame layout). The top frame comes from the
 * {@link GuestStack} (the interpreter saves it before every slow path); every other frame's
 * function and resume pc come from the return-address word of the frame below it. The walk ends
 * after the entry frame, whose return-address word is 0.
 *
 * <p>Memory is read through {@link AddressSpace#load}, so a chain that crosses from one stack
 * segment into another is followed like any other. A chain that is not well formed (a function
 * index out of range, a caller below its callee in the same region) is a VM bug and ends the walk
 * with an {@link IllegalStateException} instead of looping.
 *
 * <p>A frame's pointer slots are its stack map at its resume pc; a frame stopped at a pc that is
 * not a safepoint (a panicking top frame) reports none. The slot arrays are the stack maps'
 * own and must not be modified.
 */
public final class Walker implements FrameWalker {
    private final Image image;
    private final AddressSpace memory;
    private final String file;

    public Walker(Image image, AddressSpace memory) {
        this.image = image;
        this.memory = memory;
        this.file = image.source().name();
    }

    @Override
    public void walk(GuestStack stack, FrameVisitor visitor) {
        long fp = stack.fp;
        int function = stack.function;
        int pc = stack.pc;
        int functions = image.functions().size();
        while (fp != 0) {
            if (function < 0 || function >= functions) {
                throw corrupt(stack, fp, "function index " + function);
            }
            FunctionCode code = image.function(function);
            int[] slots = code.stackMap().at(pc);
            Frame frame = new View(fp, function, code.name(), pc, code.lineBefore(pc), file, code.frameWords(),
                    slots == null ? StackMap.NONE : slots);
            if (!visitor.visit(frame)) {
                return;
            }
            long callerFp = memory.load(fp);
            long ret = memory.load(fp + 8);
            if (ret == 0) {
                return; // the entry frame
            }
            if (callerFp == 0) {
                throw corrupt(stack, fp, "no caller frame pointer but a return word 0x" + Long.toHexString(ret));
            }
            if (callerFp <= fp) {
                // Only a segment boundary may put a caller below its callee.
                Region region = memory.find(fp);
                if (region != null && region.contains(callerFp)) {
                    throw corrupt(stack, fp, "caller frame 0x" + Long.toHexString(callerFp) + " below its callee");
                }
            }
            function = (int) (ret >>> 32);
            pc = (int) ret;
            fp = callerFp;
        }
    }

    private static IllegalStateException corrupt(GuestStack stack, long fp, String what) {
        return new IllegalStateException("corrupt frame chain of goroutine " + stack.goroutineId() + " at 0x"
                + Long.toHexString(fp) + ": " + what);
    }

    /** One frame as the walker reports it. */
    private record View(long fp, int functionIndex, String functionName, int pc, int line, String file, int frameWords,
                        int[] pointerSlots) implements Frame {
        @Override
        public String toString() {
            return functionName + " fp=0x" + Long.toHexString(fp) + " pc=" + pc + " line=" + line;
        }
    }
}
