package org.cairnvm.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one configuration type. Values come, from lowest to highest precedence, from the built-in
 * defaults, a {@code cairn.properties} file, the environment ({@code CAIRN_STACK=segmented} sets
 * {@code stack}), then builder calls or command-line flags. Plugins read their own keys from it;
 * unknown keys are allowed so a plugin can add keys without changing this class, but every key
 * a module reads should be listed in {@link #KEYS} or by its plugin.
 */
public final class Config {
    /** A documented key with its default. */
    public record Key(String name, String defaultValue, String description) {
    }

    /** Plugin of kind {@code stack}. */
    public static final Key STACK = new Key("stack", "copying", "stack strategy plugin");
    /** Plugin of kind {@code gc}. */
    public static final Key GC = new Key("gc", "precise", "garbage collector plugin");
    /** Plugin of kind {@code scheduler}. */
    public static final Key SCHEDULER = new Key("scheduler", "stackful", "scheduler plugin");
    /** Plugin of kind {@code overflow}. */
    public static final Key OVERFLOW = new Key("overflow", "fatal", "stack overflow handler plugin");
    /** Initial size of every goroutine stack; Go's is 2 KiB. */
    public static final Key STACK_INITIAL = new Key("stack.initial", "2k", "initial goroutine stack size");
    /** Maximum stack size; Go's default on 64-bit systems is 1,000,000,000 bytes. */
    public static final Key STACK_MAX = new Key("stack.max", "1000000000", "maximum goroutine stack size");
    /**
     * Maximum heap. Go has no hard limit; a VM that an application embeds needs one, and 1 GiB
     * keeps a runaway guest well inside a default JVM heap on a 24 GiB machine.
     */
    public static final Key HEAP_MAX = new Key("heap.max", "1g", "maximum guest heap size");
    /** Deterministic instruction budget; 0 means unlimited. */
    public static final Key BUDGET = new Key("budget.instructions", "0", "instruction budget (0 = unlimited)");
    /** Comma-separated trace categories: stack, gc, sched. */
    public static final Key TRACE = new Key("trace", "", "trace categories: stack,gc,sched");
    /** Comma-separated stress modes: stack-move, gc-alloc, split-call. */
    public static final Key STRESS = new Key("stress", "", "stress modes: stack-move,gc-alloc,split-call");

    /**
     * Whether each {@code runtime.GC()} also collects the JVM's own heap and records what the
     * run holds there ({@code jvm.heapLiveBytes}, the largest seen): the host memory the guest
     * really costs, stacks and heap included. Off by default: a full JVM collection per call.
     */
    public static final Key STATS_HOST_HEAP = new Key("stats.hostHeap", "false",
            "at each runtime.GC(), also measure the JVM heap in use (true/false)");

    /**
     * Whether the baseline compiler translates the program into JVM bytecode once it has run
     * {@link #JIT_THRESHOLD} instructions: {@code on} or {@code off}. Compiled code keeps the
     * interpreter's frames, so every metric but time, and every outcome, is the same either way.
     */
    public static final Key JIT = new Key("jit", "on", "baseline compiler to JVM bytecode: on, off");
    /**
     * Instructions a run interprets before the baseline compiler compiles the program; 0 compiles
     * it before the first. Compiling costs a few milliseconds, which a run of fewer instructions
     * (tens of microseconds) never earns back. Much later is worse, not better: once HotSpot has
     * optimised the interpreter's dispatch loop without the paths into compiled code, their first
     * use deoptimises it (the hot-split benchmark: 0.28 s at 10,000, 0.50 s from 30,000 on).
     */
    public static final Key JIT_THRESHOLD = new Key("jit.threshold", "10000",
            "instructions interpreted before the program is compiled (0 = at once)");

    /** Every key core knows, in the order {@code cairn config --help} lists them. */
    public static final List<Key> KEYS = List.of(STACK, GC, SCHEDULER, OVERFLOW, STACK_INITIAL,
            STACK_MAX, HEAP_MAX, BUDGET, TRACE, STRESS, STATS_HOST_HEAP, JIT, JIT_THRESHOLD);

    private final Map<String, String> values;

    private Config(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** The built-in defaults. */
    public static Config defaults() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Key k : KEYS) {
            m.put(k.name(), k.defaultValue());
        }
        return new Config(m);
    }

    /** This configuration with {@code overrides} laid over it. */
    public Config with(Map<String, String> overrides) {
        Map<String, String> m = new LinkedHashMap<>(values);
        m.putAll(overrides);
        return new Config(m);
    }

    /** This configuration with one key set. */
    public Config with(String key, String value) {
        return with(Map.of(key, value));
    }

    /**
     * Overrides from the environment: {@code CAIRN_STACK_MAX=64m} sets {@code stack.max}. A
     * variable names a key by upper-casing it and turning dots into underscores.
     */
    public static Map<String, String> fromEnvironment(Map<String, String> env, Iterable<String> keys) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String key : keys) {
            String var = "CAIRN_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
            if (env.containsKey(var)) {
                m.put(key, env.get(var));
            }
        }
        return m;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public String get(Key key) {
        return values.getOrDefault(key.name(), key.defaultValue());
    }

    public long getLong(Key key) {
        return parseLong(key.name(), get(key));
    }

    /** A size in bytes: plain bytes, or with a {@code k}, {@code m} or {@code g} suffix (powers of 1024). */
    public long getSize(Key key) {
        return parseSize(key.name(), get(key));
    }

    public long getSize(String key, long defaultValue) {
        String v = values.get(key);
        return v == null ? defaultValue : parseSize(key, v);
    }

    /** Whether a comma-separated list key contains {@code item} ({@code stress} has {@code stack-move}). */
    public boolean listContains(Key key, String item) {
        for (String s : get(key).split(",")) {
            if (s.trim().equals(item)) {
                return true;
            }
        }
        return false;
    }

    public Map<String, String> asMap() {
        return values;
    }

    /** Parses {@code 4m}, {@code 1g}, {@code 2k}, {@code 65536}. */
    public static long parseSize(String key, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long mul = 1;
        if (t.endsWith("b")) {
            t = t.substring(0, t.length() - 1);
        }
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'k' -> mul = 1L << 10;
                case 'm' -> mul = 1L << 20;
                case 'g' -> mul = 1L << 30;
                default -> mul = 1;
            }
            if (mul != 1) {
                t = t.substring(0, t.length() - 1);
            }
        }
        try {
            long v = Long.parseLong(t);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(v, mul);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("invalid size for " + key + ": '" + text
                    + "' (use bytes, or a number with k, m or g)");
        }
    }

    private static long parseLong(String key, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid number for " + key + ": '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
