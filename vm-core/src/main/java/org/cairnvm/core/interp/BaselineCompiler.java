package org.cairnvm.core.interp;

import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static java.lang.constant.ConstantDescs.CD_void;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;
import org.cairnvm.core.code.FunctionCode;
import org.cairnvm.core.code.Image;
import org.cairnvm.core.code.Opcode;

/**
 * The baseline compiler: translates a program's register bytecode into JVM bytecode, one static
 * method per guest function, all in one hidden class, so that dispatch disappears and calls
 * between guest functions are JVM calls the JIT can inline.
 *
 * <p>The one invariant that keeps it simple (V8's Sparkplug keeps the same one): compiled code
 * keeps the interpreter's frames exactly. Every register lives in its slot of the guest frame
 * (never in a JVM local from one instruction to the next), a call writes the same header (saved
 * frame pointer, return-address word) and arguments as the interpreter's {@code CALL}, and a
 * return writes its results into the caller's destination slot. So the guest stack in memory is,
 * at every instruction boundary, what the interpreter would have made: the frame walker, the stack
 * maps, the collectors and the stack strategies see nothing different, and compiled code can hand
 * control back to the interpreter at any call or out-of-line instruction by saving its top frame
 * and returning. The interpreter resumes from memory; returns into frames whose JVM continuation
 * was dropped are simply interpreted. Compiled code hands back (deoptimises) when:
 * <ul>
 *   <li>a call's prologue check fails: the stack must grow, or the JVM frames of compiled code
 *       are as deep as the interpreter allows ({@link Interpreter#MAX_COMPILED_DEPTH_WORDS});
 *   <li>a call names a function that was not compiled;
 *   <li>an out-of-line instruction (allocation, channel operation, printing, ...), which runs in
 *       the interpreter's own code, parked or yielded the goroutine, or moved its stack (a
 *       collection shrinks stacks).
 * </ul>
 *
 * <p>Instruction and call counts stay exact, so every deterministic metric and the instruction
 * budget come out as under the interpreter alone: each method threads a counts word ({@code
 * calls << 32 | instructions}, see {@link CompiledCode}) through its calls in a JVM register, adds
 * a basic block's instructions at the block's start, takes back the ones not run when it leaves
 * the block early, and hands the word to the interpreter at every exit. At calls and loop
 * back-edges it checks the slice's end, as the interpreter does, and polls the budget and the
 * interrupt there.
 *
 * <p>Out-of-line instructions call {@link Interpreter}'s own implementation ({@code slowOp}),
 * after saving the top frame exactly as the interpreter's loop does, so there is one
 * implementation of each.
 *
 * <p>Besides calls, the interpreter enters compiled code in the middle of a frame it is running,
 * at a loop's header when it takes the loop's back-edge (on-stack replacement, so a loop in
 * {@code main} or in a goroutine's entry function runs compiled too). A function with loops
 * therefore starts with a switch on its {@code dst} parameter: non-negative for a call, {@code
 * ~headerPc} for such an entry, after which the frame's {@code RET} hands back to the
 * interpreter, which returns from the frame itself (it may be an entry frame, or its caller in
 * another segment).
 */
final class BaselineCompiler {
    /**
     * Guest code longer than this (in ints) is left to the interpreter: its JVM method could pass
     * the class file's 64 KiB limit. An instruction compiles to at most about 40 bytes per int of
     * guest code (a call with four argument words, a load or store with its three paths), and a
     * function of 1,200 such ints still fits; {@code BaselineCompilerTest} builds one.
     */
    static final int MAX_GUEST_CODE = 1200;

    /**
     * JVM methods larger than this are left to the interpreter: HotSpot does not compile methods
     * over 8,000 bytes of bytecode ({@code HugeMethodLimit}), and a guest function run by the JVM's
     * own bytecode interpreter would be several times slower than Cairn's interpreter.
     */
    static final int MAX_METHOD_BYTES = 8000;

    /** Functions per dispatch method of {@link CompiledCode#call}; more are split over several. */
    private static final int DISPATCH_CHUNK = 256;

    private static final ClassDesc CD_INTERPRETER = ClassDesc.of(Interpreter.class.getName());
    private static final ClassDesc CD_UNWIND = ClassDesc.of(Unwind.class.getName());
    private static final ClassDesc CD_COMPILED = ClassDesc.of(CompiledCode.class.getName());
    private static final ClassDesc CD_LONG_ARRAY = CD_long.arrayType();
    private static final ClassDesc CD_SYSTEM = ClassDesc.of("java.lang.System");
    private static final ClassDesc CD_ARRAYS = ClassDesc.of("java.util.Arrays");
    private static final ClassDesc CD_LONG = ClassDesc.of("java.lang.Long");
    private static final ClassDesc CD_MATH = ClassDesc.of("java.lang.Math");
    private static final ClassDesc CD_ILLEGAL_STATE = ClassDesc.of("java.lang.IllegalStateException");
    /** The generated class's name; a hidden class gets a unique suffix. */
    private static final ClassDesc CD_GENERATED = ClassDesc.of(Interpreter.class.getPackageName() + ".Compiled");

    /** A compiled function's method: (interpreter, words, fp, guard, counts, dst) -> counts. */
    private static final MethodTypeDesc MTD_FUNCTION = MethodTypeDesc.of(CD_long, CD_INTERPRETER, CD_LONG_ARRAY,
            CD_int, CD_int, CD_long, CD_int);
    private static final MethodTypeDesc MTD_CALL = MethodTypeDesc.of(CD_long, CD_int, CD_INTERPRETER, CD_LONG_ARRAY,
            CD_int, CD_int, CD_long, CD_int);
    private static final MethodTypeDesc MTD_ARRAYCOPY = MethodTypeDesc.of(CD_void, ConstantDescs.CD_Object, CD_int,
            ConstantDescs.CD_Object, CD_int, CD_int);
    private static final MethodTypeDesc MTD_FILL = MethodTypeDesc.of(CD_void, CD_LONG_ARRAY, CD_int, CD_int, CD_long);
    private static final MethodTypeDesc MTD_COMPARE_UNSIGNED = MethodTypeDesc.of(CD_int, CD_long, CD_long);
    // The interpreter's exits (see the methods of the same names in Interpreter).
    private static final MethodTypeDesc MTD_POLL = MethodTypeDesc.of(CD_long, CD_long, CD_int, CD_int, CD_int);
    private static final MethodTypeDesc MTD_SLOW_OP = MTD_POLL;
    private static final MethodTypeDesc MTD_HAND_BACK = MTD_POLL;
    private static final MethodTypeDesc MTD_PANIC = MethodTypeDesc.of(CD_UNWIND, CD_long, CD_int, CD_int, CD_int,
            CD_int, CD_int, CD_long, CD_long);
    private static final MethodTypeDesc MTD_MEMORY = MethodTypeDesc.of(CD_long, CD_long, CD_int, CD_int, CD_int,
            CD_int, CD_long, CD_int, CD_int);

    /** Kinds of {@code Interpreter.compiledPanic}. */
    static final int PANIC_DIVIDE = 0;
    static final int PANIC_SHIFT = 1;
    static final int PANIC_NIL = 2;
    static final int PANIC_INDEX = 3;

    // JVM locals of a compiled function: its parameters, then the frame base and scratch.
    private static final int IT = 0;
    private static final int W = 1;
    private static final int FP = 2;
    private static final int GUARD = 3;
    private static final int COUNTS = 4;
    private static final int DST = 6;
    private static final int BASE = 7;
    private static final int TMP_P = 9;
    private static final int TMP_A = 11;
    private static final int TMP_I = 13;
    private static final int NFP = 14;

    private static final int[] LENGTH = Op.LENGTH;

    private BaselineCompiler() {
    }

    /** What compiling a program gave: the entry, and which functions it covers (never modified). */
    record Result(CompiledCode code, BitSet compiled) {
        Result {
            compiled = (BitSet) compiled.clone();
        }
    }

    /**
     * Compiles every function of {@code image} that fits the limits, into a hidden class of this
     * package (unloaded with the last program that holds it); null when no function does.
     */
    static Result compile(Image image) {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        BitSet candidates = new BitSet();
        for (FunctionCode f : image.functions()) {
            if (f.code().length <= MAX_GUEST_CODE && decodes(f.code())) {
                candidates.set(f.index());
            }
        }
        ClassFile cf = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                ClassHierarchyResolver.ofClassLoading(lookup)));
        byte[] bytes = generate(cf, image, candidates);
        // A method too large for HotSpot's compilers is dropped, and calls to it hand back.
        BitSet tooLarge = tooLarge(cf.parse(bytes));
        if (!tooLarge.isEmpty()) {
            candidates.andNot(tooLarge);
            bytes = generate(cf, image, candidates);
        }
        if (candidates.isEmpty()) {
            return null;
        }
        try {
            MethodHandles.Lookup hidden = lookup.defineHiddenClass(bytes, true);
            CompiledCode code = (CompiledCode) hidden.findConstructor(hidden.lookupClass(),
                    MethodType.methodType(void.class)).invoke();
            return new Result(code, candidates);
        } catch (Throwable e) {
            throw new IllegalStateException("baseline compiler: the generated class did not load: " + e, e);
        }
    }

    /**
     * Whether the code is a sequence of whole instructions whose jumps land on instruction starts
     * (the compiler's always is; the interpreter rejects anything else where it is reached).
     */
    private static boolean decodes(int[] code) {
        int n = Opcode.values().length;
        BitSet starts = new BitSet();
        int pc = 0;
        while (pc < code.length) {
            if (code[pc] < 0 || code[pc] >= n || pc + LENGTH[code[pc]] > code.length) {
                return false;
            }
            starts.set(pc);
            pc += LENGTH[code[pc]];
        }
        for (pc = 0; pc < code.length; pc += LENGTH[code[pc]]) {
            int t = target(code, pc);
            if (t >= 0 && !starts.get(t)) {
                return false;
            }
        }
        return true;
    }

    private static BitSet tooLarge(ClassModel model) {
        BitSet out = new BitSet();
        for (MethodModel m : model.methods()) {
            String name = m.methodName().stringValue();
            if (name.startsWith("f") && m.code().orElseThrow() instanceof CodeAttribute code
                    && code.codeLength() > MAX_METHOD_BYTES) {
                out.set(Integer.parseInt(name.substring(1)));
            }
        }
        return out;
    }

    static String methodName(int function) {
        return "f" + function;
    }

    private static byte[] generate(ClassFile cf, Image image, BitSet compiled) {
        return cf.build(CD_GENERATED, cb -> {
            cb.withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SUPER);
            cb.withInterfaceSymbols(CD_COMPILED);
            cb.withMethodBody(ConstantDescs.INIT_NAME, ConstantDescs.MTD_void, 0, code -> code
                    .aload(0).invokespecial(ConstantDescs.CD_Object, ConstantDescs.INIT_NAME, ConstantDescs.MTD_void)
                    .return_());
            for (FunctionCode f : image.functions()) {
                if (compiled.get(f.index())) {
                    cb.withMethodBody(methodName(f.index()), MTD_FUNCTION, ClassFile.ACC_STATIC,
                            code -> new FunctionGen(code, image, f, compiled).emit());
                }
            }
            int n = image.functions().size();
            int chunks = (n + DISPATCH_CHUNK - 1) / DISPATCH_CHUNK;
            for (int c = 0; c < chunks; c++) {
                int from = c * DISPATCH_CHUNK;
                int to = Math.min(n, from + DISPATCH_CHUNK);
                cb.withMethodBody("call" + c, MTD_CALL, ClassFile.ACC_STATIC, code -> dispatch(code, from, to, compiled));
            }
            cb.withMethodBody("call", MTD_CALL, ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL, code -> {
                // call(function, ...) -> call<function / chunk>(function, ...)
                for (int i = 0; i < MTD_CALL.parameterCount(); i++) {
                    loadParam(code, MTD_CALL, i, 1);
                }
                if (chunks <= 1) {
                    code.invokestatic(CD_GENERATED, "call0", MTD_CALL).lreturn();
                    return;
                }
                Label fail = code.newLabel();
                List<SwitchCase> cases = new ArrayList<>();
                for (int c = 0; c < chunks; c++) {
                    cases.add(SwitchCase.of(c, code.newLabel()));
                }
                code.iload(1).loadConstant(DISPATCH_CHUNK).idiv().tableswitch(0, chunks - 1, fail, cases);
                for (int c = 0; c < chunks; c++) {
                    code.labelBinding(cases.get(c).target());
                    code.invokestatic(CD_GENERATED, "call" + c, MTD_CALL).lreturn();
                }
                code.labelBinding(fail);
                throwIllegalState(code);
            });
        });
    }

    /** Loads parameter {@code index} of {@code type} (0-based), for a method whose first local is {@code first}. */
    private static void loadParam(CodeBuilder code, MethodTypeDesc type, int index, int first) {
        int slot = first;
        for (int i = 0; i < index; i++) {
            slot += type.parameterType(i) == CD_long ? 2 : 1;
        }
        ClassDesc t = type.parameterType(index);
        if (t == CD_long) {
            code.lload(slot);
        } else if (t == CD_int) {
            code.iload(slot);
        } else {
            code.aload(slot);
        }
    }

    /** A static {@code call<k>(function, ...)}: a switch over functions {@code [from, to)}. */
    private static void dispatch(CodeBuilder code, int from, int to, BitSet compiled) {
        Label fail = code.newLabel();
        List<SwitchCase> cases = new ArrayList<>();
        for (int f = from; f < to; f++) {
            cases.add(SwitchCase.of(f, compiled.get(f) ? code.newLabel() : fail));
        }
        code.iload(0).tableswitch(from, to - 1, fail, cases);
        for (int f = from; f < to; f++) {
            if (compiled.get(f)) {
                code.labelBinding(cases.get(f - from).target());
                for (int i = 1; i < MTD_CALL.parameterCount(); i++) {
                    loadParam(code, MTD_CALL, i, 0);
                }
                code.invokestatic(CD_GENERATED, methodName(f), MTD_FUNCTION).lreturn();
            }
        }
        code.labelBinding(fail);
        throwIllegalState(code);
    }

    /** A function that was not compiled was called through the entry: a bug in the interpreter's patching. */
    private static void throwIllegalState(CodeBuilder code) {
        code.new_(CD_ILLEGAL_STATE).dup().invokespecial(CD_ILLEGAL_STATE, ConstantDescs.INIT_NAME, ConstantDescs.MTD_void)
                .athrow();
    }

    /** Whether the compiled code runs {@code op} itself; every other one goes to {@code Interpreter.slowOp}. */
    static boolean inline(int op) {
        return switch (op) {
            case Op.MOV, Op.MOVN, Op.ZERO, Op.LOADI, Op.LOADK, Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.REM, Op.AND, Op.OR,
                 Op.XOR, Op.ANDNOT, Op.SHL, Op.SHR, Op.ADDI, Op.NEG, Op.BITNOT, Op.NOT, Op.EQ, Op.NE, Op.LT, Op.LE,
                 Op.GT, Op.GE, Op.JMP, Op.LOOP, Op.JT, Op.JF, Op.JEQ, Op.JNE, Op.JLT, Op.JLE, Op.JGT, Op.JGE, Op.JEQI,
                 Op.JNEI, Op.JLTI, Op.JLEI, Op.JGTI, Op.JGEI, Op.ADDR, Op.GADDR, Op.GLOAD, Op.GSTORE, Op.LOAD,
                 Op.STORE, Op.LEA, Op.SLICEIDX, Op.ARRIDX, Op.FLOADIDX, Op.FSTOREIDX, Op.CALL, Op.RET -> true;
            default -> false;
        };
    }

    /**
     * Whether an instruction in {@code [from, to)} of {@code code} may park or yield the goroutine
     * (a channel operation or {@code runtime.Gosched}), which hands compiled code back.
     */
    static boolean mayPark(int[] code, int from, int to) {
        for (int pc = from; pc < to; pc += LENGTH[code[pc]]) {
            switch (code[pc]) {
                case Op.SEND, Op.RECV, Op.RECV2, Op.GOSCHED -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    /** Whether {@code op} ends a basic block: it jumps, calls, returns or may hand control back. */
    private static boolean endsBlock(int op) {
        return !inline(op) || switch (op) {
            case Op.JMP, Op.LOOP, Op.JT, Op.JF, Op.JEQ, Op.JNE, Op.JLT, Op.JLE, Op.JGT, Op.JGE, Op.JEQI, Op.JNEI,
                 Op.JLTI, Op.JLEI, Op.JGTI, Op.JGEI, Op.CALL, Op.RET -> true;
            default -> false;
        };
    }

    /** The jump target of a branch at {@code pc}, or -1. */
    private static int target(int[] code, int pc) {
        int op = code[pc];
        return switch (op) {
            case Op.JMP, Op.LOOP -> code[pc + 1];
            case Op.JT, Op.JF -> code[pc + 2];
            case Op.JEQ, Op.JNE, Op.JLT, Op.JLE, Op.JGT, Op.JGE, Op.JEQI, Op.JNEI, Op.JLTI, Op.JLEI, Op.JGTI,
                 Op.JGEI -> code[pc + 3];
            default -> -1;
        };
    }

    /** The translation of one function. */
    private static final class FunctionGen {
        private final CodeBuilder cb;
        private final Image image;
        private final FunctionCode fn;
        private final int[] code;
        private final BitSet compiled;
        /** Label of every block's first pc. */
        private final Label[] labels;
        /** Instructions in the block starting at pc (0 elsewhere). */
        private final int[] blockLength;
        /** Out-of-line code (panics, hand-backs), emitted after the body so the hot path stays straight. */
        private final List<Consumer<CodeBuilder>> coldPaths = new ArrayList<>();
        /** Loop headers (targets of back-edges), where the interpreter may enter a running frame. */
        private final BitSet loopHeaders = new BitSet();

        FunctionGen(CodeBuilder cb, Image image, FunctionCode fn, BitSet compiled) {
            this.cb = cb;
            this.image = image;
            this.fn = fn;
            this.code = fn.code();
            this.compiled = compiled;
            this.labels = new Label[code.length + 1];
            this.blockLength = new int[code.length + 1];
        }

        void emit() {
            findBlocks();
            if (needsBase()) {
                cb.aload(IT).getfield(CD_INTERPRETER, "compiledBase", CD_long).lstore(BASE);
            }
            if (!loopHeaders.isEmpty()) {
                // dst >= 0: a call, from pc 0; else an entry at loop header ~dst
                cb.iload(DST).ifge(labels[0]);
                List<SwitchCase> cases = new ArrayList<>();
                loopHeaders.stream().forEach(h -> cases.add(SwitchCase.of(h, labels[h])));
                Label bad = cb.newLabel();
                cb.iload(DST).iconst_m1().ixor().lookupswitch(bad, cases);
                coldPaths.add(c -> {
                    c.labelBinding(bad);
                    throwIllegalState(c);
                });
            }
            int pc = 0;
            int rest = 0;
            while (pc < code.length) {
                if (labels[pc] != null) {
                    cb.labelBinding(labels[pc]);
                    addCounts(blockLength[pc]);
                    rest = blockLength[pc];
                }
                rest--;
                instruction(pc, rest);
                pc += LENGTH[code[pc]];
            }
            // Falling off the end cannot happen in valid code (the compiler ends every function
            // with RET); the verifier still wants an instruction there.
            handBack(cb, pc, 0);
            for (Consumer<CodeBuilder> path : coldPaths) {
                path.accept(cb);
            }
        }

        /** Leaders: pc 0, every jump target, and the instruction after every block end. */
        private void findBlocks() {
            BitSet leaders = new BitSet();
            leaders.set(0);
            for (int pc = 0; pc < code.length; pc += LENGTH[code[pc]]) {
                int t = target(code, pc);
                if (t >= 0) {
                    leaders.set(t);
                }
                if (code[pc] == Op.LOOP) {
                    loopHeaders.set(t);
                }
                if (endsBlock(code[pc])) {
                    leaders.set(pc + LENGTH[code[pc]]);
                }
            }
            int start = -1;
            for (int pc = 0; pc < code.length; pc += LENGTH[code[pc]]) {
                if (leaders.get(pc)) {
                    labels[pc] = cb.newLabel();
                    start = pc;
                }
                blockLength[start]++;
            }
        }

        private boolean needsBase() {
            for (int pc = 0; pc < code.length; pc += LENGTH[code[pc]]) {
                switch (code[pc]) {
                    case Op.CALL, Op.ADDR, Op.LOAD, Op.STORE -> {
                        return true;
                    }
                    default -> {
                    }
                }
            }
            return false;
        }

        // ---- emission helpers

        private void addCounts(long k) {
            if (k != 0) {
                cb.lload(COUNTS).loadConstant(k).ladd().lstore(COUNTS);
            }
        }

        /** Pushes the word index {@code fp + slot}. */
        private void index(int slot) {
            cb.iload(FP);
            if (slot != 0) {
                cb.loadConstant(slot).iadd();
            }
        }

        /** Pushes the word in {@code slot}. */
        private void load(int slot) {
            cb.aload(W);
            index(slot);
            cb.laload();
        }

        /** {@code w[fp + slot] = value}, the value pushed by {@code value}. */
        private void store(int slot, Runnable value) {
            cb.aload(W);
            index(slot);
            value.run();
            cb.lastore();
        }

        private void binary(int pc, Runnable op) {
            store(code[pc + 1], () -> {
                load(code[pc + 2]);
                load(code[pc + 3]);
                op.run();
            });
        }

        /** Copies {@code n} words within the frame array; both indexes pushed by the runnables. */
        private void copy(Runnable fromArray, Runnable fromIndex, Runnable toIndex, int n) {
            if (n == 1) {
                cb.aload(W);
                toIndex.run();
                fromArray.run();
                fromIndex.run();
                cb.laload().lastore();
            } else if (n > 1) {
                fromArray.run();
                fromIndex.run();
                cb.aload(W);
                toIndex.run();
                cb.loadConstant(n).invokestatic(CD_SYSTEM, "arraycopy", MTD_ARRAYCOPY);
            }
        }

        /**
         * The panic of kind {@code kind} at the instruction at {@code pc} ({@code rest} block
         * instructions after it not run), out of line; the two values pushed by {@code values}
         * (8 bytes each) or zeros.
         */
        private Label panic(int pc, int rest, int kind, Consumer<CodeBuilder> values) {
            Label l = cb.newLabel();
            int resume = pc + LENGTH[code[pc]];
            coldPaths.add(c -> {
                c.labelBinding(l);
                c.aload(IT).lload(COUNTS).loadConstant(rest).iload(FP).loadConstant(fn.index()).loadConstant(resume)
                        .loadConstant(kind);
                if (values == null) {
                    c.lconst_0().lconst_0();
                } else {
                    values.accept(c);
                }
                c.invokevirtual(CD_INTERPRETER, "compiledPanic", MTD_PANIC).athrow();
            });
            return l;
        }

        /** Hands control back at {@code pc}: the interpreter continues there, in this frame. */
        private void handBack(CodeBuilder c, int pc, long uncount) {
            c.aload(IT).lload(COUNTS);
            if (uncount != 0) {
                c.loadConstant(uncount).lsub();
            }
            c.iload(FP).loadConstant(fn.index()).loadConstant(pc)
                    .invokevirtual(CD_INTERPRETER, "compiledHandBack", MTD_HAND_BACK).lreturn();
        }

        /** Polls when the slice is used up; the top frame is then {@code frame} at {@code function}'s {@code pc}. */
        private void pollIfSliceEnded(int frameLocal, int function, int pc) {
            Label go = cb.newLabel();
            cb.lload(COUNTS).l2i().aload(IT).getfield(CD_INTERPRETER, "sliceLeft", CD_int).if_icmplt(go);
            cb.aload(IT).lload(COUNTS).iload(frameLocal).loadConstant(function).loadConstant(pc)
                    .invokevirtual(CD_INTERPRETER, "compiledPoll", MTD_POLL).lstore(COUNTS);
            cb.labelBinding(go);
        }

        private Label labelAt(int pc) {
            Label l = labels[pc];
            if (l == null) {
                throw new IllegalStateException("jump to " + pc + " is not a block start in " + fn.name());
            }
            return l;
        }

        /** Branches to the target when the comparison of the two pushed longs holds. */
        private void branchIf(java.lang.classfile.Opcode cond, int target) {
            cb.lcmp().branch(cond, labelAt(target));
        }

        private static java.lang.classfile.Opcode condition(int op) {
            return switch (op) {
                case Op.JEQ, Op.JEQI, Op.EQ -> java.lang.classfile.Opcode.IFEQ;
                case Op.JNE, Op.JNEI, Op.NE -> java.lang.classfile.Opcode.IFNE;
                case Op.JLT, Op.JLTI, Op.LT -> java.lang.classfile.Opcode.IFLT;
                case Op.JLE, Op.JLEI, Op.LE -> java.lang.classfile.Opcode.IFLE;
                case Op.JGT, Op.JGTI, Op.GT -> java.lang.classfile.Opcode.IFGT;
                case Op.JGE, Op.JGEI, Op.GE -> java.lang.classfile.Opcode.IFGE;
                default -> throw new IllegalArgumentException("not a comparison: " + op);
            };
        }

        /** Pushes 1 when the comparison of the two pushed longs holds, else 0, as a long. */
        private void compareToWord(java.lang.classfile.Opcode cond) {
            Label yes = cb.newLabel();
            Label done = cb.newLabel();
            cb.lcmp().branch(cond, yes).lconst_0().goto_(done).labelBinding(yes).lconst_1().labelBinding(done);
        }

        /** Panics with Go's index error unless {@code index < length}, compared unsigned (a negative index fails). */
        private void checkIndex(int pc, int rest, Runnable index, Runnable length) {
            index.run();
            length.run();
            cb.invokestatic(CD_LONG, "compareUnsigned", MTD_COMPARE_UNSIGNED);
            cb.ifge(panic(pc, rest, PANIC_INDEX, c -> {
                index.run();
                length.run();
            }));
        }

        // ---- instructions

        private void instruction(int pc, int rest) {
            int op = code[pc];
            switch (op) {
                case Op.MOV -> store(code[pc + 1], () -> load(code[pc + 2]));
                case Op.MOVN -> copy(() -> cb.aload(W), () -> index(code[pc + 2]), () -> index(code[pc + 1]),
                        code[pc + 3]);
                case Op.ZERO -> {
                    int n = code[pc + 2];
                    if (n <= 4) {
                        for (int i = 0; i < n; i++) {
                            store(code[pc + 1] + i, cb::lconst_0);
                        }
                    } else {
                        cb.aload(W);
                        index(code[pc + 1]);
                        index(code[pc + 1] + n);
                        cb.lconst_0().invokestatic(CD_ARRAYS, "fill", MTD_FILL);
                    }
                }
                case Op.LOADI -> store(code[pc + 1], () -> cb.loadConstant((long) code[pc + 2]));
                case Op.LOADK -> store(code[pc + 1], () -> cb.loadConstant(fn.constants()[code[pc + 2]]));
                case Op.ADD -> binary(pc, cb::ladd);
                case Op.SUB -> binary(pc, cb::lsub);
                case Op.MUL -> binary(pc, cb::lmul);
                case Op.AND -> binary(pc, cb::land);
                case Op.OR -> binary(pc, cb::lor);
                case Op.XOR -> binary(pc, cb::lxor);
                case Op.ANDNOT -> binary(pc, () -> cb.loadConstant(-1L).lxor().land());
                case Op.DIV, Op.REM -> {
                    // MinInt64 / -1 wraps and MinInt64 % -1 is 0, in the JVM as in Go.
                    load(code[pc + 3]);
                    cb.lstore(TMP_A).lload(TMP_A).lconst_0().lcmp().ifeq(panic(pc, rest, PANIC_DIVIDE, null));
                    store(code[pc + 1], () -> {
                        load(code[pc + 2]);
                        cb.lload(TMP_A);
                        if (op == Op.DIV) {
                            cb.ldiv();
                        } else {
                            cb.lrem();
                        }
                    });
                }
                case Op.SHL, Op.SHR -> {
                    load(code[pc + 3]);
                    cb.lstore(TMP_A).lload(TMP_A).lconst_0().lcmp().iflt(panic(pc, rest, PANIC_SHIFT, null));
                    store(code[pc + 1], () -> {
                        if (op == Op.SHL) {
                            // b >= 64 gives 0 (the JVM would use b mod 64)
                            Label small = cb.newLabel();
                            Label done = cb.newLabel();
                            cb.lload(TMP_A).loadConstant(64L).lcmp().iflt(small);
                            cb.lconst_0().goto_(done);
                            cb.labelBinding(small);
                            load(code[pc + 2]);
                            cb.lload(TMP_A).l2i().lshl();
                            cb.labelBinding(done);
                        } else {
                            load(code[pc + 2]);
                            cb.lload(TMP_A).loadConstant(63L).invokestatic(CD_MATH, "min",
                                    MethodTypeDesc.of(CD_long, CD_long, CD_long)).l2i().lshr();
                        }
                    });
                }
                case Op.ADDI -> store(code[pc + 1], () -> {
                    load(code[pc + 2]);
                    cb.loadConstant((long) code[pc + 3]).ladd();
                });
                case Op.NEG -> store(code[pc + 1], () -> {
                    load(code[pc + 2]);
                    cb.lneg();
                });
                case Op.BITNOT -> store(code[pc + 1], () -> {
                    load(code[pc + 2]);
                    cb.loadConstant(-1L).lxor();
                });
                case Op.NOT -> store(code[pc + 1], () -> {
                    load(code[pc + 2]);
                    cb.lconst_1().lxor();
                });
                case Op.EQ, Op.NE, Op.LT, Op.LE, Op.GT, Op.GE -> store(code[pc + 1], () -> {
                    load(code[pc + 2]);
                    load(code[pc + 3]);
                    compareToWord(condition(op));
                });
                case Op.JMP -> cb.goto_(labelAt(code[pc + 1]));
                case Op.LOOP -> {
                    pollIfSliceEnded(FP, fn.index(), pc + 2);
                    cb.goto_(labelAt(code[pc + 1]));
                }
                case Op.JT, Op.JF -> {
                    load(code[pc + 1]);
                    cb.lconst_0();
                    branchIf(op == Op.JT ? java.lang.classfile.Opcode.IFNE : java.lang.classfile.Opcode.IFEQ,
                            code[pc + 2]);
                }
                case Op.JEQ, Op.JNE, Op.JLT, Op.JLE, Op.JGT, Op.JGE -> {
                    load(code[pc + 1]);
                    load(code[pc + 2]);
                    branchIf(condition(op), code[pc + 3]);
                }
                case Op.JEQI, Op.JNEI, Op.JLTI, Op.JLEI, Op.JGTI, Op.JGEI -> {
                    load(code[pc + 1]);
                    cb.loadConstant((long) code[pc + 2]);
                    branchIf(condition(op), code[pc + 3]);
                }
                case Op.ADDR -> store(code[pc + 1], () -> {
                    cb.lload(BASE);
                    index(code[pc + 2]);
                    cb.i2l().loadConstant(3).lshl().ladd();
                });
                case Op.GADDR -> store(code[pc + 1], () -> cb.loadConstant(Image.STATIC_BASE + 8L * code[pc + 2]));
                case Op.GLOAD -> copy(this::statics, () -> cb.loadConstant(code[pc + 2]), () -> index(code[pc + 1]),
                        code[pc + 3]);
                case Op.GSTORE -> {
                    int n = code[pc + 3];
                    if (n == 1) {
                        statics();
                        cb.loadConstant(code[pc + 1]);
                        load(code[pc + 2]);
                        cb.lastore();
                    } else if (n > 1) {
                        cb.aload(W);
                        index(code[pc + 2]);
                        statics();
                        cb.loadConstant(code[pc + 1]).loadConstant(n).invokestatic(CD_SYSTEM, "arraycopy",
                                MTD_ARRAYCOPY);
                    }
                }
                case Op.LOAD -> memory(pc, rest, true);
                case Op.STORE -> memory(pc, rest, false);
                case Op.LEA -> {
                    load(code[pc + 2]);
                    cb.lstore(TMP_P).lload(TMP_P).lconst_0().lcmp().ifeq(panic(pc, rest, PANIC_NIL, null));
                    store(code[pc + 1], () -> cb.lload(TMP_P).loadConstant(8L * code[pc + 3]).ladd());
                }
                case Op.SLICEIDX -> {
                    // &s[i]: s's length in the slot after its pointer
                    int s = code[pc + 2];
                    load(code[pc + 3]);
                    cb.lstore(TMP_A);
                    checkIndex(pc, rest, () -> cb.lload(TMP_A), () -> load(s + 1));
                    store(code[pc + 1], () -> {
                        load(s);
                        cb.lload(TMP_A).loadConstant(8L * code[pc + 4]).lmul().ladd();
                    });
                }
                case Op.ARRIDX -> {
                    load(code[pc + 2]);
                    cb.lstore(TMP_P).lload(TMP_P).lconst_0().lcmp().ifeq(panic(pc, rest, PANIC_NIL, null));
                    load(code[pc + 3]);
                    cb.lstore(TMP_A);
                    long len = code[pc + 4];
                    checkIndex(pc, rest, () -> cb.lload(TMP_A), () -> cb.loadConstant(len));
                    store(code[pc + 1], () -> cb.lload(TMP_P).lload(TMP_A).loadConstant(8L * code[pc + 5]).lmul()
                            .ladd());
                }
                case Op.FLOADIDX, Op.FSTOREIDX -> frameIndex(pc, rest, op == Op.FLOADIDX);
                case Op.CALL -> call(pc);
                case Op.RET -> {
                    if (!loopHeaders.isEmpty()) {
                        // entered at a loop header: the interpreter returns from the frame
                        Label entered = cb.newLabel();
                        cb.iload(DST).iflt(entered);
                        coldPaths.add(c -> {
                            c.labelBinding(entered);
                            handBack(c, pc, 1);
                        });
                    }
                    int n = code[pc + 2];
                    copy(() -> cb.aload(W), () -> index(code[pc + 1]), () -> cb.iload(DST), n);
                    cb.lload(COUNTS).lreturn();
                }
                default -> slowOp(pc);
            }
        }

        private void statics() {
            cb.aload(IT).getfield(CD_INTERPRETER, "statics", CD_LONG_ARRAY);
        }

        /**
         * {@code LOAD d, p, off, n} / {@code STORE p, off, s, n}: nil check, then the heap's words
         * or this stack segment's directly, or the interpreter's general path (statics, faults).
         */
        private void memory(int pc, int rest, boolean isLoad) {
            int pointer = code[pc + (isLoad ? 2 : 1)];
            int offset = code[pc + (isLoad ? 3 : 2)];
            int frameSlot = code[pc + (isLoad ? 1 : 3)];
            int n = code[pc + 4];
            load(pointer);
            cb.lstore(TMP_P).lload(TMP_P).lconst_0().lcmp().ifeq(panic(pc, rest, PANIC_NIL, null));
            cb.lload(TMP_P).loadConstant(8L * offset).ladd().lstore(TMP_A);
            Label notHeap = cb.newLabel();
            Label notStack = cb.newLabel();
            Label done = cb.newLabel();
            // in the heap: heapBase <= a && a + 8n <= heapTop
            cb.lload(TMP_A).aload(IT).getfield(CD_INTERPRETER, "heapBase", CD_long).lcmp().iflt(notHeap);
            cb.lload(TMP_A).loadConstant(8L * n).ladd().aload(IT).getfield(CD_INTERPRETER, "heapTop", CD_long).lcmp()
                    .ifgt(notHeap);
            cb.lload(TMP_A).aload(IT).getfield(CD_INTERPRETER, "heapBase", CD_long).lsub().loadConstant(3).lushr().l2i()
                    .istore(TMP_I);
            Runnable heap = () -> cb.aload(IT).getfield(CD_INTERPRETER, "heapWords", CD_LONG_ARRAY);
            if (isLoad) {
                copy(heap, () -> cb.iload(TMP_I), () -> index(frameSlot), n);
            } else {
                copyOut(heap, frameSlot, n);
            }
            cb.goto_(done);
            // in this stack segment: base <= a && (a - base) / 8 + n <= w.length
            cb.labelBinding(notHeap);
            cb.lload(TMP_A).lload(BASE).lcmp().iflt(notStack);
            cb.lload(TMP_A).lload(BASE).lsub().loadConstant(3).lushr().loadConstant((long) n).ladd()
                    .aload(W).arraylength().i2l().lcmp().ifgt(notStack);
            cb.lload(TMP_A).lload(BASE).lsub().loadConstant(3).lushr().l2i().istore(TMP_I);
            if (isLoad) {
                copy(() -> cb.aload(W), () -> cb.iload(TMP_I), () -> index(frameSlot), n);
            } else {
                copyOut(() -> cb.aload(W), frameSlot, n);
            }
            cb.goto_(done);
            cb.labelBinding(notStack);
            cb.aload(IT).lload(COUNTS).loadConstant(rest).iload(FP).loadConstant(fn.index())
                    .loadConstant(pc + LENGTH[code[pc]]).lload(TMP_A).loadConstant(frameSlot).loadConstant(n)
                    .invokevirtual(CD_INTERPRETER, isLoad ? "compiledLoad" : "compiledStore", MTD_MEMORY)
                    .lstore(COUNTS);
            cb.labelBinding(done);
        }

        /** {@code array[TMP_I ..] = w[fp + slot ..]}, n words. */
        private void copyOut(Runnable array, int slot, int n) {
            if (n == 1) {
                array.run();
                cb.iload(TMP_I);
                load(slot);
                cb.lastore();
            } else if (n > 1) {
                cb.aload(W);
                index(slot);
                array.run();
                cb.iload(TMP_I).loadConstant(n).invokestatic(CD_SYSTEM, "arraycopy", MTD_ARRAYCOPY);
            }
        }

        /** {@code FLOADIDX d, slot, i, len, n} / {@code FSTOREIDX slot, i, len, s, n}: an element of a frame array. */
        private void frameIndex(int pc, int rest, boolean isLoad) {
            int array = code[pc + (isLoad ? 2 : 1)];
            int indexSlot = code[pc + (isLoad ? 3 : 2)];
            long len = code[pc + (isLoad ? 4 : 3)];
            int other = code[pc + (isLoad ? 1 : 4)];
            int n = code[pc + 5];
            load(indexSlot);
            cb.lstore(TMP_A);
            checkIndex(pc, rest, () -> cb.lload(TMP_A), () -> cb.loadConstant(len));
            // element index fp + array + i * n
            index(array);
            cb.lload(TMP_A).l2i().loadConstant(n).imul().iadd().istore(TMP_I);
            if (isLoad) {
                copy(() -> cb.aload(W), () -> cb.iload(TMP_I), () -> index(other), n);
            } else {
                copy(() -> cb.aload(W), () -> index(other), () -> cb.iload(TMP_I), n);
            }
        }

        /**
         * {@code CALL f, args, dest}: the interpreter's prologue check and frame header, then a JVM
         * call. A failed check, or a callee that was not compiled, hands back at the call, which
         * the interpreter then runs itself (so the call is not counted here).
         */
        private void call(int pc) {
            int callee = code[pc + 1];
            if (!compiled.get(callee)) {
                handBack(cb, pc, 1);
                return;
            }
            FunctionCode target = image.function(callee);
            Label noRoom = cb.newLabel();
            coldPaths.add(c -> {
                c.labelBinding(noRoom);
                handBack(c, pc, 1);
            });
            cb.iload(FP).loadConstant(target.frameWords()).isub().istore(NFP);
            cb.iload(NFP).iload(GUARD).if_icmplt(noRoom);
            // header: saved frame pointer, return-address word
            cb.aload(W).iload(NFP).lload(BASE).iload(FP).i2l().loadConstant(3).lshl().ladd().lastore();
            cb.aload(W).iload(NFP).iconst_1().iadd().loadConstant(((long) fn.index() << 32) | (pc + 4)).lastore();
            int args = code[pc + 2];
            int np = target.paramWords();
            if (np <= 4) {
                for (int i = 0; i < np; i++) {
                    int k = i;
                    cb.aload(W).iload(NFP).loadConstant(2 + k).iadd();
                    load(args + k);
                    cb.lastore();
                }
            } else {
                cb.aload(W);
                index(args);
                cb.aload(W).iload(NFP).iconst_2().iadd().loadConstant(np)
                        .invokestatic(CD_SYSTEM, "arraycopy", MTD_ARRAYCOPY);
            }
            cb.lload(COUNTS).loadConstant(CompiledCode.ONE_CALL).ladd().lstore(COUNTS);
            pollIfSliceEnded(NFP, callee, 0);
            cb.aload(IT).aload(W).iload(NFP).iload(GUARD).lload(COUNTS);
            index(code[pc + 3]);
            cb.invokestatic(CD_GENERATED, methodName(callee), MTD_FUNCTION).lstore(COUNTS);
            Label on = cb.newLabel();
            cb.lload(COUNTS).lconst_0().lcmp().ifge(on);
            cb.lload(COUNTS).lreturn();
            cb.labelBinding(on);
        }

        /** An instruction the interpreter runs out of line; it may hand back after it. */
        private void slowOp(int pc) {
            cb.aload(IT).lload(COUNTS).iload(FP).loadConstant(fn.index()).loadConstant(pc)
                    .invokevirtual(CD_INTERPRETER, "compiledSlowOp", MTD_SLOW_OP).lstore(COUNTS);
            Label on = cb.newLabel();
            cb.lload(COUNTS).lconst_0().lcmp().ifge(on);
            cb.lload(COUNTS).lreturn();
            cb.labelBinding(on);
        }
    }
}
