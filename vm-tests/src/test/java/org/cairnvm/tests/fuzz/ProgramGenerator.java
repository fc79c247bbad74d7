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
 * <p>Extension point for goroutines and channels: {@link Body#statement} picks among statement
 * kinds by weight; the goroutine issue adds kinds there (a producer started with {@code go} and
 * drained through a channel in the same statement group, so the output stays deterministic
 * under any FIFO scheduler) and a {@code CHAN} case to {@link Kind}.
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
     */
    private record Func(String name, Type receiver, List<Type> params, int cost, int index, int gcs) {
    }

    private final SplittableRandom random;
    private final List<StructDef> structs = new ArrayList<>();
    private final List<Var> globals = new ArrayList<>();
    private final List<Func> leaves = new ArrayList<>();
    private int recursiveCount;
    private List<List<Type>> recursiveParams = List.of();
    private boolean usesDeath;

    private ProgramGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The program for {@code seed}; the same seed always gives the same text. */
    public static String generate(long seed) {
        return new ProgramGenerator(seed).program(seed);
    }

    private String program(long seed) {
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
            leafTexts.addFirst(leaf(i));
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
        sb.append(main);
        return sb.toString();
    }

    /** Percentage of programs that end in a deliberate runtime error deep in a recursion. */
    private static final int DEATH_PERCENT = 10;

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

    /** A plain function or a method, with index {@code index}. */
    private String leaf(int index) {
        Type receiver = null;
        String name = "f" + index;
        if (random.nextInt(3) == 0) {
            StructDef s = pick(structs);
            receiver = random.nextBoolean() ? new Type(Kind.STRUCT, 0, s) : new Type(Kind.PTR_STRUCT, 0, s);
            name = "m" + index;
        }
        List<Type> params = extraParams(random.nextInt(0, 4));
        Body body = new Body(index, LEAF_BUDGET, LEAF_GCS, false);
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
        leaves.add(new Func(name, receiver, params, body.cost + CALL_COST, index, body.gcs));
        return head + "\n" + body.text() + "}\n";
    }

    /** Estimated cost of a call and return themselves. */
    private static final int CALL_COST = 6;

    private String recursive(int index) {
        List<Type> params = recursiveParams.get(index);
        // No collection per level (it would run d times); only the one guarded by d below.
        Body body = new Body(-1, LEVEL_BUDGET, 0, false);
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
        Body body = new Body(-1, PROGRAM_BUDGET, MAIN_GCS, true);
        body.line("h := " + random.nextInt(1, 100));
        body.scope.add(new Var("h", Type.INT, true));
        body.statements(random.nextInt(1, 4));
        int calls = random.nextInt(1, 4);
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

    // ---------------------------------------------------------------- bodies

    /** One function body being generated: its scope, its text and its estimated cost. */
    private final class Body {
        final List<Var> scope = new ArrayList<>(globals);
        private final StringBuilder text = new StringBuilder();
        private final int index;
        private final int budget;
        private final int gcBudget;
        private final boolean isMain;
        int depth = 1;
        int cost;
        int gcs;
        private int loopNesting;
        private int blockNesting;
        private int multiplier = 1;
        private int names;

        Body(int index, int budget, int gcBudget, boolean isMain) {
            this.index = index;
            this.budget = budget;
            this.gcBudget = gcBudget;
            this.isMain = isMain;
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
            List<Func> ok = leaves.stream().filter(f -> f.index() > index
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
            } else if (pick == 5) {
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
