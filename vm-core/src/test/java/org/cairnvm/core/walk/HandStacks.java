package org.cairnvm.core.walk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import com.google.inject.Guice;
import org.cairnvm.api.Config;
import org.cairnvm.api.Source;
import org.cairnvm.core.code.FunctionCode;
import org.cairnvm.core.code.Image;
import org.cairnvm.core.code.StackMap;
import org.cairnvm.core.memory.GuestMemory;
import org.cairnvm.spi.Counters;
import org.cairnvm.spi.FrameWalker;
import org.cairnvm.spi.GuestStack;
import org.cairnvm.spi.OverflowEvent;
import org.cairnvm.spi.PluginKind;
import org.cairnvm.spi.StackContext;
import org.cairnvm.spi.StackSegment;
import org.cairnvm.spi.StackStrategy;
import org.cairnvm.spi.Trace;
import org.cairnvm.spi.VmPlugin;

/**
 * Hand-built programs and stacks for walker and relocation tests: functions with stack maps made
 * by hand, a small {@link StackContext}, and a few lines that do what the interpreter does at a
 * call (prologue check, morestack, frame header) and a return.
 */
final class HandStacks {
    /** Every hand-built function stops at one safepoint, its call, whose resume pc is this. */
    static final int CALL_RESUME_PC = 5;
    /** A pc that no stack map names, as where a panicking frame stops. */
    static final int NOT_A_SAFEPOINT = 3;
    /** Code length of every hand-built function; {@code lines[pc] = LINE_BASE * index + pc}. */
    static final int CODE_LENGTH = 12;
    static final int LINE_BASE = 100;

    private HandStacks() {
    }

    /** A function whose only safepoint, at {@link #CALL_RESUME_PC}, lists {@code pointerSlots}. */
    static FunctionCode function(int index, String name, int frameWords, int... pointerSlots) {
        int[] lines = new int[CODE_LENGTH];
        for (int pc = 0; pc < lines.length; pc++) {
            lines[pc] = LINE_BASE * index + pc;
        }
        return new FunctionCode(index, name, new int[CODE_LENGTH], lines, new long[0], frameWords, 0, 0,
                new StackMap(new int[] {CALL_RESUME_PC}, new int[][] {pointerSlots}), List.of(), LINE_BASE * index);
    }

    static Image image(List<FunctionCode> functions) {
        return new Image(Source.of("prog.go", "package main\n"), List.of(), functions, List.of(), List.of(),
                new long[0], 0, -1, 0, List.of(), new int[0]);
    }

    /** The copying strategy, found the way core finds it: as a service, wired by its Guice module. */
    static StackStrategy copying() {
        for (VmPlugin p : ServiceLoader.load(VmPlugin.class)) {
            if (p.kind() == PluginKind.STACK && p.name().equals("copying")) {
                return Guice.createInjector(p.module()).getInstance(StackStrategy.class);
            }
        }
        throw new AssertionError("the copying stack plugin is not on the class path");
    }

    /** Thrown by {@link Context#overflow}, carrying the event. */
    static final class Overflow extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient OverflowEvent event;

        Overflow(OverflowEvent event) {
            super("overflow: " + event.limit());
            this.event = event;
        }
    }

    /** A test {@link StackContext} over a real {@link GuestMemory} and {@link Walker}. */
    static final class Context implements StackContext, Counters, Trace {
        final GuestMemory memory = new GuestMemory();
        final Walker walker;
        final Map<String, Long> counts = new HashMap<>();
        final List<String> lines = new ArrayList<>();
        final Map<Class<?>, Object> runState = new HashMap<>();
        final long initial;
        final long max;
        boolean stackMove;
        boolean tracing;

        Context(Image image, long initial, long max) {
            this.walker = new Walker(image, memory);
            this.initial = initial;
            this.max = max;
        }

        @Override
        public GuestMemory memory() {
            return memory;
        }

        @Override
        public FrameWalker walker() {
            return walker;
        }

        @Override
        public Counters counters() {
            return this;
        }

        @Override
        public Trace trace() {
            return this;
        }

        @Override
        public Config config() {
            return Config.defaults();
        }

        @Override
        public long initialStackBytes() {
            return initial;
        }

        @Override
        public long maxStackBytes() {
            return max;
        }

        @Override
        public <T> T runState(Class<T> type, Supplier<T> create) {
            return type.cast(runState.computeIfAbsent(type, t -> create.get()));
        }

        @Override
        public boolean stress(String mode) {
            return stackMove && mode.equals("stack-move");
        }

        @Override
        public RuntimeException overflow(GuestStack stack, OverflowEvent.Limit limit, long stackBytes, long frameBytes) {
            return new Overflow(new OverflowEvent(limit, stack.goroutineId(), stackBytes, max, frameBytes, stack, walker));
        }

        @Override
        public void add(String key, long delta) {
            counts.merge(key, delta, Long::sum);
        }

        @Override
        public void max(String key, long value) {
            counts.merge(key, value, Math::max);
        }

        @Override
        public long get(String key) {
            return counts.getOrDefault(key, 0L);
        }

        @Override
        public boolean enabled(String category) {
            return tracing;
        }

        @Override
        public void line(String category, String text) {
            lines.add(text);
        }
    }

    /**
     * What the interpreter does at {@code CALL}: the caller ({@code stack}'s top frame, stopped
     * at {@link #CALL_RESUME_PC}) calls {@code callee}; prologue check, morestack when it fails,
     * then the new frame's header. Returns the new frame's address.
     */
    static long call(StackStrategy strategy, StackContext ctx, GuestStack stack, FunctionCode callee) {
        StackSegment seg = stack.segment;
        long callerFp = stack.fp;
        long fp = (callerFp == 0 ? seg.top() : callerFp) - 8L * callee.frameWords();
        if (fp < seg.base || seg.index(fp) < seg.guard) {
            stack.pc = CALL_RESUME_PC;
            fp = strategy.morestack(ctx, stack, callee.frameWords());
            seg = stack.segment;
            callerFp = stack.fp;
        }
        long[] w = seg.words;
        int i = seg.index(fp);
        w[i] = callerFp;
        w[i + 1] = callerFp == 0 ? 0 : ((long) stack.function << 32) | CALL_RESUME_PC;
        stack.fp = fp;
        stack.function = callee.index();
        stack.pc = CALL_RESUME_PC;
        return fp;
    }

    /** What {@code RET} does to the frame chain: the caller becomes the top frame. */
    static void ret(GuestStack stack, GuestMemory memory) {
        long ret = memory.load(stack.fp + 8);
        stack.fp = memory.load(stack.fp);
        stack.function = (int) (ret >>> 32);
        stack.pc = (int) ret;
    }
}
