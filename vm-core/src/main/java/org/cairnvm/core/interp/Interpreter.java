package org.cairnvm.core.interp;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cairnvm.api.Config;
import org.cairnvm.api.HostFunction;
import org.cairnvm.core.code.FunctionCode;
import org.cairnvm.core.code.HostImport;
import org.cairnvm.core.code.Image;
import org.cairnvm.core.code.Layout;
import org.cairnvm.core.code.Opcode;
import org.cairnvm.core.chan.ChanPanic;
import org.cairnvm.core.chan.Channels;
import org.cairnvm.core.code.ChanObject;
import org.cairnvm.core.memory.GuestMemory;
import org.cairnvm.core.memory.Heap;
import org.cairnvm.core.memory.MemoryFault;
import org.cairnvm.core.memory.OutOfMemory;
import org.cairnvm.spi.AddressSpace;
import org.cairnvm.spi.Goroutine;
import org.cairnvm.spi.GuestStack;
import org.cairnvm.spi.Schedule;
import org.cairnvm.spi.StackContext;
import org.cairnvm.spi.StackSegment;
import org.cairnvm.spi.StackStrategy;

/**
 * The register-bytecode interpreter for one goroutine's stack.
 *
 * <p>{@link #execute} is the one dispatch loop. What it touches per instruction lives in Java
 * locals: the pc, the frame pointer as a word index into the current stack segment's array, the
 * function's code, the segment's words, base address and guard, and the instruction and call
 * counts. Calls and returns never leave the loop: {@code CALL} checks the new frame against the
 * segment's guard (Go's stackguard0), writes the frame header and copies the arguments in place;
 * {@code RET} computes the caller's frame as the one right above (checking it against the saved
 * frame pointer instead of waiting for that load) and writes its results straight into the
 * caller's destination slot, the last operand of the caller's {@code CALL}. Only when a check
 * fails does it call out: the stack strategy for a frame that does not fit or a return across
 * segments, the address space for memory outside the heap and the current segment, and
 * {@link #slowOp} for instructions that allocate, print, panic or call the host.
 *
 * <p>Before every call out the loop stores its frame pointer, function and resume pc in the
 * {@link GuestStack}, so the frame walker (stack copying, collection, traces) sees an exact top
 * frame. The segment is fixed for a slice: a call out that moves or switches it ends the slice,
 * and the next one starts from the guest stack.
 *
 * <p>The loop runs in slices of about {@link #SLICE} instructions: at a call or a loop back-edge
 * it compares the instruction count with the slice's end (one comparison on the fast path) and,
 * past it, saves its state and returns; between slices the budget and the host's interrupt flag
 * are checked.
 *
 * <p>Each run works on a quickened copy of the code ({@link #quicken}) in which common pairs are
 * fused into one dispatch; the compiler's code, pcs, stack maps and lines are unchanged.
 *
 * <p>Once a run has executed {@code jit.threshold} instructions, the {@link BaselineCompiler}
 * translates the program into JVM bytecode and the run's calls of compiled functions become
 * {@link Op#CALLJIT}, which enters compiled code, and their loops' back-edges {@link Op#LOOPJIT},
 * which carries on in compiled code in the same frame. Compiled code keeps this loop's frames exactly
 * and calls back into it through the {@code compiled*} methods below; it hands control back
 * (the loop resumes from the guest stack) whenever a stack must grow or move, or a goroutine
 * parks or yields.
 */
public final class Interpreter {
    /**
     * Instructions in one slice of {@link #execute}: at the first call or back-edge after them
     * the loop saves its state and returns, and the budget and the interrupt flag are checked
     * between slices. A slice is short (a few microseconds) so that the JIT sees the dispatch
     * method entered often: a method entered once per run stays in its first, profiling
     * compilation after a deoptimisation, at several times the cost. It is long enough that the
     * return, the atomic read and the reload cost nothing measurable.
     */
    static final long SLICE = 4096;
    /**
     * Faults below this address are nil dereferences: the unmapped first 64 KiB, where nil plus
     * any field offset lands (Go's runtime treats its unmapped low page the same way).
     */
    static final long NIL_PAGE_LIMIT = Image.STATIC_BASE;
    /**
     * The address of zero-size allocations ({@code make([]T, 0)}, {@code new(struct{})}): like
     * Go's {@code runtime.zerobase}, non-nil and never dereferenced.
     */
    static final long ZEROBASE = Image.STATIC_BASE;
    /** Objects record their payload size in 32 bits of the header word. */
    private static final long MAX_OBJECT_WORDS = 0xFFFF_FFFFL;
    /**
     * How much guest stack compiled code may use below the frame the loop entered it with before
     * a call hands back (and the loop enters compiled code afresh), in words. Each compiled guest
     * frame is a JVM frame too, so this bounds the JVM stack compiled code needs: at most one JVM
     * frame per two words (the smallest guest frame is its header), a few hundred KiB at worst,
     * which any thread a host runs the VM on has.
     */
    static final int MAX_COMPILED_DEPTH_WORDS = 2048;
    /** An entry into compiled code that hands back within this many instructions did next to nothing there. */
    static final int SHORT_ENTRY = 64;
    /** Short entries after which this loop stops entering a function; see {@link #wasted}. */
    static final int MAX_WASTED_ENTRIES = 1000;
    private static final String DIVIDE_BY_ZERO = "integer divide by zero";
    private static final String NEGATIVE_SHIFT = "negative shift amount";

    private static final int[] LENGTH = Op.LENGTH;

    private final Image image;
    private final int[][] codes;
    private final long[][] consts;
    private final int[] frameWords;
    private final int[] paramWords;
    /** Per function, {@code frameWords | paramWords << 32}: what a call needs, in one load. */
    private final long[] callInfo;
    private final AddressSpace memory;
    private final Heap heap;
    private final StackStrategy strategy;
    private final StackContext ctx;
    private final Schedule schedule;
    private final Channels channels;
    /** The running goroutine and its stack. */
    private Goroutine current;
    private GuestStack stack;
    /** Set by a slow path that stops the running goroutine: {@link Stop#PARKED} or {@link Stop#YIELDED}. */
    private Stop stop;
    /** Read by compiled code too, as are the heap's fields below. */
    final long[] statics;
    private final long staticLimit;
    private final List<HostImport> hostImports;
    private final HostFunction[] hosts;
    private final Output output;
    private final AtomicBoolean interrupt;
    private final long budget;
    /** {@code stats.hostHeap}: measure the JVM heap at each {@code runtime.GC()}. */
    private final boolean hostHeapProbe;

    /** Instructions after which the program is compiled; -1 for never ({@code jit=off}). */
    private long compileAt;
    /** The program as the baseline compiler made it, once it has. */
    private CompiledCode compiled;
    /** The compiled functions this loop enters (calls and back-edges); see {@link #wasted}. */
    private BitSet entered;
    private int[] wastedEntries;
    /** While compiled code runs: the current segment's base address. */
    long compiledBase;
    /** While compiled code runs: where its slice ends, and how many instructions are left in it. */
    private long compiledSliceEnd;
    int sliceLeft;
    private int compiledFunctions;
    private long compiledEntries;
    private long handBacks;
    private long compileNanos;

    /** The heap's backing and allocated range, for the loop's fast range check; see {@link #refreshHeap}. */
    long[] heapWords;
    long heapBase;
    long heapTop;
    private long instructions;
    private long calls;
    private long hostCalls;
    private long peakStackBytes;
    /** The function whose frame the stack strategy is finding room for, or -1. */
    private int pendingCallee = -1;
    /** Where the next slice starts: the pc in {@code stack.function} (stack.pc holds the resume pc). */
    private int continueAt;
    private byte[] scratch = new byte[256];

    /**
     * @param statics the static region's words as mapped in {@code memory} (globals, literals)
     * @param hosts host function bodies, indexed like {@link Image#hostImports()}
     * @param budget instruction budget, 0 for none
     */
    public Interpreter(Image image, AddressSpace memory, Heap heap, StackStrategy strategy, StackContext ctx,
                       Schedule schedule, long[] statics, HostFunction[] hosts, Output output,
                       AtomicBoolean interrupt, long budget) {
        this.image = image;
        int nf = image.functions().size();
        this.codes = new int[nf][];
        this.consts = new long[nf][];
        this.frameWords = new int[nf];
        this.paramWords = new int[nf];
        this.callInfo = new long[nf];
        for (FunctionCode f : image.functions()) {
            codes[f.index()] = quicken(f.code());
            consts[f.index()] = f.constants();
            frameWords[f.index()] = f.frameWords();
            paramWords[f.index()] = f.paramWords();
            callInfo[f.index()] = (f.frameWords() & 0xFFFF_FFFFL) | ((long) f.paramWords() << 32);
        }
        this.memory = memory;
        this.heap = heap;
        this.strategy = strategy;
        this.ctx = ctx;
        this.schedule = schedule;
        this.channels = new Channels(memory, schedule);
        this.statics = statics;
        this.staticLimit = Image.STATIC_BASE + 8L * statics.length;
        this.hostImports = image.hostImports();
        this.hosts = hosts.clone();
        this.output = output;
        this.interrupt = interrupt;
        this.budget = budget;
        this.hostHeapProbe = Boolean.parseBoolean(ctx.config().get(Config.STATS_HOST_HEAP));
        this.compileAt = "off".equals(ctx.config().get(Config.JIT)) ? -1 : ctx.config().getLong(Config.JIT_THRESHOLD);
    }

    /**
     * This run's copy of a function's code with pairs fused: an {@code ADDI} directly followed
     * by a {@code CALL} becomes {@link Op#ADDI_CALL}, an {@code ADD} directly followed by a
     * {@code RET} becomes {@link Op#ADD_RET} (the argument and the result of a recursive call,
     * as in fib), and a compare-and-branch directly followed by a {@code RET} becomes its
     * {@code _RET} form (fib's {@code if n < 2 { return n }}: about a sixth of fib's dispatches).
     * Only the first instruction's opcode changes: the second stays intact for jumps
     * that land on it, every pc, operand, stack map and line stays where the compiler put it, and
     * a fused pair counts as two instructions. Code that does not decode is left alone, for the
     * loop to reject where it is reached.
     */
    static int[] quicken(int[] original) {
        int[] code = original.clone();
        int n = Opcode.values().length;
        int pc = 0;
        while (pc < code.length) {
            int op = code[pc];
            if (op < 0 || op >= n) {
                break;
            }
            int next = pc + LENGTH[op];
            if (next < code.length) {
                if (op == Op.ADDI && code[next] == Op.CALL) {
                    code[pc] = Op.ADDI_CALL;
                } else if (op == Op.ADD && code[next] == Op.RET) {
                    code[pc] = Op.ADD_RET;
                } else if (op >= Op.JEQ && op <= Op.JGEI && code[next] == Op.RET) {
                    code[pc] = Op.JEQ_RET + (op - Op.JEQ);
                }
            }
            pc = next;
        }
        return code;
    }

    /** Instructions executed so far (vm.instructions). */
    public long instructions() {
        return instructions;
    }

    /** Calls made so far, host calls included (vm.calls). */
    public long calls() {
        return calls + hostCalls;
    }

    /**
     * The function being called while the stack strategy runs, or -1: an overflow report shows it
     * as the top frame, at its {@code func} line, as Go's does (Go checks in the callee's prologue).
     */
    public int pendingCallee() {
        return pendingCallee;
    }

    /** Functions the baseline compiler compiled (jit.functions; 0 before it runs). */
    public int compiledFunctions() {
        return compiledFunctions;
    }

    /** Calls from this loop into compiled code (jit.entries). */
    public long compiledEntries() {
        return compiledEntries;
    }

    /** Times compiled code handed control back to this loop (jit.handBacks). */
    public long handBacks() {
        return handBacks;
    }

    /** Wall time spent compiling (time.jitNanos). */
    public long compileNanos() {
        return compileNanos;
    }

    /** The deepest the stack has been, in bytes from its top (stack.peakBytes). */
    public long peakStackBytes() {
        return peakStackBytes;
    }

    /** Why {@link #resume} returned. */
    public enum Stop {
        /** The goroutine's entry function returned: its stack is empty. */
        ENDED,
        /** It blocked in a channel operation; the schedule has it parked. */
        PARKED,
        /** It called {@code runtime.Gosched}. */
        YIELDED
    }

    /**
     * Writes an entry frame for {@code function} (saved frame pointer and return word 0) on
     * {@code g}'s empty stack, the frame's arguments copied from {@code args} (null for none),
     * and leaves it saved at pc 0, ready for {@link #resume}. A frame larger than the stack goes
     * through the strategy, as any call's does.
     */
    public void enter(Goroutine g, int function, long[] args) {
        GuestStack gs = g.stack();
        int fw = frameWords[function];
        StackSegment seg = gs.segment;
        gs.fp = 0;
        gs.function = function;
        gs.pc = 0;
        int idx = seg.words.length - fw;
        if (idx < seg.guard) {
            pendingCallee = function;
            long at = strategy.morestack(ctx, gs, fw);
            pendingCallee = -1;
            seg = gs.segment;
            idx = seg.index(at);
        }
        seg.words[idx] = 0;
        seg.words[idx + 1] = 0;
        if (args != null) {
            System.arraycopy(args, 0, seg.words, idx + 2, args.length);
        }
        gs.fp = seg.address(idx);
    }

    /**
     * Runs {@code g} from its saved top frame until its entry function returns, it parks in a
     * channel operation or it yields. Between slices: the budget and the interrupt. A sender
     * woken by {@code close} panics here, at its send.
     */
    public Stop resume(Goroutine g) {
        current = g;
        stack = g.stack();
        stop = null;
        continueAt = stack.pc;
        if (channels.wokenByClose(g)) {
            throw Unwind.panic("send on closed channel");
        }
        maybeCompile();
        try {
            while (!execute()) {
                if (stop != null) {
                    return stop;
                }
                poll();
            }
        } finally {
            noteStackDepth();
        }
        // The entry frame returned: the stack is empty. After an unwind the top frame stays
        // exact, for the report.
        stack.fp = 0;
        return Stop.ENDED;
    }

    // ------------------------------------------------------------------------------------------
    // The dispatch loop

    /**
     * Runs one slice: from the state saved in the guest stack (and {@link #continueAt}) until
     * the entry frame returns (true) or, at a call or back-edge, the slice's instructions are
     * used up (false: the state is saved again, the caller polls and calls back).
     */
    private boolean execute() {
        final int[][] codes = this.codes;
        final long[][] consts = this.consts;
        final long[] callInfo = this.callInfo;
        int fn = stack.function;
        int[] code = codes[fn];
        int pc = continueAt;
        // The segment is fixed for the whole slice (a slow path that changes it ends the slice),
        // so the JIT keeps the array, its length, base and guard in registers.
        final long[] w = stack.segment.words;
        final long base = stack.segment.base;
        final int guard = stack.segment.guard;
        int fp = stack.segment.index(stack.fp);
        refreshHeap();
        long n = instructions;
        long ncalls = calls;
        long sliceEnd = sliceEnd(n);
        try {
            for (;;) {
                n++;
                // Instructions that end in a return leave this block with `break returning` for
                // the shared return below; every other one leaves the switch and loops.
                returning: {
                    switch (code[pc]) {
                        case Op.MOV: {
                            w[fp + code[pc + 1]] = w[fp + code[pc + 2]];
                            pc += 3;
                            break;
                        }
                        case Op.MOVN: {
                            System.arraycopy(w, fp + code[pc + 2], w, fp + code[pc + 1], code[pc + 3]);
                            pc += 4;
                            break;
                        }
                        case Op.ZERO: {
                            int d = fp + code[pc + 1];
                            Arrays.fill(w, d, d + code[pc + 2], 0L);
                            pc += 3;
                            break;
                        }
                        case Op.LOADI: {
                            w[fp + code[pc + 1]] = code[pc + 2];
                            pc += 3;
                            break;
                        }
                        case Op.LOADK: {
                            w[fp + code[pc + 1]] = consts[fn][code[pc + 2]];
                            pc += 3;
                            break;
                        }
                        case Op.ADD: {
                            w[fp + code[pc + 1]] = w[fp + code[pc + 2]] + w[fp + code[pc + 3]];
                            pc += 4;
                            break;
                        }
                        case Op.SUB: {
                            w[fp + code[pc + 1]] = w[fp + code[pc + 2]] - w[fp + code[pc + 3]];
                            pc += 4;
                            break;
                        }
                        case Op.MUL: {
                            w[fp + code[pc + 1]] = w[fp + code[pc + 2]] * w[fp + code[pc + 3]];
                            pc += 4;
                            break;
                        }
                        case Op.DIV: {
                            long b = w[fp + code[pc + 3]];
                            if (b == 0) {
                                throw raise(Unwind.runtimeError(DIVIDE_BY_ZERO), base + 8L * fp, fn, pc + 4);
                            }
                            w[fp + code[pc + 1]] = w[fp + code[pc + 2]] / b;
                            pc += 4;
                            break;
                        }
                        case Op.REM: {
                            long b = w[fp + code[pc + 3]];
                            if (b == 0) {
                                throw raise(Unwind.runtimeError(DIVIDE_BY_ZERO), base + 8L * fp, fn, pc + 4);
                            }
                            w[fp + code[pc + 1]] = w[fp + code[pc + 2]] % b;
                            pc += 4;
                            break;
                        }
                        case Op.AND: {
                            w[fp + code[pc + 1]] = w[fp + code[pc + 2]] & w[fp + code[pc + 3]];
                            pc += 4;
                            break;
                        }
                        case Op.OR: {
                            w[fp + code[pc + 1]] = w[fp + code[pc + 2]] | w[fp + code[pc + 3]];
                            pc += 4;
                            break;
                        }
                        case Op.XOR: {
                            w[fp + code[pc + 1]] = w[fp + code[pc + 2]] ^ w[fp + code[pc + 3]];
                            pc += 4;
                            break;
                        }
                        case Op.ANDNOT: {
                            w[fp + code[pc + 1]] = w[fp + code[pc + 2]] & ~w[fp + code[pc + 3]];
                            pc += 4;
                            break;
                        }
                        case Op.SHL: {
                            long b = w[fp + code[pc + 3]];
                            if (b < 0) {
                                throw raise(Unwind.runtimeError(NEGATIVE_SHIFT), base + 8L * fp, fn, pc + 4);
                            }
                            w[fp + code[pc + 1]] = b >= 64 ? 0 : w[fp + code[pc + 2]] << b;
                            pc += 4;
                            break;
                        }
                        case Op.SHR: {
                            long b = w[fp + code[pc + 3]];
                            if (b < 0) {
                                throw raise(Unwind.runtimeError(NEGATIVE_SHIFT), base + 8L * fp, fn, pc + 4);
                            }
                            w[fp + code[pc + 1]] = w[fp + code[pc + 2]] >> Math.min(b, 63);
                            pc += 4;
                            break;
                        }
                        case Op.ADDI: {
                            w[fp + code[pc + 1]] = w[fp + code[pc + 2]] + code[pc + 3];
                            pc += 4;
                            break;
                        }
                        case Op.NEG: {
                            w[fp + code[pc + 1]] = -w[fp + code[pc + 2]];
                            pc += 3;
                            break;
                        }
                        case Op.BITNOT: {
                            w[fp + code[pc + 1]] = ~w[fp + code[pc + 2]];
                            pc += 3;
                            break;
                        }
                        case Op.NOT: {
                            w[fp + code[pc + 1]] = w[fp + code[pc + 2]] ^ 1;
                            pc += 3;
                            break;
                        }
                        case Op.EQ: {
                            w[fp + code[pc + 1]] = w[fp + code[pc + 2]] == w[fp + code[pc + 3]] ? 1 : 0;
                            pc += 4;
                            break;
                        }
                        case Op.NE: {
                            w[fp + code[pc + 1]] = w[fp + code[pc + 2]] != w[fp + code[pc + 3]] ? 1 : 0;
                            pc += 4;
                            break;
                        }
                        case Op.LT: {
                            w[fp + code[pc + 1]] = w[fp + code[pc + 2]] < w[fp + code[pc + 3]] ? 1 : 0;
                            pc += 4;
                            break;
                        }
                        case Op.LE: {
                            w[fp + code[pc + 1]] = w[fp + code[pc + 2]] <= w[fp + code[pc + 3]] ? 1 : 0;
                            pc += 4;
                            break;
                        }
                        case Op.GT: {
                            w[fp + code[pc + 1]] = w[fp + code[pc + 2]] > w[fp + code[pc + 3]] ? 1 : 0;
                            pc += 4;
                            break;
                        }
                        case Op.GE: {
                            w[fp + code[pc + 1]] = w[fp + code[pc + 2]] >= w[fp + code[pc + 3]] ? 1 : 0;
                            pc += 4;
                            break;
                        }
                        case Op.JMP:
                            pc = code[pc + 1];
                            break;
                        case Op.LOOP: {
                            int resume = pc + 2;
                            pc = code[pc + 1];
                            if (n >= sliceEnd) {
                                save(base + 8L * fp, fn, resume);
                                continueAt = pc;
                                return false;
                            }
                            break;
                        }
                        case Op.LOOPJIT: {
                            // LOOP, then the frame goes on in compiled code from the loop's header;
                            // compiled code entered so always hands back
                            int resume = pc + 2;
                            pc = code[pc + 1];
                            save(base + 8L * fp, fn, resume);
                            continueAt = pc;
                            if (n < sliceEnd) {
                                instructions = n;
                                calls = ncalls;
                                try {
                                    callCompiled(fn, w, fp, base, guard, ~pc, sliceEnd, pc);
                                } finally {
                                    n = instructions;
                                    ncalls = calls;
                                }
                            }
                            return false;
                        }
                        case Op.JT:
                            pc = w[fp + code[pc + 1]] != 0 ? code[pc + 2] : pc + 3;
                            break;
                        case Op.JF:
                            pc = w[fp + code[pc + 1]] == 0 ? code[pc + 2] : pc + 3;
                            break;
                        case Op.JEQ:
                            pc = w[fp + code[pc + 1]] == w[fp + code[pc + 2]] ? code[pc + 3] : pc + 4;
                            break;
                        case Op.JNE:
                            pc = w[fp + code[pc + 1]] != w[fp + code[pc + 2]] ? code[pc + 3] : pc + 4;
                            break;
                        case Op.JLT:
                            pc = w[fp + code[pc + 1]] < w[fp + code[pc + 2]] ? code[pc + 3] : pc + 4;
                            break;
                        case Op.JLE:
                            pc = w[fp + code[pc + 1]] <= w[fp + code[pc + 2]] ? code[pc + 3] : pc + 4;
                            break;
                        case Op.JGT:
                            pc = w[fp + code[pc + 1]] > w[fp + code[pc + 2]] ? code[pc + 3] : pc + 4;
                            break;
                        case Op.JGE:
                            pc = w[fp + code[pc + 1]] >= w[fp + code[pc + 2]] ? code[pc + 3] : pc + 4;
                            break;
                        case Op.JEQI:
                            pc = w[fp + code[pc + 1]] == code[pc + 2] ? code[pc + 3] : pc + 4;
                            break;
                        case Op.JNEI:
                            pc = w[fp + code[pc + 1]] != code[pc + 2] ? code[pc + 3] : pc + 4;
                            break;
                        case Op.JLTI:
                            pc = w[fp + code[pc + 1]] < code[pc + 2] ? code[pc + 3] : pc + 4;
                            break;
                        case Op.JLEI:
                            pc = w[fp + code[pc + 1]] <= code[pc + 2] ? code[pc + 3] : pc + 4;
                            break;
                        case Op.JGTI:
                            pc = w[fp + code[pc + 1]] > code[pc + 2] ? code[pc + 3] : pc + 4;
                            break;
                        case Op.JGEI:
                            pc = w[fp + code[pc + 1]] >= code[pc + 2] ? code[pc + 3] : pc + 4;
                            break;
                        case Op.ADDR: {
                            w[fp + code[pc + 1]] = base + 8L * (fp + code[pc + 2]);
                            pc += 3;
                            break;
                        }
                        case Op.GADDR: {
                            w[fp + code[pc + 1]] = Image.STATIC_BASE + 8L * code[pc + 2];
                            pc += 3;
                            break;
                        }
                        case Op.GLOAD: {
                            int cnt = code[pc + 3];
                            if (cnt == 1) {
                                w[fp + code[pc + 1]] = statics[code[pc + 2]];
                            } else {
                                System.arraycopy(statics, code[pc + 2], w, fp + code[pc + 1], cnt);
                            }
                            pc += 4;
                            break;
                        }
                        case Op.GSTORE: {
                            int cnt = code[pc + 3];
                            if (cnt == 1) {
                                statics[code[pc + 1]] = w[fp + code[pc + 2]];
                            } else {
                                System.arraycopy(w, fp + code[pc + 2], statics, code[pc + 1], cnt);
                            }
                            pc += 4;
                            break;
                        }
                        case Op.LOAD: {
                            long p = w[fp + code[pc + 2]];
                            if (p == 0) {
                                throw raise(Unwind.nilDereference(), base + 8L * fp, fn, pc + 5);
                            }
                            long a = p + 8L * code[pc + 3];
                            int cnt = code[pc + 4];
                            int d = fp + code[pc + 1];
                            if (a >= heapBase && a + 8L * cnt <= heapTop) {
                                int i = (int) ((a - heapBase) >>> 3);
                                if (cnt == 1) {
                                    w[d] = heapWords[i];
                                } else {
                                    System.arraycopy(heapWords, i, w, d, cnt);
                                }
                            } else if (a >= base && ((a - base) >>> 3) + cnt <= w.length) {
                                int i = (int) ((a - base) >>> 3);
                                if (cnt == 1) {
                                    w[d] = w[i];
                                } else {
                                    System.arraycopy(w, i, w, d, cnt);
                                }
                            } else {
                                save(base + 8L * fp, fn, pc + 5);
                                for (int i = 0; i < cnt; i++) {
                                    w[d + i] = read(a + 8L * i);
                                }
                            }
                            pc += 5;
                            break;
                        }
                        case Op.STORE: {
                            long p = w[fp + code[pc + 1]];
                            if (p == 0) {
                                throw raise(Unwind.nilDereference(), base + 8L * fp, fn, pc + 5);
                            }
                            long a = p + 8L * code[pc + 2];
                            int s = fp + code[pc + 3];
                            int cnt = code[pc + 4];
                            if (a >= heapBase && a + 8L * cnt <= heapTop) {
                                int i = (int) ((a - heapBase) >>> 3);
                                if (cnt == 1) {
                                    heapWords[i] = w[s];
                                } else {
                                    System.arraycopy(w, s, heapWords, i, cnt);
                                }
                            } else if (a >= base && ((a - base) >>> 3) + cnt <= w.length) {
                                int i = (int) ((a - base) >>> 3);
                                if (cnt == 1) {
                                    w[i] = w[s];
                                } else {
                                    System.arraycopy(w, s, w, i, cnt);
                                }
                            } else {
                                save(base + 8L * fp, fn, pc + 5);
                                for (int i = 0; i < cnt; i++) {
                                    write(a + 8L * i, w[s + i]);
                                }
                            }
                            pc += 5;
                            break;
                        }
                        case Op.LEA: {
                            long p = w[fp + code[pc + 2]];
                            if (p == 0) {
                                throw raise(Unwind.nilDereference(), base + 8L * fp, fn, pc + 4);
                            }
                            w[fp + code[pc + 1]] = p + 8L * code[pc + 3];
                            pc += 4;
                            break;
                        }
                        case Op.SLICEIDX: {
                            int s = fp + code[pc + 2];
                            long i = w[fp + code[pc + 3]];
                            long len = w[s + 1];
                            if (Long.compareUnsigned(i, len) >= 0) {
                                throw raise(Unwind.runtimeError(Bounds.INDEX.message(i, len)), base + 8L * fp, fn,
                                        pc + 5);
                            }
                            w[fp + code[pc + 1]] = w[s] + 8L * code[pc + 4] * i;
                            pc += 5;
                            break;
                        }
                        case Op.ARRIDX: {
                            long p = w[fp + code[pc + 2]];
                            if (p == 0) {
                                throw raise(Unwind.nilDereference(), base + 8L * fp, fn, pc + 6);
                            }
                            long i = w[fp + code[pc + 3]];
                            int len = code[pc + 4];
                            if (Long.compareUnsigned(i, len) >= 0) {
                                throw raise(Unwind.runtimeError(Bounds.INDEX.message(i, len)), base + 8L * fp, fn,
                                        pc + 6);
                            }
                            w[fp + code[pc + 1]] = p + 8L * code[pc + 5] * i;
                            pc += 6;
                            break;
                        }
                        case Op.FLOADIDX: {
                            long i = w[fp + code[pc + 3]];
                            int len = code[pc + 4];
                            if (Long.compareUnsigned(i, len) >= 0) {
                                throw raise(Unwind.runtimeError(Bounds.INDEX.message(i, len)), base + 8L * fp, fn,
                                        pc + 6);
                            }
                            int cnt = code[pc + 5];
                            int s = fp + code[pc + 2] + (int) i * cnt;
                            int d = fp + code[pc + 1];
                            if (cnt == 1) {
                                w[d] = w[s];
                            } else {
                                System.arraycopy(w, s, w, d, cnt);
                            }
                            pc += 6;
                            break;
                        }
                        case Op.FSTOREIDX: {
                            long i = w[fp + code[pc + 2]];
                            int len = code[pc + 3];
                            if (Long.compareUnsigned(i, len) >= 0) {
                                throw raise(Unwind.runtimeError(Bounds.INDEX.message(i, len)), base + 8L * fp, fn,
                                        pc + 6);
                            }
                            int cnt = code[pc + 5];
                            int d = fp + code[pc + 1] + (int) i * cnt;
                            int s = fp + code[pc + 4];
                            if (cnt == 1) {
                                w[d] = w[s];
                            } else {
                                System.arraycopy(w, s, w, d, cnt);
                            }
                            pc += 6;
                            break;
                        }
                        case Op.ADDI_CALL:
                            // ADDI then the CALL right after it (quickened at load; see quicken)
                            w[fp + code[pc + 1]] = w[fp + code[pc + 2]] + code[pc + 3];
                            pc += 4;
                            n++;
                            // fall through
                        case Op.CALL: {
                            int f = code[pc + 1];
                            long info = callInfo[f];
                            int nfp = fp - (int) info;
                            if (nfp >= guard) {
                                w[nfp] = base + 8L * fp;
                                w[nfp + 1] = ((long) fn << 32) | (pc + 4);
                                int a = fp + code[pc + 2];
                                int np = (int) (info >>> 32);
                                if (np == 1) {
                                    w[nfp + 2] = w[a];
                                } else if (np != 0) {
                                    System.arraycopy(w, a, w, nfp + 2, np);
                                }
                                fp = nfp;
                            } else {
                                // The strategy may move or switch the segment: the callee starts a new slice.
                                morestack(fn, pc + 4, f, code[pc + 2], base + 8L * fp);
                                ncalls++;
                                continueAt = 0;
                                return false;
                            }
                            fn = f;
                            code = codes[f];
                            pc = 0;
                            ncalls++;
                            if (n >= sliceEnd) {
                                save(base + 8L * fp, fn, 0);
                                continueAt = 0;
                                return false;
                            }
                            break;
                        }
                        case Op.ADDI_CALLJIT:
                            w[fp + code[pc + 1]] = w[fp + code[pc + 2]] + code[pc + 3];
                            pc += 4;
                            n++;
                            // fall through
                        case Op.CALLJIT: {
                            // CALL's prologue and frame, then the callee runs in compiled code
                            int f = code[pc + 1];
                            long info = callInfo[f];
                            int nfp = fp - (int) info;
                            if (nfp < guard) {
                                morestack(fn, pc + 4, f, code[pc + 2], base + 8L * fp);
                                ncalls++;
                                continueAt = 0;
                                return false;
                            }
                            w[nfp] = base + 8L * fp;
                            w[nfp + 1] = ((long) fn << 32) | (pc + 4);
                            System.arraycopy(w, fp + code[pc + 2], w, nfp + 2, (int) (info >>> 32));
                            instructions = n;
                            calls = ncalls + 1;
                            boolean handedBack;
                            try {
                                handedBack = callCompiled(f, w, nfp, base, guard, fp + code[pc + 3], sliceEnd, 0);
                            } finally {
                                n = instructions;
                                ncalls = calls;
                            }
                            if (handedBack) {
                                return false;
                            }
                            sliceEnd = compiledSliceEnd;
                            pc += 4;
                            break;
                        }
                        case Op.ADD_RET:
                            // ADD then the RET right after it (quickened at load; see quicken)
                            w[fp + code[pc + 1]] = w[fp + code[pc + 2]] + w[fp + code[pc + 3]];
                            pc += 4;
                            n++;
                            break returning;
                        // A compare-and-branch then the RET it skips (quickened at load; see quicken)
                        case Op.JEQ_RET:
                            if (w[fp + code[pc + 1]] == w[fp + code[pc + 2]]) {
                                pc = code[pc + 3];
                                break;
                            }
                            pc += 4;
                            n++;
                            break returning;
                        case Op.JNE_RET:
                            if (w[fp + code[pc + 1]] != w[fp + code[pc + 2]]) {
                                pc = code[pc + 3];
                                break;
                            }
                            pc += 4;
                            n++;
                            break returning;
                        case Op.JLT_RET:
                            if (w[fp + code[pc + 1]] < w[fp + code[pc + 2]]) {
                                pc = code[pc + 3];
                                break;
                            }
                            pc += 4;
                            n++;
                            break returning;
                        case Op.JLE_RET:
                            if (w[fp + code[pc + 1]] <= w[fp + code[pc + 2]]) {
                                pc = code[pc + 3];
                                break;
                            }
                            pc += 4;
                            n++;
                            break returning;
                        case Op.JGT_RET:
                            if (w[fp + code[pc + 1]] > w[fp + code[pc + 2]]) {
                                pc = code[pc + 3];
                                break;
                            }
                            pc += 4;
                            n++;
                            break returning;
                        case Op.JGE_RET:
                            if (w[fp + code[pc + 1]] >= w[fp + code[pc + 2]]) {
                                pc = code[pc + 3];
                                break;
                            }
                            pc += 4;
                            n++;
                            break returning;
                        case Op.JEQI_RET:
                            if (w[fp + code[pc + 1]] == code[pc + 2]) {
                                pc = code[pc + 3];
                                break;
                            }
                            pc += 4;
                            n++;
                            break returning;
                        case Op.JNEI_RET:
                            if (w[fp + code[pc + 1]] != code[pc + 2]) {
                                pc = code[pc + 3];
                                break;
                            }
                            pc += 4;
                            n++;
                            break returning;
                        case Op.JLTI_RET:
                            if (w[fp + code[pc + 1]] < code[pc + 2]) {
                                pc = code[pc + 3];
                                break;
                            }
                            pc += 4;
                            n++;
                            break returning;
                        case Op.JLEI_RET:
                            if (w[fp + code[pc + 1]] <= code[pc + 2]) {
                                pc = code[pc + 3];
                                break;
                            }
                            pc += 4;
                            n++;
                            break returning;
                        case Op.JGTI_RET:
                            if (w[fp + code[pc + 1]] > code[pc + 2]) {
                                pc = code[pc + 3];
                                break;
                            }
                            pc += 4;
                            n++;
                            break returning;
                        case Op.JGEI_RET:
                            if (w[fp + code[pc + 1]] >= code[pc + 2]) {
                                pc = code[pc + 3];
                                break;
                            }
                            pc += 4;
                            n++;
                            break returning;
                        case Op.RET:
                            break returning;
                        default: {
                            // Allocation, strings, printing, host calls, panics: out of line, so this
                            // method stays small enough for the JIT. If the stack moved (a
                            // collection shrinks it), the next slice starts on the new segment.
                            save(base + 8L * fp, fn, pc);
                            pc = slowOp(code, pc);
                            if (stack.segment.words != w || stack.segment.guard != guard || stop != null) {
                                continueAt = pc;
                                return false;
                            }
                            break;
                        }
                    }
                    continue;
                }
                // RET at pc. The caller's frame sits right above this one unless the strategy
                // put this frame elsewhere (another segment) or this is the entry frame;
                // computing it rather than loading it keeps the load off the critical path.
                int cfp = fp + (int) callInfo[fn];
                if (w[fp] == base + 8L * cfp && cfp < w.length) {
                    long ret = w[fp + 1];
                    int cf = (int) (ret >>> 32);
                    int resume = (int) ret;
                    int[] ccode = codes[cf];
                    int src = fp + code[pc + 1];
                    int d = cfp + ccode[resume - 1];
                    int cnt = code[pc + 2];
                    if (cnt == 1) {
                        w[d] = w[src];
                    } else if (cnt != 0) {
                        System.arraycopy(w, src, w, d, cnt);
                    }
                    fp = cfp;
                    fn = cf;
                    code = ccode;
                    pc = resume;
                } else {
                    long ret = w[fp + 1];
                    if (ret == 0) {
                        return true;
                    }
                    int cf = (int) (ret >>> 32);
                    int resume = (int) ret;
                    returnAcross(cf, resume, w[fp], w, fp + code[pc + 1], code[pc + 2],
                            codes[cf][resume - 1]);
                    continueAt = resume;
                    return false;
                }
            }
        } finally {
            instructions = n;
            calls = ncalls;
        }
    }

    // ------------------------------------------------------------------------------------------
    // Slow paths of the loop

    /** Stores the top frame's state in the guest stack, for the walker and the strategies. */
    private void save(long fpAddress, int function, int resumePc) {
        stack.fp = fpAddress;
        stack.function = function;
        stack.pc = resumePc;
    }

    private Unwind raise(Unwind u, long fpAddress, int function, int resumePc) {
        save(fpAddress, function, resumePc);
        return u;
    }

    /**
     * Records how deep the current segment has ever been used, and tells the address space. The
     * high-water mark is read from the segment itself ({@link GuestMemory#touchedStackBytes}), so
     * calls pay nothing for it; it is taken before the segment is left (a move or a switch) and
     * at the end.
     */
    private void noteStackDepth() {
        StackSegment seg = stack.segment;
        long used = GuestMemory.touchedStackBytes(seg.region);
        memory.noteCommitted(seg.region, used);
        if (used > peakStackBytes) {
            peakStackBytes = used;
        }
    }

    /** Re-reads the heap's backing and bounds: after every allocation, which may grow the heap. */
    private void refreshHeap() {
        heapWords = heap.words();
        heapBase = heap.base();
        heapTop = heap.top();
    }

    private long sliceEnd(long n) {
        long end = n + SLICE;
        return budget > 0 && budget < end ? budget : end;
    }

    /** Between slices: the budget, then the host's interrupt, then whether to compile. The state is saved. */
    private void poll() {
        if (budget > 0 && instructions >= budget) {
            throw Unwind.budget(budget);
        }
        if (interrupt.get()) {
            interrupt.set(false);
            throw Unwind.interrupted();
        }
        maybeCompile();
    }

    // ------------------------------------------------------------------------------------------
    // Compiled code: entering it, and the exits it calls

    /**
     * Compiles the program once {@link #compileAt} instructions have run (or takes the code an
     * earlier run of the program made, see {@link org.cairnvm.core.code.DerivedCode}), and points
     * the run's calls of compiled functions at it. A program the compiler cannot take (none of
     * its functions fit) runs on in this loop.
     */
    private void maybeCompile() {
        if (compileAt < 0 || instructions < compileAt) {
            return;
        }
        compileAt = -1;
        long start = System.nanoTime();
        BaselineCompiler.Result result = image.derived().get(BaselineCompiler.Result.class,
                () -> BaselineCompiler.compile(image));
        compileNanos = System.nanoTime() - start;
        if (result == null) {
            return;
        }
        compiled = result.code();
        compiledFunctions = result.compiled().cardinality();
        entered = (BitSet) result.compiled().clone();
        wastedEntries = new int[image.functions().size()];
        route();
    }

    /**
     * Points this run's code at compiled code for the functions in {@link #entered}: their calls
     * become {@link Op#CALLJIT} ({@link Op#ADDI_CALLJIT} when fused), and their loops'
     * back-edges {@link Op#LOOPJIT}, unless the loop may park (it would enter compiled code and
     * hand back at every turn, for nothing); every other call and back-edge is the plain one.
     */
    private void route() {
        for (FunctionCode f : image.functions()) {
            int[] original = f.code();
            int[] code = codes[f.index()];
            int previous = -1;
            for (int pc = 0; pc < original.length && original[pc] >= 0 && original[pc] < LENGTH.length;
                 pc += LENGTH[original[pc]]) {
                if (original[pc] == Op.CALL && pc + 1 < original.length) {
                    boolean jit = entered.get(original[pc + 1]);
                    code[pc] = jit ? Op.CALLJIT : Op.CALL;
                    if (previous >= 0 && (code[previous] == Op.ADDI_CALL || code[previous] == Op.ADDI_CALLJIT)) {
                        code[previous] = jit ? Op.ADDI_CALLJIT : Op.ADDI_CALL;
                    }
                } else if (original[pc] == Op.LOOP) {
                    code[pc] = entered.get(f.index()) && !BaselineCompiler.mayPark(original, original[pc + 1], pc)
                            ? Op.LOOPJIT : Op.LOOP;
                }
                previous = pc;
            }
        }
    }

    /**
     * Counts an entry from this loop into compiled function {@code f} that handed back after
     * fewer than {@link #SHORT_ENTRY} instructions; after {@link #MAX_WASTED_ENTRIES} of them,
     * this loop stops entering {@code f} (compiled callers still call it). A call that needs a new
     * segment at every turn (the hot split) or a function that parks at once would otherwise pay
     * an entry and a hand-back each time, for almost no compiled work.
     */
    private void wasted(int f) {
        if (++wastedEntries[f] == MAX_WASTED_ENTRIES) {
            entered.clear(f);
            route();
        }
    }

    /**
     * Runs compiled function {@code f} in the frame at {@code fp}: a call (the loop has just
     * written the frame, and the results go to word {@code dst}) or, with {@code dst} negative, an
     * entry at loop header {@code ~dst} (see {@link CompiledCode#call}). First the slice check
     * the loop makes at every call and back-edge, the frame then on top at {@code pc}. The loop
     * has stored its counts in the fields; they are exact again when this returns or throws.
     *
     * @return whether compiled code handed back: the loop then resumes from the guest stack
     */
    private boolean callCompiled(int f, long[] w, int fp, long base, int guard, int dst, long sliceEnd, int pc) {
        if (instructions >= sliceEnd) {
            save(base + 8L * fp, f, pc);
            poll();
            sliceEnd = sliceEnd(instructions);
        }
        compiledSliceEnd = sliceEnd;
        compiledBase = base;
        sliceLeft = sliceLeft();
        compiledEntries++;
        long before = instructions;
        long counts = compiled.call(f, this, w, fp, Math.max(guard, fp - MAX_COMPILED_DEPTH_WORDS), 0L, dst);
        account(counts & ~CompiledCode.HANDED_BACK);
        if (counts < 0 && instructions - before < SHORT_ENTRY) {
            wasted(f);
        }
        return counts < 0;
    }

    /** Adds compiled code's counts word ({@code calls << 32 | instructions}) to the run's counts. */
    private void account(long counts) {
        instructions += counts & 0xFFFF_FFFFL;
        calls += counts >>> 32;
        sliceLeft = sliceLeft();
    }

    private int sliceLeft() {
        return (int) Math.clamp(compiledSliceEnd - instructions, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /**
     * Compiled code's slice ended at a call or back-edge: the counts are accounted, the top frame
     * ({@code fp}, {@code function}, resume pc {@code pc}) saved, and the loop's poll runs.
     *
     * @return the counts word, now empty
     */
    long compiledPoll(long counts, int fp, int function, int pc) {
        account(counts);
        save(compiledBase + 8L * fp, function, pc);
        poll();
        compiledSliceEnd = sliceEnd(instructions);
        sliceLeft = sliceLeft();
        return 0;
    }

    /**
     * Compiled code hands back at {@code pc} of {@code function}, whose frame is at {@code fp}:
     * the loop continues there. The counts go back to the loop through the returns.
     */
    long compiledHandBack(long counts, int fp, int function, int pc) {
        save(compiledBase + 8L * fp, function, pc);
        continueAt = pc;
        handBacks++;
        return counts | CompiledCode.HANDED_BACK;
    }

    /**
     * An out-of-line instruction of compiled code, run by {@link #slowOp} as the loop runs it; a
     * hand-back when it parked or yielded the goroutine or moved its stack.
     *
     * @return the counts word, now empty, with {@link CompiledCode#HANDED_BACK} for a hand-back
     */
    long compiledSlowOp(long counts, int fp, int function, int pc) {
        account(counts);
        StackSegment seg = stack.segment;
        long[] w = seg.words;
        int guard = seg.guard;
        save(compiledBase + 8L * fp, function, pc);
        int next = slowOp(codes[function], pc);
        if (stack.segment.words != w || stack.segment.guard != guard || stop != null) {
            continueAt = next;
            handBacks++;
            return CompiledCode.HANDED_BACK;
        }
        return 0;
    }

    /**
     * A run-time panic in compiled code, at the instruction ending before resume pc {@code pc},
     * with {@code rest} instructions of its block counted but not run.
     */
    Unwind compiledPanic(long counts, int rest, int fp, int function, int pc, int kind, long x, long y) {
        account(counts - rest);
        save(compiledBase + 8L * fp, function, pc);
        return switch (kind) {
            case BaselineCompiler.PANIC_DIVIDE -> Unwind.runtimeError(DIVIDE_BY_ZERO);
            case BaselineCompiler.PANIC_SHIFT -> Unwind.runtimeError(NEGATIVE_SHIFT);
            case BaselineCompiler.PANIC_NIL -> Unwind.nilDereference();
            default -> Unwind.runtimeError(Bounds.INDEX.message(x, y));
        };
    }

    /**
     * {@code LOAD} of compiled code outside the heap and the current segment: {@code n} words from
     * {@code a} into slots {@code d..} of the frame at {@code fp}, as the loop's slow path.
     *
     * @return the counts word: the {@code rest} instructions of the block not yet run
     */
    long compiledLoad(long counts, int rest, int fp, int function, int pc, long a, int d, int n) {
        account(counts - rest);
        save(compiledBase + 8L * fp, function, pc);
        long[] w = stack.segment.words;
        for (int i = 0; i < n; i++) {
            w[fp + d + i] = read(a + 8L * i);
        }
        return rest;
    }

    /** {@code STORE} of compiled code outside the heap and the current segment; see {@link #compiledLoad}. */
    long compiledStore(long counts, int rest, int fp, int function, int pc, long a, int s, int n) {
        account(counts - rest);
        save(compiledBase + 8L * fp, function, pc);
        long[] w = stack.segment.words;
        for (int i = 0; i < n; i++) {
            write(a + 8L * i, w[fp + s + i]);
        }
        return rest;
    }

    /**
     * The prologue check failed: the strategy finds room for the callee (growing, moving or
     * linking), then the header and arguments are written. After a move the caller is wherever
     * {@code stack.fp} now says; after a link the callee may be in another segment than the
     * caller, so the copy goes through the address space unless both share one.
     *
     * @return the callee's frame address
     */
    private long morestack(int callerFn, int resume, int callee, int argSlot, long callerAddress) {
        save(callerAddress, callerFn, resume);
        noteStackDepth();
        int fw = frameWords[callee];
        pendingCallee = callee;
        long at = strategy.morestack(ctx, stack, fw);
        pendingCallee = -1;
        long caller = stack.fp;
        StackSegment seg = stack.segment;
        int np = paramWords[callee];
        long header = ((long) callerFn << 32) | resume;
        if (seg.contains(caller) && seg.contains(at)) {
            long[] w = seg.words;
            int c = seg.index(caller);
            int e = seg.index(at);
            w[e] = caller;
            w[e + 1] = header;
            System.arraycopy(w, c + argSlot, w, e + 2, np);
        } else {
            memory.store(at, caller);
            memory.store(at + 8, header);
            for (int i = 0; i < np; i++) {
                memory.store(at + 8L * (2 + i), memory.load(caller + 8L * (argSlot + i)));
            }
        }
        save(at, callee, 0);
        return at;
    }

    /** A return to a caller outside the current segment: the strategy makes its segment current. */
    private void returnAcross(int callerFn, int resume, long callerAddress, long[] w, int src, int cnt,
                              int destSlot) {
        long[] results = new long[cnt];
        System.arraycopy(w, src, results, 0, cnt);
        save(callerAddress, callerFn, resume);
        noteStackDepth();
        strategy.returned(ctx, stack, callerAddress);
        long caller = stack.fp;
        for (int i = 0; i < cnt; i++) {
            write(caller + 8L * (destSlot + i), results[i]);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Memory outside the loop's fast ranges

    private Unwind fault(long address) {
        return address >= 0 && address < NIL_PAGE_LIMIT ? Unwind.nilDereference() : Unwind.unexpectedFault(address);
    }

    /** Reads a word anywhere; the caller has saved the state (a fault unwinds). */
    private long read(long a) {
        if (a >= Image.STATIC_BASE && a < staticLimit) {
            return statics[(int) ((a - Image.STATIC_BASE) >>> 3)];
        }
        if (a >= heap.base() && a < heap.top()) {
            return heap.words()[(int) ((a - heap.base()) >>> 3)];
        }
        StackSegment seg = stack.segment;
        if (seg.contains(a)) {
            return seg.words[seg.index(a)];
        }
        try {
            return memory.load(a);
        } catch (MemoryFault f) {
            throw fault(a);
        }
    }

    /** Writes a word anywhere; the caller has saved the state (a fault unwinds). */
    private void write(long a, long v) {
        if (a >= Image.STATIC_BASE && a < staticLimit) {
            statics[(int) ((a - Image.STATIC_BASE) >>> 3)] = v;
            return;
        }
        if (a >= heap.base() && a < heap.top()) {
            heap.words()[(int) ((a - heap.base()) >>> 3)] = v;
            return;
        }
        StackSegment seg = stack.segment;
        if (seg.contains(a)) {
            seg.words[seg.index(a)] = v;
            return;
        }
        try {
            memory.store(a, v);
        } catch (MemoryFault f) {
            throw fault(a);
        }
    }

    /** Copies {@code count} words, as memmove: overlapping ranges are fine. */
    private void copyWords(long from, long to, long count) {
        if (count <= 0) {
            return;
        }
        long hb = heap.base();
        long ht = heap.top();
        long bytes = 8L * count;
        if (from >= hb && from + bytes <= ht && to >= hb && to + bytes <= ht) {
            long[] hw = heap.words();
            System.arraycopy(hw, (int) ((from - hb) >>> 3), hw, (int) ((to - hb) >>> 3), (int) count);
            return;
        }
        if (to > from && to < from + bytes) {
            for (long i = count - 1; i >= 0; i--) {
                write(to + 8 * i, read(from + 8 * i));
            }
        } else {
            for (long i = 0; i < count; i++) {
                write(to + 8 * i, read(from + 8 * i));
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Frame access for the out-of-line instructions: always through the guest stack, which an
    // allocation may have moved.

    private long slot(int s) {
        StackSegment seg = stack.segment;
        return seg.words[seg.index(stack.fp) + s];
    }

    private void setSlot(int s, long v) {
        StackSegment seg = stack.segment;
        seg.words[seg.index(stack.fp) + s] = v;
    }

    /**
     * Executes one out-of-line instruction; the loop has saved the state with the instruction's
     * own pc, and this sets the resume pc the stack maps are keyed by.
     *
     * @return the next pc
     */
    private int slowOp(int[] code, int pc) {
        int op = code[pc];
        int next = pc + LENGTH[op];
        stack.pc = next;
        switch (op) {
            case Op.STRCAT -> setSlot(code[pc + 1], concat(slot(code[pc + 2]), slot(code[pc + 3])));
            case Op.STREQ -> setSlot(code[pc + 1], stringsEqual(slot(code[pc + 2]), slot(code[pc + 3])) ? 1 : 0);
            case Op.STRNE -> setSlot(code[pc + 1], stringsEqual(slot(code[pc + 2]), slot(code[pc + 3])) ? 0 : 1);
            case Op.STRLEN -> {
                long s = slot(code[pc + 2]);
                setSlot(code[pc + 1], s == 0 ? 0 : read(s));
            }
            case Op.NEW -> setSlot(code[pc + 1], allocate(code[pc + 2], code[pc + 3]));
            case Op.MAKESLICE -> makeslice(code[pc + 1], code[pc + 2], slot(code[pc + 3]), slot(code[pc + 4]),
                    code[pc + 5]);
            case Op.SLICE -> {
                int s = code[pc + 2];
                slice(code[pc + 1], slot(s), slot(s + 1), slot(s + 2), code[pc + 3], code[pc + 4], code[pc + 5],
                        code[pc + 6], true);
            }
            case Op.SLICEPTR -> {
                long p = slot(code[pc + 2]);
                if (p == 0) {
                    throw Unwind.nilDereference();
                }
                int len = code[pc + 3];
                slice(code[pc + 1], p, len, len, code[pc + 4], code[pc + 5], code[pc + 6], code[pc + 7], false);
            }
            case Op.APPEND -> {
                int v = code[pc + 3];
                int width = code[pc + 4];
                int ew = code[pc + 5];
                append(code[pc + 1], code[pc + 2], v, false, ew == 0 ? 0 : width / ew, ew, code[pc + 6]);
            }
            case Op.APPENDS -> {
                int t = code[pc + 3];
                int ew = code[pc + 4];
                long tlen = slot(t + 1);
                long words = tlen * ew;
                if (words > Integer.MAX_VALUE - 8) {
                    throw Unwind.fatal("runtime: out of memory");
                }
                append(code[pc + 1], code[pc + 2], t, true, tlen, ew, code[pc + 5]);
            }
            case Op.CALLHOST -> callHost(code[pc + 1], code[pc + 2], code[pc + 3], code[pc + 4]);
            case Op.PRINTI -> output.printInt(code[pc + 2], slot(code[pc + 1]));
            case Op.PRINTB -> output.printBool(code[pc + 2], slot(code[pc + 1]));
            case Op.PRINTS -> printString(code[pc + 2], slot(code[pc + 1]));
            case Op.PRINTC -> output.printChar(code[pc + 2], code[pc + 1]);
            case Op.PANIC -> {
                long v = slot(code[pc + 1]);
                throw Unwind.panic(code[pc + 2] == 0 ? decode(v) : Long.toString(v));
            }
            case Op.GC -> {
                noteStackDepth();
                // With a collector, the collection shrinks the stacks itself.
                if (!heap.collectNow()) {
                    strategy.shrink(ctx, stack);
                }
                refreshHeap();
                if (hostHeapProbe) {
                    System.gc();
                    ctx.counters().max("jvm.heapLiveBytes",
                            ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                }
            }
            case Op.NUMGOROUTINE -> setSlot(code[pc + 1], schedule.live().size());
            case Op.GO -> go(code[pc + 1], code[pc + 2]);
            case Op.GOSCHED -> {
                schedule.ready(current);
                stop = Stop.YIELDED;
            }
            case Op.MAKECHAN -> makechan(code[pc + 1], code[pc + 2], code[pc + 3],
                    code[pc + 4] < 0 ? 0 : slot(code[pc + 4]), code[pc + 5]);
            case Op.SEND, Op.RECV, Op.RECV2, Op.CLOSE -> channelOp(op, code, pc);
            case Op.CHANLEN -> setSlot(code[pc + 1], channels.length(slot(code[pc + 2])));
            case Op.CHANCAP -> setSlot(code[pc + 1], channels.capacity(slot(code[pc + 2])));
            default -> throw new IllegalStateException("bad opcode " + code[pc] + " at pc " + pc + " of "
                    + image.function(stack.function).name());
        }
        return next;
    }

    // ------------------------------------------------------------------------------------------
    // Goroutines and channels

    /**
     * {@code go f(args)}: a new goroutine whose entry frame holds the arguments, copied from this
     * frame's argument area as a call would; it joins the tail of the run queue.
     */
    private void go(int function, int argSlot) {
        long[] args = new long[paramWords[function]];
        for (int i = 0; i < args.length; i++) {
            args[i] = slot(argSlot + i);
        }
        Goroutine g = schedule.spawn();
        g.createdBy(stack.function, stack.pc);
        enter(g, function, args);
        schedule.ready(g);
    }

    /**
     * {@code make(chan T, size)}: the channel object, then its buffer. The destination slot is in
     * this safepoint's stack map, so the object stays reachable (and its address current) while
     * the buffer's allocation may collect; it is zeroed first, so that map never sees garbage.
     */
    private void makechan(int d, int chanLayout, int elemLayout, long size, int ew) {
        if (size < 0 || size * Math.max(ew, 1) > MAX_OBJECT_WORDS) {
            throw Unwind.panic("makechan: size out of range");
        }
        setSlot(d, 0);
        setSlot(d, allocate(chanLayout, ChanObject.WORDS));
        long buf = size == 0 ? 0 : allocate(elemLayout, size * ew);
        long ch = slot(d);
        write(ch + 8L * ChanObject.BUF, buf);
        write(ch + 8L * ChanObject.CAP, size);
        write(ch + 8L * ChanObject.ELEM_WORDS, ew);
    }

    /**
     * A channel operation that may block ({@code SEND}, {@code RECV}, {@code RECV2}) or panic
     * ({@code CLOSE} too); a blocked one stops the goroutine, parked, at the resume pc.
     */
    private void channelOp(int op, int[] code, int pc) {
        boolean done;
        try {
            done = switch (op) {
                case Op.SEND -> channels.send(current, slot(code[pc + 1]), code[pc + 2], code[pc + 3]);
                case Op.RECV -> channels.receive(current, slot(code[pc + 2]), code[pc + 1], -1, code[pc + 3]);
                case Op.RECV2 -> channels.receive(current, slot(code[pc + 3]), code[pc + 1], code[pc + 2],
                        code[pc + 4]);
                default -> {
                    channels.close(slot(code[pc + 1]));
                    yield true;
                }
            };
        } catch (ChanPanic p) {
            throw Unwind.panic(p.getMessage());
        }
        if (!done) {
            stop = Stop.PARKED;
        }
    }

    // ------------------------------------------------------------------------------------------
    // Allocation

    /** A zeroed object's payload address; a safepoint (the state is saved). */
    private long allocate(int layout, long payloadWords) {
        if (payloadWords == 0) {
            return ZEROBASE;
        }
        if (payloadWords < 0 || payloadWords > MAX_OBJECT_WORDS) {
            throw Unwind.fatal("runtime: out of memory");
        }
        try {
            long p = heap.allocate(layout, payloadWords);
            refreshHeap();
            return p;
        } catch (OutOfMemory e) {
            throw Unwind.fatal("runtime: out of memory");
        }
    }

    private void makeslice(int d, int layout, long len, long cap, int ew) {
        String error = GrowSlice.makesliceError(len, cap, 8L * ew);
        if (error != null) {
            throw Unwind.runtimeError(error);
        }
        long p = allocate(layout, cap * ew);
        setSlot(d, p);
        setSlot(d + 1, len);
        setSlot(d + 2, cap);
    }

    /** {@code append(s, values...)} with {@code count} elements of {@code ew} words, growing as Go 1.19 does. */
    /**
     * The values come from slots {@code src..} ({@code spread} false) or from the slice in slots
     * {@code src, src+1} ({@code spread} true); they are read only after the allocation, since a
     * collection there may move what they point to, and before the writes, since they may alias
     * the destination.
     */
    private void append(int d, int s, int src, boolean spread, long count, int ew, int layout) {
        long len = slot(s + 1);
        long cap = slot(s + 2);
        long newLen = len + count;
        if (count == 0) {
            long ptr = slot(s);
            setSlot(d, ptr);
            setSlot(d + 1, len);
            setSlot(d + 2, cap);
            return;
        }
        long ptr;
        if (Long.compareUnsigned(newLen, cap) <= 0) {
            ptr = slot(s);
        } else {
            long newCap = GrowSlice.newCap(cap, newLen, 8L * ew);
            if (newCap < 0) {
                throw Unwind.runtimeError("growslice: cap out of range");
            }
            long fresh = allocate(layout, newCap * ew);
            // Read the old array only now: a collection at the allocation may have moved it.
            copyWords(slot(s), fresh, len * ew);
            ptr = fresh;
            cap = newCap;
        }
        long[] values = new long[(int) (count * ew)];
        long from = spread ? slot(src) : 0;
        for (int i = 0; i < values.length; i++) {
            values[i] = spread ? read(from + 8L * i) : slot(src + i);
        }
        long at = ptr + 8L * ew * len;
        for (int i = 0; i < values.length; i++) {
            write(at + 8L * i, values[i]);
        }
        setSlot(d, ptr);
        setSlot(d + 1, newLen);
        setSlot(d + 2, cap);
    }

    /**
     * {@code s[lo:hi:max]} with Go's checks in Go's order (max against cap, hi against max, lo
     * against hi, all unsigned). A result of capacity 0 keeps the old pointer, as Go's masking
     * does, so it never points past the end of its array.
     */
    private void slice(int d, long ptr, long len, long cap, int loSlot, int hiSlot, int maxSlot, int ew,
                       boolean ofSlice) {
        long lo = loSlot < 0 ? 0 : slot(loSlot);
        long hi = hiSlot < 0 ? len : slot(hiSlot);
        long max;
        if (maxSlot >= 0) {
            max = slot(maxSlot);
            if (Long.compareUnsigned(max, cap) > 0) {
                throw Unwind.runtimeError((ofSlice ? Bounds.SLICE3_ACAP : Bounds.SLICE3_ALEN).message(max, cap));
            }
            if (Long.compareUnsigned(hi, max) > 0) {
                throw Unwind.runtimeError(Bounds.SLICE3_B.message(hi, max));
            }
            if (Long.compareUnsigned(lo, hi) > 0) {
                throw Unwind.runtimeError(Bounds.SLICE3_C.message(lo, hi));
            }
        } else {
            max = cap;
            if (Long.compareUnsigned(hi, cap) > 0) {
                throw Unwind.runtimeError((ofSlice ? Bounds.SLICE_ACAP : Bounds.SLICE_ALEN).message(hi, cap));
            }
            if (Long.compareUnsigned(lo, hi) > 0) {
                throw Unwind.runtimeError(Bounds.SLICE_B.message(lo, hi));
            }
        }
        long rcap = max - lo;
        setSlot(d, rcap == 0 ? ptr : ptr + 8L * ew * lo);
        setSlot(d + 1, hi - lo);
        setSlot(d + 2, rcap);
    }

    // ------------------------------------------------------------------------------------------
    // Strings: 0 for "", else the address of a length word followed by the bytes, 8 to a word,
    // little-endian.

    /** The bytes of string {@code s} into the scratch buffer; returns the length. */
    private int bytesOf(long s) {
        if (s == 0) {
            return 0;
        }
        long len = read(s);
        if (len > Integer.MAX_VALUE - 8 || len < 0) {
            throw Unwind.fatal("runtime: out of memory");
        }
        int n = (int) len;
        if (scratch.length < n) {
            scratch = new byte[Math.max(n, scratch.length * 2)];
        }
        for (int i = 0; i < n; i += 8) {
            long word = read(s + 8 + i);
            for (int j = 0; j < 8 && i + j < n; j++) {
                scratch[i + j] = (byte) (word >>> (8 * j));
            }
        }
        return n;
    }

    /** A string value as Java text (for panics and reports). */
    private String decode(long s) {
        int n = bytesOf(s);
        return new String(scratch, 0, n, StandardCharsets.UTF_8);
    }

    private void printString(int streamNo, long s) {
        int n = bytesOf(s);
        output.printUtf8(streamNo, scratch, n);
    }

    private boolean stringsEqual(long a, long b) {
        if (a == b) {
            return true;
        }
        long la = a == 0 ? 0 : read(a);
        long lb = b == 0 ? 0 : read(b);
        if (la != lb) {
            return false;
        }
        long full = la >>> 3;
        for (long i = 1; i <= full; i++) {
            if (read(a + 8 * i) != read(b + 8 * i)) {
                return false;
            }
        }
        int rest = (int) (la & 7);
        if (rest == 0) {
            return true;
        }
        long mask = (1L << (8 * rest)) - 1;
        return ((read(a + 8 * (full + 1)) ^ read(b + 8 * (full + 1))) & mask) == 0;
    }

    /** {@code a + b}: like Go's concatstrings, no allocation when either side is empty. */
    private long concat(long a, long b) {
        if (a == 0) {
            return b;
        }
        if (b == 0) {
            return a;
        }
        int la = bytesOf(a);
        long lbLong = read(b);
        if (la + lbLong > Integer.MAX_VALUE - 16) {
            throw Unwind.fatal("runtime: out of memory");
        }
        byte[] bytes = Arrays.copyOf(scratch, la + (int) lbLong);
        int lb = bytesOf(b);
        System.arraycopy(scratch, 0, bytes, la, lb);
        return newString(bytes, la + lb);
    }

    /** Allocates a string object holding {@code bytes[0..n)}. */
    private long newString(byte[] bytes, int n) {
        long s = allocate(Layout.STRING, 1 + (n + 7L) / 8);
        write(s, n);
        for (int i = 0; i < n; i += 8) {
            long word = 0;
            for (int j = 0; j < 8 && i + j < n; j++) {
                word |= (bytes[i + j] & 0xFFL) << (8 * j);
            }
            write(s + 8 + i, word);
        }
        return s;
    }

    // ------------------------------------------------------------------------------------------
    // Host calls

    private void callHost(int index, int argSlot, int argc, int destSlot) {
        long[] args = new long[argc];
        for (int i = 0; i < argc; i++) {
            args[i] = slot(argSlot + i);
        }
        HostImport imp = hostImports.get(index);
        long r;
        try {
            r = hosts[index].call(args);
        } catch (RuntimeException e) {
            throw Unwind.fatal("host function " + imp.name() + " failed: " + e);
        }
        hostCalls++;
        if (imp.resultWords() > 0) {
            setSlot(destSlot, r);
        }
    }
}
