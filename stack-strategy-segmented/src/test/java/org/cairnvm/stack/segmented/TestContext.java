package org.cairnvm.stack.segmented;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import org.cairnvm.api.Config;
import org.cairnvm.spi.AddressSpace;
import org.cairnvm.spi.Counters;
import org.cairnvm.spi.FrameWalker;
import org.cairnvm.spi.GuestStack;
import org.cairnvm.spi.OverflowEvent;
import org.cairnvm.spi.StackContext;
import org.cairnvm.spi.Trace;

/** What core would lend the strategy for one run, built from the test's own memory and walker. */
final class TestContext implements StackContext {
    /** Thrown where core would unwind the goroutine after an overflow. */
    static final class Overflow extends RuntimeException {
        final OverflowEvent event;

        Overflow(OverflowEvent event) {
            super("stack overflow: " + event.limit());
            this.event = event;
        }
    }

    final TestMemory memory = new TestMemory();
    final TestWalker walker;
    final Map<String, Long> counters = new HashMap<>();
    final List<String> traceLines = new ArrayList<>();
    final Set<String> stress = new HashSet<>();
    final Set<String> traced = new HashSet<>();
    final Map<Class<?>, Object> runState = new HashMap<>();
    Config config = Config.defaults();
    long initial = 4096;
    long max = 1_000_000_000L;

    TestContext(IntUnaryOperator frameWords) {
        walker = new TestWalker(memory, frameWords);
    }

    TestContext set(String key, String value) {
        config = config.with(key, value);
        return this;
    }

    long counter(String key) {
        return counters.getOrDefault(key, 0L);
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
        return new Counters() {
            @Override
            public void add(String key, long delta) {
                counters.merge(key, delta, Long::sum);
            }

            @Override
            public void max(String key, long value) {
                counters.merge(key, value, Math::max);
            }

            @Override
            public long get(String key) {
                return counter(key);
            }
        };
    }

    @Override
    public Trace trace() {
        return new Trace() {
            @Override
            public boolean enabled(String category) {
                return traced.contains(category);
            }

            @Override
            public void line(String category, String text) {
                traceLines.add(text);
            }
        };
    }

    @Override
    public Config config() {
        return config;
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
        return type.cast(runState.computeIfAbsent(type, k -> create.get()));
    }

    @Override
    public boolean stress(String mode) {
        return stress.contains(mode);
    }

    @Override
    public RuntimeException overflow(GuestStack stack, OverflowEvent.Limit limit, long stackBytes, long frameBytes) {
        return new Overflow(new OverflowEvent(limit, stack.goroutineId(), stackBytes, max, frameBytes, stack, walker));
    }
}
