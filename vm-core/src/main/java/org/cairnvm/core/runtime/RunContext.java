package org.cairnvm.core.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.cairnvm.api.Config;
import org.cairnvm.api.GuestError;
import org.cairnvm.core.interp.Unwind;
import org.cairnvm.spi.AddressSpace;
import org.cairnvm.spi.Counters;
import org.cairnvm.spi.FrameWalker;
import org.cairnvm.spi.GuestStack;
import org.cairnvm.spi.OverflowEvent;
import org.cairnvm.spi.OverflowHandler;
import org.cairnvm.spi.StackContext;
import org.cairnvm.spi.StackSegment;
import org.cairnvm.spi.Trace;

/**
 * What one run lends its stack strategy: memory, walker, counters, trace, limits, stress modes,
 * and the overflow path, which asks the overflow handler for a decision and prints Go's report.
 */
final class RunContext implements StackContext {
    private final AddressSpace memory;
    private final FrameWalker walker;
    private final Counters counters;
    private final Trace trace;
    private final Config config;
    private final long initialStackBytes;
    private final long maxStackBytes;
    private final OverflowHandler overflowHandler;
    private final Reports reports;
    private final Map<Class<?>, Object> runState = new HashMap<>();
    private final IntSupplier pendingCallee;

    RunContext(AddressSpace memory, FrameWalker walker, Counters counters, Trace trace, Config config,
               OverflowHandler overflowHandler, Reports reports, IntSupplier pendingCallee) {
        this.memory = memory;
        this.walker = walker;
        this.counters = counters;
        this.trace = trace;
        this.config = config;
        this.initialStackBytes = config.getSize(Config.STACK_INITIAL);
        this.maxStackBytes = config.getSize(Config.STACK_MAX);
        this.overflowHandler = overflowHandler;
        this.reports = reports;
        this.pendingCallee = pendingCallee;
    }

    @Override
    public AddressSpace memory() {
        return memory;
    }

    @Override
    public FrameWalker walker() {
        return walker;
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
    public long initialStackBytes() {
        return initialStackBytes;
    }

    @Override
    public long maxStackBytes() {
        return maxStackBytes;
    }

    @Override
    public <T> T runState(Class<T> type, Supplier<T> create) {
        return type.cast(runState.computeIfAbsent(type, t -> create.get()));
    }

    @Override
    public boolean stress(String mode) {
        return config.listContains(Config.STRESS, mode);
    }

    /**
     * Go's report whatever the handler decides; the decision says whether the unwind ends the
     * program or only the overflowing goroutine.
     */
    @Override
    public RuntimeException overflow(GuestStack stack, OverflowEvent.Limit limit, long stackBytes, long frameBytes) {
        OverflowEvent event = new OverflowEvent(limit, stack.goroutineId(), stackBytes, maxStackBytes, frameBytes,
                stack, walker);
        OverflowHandler.Decision decision = overflowHandler.onOverflow(event);
        StackSegment seg = stack.segment;
        long sp = stack.fp != 0 ? stack.fp : seg.top();
        List<String> head = List.of(
                "runtime: goroutine stack exceeds " + maxStackBytes + "-byte limit",
                "runtime: sp=0x" + Long.toHexString(sp) + " stack=[0x" + Long.toHexString(seg.base) + ", 0x"
                        + Long.toHexString(seg.top()) + "]",
                "fatal error: stack overflow");
        GuestError error = reports.report(GuestError.Kind.FATAL, head, stack, pendingCallee.getAsInt());
        return decision == OverflowHandler.Decision.KILL_GOROUTINE ? Unwind.goroutineKilled(error)
                : Unwind.reported(error);
    }
}
