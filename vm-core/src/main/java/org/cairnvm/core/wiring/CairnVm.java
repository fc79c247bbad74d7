package org.cairnvm.core.wiring;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cairnvm.api.Config;
import org.cairnvm.api.Diagnostic;
import org.cairnvm.api.GuestError;
import org.cairnvm.api.HostFunction;
import org.cairnvm.api.Metrics;
import org.cairnvm.api.Program;
import org.cairnvm.api.RunResult;
import org.cairnvm.api.Source;
import org.cairnvm.api.Vm;
import org.cairnvm.core.code.Image;
import org.cairnvm.core.compile.Compiler;
import org.cairnvm.core.disasm.Disassembler;
import org.cairnvm.core.runtime.Machine;
import org.cairnvm.core.runtime.RunEnv;
import org.cairnvm.spi.Collector;
import org.cairnvm.spi.Scheduler;
import org.cairnvm.spi.OverflowHandler;
import org.cairnvm.spi.StackStrategy;

/**
 * One VM: its resolved configuration, the plugin instances its injector made, its host
 * functions and output destinations. Programs are {@link Image}s, immutable, so a program
 * compiled by one VM runs on any other. One run at a time; each run gets a fresh address space
 * from {@link Machine}.
 */
final class CairnVm implements Vm {
    /** Exit status of {@code go run} when the program does not compile. */
    static final int COMPILE_ERROR_STATUS = 1;

    private final Config config;
    private final StackStrategy stack;
    private final OverflowHandler overflow;
    /** The collector plugin, or null when none is installed. */
    private final Collector gc;
    private final Scheduler scheduler;
    private final Map<String, HostFunction> hosts;
    private final Writer out;
    private final Writer err;
    private final AtomicBoolean interrupt = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean closed;

    CairnVm(Config config, StackStrategy stack, OverflowHandler overflow, Collector gc, Scheduler scheduler,
            Map<String, HostFunction> hosts, Writer out, Writer err) {
        this.gc = gc;
        this.scheduler = scheduler;
        this.config = config;
        this.stack = stack;
        this.overflow = overflow;
        this.hosts = Map.copyOf(hosts);
        this.out = out;
        this.err = err;
    }

    @Override
    public Program compile(Source source) {
        Objects.requireNonNull(source, "source");
        checkOpen();
        return Compiler.compile(source);
    }

    @Override
    public RunResult run(Program program) {
        Image image = imageOf(program);
        checkOpen();
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("this VM is already running a program; a VM runs one at a time");
        }
        try {
            // An interrupt aimed at an earlier run must not stop this one.
            interrupt.set(false);
            Writer o = out != null ? out : new StringWriter();
            Writer e = err != null ? err : new StringWriter();
            RunResult r = image.compiled()
                    ? Machine.run(image, new RunEnv(config, stack, overflow, hosts, o, e, interrupt, gc, scheduler))
                    : compileFailure(image, e);
            flush(o);
            flush(e);
            return new RunResult(r.exitStatus(), out == null ? o.toString() : "", err == null ? e.toString() : "",
                    r.error(), r.metrics());
        } finally {
            running.set(false);
        }
    }

    /** What {@code go run} does with a program that does not compile: the errors on stderr, exit status 1. */
    private static RunResult compileFailure(Image image, Writer e) {
        StringBuilder report = new StringBuilder();
        for (Diagnostic d : image.diagnostics()) {
            report.append(d).append('\n');
        }
        write(e, report.toString());
        String first = image.diagnostics().getFirst().toString();
        return new RunResult(COMPILE_ERROR_STATUS, "", "",
                Optional.of(new GuestError(GuestError.Kind.COMPILE, first, report.toString())),
                new Metrics(Map.of()));
    }

    @Override
    public void interrupt() {
        interrupt.set(true);
    }

    /** A program that did not compile disassembles to its diagnostics, one per line. */
    @Override
    public String disassemble(Program program, boolean escapes) {
        Image image = imageOf(program);
        if (!image.compiled()) {
            StringBuilder sb = new StringBuilder();
            image.diagnostics().forEach(d -> sb.append(d).append('\n'));
            return sb.toString();
        }
        return Disassembler.render(image, escapes);
    }

    @Override
    public Config config() {
        return config;
    }

    /** Stops a run in progress (as {@link #interrupt()} does) and refuses further work. */
    @Override
    public void close() {
        closed = true;
        interrupt.set(true);
    }

    StackStrategy stackStrategy() {
        return stack;
    }

    OverflowHandler overflowHandler() {
        return overflow;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this VM is closed");
        }
    }

    private static Image imageOf(Program program) {
        Objects.requireNonNull(program, "program");
        if (program instanceof Image image) {
            return image;
        }
        throw new IllegalArgumentException("not a program compiled by a Cairn VM: " + program.getClass().getName());
    }

    /*
     * The host's writers are the host's: a write or flush that fails (a closed pipe) loses the
     * text, as it would for a Go process, and is not turned into a Java exception out of run.
     */
    private static void write(Writer w, String text) {
        try {
            w.write(text);
        } catch (IOException ignored) {
            // see above
        }
    }

    private static void flush(Writer w) {
        try {
            w.flush();
        } catch (IOException ignored) {
            // see above
        }
    }
}
