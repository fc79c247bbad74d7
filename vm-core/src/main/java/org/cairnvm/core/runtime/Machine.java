package org.cairnvm.core.runtime;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cairnvm.api.Config;
import org.cairnvm.api.Diagnostic;
import org.cairnvm.api.GuestError;
import org.cairnvm.api.HostFunction;
import org.cairnvm.api.Metrics;
import org.cairnvm.api.RunResult;
import org.cairnvm.core.code.HostImport;
import org.cairnvm.core.code.Image;
import org.cairnvm.core.interp.Interpreter;
import org.cairnvm.core.interp.Output;
import org.cairnvm.core.interp.Unwind;
import org.cairnvm.core.memory.GuestMemory;
import org.cairnvm.core.memory.Heap;
import org.cairnvm.core.walk.Walker;
import org.cairnvm.spi.Counters;
import org.cairnvm.spi.Goroutine;
import org.cairnvm.spi.Schedule;
import org.cairnvm.spi.ScheduleContext;
import org.cairnvm.spi.StackContext;
import org.cairnvm.spi.StackStrategy;
import org.cairnvm.spi.Trace;
import org.cairnvm.spi.Region;
import org.cairnvm.spi.RegionKind;

/**
 * One run of a program: builds the run's world (address space with the static region, heap,
 * frame walker, stack context, counters, trace, goroutine 1 and its stack), runs the init
 * function and then {@code main.main} as entry frames, and turns however the run ended into a
 * {@link RunResult}. Nothing escapes as a Java exception: a guest error is a value, and a VM bug
 * becomes {@code fatal error: internal VM error: ...} with exit status 2.
 */
public final class Machine {
    /** Exit status of a normal end. */
    static final int EXIT_OK = 0;
    /** Exit status of a compile error, as Go's compiler gives. */
    static final int EXIT_COMPILE = 1;
    /** Exit status of a panic or fatal error, as a Go binary gives. */
    static final int EXIT_FATAL = 2;

    private final Image image;
    private final RunEnv env;
    private final Output output;
    private final RunCounters counters = new RunCounters();
    private GuestMemory memory;
    private Heap heap;
    private Interpreter interpreter;
    private Schedule schedule;

    private Machine(Image image, RunEnv env, Output output) {
        this.image = image;
        this.env = env;
        this.output = output;
    }

    /** Runs {@code image} to its end; stdout and stderr in the result are left empty for the VM layer. */
    public static RunResult run(Image image, RunEnv env) {
        long start = System.nanoTime();
        Output output = new Output(env.out(), env.err());
        Machine m = new Machine(image, env, output);
        GuestError error;
        try {
            error = m.execute();
        } catch (Throwable t) {
            error = internalError(t, output);
        }
        int status = error == null ? EXIT_OK
                : error.kind() == GuestError.Kind.COMPILE ? EXIT_COMPILE : EXIT_FATAL;
        try {
            output.flush();
        } catch (RuntimeException e) {
            // the writers failed: the result still says what happened
        }
        return new RunResult(status, "", "", Optional.ofNullable(error), m.metrics(System.nanoTime() - start));
    }

    /** Builds the world and runs; returns why the run failed, or null. */
    private GuestError execute() {
        GuestError notRunnable = checkRunnable();
        if (notRunnable != null) {
            return notRunnable;
        }
        Config config = env.config();
        memory = new GuestMemory();
        memory.mapStatic(Image.STATIC_BASE, image.staticWords());
        Region staticRegion = memory.find(Image.STATIC_BASE);
        long[] statics = staticRegion != null && staticRegion.kind() == RegionKind.STATIC
                ? staticRegion.words() : new long[0];
        heap = new Heap(memory, config.getSize(Config.HEAP_MAX));
        Walker walker = new Walker(image, memory);
        Reports reports = new Reports(image, walker, output, this::createdBy);
        RunTrace trace = new RunTrace(config.get(Config.TRACE), output);
        // The interpreter is made after the context it needs; until then no call is pending.
        RunContext ctx = new RunContext(memory, walker, counters, trace, config, env.overflow(), reports,
                () -> interpreter == null ? -1 : interpreter.pendingCallee());
        schedule = env.scheduler().start(new ScheduleEnv(env.stack(), ctx, counters, trace));
        try {
            if (env.gc() != null) {
                RunGc gc = new RunGc(env.gc(), memory, heap, image, walker, counters, trace, config, env.stack(), ctx,
                        schedule);
                heap.attach(gc, ctx.stress("gc-alloc"), RunGc.MIN_HEAP_BYTES >>> 3);
            }
            HostFunction[] hosts = new HostFunction[image.hostImports().size()];
            for (int i = 0; i < hosts.length; i++) {
                hosts[i] = env.hosts().get(image.hostImports().get(i).name());
            }
            interpreter = new Interpreter(image, memory, heap, env.stack(), ctx, schedule, statics, hosts, output,
                    env.interrupt(), config.getLong(Config.BUDGET));
            return runGoroutines(schedule, reports);
        } finally {
            schedule.end();
            env.stack().runEnded(ctx);
            counters.max("stack.committedBytesPeak", memory.committedStackPeakBytes());
        }
    }

    /**
     * The executor loop: goroutine 1 runs the init function and then {@code main.main} as entry
     * frames; the schedule picks what runs next whenever the running goroutine parks, yields or
     * ends. The program ends when {@code main.main} returns, whatever the others do (as in Go);
     * when a guest error unwinds any goroutine; or with Go's deadlock error when nothing is
     * runnable. A goroutine ended by the {@code kill-goroutine} overflow handler is reported and
     * the others go on; the run then ends with exit status 2 and that report as its error.
     */
    private GuestError runGoroutines(Schedule schedule, Reports reports) {
        int[] entries = image.initFunction() >= 0
                ? new int[] {image.initFunction(), image.mainFunction()} : new int[] {image.mainFunction()};
        Goroutine main = schedule.spawn();
        interpreter.enter(main, entries[0], null);
        schedule.ready(main);
        // The entry goroutine 1 runs next when its current one returns; it survives parking,
        // since main (or the init function) may park and be resumed many times.
        int nextEntry = 1;
        GuestError killed = null;
        for (;;) {
            Goroutine g = schedule.next();
            if (g == null) {
                return deadlock(schedule, reports);
            }
            try {
                Interpreter.Stop stop = interpreter.resume(g);
                while (stop == Interpreter.Stop.ENDED && g == main && nextEntry < entries.length) {
                    interpreter.enter(main, entries[nextEntry++], null);
                    stop = interpreter.resume(main);
                }
                if (stop == Interpreter.Stop.ENDED) {
                    if (g == main) {
                        return killed;
                    }
                    schedule.exit(g);
                }
            } catch (Unwind u) {
                if (!u.goroutineOnly()) {
                    return u.reported() != null ? u.reported() : reports.report(u.kind(), u.head(), g.stack());
                }
                killed = killed != null ? killed : u.reported();
                schedule.exit(g);
                if (g == main) {
                    return killed;
                }
            }
        }
    }

    /** The {@code go} statement that created goroutine {@code id}, for traces; -1 for main or an unknown id. */
    private long createdBy(int id) {
        if (schedule != null) {
            for (Goroutine g : schedule.live()) {
                if (g.id() == id) {
                    return g.createdBy();
                }
            }
        }
        return -1;
    }

    /** Nothing is runnable but main has not returned: Go's fatal error, then every goroutine's trace. */
    private GuestError deadlock(Schedule schedule, Reports reports) {
        return reports.reportAll(GuestError.Kind.FATAL, List.of("fatal error: all goroutines are asleep - deadlock!"),
                schedule.live());
    }

    /** What the scheduler is lent for one run. */
    private record ScheduleEnv(StackStrategy strategy, StackContext stacks, Counters counters, Trace trace)
            implements ScheduleContext {
    }

    /**
     * A program that did not compile, or one whose host functions the embedder did not supply,
     * fails as {@code go build} would: diagnostics on standard error, exit status 1. A bodyless
     * function without a host body is Go's {@code missing function body}.
     */
    private GuestError checkRunnable() {
        List<String> lines = new ArrayList<>();
        if (!image.compiled()) {
            for (Diagnostic d : image.diagnostics()) {
                lines.add(d.toString());
            }
        } else {
            for (HostImport h : image.hostImports()) {
                if (!env.hosts().containsKey(h.name())) {
                    lines.add(new Diagnostic(image.source().name(), h.line(), h.column(), "missing function body")
                            .toString());
                }
            }
        }
        if (lines.isEmpty()) {
            return null;
        }
        String text = String.join("\n", lines) + "\n";
        output.printText(Output.STDERR, text);
        return new GuestError(GuestError.Kind.COMPILE, lines.getFirst(), text);
    }

    private static GuestError internalError(Throwable t, Output output) {
        String first = "fatal error: internal VM error: " + t;
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        String text = first + "\n\n" + trace;
        try {
            output.printText(Output.STDERR, text);
        } catch (RuntimeException e) {
            // nowhere left to write it; the result carries it
        }
        return new GuestError(GuestError.Kind.FATAL, first, text);
    }

    private Metrics metrics(long wallNanos) {
        Map<String, Long> m = new TreeMap<>();
        for (String key : List.of("stack.growths", "stack.wordsCopied", "stack.pointersAdjusted", "stack.shrinks")) {
            m.put(key, 0L);
        }
        m.putAll(counters.snapshot());
        if (interpreter != null) {
            m.put("vm.instructions", interpreter.instructions());
            m.put("vm.calls", interpreter.calls());
            m.merge("stack.peakBytes", interpreter.peakStackBytes(), Math::max);
            m.put("jit.functions", (long) interpreter.compiledFunctions());
            m.put("jit.entries", interpreter.compiledEntries());
            m.put("jit.handBacks", interpreter.handBacks());
            m.put("time.jitNanos", interpreter.compileNanos());
        }
        if (memory != null) {
            m.put("mem.reservedPeakBytes", memory.reservedPeakBytes());
            m.put("mem.committedPeakBytes", memory.committedPeakBytes());
        }
        if (heap != null) {
            m.put("gc.wordsAllocated", heap.wordsAllocated());
        }
        m.put("time.wallNanos", wallNanos);
        return new Metrics(m);
    }
}
