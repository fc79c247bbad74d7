package org.cairnvm.tests.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded generator of guest programs for differential testing: each is valid Go (it compiles
 * under Go's rules: no unused variable or import, a return on every path, no constant overflow,
 * no division by a zero that Go could see), terminates, is deterministic, and prints enough of its
 * state (checksums folded from every variable, values read through pointers) that a pointer left
 * unrelocated or a slot missing from a stack map changes the output.
 *
 * <p>Termination and speed are by construction. Plain functions ({@code fN}, and methods) call
 * only functions generated after them, so their call graph is acyclic; loops have constant
 * bounds; recursive functions ({@code rN}) take a depth {@code d}, stop at {@code d <= 0} and make
 * at most one recursive call per activation, to {@code d - 1}, outside any loop, so a chain of
 * them is at most {@code d} frames deep. A cost estimate (roughly guest instructions) is kept per
 * function and a call is only generated where the caller's budget still covers it; collections
 * are counted the same way, as each {@code runtime.GC()} costs Go milliseconds.
 *
 * <p>Determinism under Go's rules: Go leaves unspecified whether {@code h} in {@code h + f(&h)}
 * is read before or after the call writes it, so calls appear only as statements or as the
 * whole initialiser of a fresh variable, never inside a larger expression. Pointers are never
 * printed, only what they point to.
 *
 * <p>The programs use what LANGUAGE.md's version 1 has without goroutines or channels: recursion
 * deep enough to grow a 2 KiB stack many times, arrays in frames indexed by variables, pointers
 * to locals, array elements and struct fields passed down and written through, structs with
 * value and pointer receivers, heap slices appended in loops (and re-sliced, so appends alias),
 * strings built on the heap, linked lists, {@code runtime.GC()} with all of that live, switches,
 * every form of {@code for}, globals. Some programs end in a deliberate runtime error deep in a
 * recursion, so exit statuses and first lines of reports are compared too.
 *
 * <p>Goroutines and channels: about a third of the programs ({@value #CONCURRENT_PERCENT} percent)
 * also run groups of goroutines, each started, fed and drained by main in one statement group
 * ({@link Body#goroutineGroup}). Go is the oracle and its scheduler is neither FIFO nor
 * single-threaded, so the output must not depend on scheduling at all, which the groups ensure:
 * <ul>
 * <li>only main prints, and main reads only what it received, in an order it fixes itself: from
 *     one channel per worker in a fixed order, from the one end of a pipeline (FIFO), or from a
 *     shared result channel only into a sum, which does not depend on order;</li>
 * <li>goroutines share no memory: workers ({@code wN}, {@code wdN}) and the leaves they call are
 *     "pure" (generated without globals in scope), and their arguments are values or fresh heap
 *     objects that main keeps no reference to; what they send is a value or a pointer they never
 *     touch again;</li>
 * <li>a pool worker (several goroutines on one input channel) keeps no state between items, so
 *     an item's result does not depend on which worker took it or what it took before;</li>
 * <li>{@code len} of a channel is printed only when main filled it before starting any
 *     goroutine, {@code runtime.NumGoroutine()} only before the first {@code go};</li>
 * <li>no deadlock: every receive of main is matched by a send that cannot be blocked behind it;
 *     goroutines left parked at the end (a worker whose input was never closed) are allowed,
 *     as the program ends with main;</li>
 * <li>a worker that dies (a runtime error deep in its recursion) does so while main waits for
 *     that very worker's result, so main prints nothing after it could have died.</li>
 * </ul>
 * Workers block deep in recursion while their frames hold pointers to their own locals, and
 * main collects while they are parked, so parked stacks are scanned and moved.
 *
 * <p>An instance is single-use and holds all generation state; nothing is static and mutable.
 */
public final class ProgramGenerator {

    /** Upper bound of the estimated cost of one plain function, in rough guest instructions. */
    private static final int LEAF_BUDGET = 1_500;

    /**
     * Upper bound of the estimated cost of one activation of a recursive function, excluding its
     * recursive call. Times the depth, it bounds the whole recursion.
     */
    private static final int LEVEL_BUDGET = 200;

    /**
     * Upper bound of the estimated cost of the whole program. About 400 thousand instructions
     * keeps a run well under 50 ms in the interpreter, and the stress modes affordable.
     */
    private static final int PROGRAM_BUDGET = 400_000;

    /**
     * The deepest recursion main starts. With frames of 10 to 40 words that is up to 160 KiB of
     * stack (six or seven doublings of a 2 KiB stack), and the {@code stack-move} stress mode,
     * which copies the whole stack at every call, stays affordable.
     */
    private static final int MAX_DEPTH = 500;

    /** Loops nest at most this deep, so loop multipliers stay small. */
    private static final int MAX_LOOP_NESTING = 2;

    /** Blocks (if, switch, for) nest at most this deep. */
    private static final int MAX_BLOCK_NESTING = 3;

    /** The kinds of value the generated programs compute with. */
    enum Kind { INT, BOOL, STRING, PTR_INT, SLICE, ARRAY, STRUCT, PTR_STRUCT }

    /**
     * A type: {@code length} for arrays, the struct for structs and pointers to them.
     *
     * @param kind what it is
     * @param length array length (a power of two, so {@code e & (length-1)} is always in range)
     * @param struct the struct type, for {@link Kind#STRUCT} and {@link Kind#PTR_STRUCT}
     */
    record Type(Kind kind, int length, StructDef struct) {
        static final Type INT = new Type(Kind.INT, 0, null);
        static final Type BOOL = new Type(Kind.BOOL, 0, null);
        static final Type STRING = new Type(Kind.STRING, 0, null);
        static final Type PTR_INT = new Type(Kind.PTR_INT, 0, null);
        static final Type SLICE = new Type(Kind.SLICE, 0, null);

        static Type array(int length) {
            return new Type(Kind.ARRAY, length, null);
        }

        String go() {
            return switch (kind) {
                case INT -> "int";
                case BOOL -> "bool";
                case STRING -> "string";
                case PTR_INT -> "*int";
                case SLICE -> "[]int";
                case ARRAY -> "[" + length + "]int";
                case STRUCT -> struct.name();
                case PTR_STRUCT -> "*" + struct.name();
            };
        }
    }

    /**
     * A struct type: always {@code a int} and {@code b int}; optionally a string, an array, a
     * self pointer {@code next} (for linked lists) and a nested value of an earlier struct.
     */
    record StructDef(String name, boolean hasString, int arrayLength, boolean hasNext, StructDef inner) {
        String declaration() {
            StringBuilder sb = new StringBuilder("type " + name + " struct {\n\ta int\n\tb int\n");
            if (hasString) {
                sb.append("\ts string\n");
            }
            if (arrayLength > 0) {
                sb.append("\tarr [").append(arrayLength).append("]int\n");
            }
            if (hasNext) {
                sb.append("\tnext *").append(name).append('\n');
            }
            if (inner != null) {
                sb.append("\tin ").append(inner.name()).append('\n');
            }
            return sb.append("}\n").toString();
        }
    }

    /** A variable in scope; {@code writable} is false for loop variables and pointers kept non-nil. */
    private record Var(String name, Type type, boolean writable) {
    }

    /** An expression's text, and whether Go would treat it as a constant. */
    private record Expr(String text, boolean constant) {
    }

    /**
     * A function or method callable from generated code.
     *
     * @param name the function (or method) name
     * @param receiver the receiver type for a method ({@code T} or {@code *T}), else null
     * @param params parameter types, after the receiver
     * @param cost estimated cost of one call
     * @param index position in generation order: a plain function only calls higher indexes
     * @param gcs how many {@code runtime.GC()} one call runs at most
     * @param pure whether it touches no global (directly or through what it calls), so that
     *     goroutines may call it without sharing memory
     */
    private record Func(String name, Type receiver, List<Type> params, int cost, int index, int gcs, boolean pure) {
    }

    private final SplittableRandom random;
    private final List<StructDef> structs = new ArrayList<>();
    private final List<Var> globals = new ArrayList<>();
    private final List<Func> leaves = new ArrayList<>();
    private int recursiveCount;
    private List<List<Type>> recursiveParams = List.of();
    private boolean usesDeath;
    private boolean concurrent;
    private final List<String> workerTexts = new ArrayList<>();
    private int workerNames;
    private String feeder;

    private ProgramGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The program for {@code seed}; the same seed always gives the same text. */
    public static String generate(long seed) {
        return new ProgramGenerator(seed).program(seed);
    }

    private String program(long seed) {
        concurrent = random.nextInt(100) < CONCURRENT_PERCENT;
        int structCount = random.nextInt(1, 3);
        for (int i = 0; i < structCount; i++) {
            StructDef inner = i > 0 && random.nextBoolean() ? structs.get(i - 1) : null;
            structs.add(new StructDef("T" + i, random.nextBoolean(), random.nextBoolean() ? 4 : 0,
                    random.nextInt(3) > 0, inner));
        }
        int globalCount = random.nextInt(1, 4);
        List<String> globalDecls = new ArrayList<>();
        globals.add(new Var("gdie", Type.INT, false));
        for (int i = 0; i < globalCount; i++) {
            String name = "g" + i;
            switch (random.nextInt(3)) {
                case 0 -> {
                    globalDecls.add("var " + name + " int");
                    globals.add(new Var(name, Type.INT, true));
                }
                case 1 -> {
                    globalDecls.add("var " + name + " = []int{" + small() + ", " + small() + "}");
                    globals.add(new Var(name, Type.SLICE, true));
                }
                default -> {
                    globalDecls.add("var " + name + " = \"" + stringLiteral() + "\"");
                    globals.add(new Var(name, Type.STRING, true));
                }
            }
        }
        // Plain functions and methods, last first, so each knows the cost of what it may call.
        int leafCount = random.nextInt(2, 6);
        List<String> leafTexts = new ArrayList<>();
        for (int i = leafCount - 1; i >= 0; i--) {
            leafTexts.addFirst(leaf(i, concurrent && random.nextBoolean()));
        }
        recursiveCount = random.nextInt(1, 4);
        List<List<Type>> params = new ArrayList<>();
        for (int i = 0; i < recursiveCount; i++) {
            params.add(extraParams(random.nextInt(0, 3)));
        }
        recursiveParams = params;
        usesDeath = random.nextInt(100) < DEATH_PERCENT;
        List<String> recTexts = new ArrayList<>();
        for (int i = 0; i < recursiveCount; i++) {
            recTexts.add(recursive(i));
        }
        String main = mainFunction();

        StringBuilder sb = new StringBuilder();
        sb.append("// Generated by ProgramGenerator, seed ").append(seed).append(".\n");
        sb.append("package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\n");
        for (StructDef s : structs) {
            sb.append(s.declaration()).append('\n');
        }
        sb.append("var gdie int\n");
        for (String g : globalDecls) {
            sb.append(g).append('\n');
        }
        sb.append('\n');
        for (String t : leafTexts) {
            sb.append(t).append('\n');
        }
        for (String t : recTexts) {
            sb.append(t).append('\n');
        }
        for (String t : workerTexts) {
            sb.append(t).append('\n');
        }
        sb.append(main);
        return sb.toString();
    }

    /** Percentage of programs that end in a deliberate runtime error deep in a recursion. */
    private static final int DEATH_PERCENT = 10;

    /** Percentage of programs that use goroutines and channels. */
    static final int CONCURRENT_PERCENT = 33;

    /** Percentage of those whose last goroutine group has a worker die deep in its recursion. */
    private static final int WORKER_DEATH_PERCENT = 20;

    // ---------------------------------------------------------------- functions

    private List<Type> extraParams(int n) {
        List<Type> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(paramType());
        }
        return out;
    }

    private Type paramType() {
        return switch (random.nextInt(8)) {
            case 0, 1 -> Type.INT;
            case 2 -> Type.STRING;
            case 3 -> Type.PTR_INT;
            case 4 -> Type.SLICE;
            case 5 -> Type.array(4);
            case 6 -> new Type(Kind.STRUCT, 0, pick(structs));
            default -> new Type(Kind.PTR_STRUCT, 0, pick(structs));
        };
    }

    /** A plain function or a method, with index {@code index}; a pure one sees no global. */
    private String leaf(int index, boolean pure) {
        Type receiver = null;
        String name = "f" + index;
        if (random.nextInt(3) == 0) {
            StructDef s = pick(structs);
            receiver = random.nextBoolean() ? new Type(Kind.STRUCT, 0, s) : new Type(Kind.PTR_STRUCT, 0, s);
            name = "m" + index;
        }
        List<Type> params = extraParams(random.nextInt(0, 4));
        Body body = new Body(index, LEAF_BUDGET, LEAF_GCS, false, pure);
        List<String> signature = new ArrayList<>();
        if (receiver != null) {
            body.scope.add(new Var("t", receiver, receiver.kind() == Kind.STRUCT));
        }
        for (int i = 0; i < params.size(); i++) {
            String p = "a" + i;
            signature.add(p + " " + params.get(i).go());
            body.scope.add(new Var(p, params.get(i), params.get(i).kind() != Kind.PTR_INT
                    && params.get(i).kind() != Kind.PTR_STRUCT));
        }
        body.line("h := " + body.intExpr(1).text());
        body.scope.add(new Var("h", Type.INT, true));
        body.statements(random.nextInt(2, 7));
        body.closeTop();
        body.line("return h");
        String head = receiver == null
                ? "func " + name + "(" + String.join(", ", signature) + ") int {"
                : "func (t " + receiver.go() + ") " + name + "(" + String.join(", ", signature) + ") int {";
        leaves.add(new Func(name, receiver, params, body.cost + CALL_COST, index, body.gcs, pure));
        return head + "\n" + body.text() + "}\n";
    }

    /** Estimated cost of a call and return themselves. */
    private static final int CALL_COST = 6;

    private String recursive(int index) {
        List<Type> params = recursiveParams.get(index);
        // No collection per level (it would run d times); only the one guarded by d below.
        Body body = new Body(-1, LEVEL_BUDGET, 0, false, false);
        List<String> signature = new ArrayList<>(List.of("d int", "p *int"));
        body.scope.add(new Var("d", Type.INT, false));
        body.scope.add(new Var("p", Type.PTR_INT, false));
        for (int i = 0; i < params.size(); i++) {
            signature.add("a" + i + " " + params.get(i).go());
            body.scope.add(new Var("a" + i, params.get(i), params.get(i).kind() != Kind.PTR_INT
                    && params.get(i).kind() != Kind.PTR_STRUCT));
        }
        int locLength = random.nextBoolean() ? 8 : 4;
        body.line("h := d*" + random.nextInt(1, 9) + " + *p");
        body.scope.add(new Var("h", Type.INT, true));
        body.line("var loc [" + locLength + "]int");
        body.scope.add(new Var("loc", Type.array(locLength), true));
        body.line("loc[d&" + (locLength - 1) + "] = h");
        body.statements(random.nextInt(0, 3));
        body.line("if d <= 0 {");
        body.depth++;
        if (usesDeath) {
            body.line("if gdie > 0 {");
            body.depth++;
            deathStatement(locLength).forEach(body::line);
            body.depth--;
            body.line("}");
        }
        body.line("*p += h + loc[" + random.nextInt(locLength) + "]");
        body.line("return h");
        body.depth--;
        body.line("}");
        body.statements(random.nextInt(0, 3));
        int target = random.nextInt(recursiveCount);
        String pointer = body.pointerArgument();
        String call = "r" + target + "(d-1, " + pointer + body.arguments(recursiveParams.get(target)) + ")";
        // The result goes to its own variable: Go leaves unspecified whether h in "h + r(&h)" is
        // read before or after the call writes it.
        body.line("rv := " + call);
        body.line(random.nextBoolean() ? "h += rv" : "h = h*7 + rv");
        if (random.nextInt(4) == 0) {
            body.line("if d%" + random.nextInt(MAX_DEPTH / MAX_GUARDED_GCS, MAX_DEPTH) + " == 0 {");
            body.depth++;
            body.line("runtime.GC()");
            body.depth--;
            body.line("}");
        }
        if (random.nextInt(3) == 0) {
            body.line("if d%" + random.nextInt(60, 250) + " == 0 {");
            body.depth++;
            body.line("fmt.Println(\"r" + index + "\", d, h, loc[" + random.nextInt(locLength) + "])");
            body.depth--;
            body.line("}");
        }
        body.statements(random.nextInt(1, 3));
        body.closeTop();
        body.line("return h + loc[" + random.nextInt(locLength) + "]");
        String head = "func r" + index + "(" + String.join(", ", signature) + ") int {";
        return head + "\n" + body.text() + "}\n";
    }

    /** A runtime error Go reports with a fixed first line; only runs when main sets {@code gdie}. */
    private List<String> deathStatement(int locLength) {
        return switch (random.nextInt(5)) {
            case 0 -> List.of("h += loc[(d&7)+gdie+" + (locLength - 1) + "]");
            case 1 -> List.of("h += h / (gdie - 1)");
            case 2 -> List.of("panic(\"died at depth \" + \"" + stringLiteral() + "\")");
            case 3 -> List.of("panic(h*0 + gdie)");
            default -> List.of("var np *" + pick(structs).name(), "h += np.b");
        };
    }

    private String mainFunction() {
        Body body = new Body(-1, PROGRAM_BUDGET, MAIN_GCS, true, false);
        if (concurrent && random.nextBoolean()) {
            // Before the first go statement, main is the only goroutine.
            body.line("fmt.Println(\"goroutines\", runtime.NumGoroutine())");
        }
        body.line("h := " + random.nextInt(1, 100));
        body.scope.add(new Var("h", Type.INT, true));
        body.statements(random.nextInt(1, 4));
        int calls = random.nextInt(1, 4);
        // Goroutine groups go at main's top level, after the opening statements or after a call.
        int[] groupsAt = new int[calls + 1];
        int groups = concurrent ? random.nextInt(1, MAX_GROUPS + 1) : 0;
        for (int g = 0; g < groups; g++) {
            groupsAt[random.nextInt(calls + 1)]++;
        }
        for (int g = 0; g < groupsAt[0]; g++) {
            body.goroutineGroup(false);
        }
        int budgetPerCall = PROGRAM_BUDGET / (calls + 1);
        for (int c = 0; c < calls; c++) {
            int target = random.nextInt(recursiveCount);
            int depth = Math.min(MAX_DEPTH, Math.max(1, budgetPerCall / (LEVEL_BUDGET + CALL_COST)));
            depth = random.nextInt(depth / 4 + 1, depth + 1);
            String x = "y" + c;
            body.line(x + " := " + random.nextInt(1, 50));
            boolean last = c == calls - 1;
            if (last && usesDeath) {
                body.line("gdie = 1");
            }
            String call = "r" + target + "(" + depth + ", &" + x + body.arguments(recursiveParams.get(target)) + ")";
            body.line("z" + c + " := " + call);
            body.line("h = h*31 + z" + c);
            body.line("fmt.Println(\"call" + c + "\", h, " + x + ")");
            body.scope.add(new Var(x, Type.INT, true));
            body.statements(random.nextInt(0, 3));
            for (int g = 0; g < groupsAt[c + 1]; g++) {
                body.goroutineGroup(false);
            }
        }
        if (concurrent && random.nextInt(100) < WORKER_DEATH_PERCENT) {
            body.goroutineGroup(true);
        }
        body.line("runtime.GC()");
        body.statements(random.nextInt(0, 3));
        body.closeTop();
        List<String> shown = new ArrayList<>(List.of("h"));
        for (Var g : globals) {
            if (g.name().equals("gdie")) {
                continue;
            }
            shown.add(fold(g));
        }
        body.line("fmt.Println(" + String.join(", ", shown) + ")");
        return "func main() {\n" + body.text() + "}\n";
    }

    /** An int expression summarising a variable of any kind, for printing. */
    private static String fold(Var v) {
        return switch (v.type().kind()) {
            case INT -> v.name();
            case BOOL -> "!" + v.name();
            case STRING -> "len(" + v.name() + ")";
            case PTR_INT -> "*" + v.name();
            case SLICE -> "len(" + v.name() + ")*1000 + cap(" + v.name() + ")*10 + " + v.name() + "[0]";
            case ARRAY -> v.name() + "[0] + " + v.name() + "[" + (v.type().length() - 1) + "]";
            case STRUCT, PTR_STRUCT -> v.name() + ".a*3 + " + v.name() + ".b";
        };
    }

    // ---------------------------------------------------------------- goroutines

    /** Goroutine groups in main at most. */
    private static final int MAX_GROUPS = 3;

    /** Items one group sends through its channels at most. */
    private static final int MAX_ITEMS = 16;

    /** Goroutines one pool starts at most. */
    private static final int MAX_WORKERS = 4;

    /** Rounds of a per-worker exchange at most (main sends each worker one item per round). */
    private static final int MAX_ROUNDS = 6;

    /**
     * The deepest recursion a worker parks at. Up to three such workers per group, each level
     * within {@link #LEVEL_BUDGET}: a group stays under a fifth of the program's budget.
     */
    private static final int MAX_WORKER_DEPTH = 100;

    /** Upper bound of the estimated cost of one item in a worker's loop. */
    private static final int WORKER_ITEM_BUDGET = 600;

    /** Estimated cost of a channel operation, a switch included. */
    private static final int CHANNEL_COST = 20;

    /** Estimated cost of starting a goroutine (its first stack included). */
    private static final int GO_COST = 60;

    /**
     * A worker started with {@code go}: it ranges over its input channel and sends one result
     * (an int, or a pointer to a fresh int) per item on its output channel.
     *
     * @param name the function (or method) name
     * @param receiver the receiver type for a method, else null
     * @param params parameter types after the two channels
     * @param pointerResult whether it sends {@code *int} rather than {@code int}
     * @param closesOut whether it closes its output channel when its input is closed and drained
     * @param itemCost estimated cost of one item
     */
    private record Worker(String name, Type receiver, List<Type> params, boolean pointerResult,
                          boolean closesOut, int itemCost) {
        String resultType() {
            return pointerResult ? "*int" : "int";
        }
    }

    /**
     * A worker that parks deep in a recursion ({@code wdN}) holding pointers to its own locals,
     * receives one item there and sends two results: one from the bottom, one from its entry
     * function ({@code wsN}) once the recursion has returned.
     *
     * @param entry the entry function started with {@code go}
     * @param params parameter types after the depth and the two channels
     * @param levelCost estimated cost of one level
     */
    private record DeepWorker(String entry, List<Type> params, int levelCost) {
    }

    /**
     * A range worker. A stateless one (for pools: several goroutines on one channel) computes
     * each result from the item and its read-only value parameters alone; a stateful one carries
     * {@code h} and its mutable parameters from item to item, so it serves a single channel.
     */
    private Worker rangeWorker(Type in, boolean stateless, boolean closesOut, boolean pointerResult) {
        String name = "w" + (workerNames++);
        Body body = new Body(-1, WORKER_ITEM_BUDGET, 0, false, true);
        Type receiver = null;
        if (random.nextInt(4) == 0) {
            StructDef s = pick(structs);
            receiver = new Type(stateless || random.nextBoolean() ? Kind.STRUCT : Kind.PTR_STRUCT, 0, s);
            body.scope.add(new Var("t", receiver, !stateless && receiver.kind() == Kind.STRUCT));
        }
        List<Type> params = new ArrayList<>();
        int count = random.nextInt(0, 3);
        while (params.size() < count) {
            Type t = paramType();
            // A pool worker's parameters are values, read-only: nothing carries over between items.
            if (!stateless || t.kind() == Kind.INT || t.kind() == Kind.STRING || t.kind() == Kind.ARRAY
                    || t.kind() == Kind.STRUCT) {
                params.add(t);
            }
        }
        List<String> signature = new ArrayList<>(List.of("in chan " + in.go(),
                "out chan " + (pointerResult ? "*int" : "int")));
        for (int i = 0; i < params.size(); i++) {
            Type t = params.get(i);
            signature.add("a" + i + " " + t.go());
            body.scope.add(new Var("a" + i, t, !stateless && t.kind() != Kind.PTR_INT && t.kind() != Kind.PTR_STRUCT));
        }
        StringBuilder sb = new StringBuilder(receiver == null ? "func " + name
                : "func (t " + receiver.go() + ") " + name);
        sb.append("(").append(String.join(", ", signature)).append(") {\n");
        Var h = new Var("h", Type.INT, true);
        if (!stateless) {
            sb.append("\th := ").append(body.intExpr(1).text()).append('\n');
            body.scope.add(h);
        }
        sb.append("\tfor v := range in {\n");
        Var v = new Var("v", in, false);
        body.scope.add(v);
        body.depth = 2;
        if (stateless) {
            body.line("h := " + paren(fold(v)) + "*" + random.nextInt(1, 9) + " + " + body.intExpr(1).text());
            body.scope.add(h);
        } else {
            body.line("h = h*31 + " + paren(fold(v)));
        }
        body.statements(random.nextInt(1, 5));
        body.closeTop();
        if (pointerResult && stateless) {
            // h is this item's own variable: the receiver may keep the pointer.
            body.line("out <- &h");
        } else if (pointerResult) {
            body.line("res := h");
            body.line("out <- &res");
        } else {
            body.line("out <- h");
        }
        sb.append(body.text()).append("\t}\n");
        if (closesOut) {
            sb.append("\tclose(out)\n");
        }
        sb.append("}\n");
        workerTexts.add(sb.toString());
        return new Worker(name, receiver, params, pointerResult, closesOut, body.cost + CHANNEL_COST);
    }

    /** A recursive worker that parks at its bottom; a dying one panics there on a negative item. */
    private DeepWorker deepWorker(boolean dies) {
        int n = workerNames++;
        String rec = "wd" + n;
        String entry = "ws" + n;
        List<Type> params = extraParams(random.nextInt(0, 3));
        Body body = new Body(-1, LEVEL_BUDGET, 0, false, true);
        List<String> signature = new ArrayList<>(List.of("d int", "p *int", "in chan int", "out chan int"));
        List<String> entrySignature = new ArrayList<>(List.of("d int", "in chan int", "out chan int"));
        List<String> passed = new ArrayList<>();
        body.scope.add(new Var("d", Type.INT, false));
        body.scope.add(new Var("p", Type.PTR_INT, false));
        for (int i = 0; i < params.size(); i++) {
            Type t = params.get(i);
            signature.add("a" + i + " " + t.go());
            entrySignature.add("a" + i + " " + t.go());
            passed.add(", a" + i);
            body.scope.add(new Var("a" + i, t, t.kind() != Kind.PTR_INT && t.kind() != Kind.PTR_STRUCT));
        }
        int locLength = random.nextBoolean() ? 8 : 4;
        body.line("h := d*" + random.nextInt(1, 9) + " + *p");
        body.scope.add(new Var("h", Type.INT, true));
        body.line("var loc [" + locLength + "]int");
        body.scope.add(new Var("loc", Type.array(locLength), true));
        body.line("loc[d&" + (locLength - 1) + "] = h");
        body.statements(random.nextInt(0, 3));
        body.line("if d <= 0 {");
        body.depth++;
        body.line("v := <-in");
        if (dies) {
            body.line("if v < 0 {");
            body.depth++;
            workerDeathStatement(locLength).forEach(body::line);
            body.depth--;
            body.line("}");
        }
        body.line("*p += v + loc[" + random.nextInt(locLength) + "]");
        body.line("out <- h + v");
        body.line("return h");
        body.depth--;
        body.line("}");
        body.statements(random.nextInt(0, 3));
        String pointer = body.pointerArgument();
        body.line("rv := " + rec + "(d-1, " + pointer + ", in, out" + body.arguments(params) + ")");
        body.line(random.nextBoolean() ? "h += rv" : "h = h*7 + rv");
        body.statements(random.nextInt(1, 3));
        body.closeTop();
        body.line("return h + loc[" + random.nextInt(locLength) + "]");
        workerTexts.add("func " + rec + "(" + String.join(", ", signature) + ") int {\n" + body.text() + "}\n");
        int start = random.nextInt(1, 50);
        workerTexts.add("func " + entry + "(" + String.join(", ", entrySignature) + ") {\n"
                + "\tx := " + start + "\n"
                + "\tr := " + rec + "(d, &x, in, out" + String.join("", passed) + ")\n"
                + "\tout <- r + x\n"
                + "}\n");
        return new DeepWorker(entry, params, body.cost + CALL_COST);
    }

    /** A runtime error with a fixed first line, at the bottom of a worker's recursion given v = -1. */
    private List<String> workerDeathStatement(int locLength) {
        return switch (random.nextInt(5)) {
            case 0 -> List.of("h += loc[(d&7)-v+" + (locLength - 1) + "]");
            case 1 -> List.of("h += h / (v + 1)");
            case 2 -> List.of("panic(\"worker died \" + \"" + stringLiteral() + "\")");
            case 3 -> List.of("panic(h*0 + v)");
            default -> List.of("var np *" + pick(structs).name(), "h += np.b");
        };
    }

    /** The feeder function, generated once: sends {@code n} ints, then closes its channel. */
    private String feeder() {
        if (feeder == null) {
            feeder = "feed";
            workerTexts.add("func feed(out chan int, n int, k int) {\n\tfor i := 0; i < n; i++ {\n\t\tout <- i*k + "
                    + random.nextInt(0, 50) + "\n\t}\n\tclose(out)\n}\n");
        }
        return feeder;
    }

    /** The element type of an input channel: mostly int, else a string, an array or a struct. */
    private Type elementType() {
        return switch (random.nextInt(6)) {
            case 0, 1, 2 -> Type.INT;
            case 3 -> Type.STRING;
            case 4 -> Type.array(4);
            default -> new Type(Kind.STRUCT, 0, pick(structs));
        };
    }

    /** {@code ""} (unbuffered) or {@code ", c"} with a capacity from 1 to {@code max}. */
    private String capacity(int max) {
        return random.nextBoolean() ? "" : ", " + random.nextInt(1, Math.max(2, max + 1));
    }

    // ---------------------------------------------------------------- bodies

    /** One function body being generated: its scope, its text and its estimated cost. */
    private final class Body {
        final List<Var> scope;
        private final StringBuilder text = new StringBuilder();
        private final int index;
        private final int budget;
        private final int gcBudget;
        private final boolean isMain;
        private final boolean pure;
        int depth = 1;
        int cost;
        int gcs;
        private int loopNesting;
        private int blockNesting;
        private int multiplier = 1;
        private int names;

        Body(int index, int budget, int gcBudget, boolean isMain, boolean pure) {
            this.index = index;
            this.budget = budget;
            this.gcBudget = gcBudget;
            this.isMain = isMain;
            this.pure = pure;
            this.scope = pure ? new ArrayList<>() : new ArrayList<>(globals);
        }

        String text() {
            return text.toString();
        }

        void line(String s) {
            text.append("\t".repeat(depth)).append(s).append('\n');
            cost += multiplier;
        }

        private String fresh(String prefix) {
            return prefix + (names++);
        }

        void statements(int n) {
            for (int i = 0; i < n; i++) {
                statement();
            }
        }

        /** One statement (or a small group that declares and uses its own variables). */
        void statement() {
            int pick = random.nextInt(100);
            boolean canNest = blockNesting < MAX_BLOCK_NESTING;
            if (pick < 14) {
                assign();
            } else if (pick < 22) {
                declareInt();
            } else if (pick < 28) {
                declareOther();
            } else if (pick < 36 && canNest) {
                ifStatement();
            } else if (pick < 42 && canNest) {
                switchStatement();
            } else if (pick < 54 && canNest && loopNesting < MAX_LOOP_NESTING) {
                loop();
            } else if (pick < 64) {
                callStatement();
            } else if (pick < 70) {
                pointerStatement();
            } else if (pick < 76) {
                structStatement();
            } else if (pick < 82 && canNest && loopNesting < MAX_LOOP_NESTING) {
                listStatement();
            } else if (pick < 86 && gcs + multiplier <= gcBudget) {
                collect();
            } else if (pick < 90 && isMain) {
                print();
            } else if (pick < 93 && concurrent) {
                // Scheduling only: the output must not change wherever a goroutine yields.
                line("runtime.Gosched()");
            } else {
                mix();
            }
        }

        private void collect() {
            line("runtime.GC()");
            cost += GC_COST * multiplier;
            gcs += multiplier;
        }

        /** Folds one variable into {@code h}, which keeps it used and its value visible. */
        private void mix() {
            List<Var> vars = scope.stream().filter(v -> !v.name().equals("gdie")).toList();
            Var v = pick(vars);
            if (v.type().kind() == Kind.BOOL) {
                line("if " + v.name() + " {");
                depth++;
                line("h++");
                depth--;
                line("}");
            } else {
                line("h = h*31 + " + paren(fold(v)));
            }
        }

        private void print() {
            List<String> args = new ArrayList<>();
            int n = random.nextInt(1, 4);
            for (int i = 0; i < n; i++) {
                args.add(random.nextInt(5) == 0 ? boolExpr(1) : random.nextInt(6) == 0 ? stringExpr(1) : intExpr(2).text());
            }
            line("fmt.Println(" + String.join(", ", args) + ")");
        }

        private void assign() {
            List<Var> ints = writable(Kind.INT);
            int pick = random.nextInt(8);
            if (pick == 0 && !ints.isEmpty()) {
                line(pick(ints).name() + (random.nextBoolean() ? "++" : "--"));
            } else if (pick == 1 && !ints.isEmpty()) {
                line(pick(ints).name() + " " + pick(List.of("+=", "-=", "*=", "^=", "|=", "&=")) + " " + intExpr(2).text());
            } else if (pick == 2 && has(Kind.PTR_INT)) {
                line("*" + pick(all(Kind.PTR_INT)).name() + " += " + intExpr(2).text());
            } else if (pick == 3 && !writable(Kind.ARRAY).isEmpty()) {
                Var a = pick(writable(Kind.ARRAY));
                line(a.name() + "[" + arrayIndex(a.type().length()) + "] = " + intExpr(2).text());
            } else if (pick == 4 && has(Kind.SLICE)) {
                Var s = pick(all(Kind.SLICE));
                line(s.name() + "[" + sliceIndex(s.name()) + "] += " + intExpr(2).text());
            } else if (pick == 5 && !writable(Kind.STRING).isEmpty()) {
                Var s = pick(writable(Kind.STRING));
                // Only a literal is appended: "s = s + s" in a loop or a recursion doubles s each time.
                line(s.name() + " = " + s.name() + " + \"" + stringLiteral() + "\"");
            } else if (pick == 6 && !writable(Kind.SLICE).isEmpty()) {
                Var s = pick(writable(Kind.SLICE));
                if (random.nextBoolean()) {
                    line(s.name() + " = append(" + s.name() + ", " + intExpr(2).text() + ")");
                } else {
                    // Re-slicing keeps the slice non-empty: the low bound is a valid index.
                    line(s.name() + " = " + s.name() + "[" + sliceIndex(s.name()) + ":]");
                }
            } else if (!ints.isEmpty()) {
                line(pick(ints).name() + " = " + intExpr(3).text());
            } else {
                line("h = " + intExpr(3).text());
            }
        }

        private void declareInt() {
            String name = fresh("x");
            line(name + " := " + intExpr(3).text());
            Var v = new Var(name, Type.INT, true);
            scope.add(v);
            useAtEnd(v);
        }

        private void declareOther() {
            int pick = random.nextInt(6);
            Var v;
            switch (pick) {
                case 0 -> {
                    v = new Var(fresh("s"), Type.SLICE, true);
                    ownSlices.add(v);
                    if (random.nextBoolean()) {
                        line(v.name() + " := []int{" + intExpr(1).text() + ", " + intExpr(1).text() + ", " + small() + "}");
                    } else {
                        int len = random.nextInt(1, 5);
                        line(v.name() + " := make([]int, " + len + ", " + (len + random.nextInt(0, 4)) + ")");
                    }
                }
                case 1 -> {
                    int length = random.nextBoolean() ? 4 : 8;
                    v = new Var(fresh("arr"), Type.array(length), true);
                    if (random.nextBoolean()) {
                        line("var " + v.name() + " [" + length + "]int");
                    } else {
                        line(v.name() + " := [" + length + "]int{" + intExpr(1).text() + ", " + small() + "}");
                    }
                }
                case 2 -> {
                    v = new Var(fresh("str"), Type.STRING, true);
                    line(v.name() + " := " + stringExpr(1));
                }
                case 3 -> {
                    v = new Var(fresh("b"), Type.BOOL, true);
                    line(v.name() + " := " + boolExpr(2));
                }
                case 4 -> {
                    StructDef s = pick(structs);
                    v = new Var(fresh("v"), new Type(Kind.STRUCT, 0, s), true);
                    line(v.name() + " := " + structLiteral(s));
                }
                default -> {
                    // A copy of an array or struct: value semantics, the copy changes alone.
                    List<Var> values = scope.stream().filter(x -> x.type().kind() == Kind.ARRAY
                            || x.type().kind() == Kind.STRUCT).toList();
                    if (values.isEmpty()) {
                        declareInt();
                        return;
                    }
                    Var from = pick(values);
                    v = new Var(fresh("c"), from.type(), true);
                    line(v.name() + " := " + from.name());
                    if (from.type().kind() == Kind.ARRAY) {
                        line(v.name() + "[" + arrayIndex(from.type().length()) + "]++");
                    } else {
                        line(v.name() + ".a += " + intExpr(1).text());
                    }
                }
            }
            scope.add(v);
            useAtEnd(v);
        }

        /** Slices declared in this body, the only ones a range loop may walk. */
        private final List<Var> ownSlices = new ArrayList<>();

        /** Variables declared in the current block, folded into h when the block closes. */
        private final List<List<Var>> blockVars = new ArrayList<>(List.of(new ArrayList<>()));

        private void useAtEnd(Var v) {
            blockVars.getLast().add(v);
        }

        private void openBlock() {
            depth++;
            blockNesting++;
            blockVars.add(new ArrayList<>());
        }

        private void closeBlock() {
            for (Var v : blockVars.getLast()) {
                if (v.type().kind() == Kind.BOOL) {
                    line("if " + v.name() + " {");
                    depth++;
                    line("h += 3");
                    depth--;
                    line("}");
                } else {
                    line("h = h*31 + " + paren(fold(v)));
                }
            }
            scope.removeAll(blockVars.removeLast());
            blockNesting--;
            depth--;
        }

        /** Closes the function's own block: every variable of its top level is folded into h. */
        private void closeTop() {
            for (Var v : blockVars.getFirst()) {
                line(v.type().kind() == Kind.BOOL ? "if " + v.name() + " {\n" + "\t".repeat(depth + 1) + "h++\n"
                        + "\t".repeat(depth) + "}" : "h = h*31 + " + paren(fold(v)));
            }
            blockVars.getFirst().clear();
        }

        private void ifStatement() {
            line("if " + boolExpr(2) + " {");
            openBlock();
            statements(random.nextInt(1, 3));
            closeBlock();
            int form = random.nextInt(3);
            if (form == 1) {
                line("} else {");
                openBlock();
                statements(random.nextInt(1, 3));
                closeBlock();
            } else if (form == 2) {
                line("} else if " + boolExpr(2) + " {");
                openBlock();
                statements(1);
                closeBlock();
            }
            line("}");
        }

        private void switchStatement() {
            boolean tagged = random.nextBoolean();
            if (tagged) {
                line("switch " + intExpr(2).text() + " & 3 {");
            } else {
                line("switch {");
            }
            int cases = random.nextInt(1, 4);
            for (int c = 0; c < cases; c++) {
                line(tagged ? "case " + c + (c == 2 ? ", 3" : "") + ":" : "case " + boolExpr(2) + ":");
                openBlock();
                statements(random.nextInt(1, 3));
                closeBlock();
            }
            if (random.nextBoolean()) {
                line("default:");
                openBlock();
                statements(1);
                closeBlock();
            }
            line("}");
        }

        private void loop() {
            int n = random.nextInt(1, 9);
            int form = random.nextInt(4);
            String i = fresh("i");
            multiplier *= n;
            loopNesting++;
            boolean continues = form != 2;
            List<Var> loopVars = new ArrayList<>(List.of(new Var(i, Type.INT, false)));
            // Only a slice this activation made: its length is bounded by this body's own appends,
            // while a global or a parameter may have grown through every level of a recursion.
            List<Var> slices = all(Kind.SLICE).stream().filter(ownSlices::contains).toList();
            if (form == 2) {
                line(i + " := 0");
                line("for " + i + " < " + n + " {");
            } else if (form == 3 && !slices.isEmpty()) {
                // Range over a slice evaluates it once; appends in the body do not extend the loop.
                Var v = new Var(fresh("e"), Type.INT, false);
                loopVars.add(v);
                line("for " + i + ", " + v.name() + " := range " + pick(slices).name() + " {");
            } else {
                line("for " + i + " := 0; " + i + " < " + n + "; " + i + "++ {");
            }
            scope.addAll(loopVars);
            openBlock();
            line("h += " + i);
            if (loopVars.size() > 1) {
                line("h = h*7 + " + loopVars.get(1).name());
            }
            if (continues && random.nextInt(3) == 0) {
                line("if " + boolExpr(1) + " {");
                depth++;
                line(random.nextBoolean() ? "continue" : "break");
                depth--;
                line("}");
            }
            statements(random.nextInt(1, 4));
            if (form == 2) {
                line(i + "++");
            }
            closeBlock();
            line("}");
            scope.removeAll(loopVars);
            loopNesting--;
            multiplier /= n;
        }

        private void callStatement() {
            Func f = callable();
            if (f == null) {
                mix();
                return;
            }
            String call = call(f);
            if (call == null) {
                mix();
                return;
            }
            if (random.nextBoolean()) {
                line(call);
            } else {
                // Go leaves unspecified whether h is read before or after a call that may write
                // it through a pointer: the result goes to a fresh variable first.
                Var v = new Var(fresh("x"), Type.INT, true);
                line(v.name() + " := " + call);
                scope.add(v);
                useAtEnd(v);
            }
        }

        /** A function this body may call within its budget, or null. */
        private Func callable() {
            List<Func> ok = leaves.stream().filter(f -> f.index() > index && (f.pure() || !pure)
                    && cost + f.cost() * multiplier <= budget && gcs + f.gcs() * multiplier <= gcBudget).toList();
            return ok.isEmpty() ? null : pick(ok);
        }

        /** A call of {@code f}, or null when no receiver of its type is in scope. */
        private String call(Func f) {
            String args = arguments(f.params());
            args = args.isEmpty() ? "" : args.substring(2);
            cost += f.cost() * multiplier;
            gcs += f.gcs() * multiplier;
            if (f.receiver() == null) {
                return f.name() + "(" + args + ")";
            }
            StructDef s = f.receiver().struct();
            List<Var> receivers = scope.stream().filter(v -> v.type().struct() == s
                    && (v.type().kind() == Kind.PTR_STRUCT
                    || v.type().kind() == Kind.STRUCT && (f.receiver().kind() == Kind.STRUCT || v.writable()))).toList();
            if (receivers.isEmpty()) {
                String literal = f.receiver().kind() == Kind.STRUCT ? structLiteral(s) : "&" + structLiteral(s);
                return "(" + literal + ")." + f.name() + "(" + args + ")";
            }
            return pick(receivers).name() + "." + f.name() + "(" + args + ")";
        }

        /** Arguments for {@code params}, each preceded by {@code ", "}. */
        String arguments(List<Type> params) {
            StringBuilder sb = new StringBuilder();
            for (Type t : params) {
                sb.append(", ").append(value(t));
            }
            return sb.toString();
        }

        /** A value of type {@code t}; pointers are never nil, slices never empty. */
        private String value(Type t) {
            return switch (t.kind()) {
                case INT -> intExpr(2).text();
                case BOOL -> boolExpr(1);
                case STRING -> stringExpr(0);
                case PTR_INT -> pointerArgument();
                case SLICE -> {
                    List<Var> slices = all(Kind.SLICE);
                    yield slices.isEmpty() || random.nextInt(4) == 0
                            ? "[]int{" + intExpr(1).text() + ", " + small() + "}" : pick(slices).name();
                }
                case ARRAY -> {
                    List<Var> arrays = scope.stream().filter(v -> v.type().equals(t)).toList();
                    yield arrays.isEmpty() ? "[" + t.length() + "]int{" + intExpr(1).text() + "}" : pick(arrays).name();
                }
                case STRUCT -> {
                    List<Var> vs = scope.stream().filter(v -> v.type().equals(t)).toList();
                    yield vs.isEmpty() || random.nextInt(3) == 0 ? structLiteral(t.struct()) : pick(vs).name();
                }
                case PTR_STRUCT -> {
                    List<Var> ps = scope.stream().filter(v -> v.type().equals(t)).toList();
                    List<Var> values = scope.stream().filter(v -> v.type().kind() == Kind.STRUCT
                            && v.type().struct() == t.struct() && v.writable()).toList();
                    int pick = random.nextInt(3);
                    if (pick == 0 && !ps.isEmpty()) {
                        yield pick(ps).name();
                    } else if (pick == 1 && !values.isEmpty()) {
                        yield "&" + pick(values).name();
                    }
                    yield "&" + structLiteral(t.struct());
                }
            };
        }

        /**
         * A pointer to an int that is never nil: to a local, an element of a local array, a
         * field of a local struct, a global, a fresh heap int, or a pointer already held.
         */
        String pointerArgument() {
            int pick = random.nextInt(6);
            List<Var> ints = writable(Kind.INT).stream().filter(v -> !v.name().startsWith("g")).toList();
            List<Var> arrays = writable(Kind.ARRAY);
            List<Var> structVars = scope.stream().filter(v -> v.type().kind() == Kind.STRUCT && v.writable()
                    || v.type().kind() == Kind.PTR_STRUCT).toList();
            if (pick == 0 && !ints.isEmpty()) {
                return "&" + pick(ints).name();
            } else if (pick <= 2 && !arrays.isEmpty()) {
                Var a = pick(arrays);
                return "&" + a.name() + "[" + arrayIndex(a.type().length()) + "]";
            } else if (pick == 3 && !structVars.isEmpty()) {
                return "&" + pick(structVars).name() + (random.nextBoolean() ? ".a" : ".b");
            } else if (pick == 4 && has(Kind.PTR_INT)) {
                return pick(all(Kind.PTR_INT)).name();
            } else if (pick == 5 && !pure) {
                List<Var> gints = globals.stream().filter(v -> v.type().kind() == Kind.INT && v.writable()).toList();
                if (!gints.isEmpty()) {
                    return "&" + pick(gints).name();
                }
                return "new(int)";
            }
            return ints.isEmpty() ? "new(int)" : "&" + pick(ints).name();
        }

        /** Takes a pointer to something in this frame, writes through it, and reads it back. */
        private void pointerStatement() {
            String q = fresh("q");
            line(q + " := " + pointerArgument());
            line("*" + q + " = *" + q + "*3 + " + intExpr(2).text());
            Var v = new Var(q, Type.PTR_INT, false);
            scope.add(v);
            useAtEnd(v);
        }

        private void structStatement() {
            StructDef s = pick(structs);
            List<Var> ptrs = scope.stream().filter(v -> v.type().kind() == Kind.PTR_STRUCT).toList();
            List<Var> values = scope.stream().filter(v -> v.type().kind() == Kind.STRUCT && v.writable()).toList();
            int pick = random.nextInt(4);
            if (pick == 0 && !ptrs.isEmpty()) {
                Var p = pick(ptrs);
                line(p.name() + "." + (random.nextBoolean() ? "a" : "b") + " += " + intExpr(2).text());
            } else if (pick == 1 && !values.isEmpty()) {
                Var v = pick(values);
                StructDef vs = v.type().struct();
                if (vs.arrayLength() > 0 && random.nextBoolean()) {
                    line(v.name() + ".arr[" + arrayIndex(vs.arrayLength()) + "] = " + intExpr(2).text());
                } else if (vs.inner() != null && random.nextBoolean()) {
                    line(v.name() + ".in.a += " + intExpr(2).text());
                } else if (vs.hasString()) {
                    line(v.name() + ".s = " + v.name() + ".s + \"" + stringLiteral() + "\"");
                } else {
                    line(v.name() + ".b = " + intExpr(2).text());
                }
            } else {
                Var p = new Var(fresh("ps"), new Type(Kind.PTR_STRUCT, 0, s), false);
                String init = switch (random.nextInt(3)) {
                    case 0 -> "new(" + s.name() + ")";
                    case 1 -> {
                        List<Var> same = values.stream().filter(x -> x.type().struct() == s).toList();
                        yield same.isEmpty() ? "&" + structLiteral(s) : "&" + pick(same).name();
                    }
                    default -> "&" + structLiteral(s);
                };
                line(p.name() + " := " + init);
                line(p.name() + ".a += " + intExpr(2).text());
                scope.add(p);
                useAtEnd(p);
            }
        }

        /** Builds a linked list on the heap in a loop, maybe collects, and walks it. */
        private void listStatement() {
            List<StructDef> linked = structs.stream().filter(StructDef::hasNext).toList();
            if (linked.isEmpty()) {
                structStatement();
                return;
            }
            StructDef s = pick(linked);
            String head = fresh("l");
            String i = fresh("i");
            String q = fresh("n");
            int n = random.nextInt(2, 30);
            line("var " + head + " *" + s.name());
            line("for " + i + " := 0; " + i + " < " + n + "; " + i + "++ {");
            depth++;
            scope.add(new Var(i, Type.INT, false));
            String fields = "a: " + i + " * " + intExpr(1).text() + ", b: " + intExpr(1).text();
            if (s.hasString() && random.nextBoolean()) {
                fields += ", s: " + stringExpr(1);
            }
            line(head + " = &" + s.name() + "{" + fields + ", next: " + head + "}");
            scope.removeIf(v -> v.name().equals(i));
            depth--;
            cost += n * 4 * multiplier;
            line("}");
            if (random.nextBoolean() && gcs + multiplier <= gcBudget) {
                collect();
            }
            line("for " + q + " := " + head + "; " + q + " != nil; " + q + " = " + q + ".next {");
            depth++;
            line("h = h*31 + " + q + ".a - " + q + ".b" + (s.hasString() ? " + len(" + q + ".s)" : ""));
            depth--;
            cost += n * 4 * multiplier;
            line("}");
        }

        // ------------------------------------------------------------ goroutine groups (main only)

        /**
         * One group of goroutines that main starts, feeds and drains at its top level; see the
         * class comment for why its output cannot depend on scheduling. A dying group has a
         * worker die while main waits for its result, and must come last.
         */
        void goroutineGroup(boolean dies) {
            if (dies) {
                deepGroup(true);
                return;
            }
            switch (random.nextInt(4)) {
                case 0 -> poolGroup();
                case 1 -> perWorkerGroup();
                case 2 -> pipelineGroup();
                default -> deepGroup(false);
            }
        }

        /** Stateless workers share one input channel; main sums the results, whatever their order. */
        private void poolGroup() {
            Type elem = elementType();
            int n = random.nextInt(1, MAX_ITEMS + 1);
            int workers = random.nextInt(1, MAX_WORKERS + 1);
            Worker w = rangeWorker(elem, true, false, random.nextInt(4) == 0);
            String in = fresh("in");
            String out = fresh("out");
            String sum = fresh("sum");
            feedOrFill(in, elem, n);
            line(out + " := make(chan " + w.resultType() + capacity(n) + ")");
            String i = fresh("i");
            line("for " + i + " := 0; " + i + " < " + workers + "; " + i + "++ {");
            depth++;
            line("go " + start(w, in, out));
            depth--;
            line("}");
            line(sum + " := 0");
            String j = fresh("i");
            line("for " + j + " := 0; " + j + " < " + n + "; " + j + "++ {");
            depth++;
            line(sum + " += " + (w.pointerResult() ? "*" : "") + "<-" + out);
            depth--;
            line("}");
            line("h = h*31 + " + sum);
            if (random.nextBoolean()) {
                line("fmt.Println(\"pool\", " + sum + ")");
            }
            if (random.nextInt(3) == 0) {
                // Every item was taken and the channel is closed (or will be, by the feeder):
                // the zero value and false, whoever took what.
                String v = fresh("v");
                String ok = fresh("ok");
                line(v + ", " + ok + " := <-" + in);
                line("fmt.Println(\"drained\", " + fold(new Var(v, elem, false)) + ", " + ok + ")");
            }
            cost += n * (w.itemCost() + 2 * CHANNEL_COST) + workers * GO_COST;
        }

        /**
         * Items on a new channel {@code in}: from the feeder goroutine, or put there by main
         * before any goroutine starts (the capacity holds them all), then closed.
         */
        private void feedOrFill(String in, Type elem, int n) {
            if (elem.kind() == Kind.INT && random.nextBoolean()) {
                line(in + " := make(chan int" + capacity(n) + ")");
                line("go " + feeder() + "(" + in + ", " + n + ", " + random.nextInt(1, 20) + ")");
                cost += GO_COST + n * CHANNEL_COST;
                return;
            }
            line(in + " := make(chan " + elem.go() + ", " + (n + random.nextInt(0, 3)) + ")");
            if (elem.kind() == Kind.INT && random.nextBoolean()) {
                String i = fresh("i");
                line("for " + i + " := 0; " + i + " < " + n + "; " + i + "++ {");
                depth++;
                line(in + " <- " + elementValue(elem, i));
                depth--;
                line("}");
            } else {
                for (int k = 0; k < n; k++) {
                    line(in + " <- " + elementValue(elem, null));
                }
            }
            line("close(" + in + ")");
            if (random.nextBoolean()) {
                // Main filled it and nothing else has run: len is deterministic here only.
                line("fmt.Println(\"queued\", len(" + in + "), cap(" + in + "))");
            }
            cost += n * CHANNEL_COST;
        }

        /** One stateful worker per channel pair; main sends each an item per round, then reads each. */
        private void perWorkerGroup() {
            Type elem = elementType();
            int workers = random.nextInt(1, 4);
            int rounds = random.nextInt(1, MAX_ROUNDS + 1);
            boolean closeIn = random.nextInt(4) > 0;
            Worker w = rangeWorker(elem, false, closeIn && random.nextBoolean(), random.nextInt(4) == 0);
            List<String> ins = new ArrayList<>();
            List<String> outs = new ArrayList<>();
            for (int k = 0; k < workers; k++) {
                String in = fresh("in");
                String out = fresh("out");
                line(in + " := make(chan " + elem.go() + capacity(rounds) + ")");
                line(out + " := make(chan " + w.resultType() + capacity(rounds) + ")");
                line("go " + start(w, in, out));
                ins.add(in);
                outs.add(out);
            }
            String r = fresh("r");
            line("for " + r + " := 0; " + r + " < " + rounds + "; " + r + "++ {");
            depth++;
            scope.add(new Var(r, Type.INT, false));
            for (String in : ins) {
                line(in + " <- " + elementValue(elem, r));
            }
            for (String out : outs) {
                line("h = h*31 + " + (w.pointerResult() ? "*" : "") + "<-" + out);
            }
            scope.removeIf(v -> v.name().equals(r));
            if (random.nextBoolean()) {
                line("fmt.Println(\"round\", " + r + ", h)");
            }
            depth--;
            line("}");
            if (closeIn) {
                for (String in : ins) {
                    line("close(" + in + ")");
                }
                if (w.closesOut()) {
                    for (String out : outs) {
                        String v = fresh("v");
                        String ok = fresh("ok");
                        line(v + ", " + ok + " := <-" + out);
                        line("fmt.Println(\"closed\", " + v + (w.pointerResult() ? " == nil" : "") + ", " + ok + ")");
                    }
                }
            }
            cost += workers * (rounds * (w.itemCost() + 2 * CHANNEL_COST) + GO_COST);
        }

        /** A chain of stateful stages, each closing its output; main drains the last in FIFO order. */
        private void pipelineGroup() {
            int n = random.nextInt(1, MAX_ITEMS + 1);
            int stages = random.nextInt(1, 4);
            Type elem = elementType();
            String prev = fresh("c");
            feedOrFill(prev, elem, n);
            for (int s = 0; s < stages; s++) {
                Worker w = rangeWorker(elem, false, true, false);
                String next = fresh("c");
                line(next + " := make(chan int" + capacity(n) + ")");
                line("go " + start(w, prev, next));
                prev = next;
                elem = Type.INT;
                cost += n * (w.itemCost() + 2 * CHANNEL_COST) + GO_COST;
            }
            String v = fresh("v");
            boolean show = random.nextInt(3) == 0;
            if (random.nextBoolean()) {
                line("for " + v + " := range " + prev + " {");
                depth++;
            } else {
                String ok = fresh("ok");
                line("for {");
                depth++;
                line(v + ", " + ok + " := <-" + prev);
                line("if !" + ok + " {");
                depth++;
                line("break");
                depth--;
                line("}");
            }
            line("h = h*31 + " + v);
            if (show) {
                line("fmt.Println(\"got\", " + v + ")");
            }
            depth--;
            line("}");
        }

        /**
         * Workers that park deep in a recursion; main may yield and collect while they are
         * parked, then sends each its item and reads both its results, worker by worker. In a
         * dying group the first worker gets -1 and dies at its bottom, while main waits for it.
         */
        private void deepGroup(boolean dies) {
            DeepWorker w = deepWorker(dies);
            int workers = random.nextInt(1, 4);
            int d = random.nextInt(1, MAX_WORKER_DEPTH + 1);
            List<String> ins = new ArrayList<>();
            List<String> outs = new ArrayList<>();
            for (int k = 0; k < workers; k++) {
                String in = fresh("in");
                String out = fresh("out");
                line(in + " := make(chan int" + capacity(1) + ")");
                line(out + " := make(chan int" + capacity(2) + ")");
                StringBuilder args = new StringBuilder();
                for (Type t : w.params()) {
                    args.append(", ").append(freshValue(t));
                }
                line("go " + w.entry() + "(" + d + ", " + in + ", " + out + args + ")");
                ins.add(in);
                outs.add(out);
            }
            if (random.nextBoolean()) {
                line("runtime.Gosched()");
            }
            if (random.nextBoolean() && gcs + 1 <= gcBudget) {
                collect();
            }
            for (int k = 0; k < workers; k++) {
                line(ins.get(k) + " <- " + (dies && k == 0 ? "-1" : "(" + intExpr(2).text() + ") & 1023"));
            }
            for (String out : outs) {
                line("h = h*31 + <-" + out);
                line("h = h*31 + <-" + out);
            }
            if (random.nextBoolean()) {
                line("fmt.Println(\"deep\", h)");
            }
            cost += workers * (d * w.levelCost() + GO_COST + 3 * CHANNEL_COST);
        }

        /** The call that starts {@code w} on channels {@code in} and {@code out}, with fresh arguments. */
        private String start(Worker w, String in, String out) {
            StringBuilder args = new StringBuilder();
            for (Type t : w.params()) {
                args.append(", ").append(freshValue(t));
            }
            String call = w.name() + "(" + in + ", " + out + args + ")";
            if (w.receiver() == null) {
                return call;
            }
            StructDef s = w.receiver().struct();
            if (w.receiver().kind() == Kind.PTR_STRUCT) {
                return "(&" + structLiteral(s) + ")." + call;
            }
            // A value receiver is copied when the go statement runs: main's own struct will do.
            List<Var> same = scope.stream().filter(v -> v.type().kind() == Kind.STRUCT && v.type().struct() == s).toList();
            return (same.isEmpty() || random.nextBoolean() ? "(" + structLiteral(s) + ")" : pick(same).name()) + "." + call;
        }

        /**
         * An argument for a goroutine that shares nothing with main: a value (copied when the go
         * statement runs; struct values hold no pointer, as no generated code sets {@code next}
         * in one) or a fresh heap object main keeps no reference to.
         */
        private String freshValue(Type t) {
            return switch (t.kind()) {
                case PTR_INT -> "new(int)";
                case SLICE -> "[]int{" + intExpr(1).text() + ", " + small() + "}";
                case PTR_STRUCT -> "&" + structLiteral(t.struct());
                case INT, BOOL, STRING, ARRAY, STRUCT -> value(t);
            };
        }

        /** An item of type {@code elem} for an input channel, maybe from loop variable {@code index}. */
        private String elementValue(Type elem, String index) {
            return switch (elem.kind()) {
                case INT -> index == null ? intExpr(2).text()
                        : index + "*" + random.nextInt(1, 20) + " + " + intExpr(1).text();
                case STRING -> stringExpr(1);
                case ARRAY -> "[" + elem.length() + "]int{" + intExpr(1).text() + ", "
                        + (index == null ? Integer.toString(small()) : index) + "}";
                case STRUCT -> structLiteral(elem.struct());
                case BOOL, PTR_INT, SLICE, PTR_STRUCT -> value(elem);
            };
        }

        // ------------------------------------------------------------ expressions

        Expr intExpr(int depthLeft) {
            if (depthLeft <= 0 || random.nextInt(3) == 0) {
                return intLeaf();
            }
            int pick = random.nextInt(10);
            if (pick < 6) {
                Expr l = intExpr(depthLeft - 1);
                Expr r = intExpr(depthLeft - 1);
                String op = pick(List.of("+", "-", "*", "&", "|", "^", "&^", "/", "%", "<<", ">>"));
                if (l.constant() && r.constant()) {
                    // Constant folding must neither overflow nor divide by zero: only + and -.
                    op = random.nextBoolean() ? "+" : "-";
                }
                return switch (op) {
                    case "/", "%" -> new Expr("(" + l.text() + " " + op + " (" + r.text() + " | 1))", false);
                    case "<<", ">>" -> {
                        Expr shifted = nonConstant(l);
                        yield shifted.constant() ? new Expr("(" + l.text() + " + " + r.text() + ")", true)
                                : new Expr("(" + shifted.text() + " " + op + " " + random.nextInt(0, 6) + ")", false);
                    }
                    default -> new Expr("(" + l.text() + " " + op + " " + r.text() + ")", l.constant() && r.constant());
                };
            } else if (pick == 6) {
                Expr e = intExpr(depthLeft - 1);
                return new Expr("(" + pick(List.of("-", "^")) + e.text() + ")", e.constant());
            }
            return intLeaf();
        }

        /** {@code e}, or an int variable instead when {@code e} is constant and one is in scope. */
        private Expr nonConstant(Expr e) {
            List<Var> ints = all(Kind.INT);
            return e.constant() && !ints.isEmpty() ? new Expr(pick(ints).name(), false) : e;
        }

        private Expr intLeaf() {
            int pick = random.nextInt(12);
            switch (pick) {
                case 0, 1 -> {
                    return new Expr(Integer.toString(random.nextInt(-20, 100)).replaceFirst("^-(.*)", "(-$1)"), true);
                }
                case 2 -> {
                    if (has(Kind.PTR_INT)) {
                        return new Expr("*" + pick(all(Kind.PTR_INT)).name(), false);
                    }
                }
                case 3 -> {
                    if (has(Kind.SLICE)) {
                        Var s = pick(all(Kind.SLICE));
                        return new Expr(random.nextBoolean() ? s.name() + "[" + sliceIndex(s.name()) + "]"
                                : (random.nextBoolean() ? "len(" : "cap(") + s.name() + ")", false);
                    }
                }
                case 4 -> {
                    if (has(Kind.ARRAY)) {
                        Var a = pick(all(Kind.ARRAY));
                        return new Expr(a.name() + "[" + arrayIndex(a.type().length()) + "]", false);
                    }
                }
                case 5 -> {
                    if (has(Kind.STRING)) {
                        return new Expr("len(" + pick(all(Kind.STRING)).name() + ")", false);
                    }
                }
                case 6 -> {
                    List<Var> ss = scope.stream().filter(v -> v.type().kind() == Kind.STRUCT
                            || v.type().kind() == Kind.PTR_STRUCT).toList();
                    if (!ss.isEmpty()) {
                        Var v = pick(ss);
                        StructDef s = v.type().struct();
                        if (s.arrayLength() > 0 && random.nextBoolean()) {
                            return new Expr(v.name() + ".arr[" + arrayIndex(s.arrayLength()) + "]", false);
                        }
                        if (s.inner() != null && random.nextBoolean()) {
                            return new Expr(v.name() + ".in.b", false);
                        }
                        return new Expr(v.name() + (random.nextBoolean() ? ".a" : ".b"), false);
                    }
                }
                default -> {
                }
            }
            List<Var> ints = all(Kind.INT);
            return ints.isEmpty() ? new Expr(Integer.toString(random.nextInt(0, 50)), true)
                    : new Expr(pick(ints).name(), false);
        }

        String boolExpr(int depthLeft) {
            int pick = random.nextInt(depthLeft > 0 ? 8 : 4);
            switch (pick) {
                case 0, 1, 2 -> {
                    Expr l = nonConstant(intExpr(1));
                    return "(" + l.text() + " " + pick(List.of("<", "<=", ">", ">=", "==", "!=")) + " " + intExpr(1).text() + ")";
                }
                case 3 -> {
                    List<Var> bools = all(Kind.BOOL);
                    if (!bools.isEmpty()) {
                        return bools.get(random.nextInt(bools.size())).name();
                    }
                    if (has(Kind.STRING)) {
                        return "(" + pick(all(Kind.STRING)).name() + " == \"" + stringLiteral() + "\")";
                    }
                    return "(h%2 == 0)";
                }
                case 4, 5 -> {
                    return "(" + boolExpr(depthLeft - 1) + " " + (random.nextBoolean() ? "&&" : "||") + " "
                            + boolExpr(depthLeft - 1) + ")";
                }
                case 6 -> {
                    return "!" + boolExpr(depthLeft - 1);
                }
                default -> {
                    List<Var> ps = all(Kind.PTR_INT);
                    if (ps.size() >= 2) {
                        return "(" + pick(ps).name() + " == " + pick(ps).name() + ")";
                    }
                    return boolExpr(depthLeft - 1);
                }
            }
        }

        String stringExpr(int depthLeft) {
            int pick = random.nextInt(5);
            if (pick == 0 && has(Kind.STRING)) {
                return pick(all(Kind.STRING)).name();
            }
            if (pick == 1 && depthLeft > 0) {
                return "(" + stringExpr(depthLeft - 1) + " + " + stringExpr(depthLeft - 1) + ")";
            }
            if (pick == 2) {
                List<Var> ss = scope.stream().filter(v -> (v.type().kind() == Kind.STRUCT
                        || v.type().kind() == Kind.PTR_STRUCT) && v.type().struct().hasString()).toList();
                if (!ss.isEmpty()) {
                    return pick(ss).name() + ".s";
                }
            }
            return "\"" + stringLiteral() + "\"";
        }

        private String structLiteral(StructDef s) {
            List<String> fields = new ArrayList<>();
            if (random.nextBoolean()) {
                fields.add("a: " + intExpr(1).text());
            }
            fields.add("b: " + intExpr(1).text());
            if (s.hasString() && random.nextBoolean()) {
                fields.add("s: " + stringExpr(0));
            }
            if (s.arrayLength() > 0 && random.nextBoolean()) {
                fields.add("arr: [" + s.arrayLength() + "]int{" + intExpr(1).text() + "}");
            }
            if (s.inner() != null && random.nextBoolean()) {
                fields.add("in: " + structLiteral(s.inner()));
            }
            return s.name() + "{" + String.join(", ", fields) + "}";
        }

        private String arrayIndex(int length) {
            return nonConstantOrSmall(intExpr(1), length).text();
        }

        private Expr nonConstantOrSmall(Expr e, int length) {
            if (e.constant()) {
                return new Expr(Integer.toString(random.nextInt(length)), true);
            }
            return new Expr(e.text() + "&" + (length - 1), false);
        }

        private String sliceIndex(String slice) {
            String e = intExpr(1).text();
            return "(" + e + "%len(" + slice + ")+len(" + slice + "))%len(" + slice + ")";
        }

        private List<Var> all(Kind kind) {
            return scope.stream().filter(v -> v.type().kind() == kind).toList();
        }

        private List<Var> writable(Kind kind) {
            return scope.stream().filter(v -> v.type().kind() == kind && v.writable() && !v.name().equals("gdie")).toList();
        }

        private boolean has(Kind kind) {
            return scope.stream().anyMatch(v -> v.type().kind() == kind);
        }
    }

    /** Estimated cost of one {@code runtime.GC()}: it walks every frame and the whole heap. */
    private static final int GC_COST = 400;

    /*
     * Go's runtime.GC() runs a whole cycle and waits for the sweep: about 3 ms each on this kind
     * of machine. A program that collects a thousand times takes seconds under Go, so
     * collections are counted, loops and calls included, and capped per function.
     */

    /** At most this many collections per call of a plain function. */
    private static final int LEAF_GCS = 2;

    /** At most this many collections in main, counting those of the functions it calls. */
    private static final int MAIN_GCS = 12;

    /** At most this many collections in one recursion, from the {@code d % K == 0} guard. */
    private static final int MAX_GUARDED_GCS = 4;

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private int small() {
        return random.nextInt(0, 10);
    }

    private String stringLiteral() {
        return pick(List.of("", "a", "ab", "xyz", "go", "stack", "héllo"));
    }

    private static String paren(String s) {
        return "(" + s + ")";
    }
}
