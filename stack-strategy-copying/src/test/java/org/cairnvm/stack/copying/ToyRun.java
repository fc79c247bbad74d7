package org.cairnvm.stack.copying;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.cairnvm.api.Config;
import org.cairnvm.spi.AddressSpace;
import org.cairnvm.spi.Counters;
import org.cairnvm.spi.Frame;
import org.cairnvm.spi.FrameVisitor;
import org.cairnvm.spi.FrameWalker;
import org.cairnvm.spi.GuestStack;
import org.cairnvm.spi.OverflowEvent;
import org.cairnvm.spi.Region;
import org.cairnvm.spi.RegionKind;
import org.cairnvm.spi.StackContext;
import org.cairnvm.spi.StackSegment;
import org.cairnvm.spi.StackStrategy;
import org.cairnvm.spi.Trace;

/**
 * Just enough of a run to drive the strategy without core (this module depends on the SPI only):
 * an address space of regions in a list, a frame walker over a table of functions (frame size and
 * pointer slots each), counters, a trace, and the interpreter's call and return.
 */
final class ToyRun implements StackContext, AddressSpace, FrameWalker, Counters, Trace {
    /** Resume pc every toy frame stops at. */
    static final int PC = 9;

    final int[] frameWords;
    final int[][] pointerSlots;
    final long initial;
    final long max;
    boolean stackMove;
    boolean tracing;
    final List<ToyRegion> regions = new ArrayList<>();
    final Map<String, Long> counts = new HashMap<>();
    final List<String> lines = new ArrayList<>();
    final List<OverflowEvent> overflows = new ArrayList<>();
    private final Map<Class<?>, Object> state = new HashMap<>();
    private long next = 0x1000_0000L;

    ToyRun(int[] frameWords, int[][] pointerSlots, long initial, long max) {
        this.frameWords = frameWords;
        this.pointerSlots = pointerSlots;
        this.initial = initial;
        this.max = max;
    }

    /** A region of the toy space. */
    record ToyRegion(long base, long size, RegionKind kind, String label, long[] words) implements Region {
    }

    @Override
    public Region reserve(long bytes, RegionKind kind, String label) {
        long size = (bytes + PAGE - 1) / PAGE * PAGE;
        ToyRegion r = new ToyRegion(next, size, kind, label, new long[(int) (bytes / 8)]);
        next += size + PAGE;
        regions.add(r);
        return r;
    }

    @Override
    public void release(Region region) {
        if (!regions.remove(region)) {
            throw new IllegalStateException("not reserved: " + region);
        }
    }

    @Override
    public Region find(long address) {
        return regions.stream().filter(r -> r.contains(address)).findFirst().orElse(null);
    }

    private long[] words(long address) {
        Region r = find(address);
        if (r == null || address - r.base() >= 8L * r.words().length) {
            throw new IllegalStateException("fault at 0x" + Long.toHexString(address));
        }
        return r.words();
    }

    @Override
    public long load(long address) {
        return words(address)[(int) ((address - find(address).base()) >> 3)];
    }

    @Override
    public void store(long address, long value) {
        words(address)[(int) ((address - find(address).base()) >> 3)] = value;
    }

    @Override
    public void noteCommitted(Region region, long bytes) {
        max("toy.committed", bytes);
    }

    /** A frame of the toy program. */
    record ToyFrame(long fp, int functionIndex, String functionName, int pc, int line, int frameWords,
                    int[] pointerSlots) implements Frame {
        @Override
        public String file() {
            return "prog.go";
        }
    }

    @Override
    public void walk(GuestStack stack, FrameVisitor visitor) {
        long fp = stack.fp;
        int fn = stack.function;
        while (fp != 0) {
            if (!visitor.visit(new ToyFrame(fp, fn, "main.f" + fn, PC, 10 * fn, frameWords[fn], pointerSlots[fn]))) {
                return;
            }
            long ret = load(fp + 8);
            if (ret == 0) {
                return;
            }
            fn = (int) (ret >>> 32);
            fp = load(fp);
        }
    }

    /** The interpreter's call: prologue check, morestack on failure, the new frame's header. */
    long call(StackStrategy strategy, GuestStack stack, int function) {
        StackSegment seg = stack.segment;
        long caller = stack.fp;
        long fp = (caller == 0 ? seg.top() : caller) - 8L * frameWords[function];
        if (fp < seg.base || seg.index(fp) < seg.guard) {
            stack.pc = PC;
            fp = strategy.morestack(this, stack, frameWords[function]);
            seg = stack.segment;
            caller = stack.fp;
        }
        seg.words[seg.index(fp)] = caller;
        seg.words[seg.index(fp) + 1] = caller == 0 ? 0 : ((long) stack.function << 32) | PC;
        stack.fp = fp;
        stack.function = function;
        stack.pc = PC;
        return fp;
    }

    void ret(GuestStack stack) {
        long ret = load(stack.fp + 8);
        stack.fp = load(stack.fp);
        stack.function = (int) (ret >>> 32);
    }

    @Override
    public AddressSpace memory() {
        return this;
    }

    @Override
    public FrameWalker walker() {
        return this;
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
        return type.cast(state.computeIfAbsent(type, t -> create.get()));
    }

    @Override
    public boolean stress(String mode) {
        return stackMove && mode.equals("stack-move");
    }

    @Override
    public RuntimeException overflow(GuestStack stack, OverflowEvent.Limit limit, long stackBytes, long frameBytes) {
        overflows.add(new OverflowEvent(limit, stack.goroutineId(), stackBytes, max, frameBytes, stack, this));
        return new IllegalStateException("overflow");
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
