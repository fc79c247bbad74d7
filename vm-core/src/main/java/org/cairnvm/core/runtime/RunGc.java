package org.cairnvm.core.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.cairnvm.api.Config;
import org.cairnvm.core.code.Image;
import org.cairnvm.core.code.Layout;
import org.cairnvm.core.memory.GuestMemory;
import org.cairnvm.core.memory.Heap;
import org.cairnvm.core.memory.Mapping;
import org.cairnvm.spi.AddressSpace;
import org.cairnvm.spi.Collector;
import org.cairnvm.spi.Counters;
import org.cairnvm.spi.FrameVisitor;
import org.cairnvm.spi.FrameWalker;
import org.cairnvm.spi.GcCause;
import org.cairnvm.spi.GcContext;
import org.cairnvm.spi.GcCycle;
import org.cairnvm.spi.Goroutine;
import org.cairnvm.spi.GuestStack;
import org.cairnvm.spi.Schedule;
import org.cairnvm.spi.RangeVisitor;
import org.cairnvm.spi.Region;
import org.cairnvm.spi.RootVisitor;
import org.cairnvm.spi.StackContext;
import org.cairnvm.spi.StackStrategy;
import org.cairnvm.spi.Trace;

/**
 * What one run lends its collector, and the heap's slow path into it: runs a cycle, shrinks
 * every goroutine stack, and records the cycle's trace line and counters. Collections happen
 * only from the heap's slow path or {@code runtime.GC()}, both safepoints where the interpreter
 * has saved an exact top frame.
 */
final class RunGc implements GcContext, Heap.Refill {
    /** Go's minimum heap goal (4 MB): below it, GOGC's doubling would collect tiny heaps constantly. */
    static final long MIN_HEAP_BYTES = 4L << 20;

    private final Collector collector;
    private final GuestMemory memory;
    private final Heap heap;
    private final Image image;
    private final FrameWalker walker;
    private final Counters counters;
    private final Trace trace;
    private final Config config;
    private final StackStrategy strategy;
    private final StackContext stackCtx;
    private final Schedule schedule;
    private final Map<Class<?>, Object> runState = new HashMap<>();
    private final int[] unitWords;
    private final int[][] pointerOffsets;
    private final long startNanos = System.nanoTime();
    private long cycles;

    RunGc(Collector collector, GuestMemory memory, Heap heap, Image image, FrameWalker walker, Counters counters,
          Trace trace, Config config, StackStrategy strategy, StackContext stackCtx, Schedule schedule) {
        this.collector = collector;
        this.memory = memory;
        this.heap = heap;
        this.image = image;
        this.walker = walker;
        this.counters = counters;
        this.trace = trace;
        this.config = config;
        this.strategy = strategy;
        this.stackCtx = stackCtx;
        this.schedule = schedule;
        List<Layout> layouts = image.layouts();
        unitWords = new int[layouts.size()];
        pointerOffsets = new int[layouts.size()][];
        for (Layout l : layouts) {
            unitWords[l.id()] = l.unitWords();
            pointerOffsets[l.id()] = l.pointers().stream().filter(b -> b < l.unitWords()).toArray();
        }
        for (String key : List.of("gc.cycles", "gc.wordsMoved", "gc.liveWords", "gc.pauseNanosTotal")) {
            counters.add(key, 0);
        }
    }

    @Override
    public void collect(long requestWords, boolean stress) {
        long t0 = System.nanoTime();
        GcCause cause = stress ? GcCause.STRESS : requestWords == 0 ? GcCause.EXPLICIT : GcCause.ALLOCATION_FAILED;
        GcCycle cycle = collector.collect(this, cause, requestWords);
        for (Goroutine g : schedule.live()) {
            GuestStack s = g.stack();
            if (s.segment != null) {
                counters.max("stack.peakBytes", memory.noteStackTouched(s.segment.region));
                strategy.shrink(stackCtx, s);
            }
        }
        long pause = System.nanoTime() - t0;
        cycles++;
        counters.add("gc.cycles", 1);
        counters.add("gc.wordsMoved", cycle.wordsMoved());
        counters.add("gc.liveWords", cycle.liveWords() - counters.get("gc.liveWords"));
        counters.add("gc.pauseNanosTotal", pause);
        if (trace.enabled("gc")) {
            trace.line("gc", String.format("gc %d @%.3fs: %d -> %d live words, %d words moved, %.3f ms pause",
                    cycles, (t0 - startNanos) / 1e9, cycle.wordsBefore(), cycle.liveWords(), cycle.wordsMoved(),
                    pause / 1e6));
        }
    }

    @Override
    public AddressSpace memory() {
        return memory;
    }

    @Override
    public Counters counters() {
        return counters;
    }

    @Override
    public Trace trace() {
        return trace;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public <T> T runState(Class<T> type, Supplier<T> create) {
        return type.cast(runState.computeIfAbsent(type, t -> create.get()));
    }

    @Override
    public long heapMaxBytes() {
        return heap.maxBytes();
    }

    @Override
    public Region space() {
        return heap.space();
    }

    @Override
    public long spaceTop() {
        return heap.top();
    }

    @Override
    public Region reserveSpace(long initialBytes, long spanBytes) {
        return heap.reserveSpace(initialBytes, spanBytes);
    }

    @Override
    public void installSpace(Region region, long top, long limit) {
        if (!(region instanceof Mapping m) || m != memory.find(region.base())) {
            throw new IllegalArgumentException("not a heap region of this run: " + region);
        }
        heap.install(m, top, limit);
    }

    @Override
    public int unitWords(int layoutId) {
        return unitWords[layoutId];
    }

    @Override
    public int[] pointerOffsets(int layoutId) {
        return pointerOffsets[layoutId];
    }

    @Override
    public void exactRoots(RootVisitor visitor) {
        for (int off : image.globalPointers()) {
            visitor.visit(Image.STATIC_BASE + 8L * off);
        }
        for (Goroutine g : schedule.live()) {
            walker.walk(g.stack(), frame -> {
                long fp = frame.fp();
                for (int slot : frame.pointerSlots()) {
                    visitor.visit(fp + 8L * slot);
                }
                return true;
            });
        }
    }

    @Override
    public void ambiguousRoots(RangeVisitor visitor) {
        for (Goroutine g : schedule.live()) {
            walker.walk(g.stack(), frame -> {
                visitor.visit(frame.fp(), frame.fp() + 8L * frame.frameWords());
                return true;
            });
        }
    }

    @Override
    public void ambiguousFrames(FrameVisitor visitor) {
        for (Goroutine g : schedule.live()) {
            walker.walk(g.stack(), visitor);
        }
    }

    @Override
    public void installRuns(long[] runs, long parsedTop, long allowanceWords) {
        long base = heap.space().base();
        long end = base + heap.maxBytes();
        int[] idx = new int[runs.length];
        for (int i = 0; i < runs.length; i++) {
            if (runs[i] < base || runs[i] > end || (runs[i] & 7) != 0 || (i > 0 && runs[i] < runs[i - 1])) {
                throw new IllegalArgumentException("free run bound outside the heap or out of order: 0x"
                        + Long.toHexString(runs[i]));
            }
            idx[i] = (int) ((runs[i] - base) >>> 3);
        }
        heap.installRuns(idx, (int) ((parsedTop - base) >>> 3), allowanceWords);
    }
}
