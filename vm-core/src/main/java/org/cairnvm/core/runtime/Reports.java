package org.cairnvm.core.runtime;

import java.util.Collection;
import java.util.List;
import java.util.function.IntToLongFunction;
import org.cairnvm.core.code.FunctionCode;
import org.cairnvm.api.GuestError;
import org.cairnvm.core.code.Image;
import org.cairnvm.core.interp.Output;
import org.cairnvm.spi.FrameVisitor;
import org.cairnvm.spi.FrameWalker;
import org.cairnvm.spi.Goroutine;
import org.cairnvm.spi.GuestStack;

/**
 * The one error-report printer: the lines Go prints for a panic or a fatal error, a blank line,
 * then the goroutine's trace as Go prints it ({@code goroutine 1 [running]:}, then per frame,
 * innermost first, {@code main.f(...)} or {@code main.main()} and a tab with
 * {@code prog.go:LINE}). Frames are named by the frame walker, never by the interpreter.
 */
final class Reports {
    /** Frames printed from each end of a trace deeper than twice this; the middle is elided. */
    static final int TRACE_END_FRAMES = 50;
    /** Go's line in place of the frames it leaves out. */
    static final String ELIDED = "...additional frames elided...";

    private final Image image;
    private final FrameWalker walker;
    private final Output output;
    /** The {@code go} statement that created a goroutine, by id: {@link Goroutine#createdBy()}. */
    private final IntToLongFunction createdBy;

    Reports(Image image, FrameWalker walker, Output output, IntToLongFunction createdBy) {
        this.image = image;
        this.walker = walker;
        this.output = output;
        this.createdBy = createdBy;
    }

    /** Writes the report to the guest's standard error and returns it as an error value. */
    GuestError report(GuestError.Kind kind, List<String> head, GuestStack stack) {
        return report(kind, head, stack, -1);
    }

    /**
     * The same, with {@code callee} (when not -1) shown as the top frame at its {@code func}
     * line: the function whose frame did not fit, which Go's trace shows stopped in its prologue.
     */
    GuestError report(GuestError.Kind kind, List<String> head, GuestStack stack, int callee) {
        StringBuilder sb = new StringBuilder();
        for (String line : head) {
            sb.append(line).append('\n');
        }
        sb.append('\n');
        appendTrace(sb, stack, "running", callee);
        String text = sb.toString();
        output.printText(Output.STDERR, text);
        return new GuestError(kind, head.getFirst(), text);
    }

    /**
     * A report naming every goroutine given, each with its trace and its state ({@code goroutine 1
     * [chan receive]:}), separated by blank lines, as Go's deadlock report does.
     */
    GuestError reportAll(GuestError.Kind kind, List<String> head, Collection<Goroutine> goroutines) {
        StringBuilder sb = new StringBuilder();
        for (String line : head) {
            sb.append(line).append('\n');
        }
        for (Goroutine g : goroutines) {
            sb.append('\n');
            appendTrace(sb, g.stack(), g.waitReason().isEmpty() ? "runnable" : g.waitReason(), -1);
        }
        String text = sb.toString();
        output.printText(Output.STDERR, text);
        return new GuestError(kind, head.getFirst(), text);
    }

    /**
     * The goroutine's trace. A deep stack is walked once, keeping the first frames and a ring of
     * the last ones, so a million frames cost no more memory than a hundred.
     */
    void appendTrace(StringBuilder sb, GuestStack stack, String state, int callee) {
        sb.append("goroutine ").append(stack.goroutineId()).append(" [").append(state).append("]:\n");
        appendStack(sb, stack, callee);
        long creator = createdBy.applyAsLong(stack.goroutineId());
        if (creator >= 0) {
            FunctionCode f = image.function((int) (creator >>> 32));
            sb.append("created by ").append(f.name()).append('\n');
            sb.append('\t').append(image.source().name()).append(':').append(f.lineBefore((int) creator)).append('\n');
        }
    }

    private void appendStack(StringBuilder sb, GuestStack stack, int callee) {
        int[] firstFn = new int[TRACE_END_FRAMES];
        int[] firstLine = new int[TRACE_END_FRAMES];
        int[] lastFn = new int[TRACE_END_FRAMES];
        int[] lastLine = new int[TRACE_END_FRAMES];
        long[] count = {0};
        FrameVisitor keep = frame -> {
            long i = count[0]++;
            if (i < TRACE_END_FRAMES) {
                firstFn[(int) i] = frame.functionIndex();
                firstLine[(int) i] = frame.line();
            } else {
                int r = (int) (i % TRACE_END_FRAMES);
                lastFn[r] = frame.functionIndex();
                lastLine[r] = frame.line();
            }
            return true;
        };
        if (callee >= 0) {
            firstFn[0] = callee;
            firstLine[0] = image.function(callee).declLine();
            count[0] = 1;
        }
        try {
            if (stack.fp != 0) {
                walker.walk(stack, keep);
            }
        } catch (RuntimeException e) {
            // A trace is best effort: a corrupt stack must not hide the error being reported.
            appendFrames(sb, firstFn, firstLine, (int) Math.min(count[0], TRACE_END_FRAMES));
            sb.append("runtime: frame walk failed: ").append(e.getMessage()).append('\n');
            return;
        }
        long total = count[0];
        if (total <= 2L * TRACE_END_FRAMES) {
            int[] fns = new int[(int) total];
            int[] lines = new int[(int) total];
            for (int i = 0; i < total; i++) {
                boolean first = i < TRACE_END_FRAMES;
                fns[i] = first ? firstFn[i] : lastFn[i % TRACE_END_FRAMES];
                lines[i] = first ? firstLine[i] : lastLine[i % TRACE_END_FRAMES];
            }
            appendFrames(sb, fns, lines, (int) total);
            return;
        }
        appendFrames(sb, firstFn, firstLine, TRACE_END_FRAMES);
        sb.append(ELIDED).append('\n');
        int[] fns = new int[TRACE_END_FRAMES];
        int[] lines = new int[TRACE_END_FRAMES];
        for (int j = 0; j < TRACE_END_FRAMES; j++) {
            int r = (int) ((total - TRACE_END_FRAMES + j) % TRACE_END_FRAMES);
            fns[j] = lastFn[r];
            lines[j] = lastLine[r];
        }
        appendFrames(sb, fns, lines, TRACE_END_FRAMES);
    }

    private void appendFrames(StringBuilder sb, int[] fns, int[] lines, int n) {
        String file = image.source().name();
        for (int i = 0; i < n; i++) {
            var f = image.function(fns[i]);
            sb.append(f.name()).append(f.paramWords() > 0 ? "(...)" : "()").append('\n');
            sb.append('\t').append(file).append(':').append(lines[i]).append('\n');
        }
    }
}
