package org.cairnvm.core.escape;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cairnvm.core.ast.CaseClause;
import org.cairnvm.core.ast.Decl;
import org.cairnvm.core.ast.Element;
import org.cairnvm.core.ast.Expr;
import org.cairnvm.core.ast.Param;
import org.cairnvm.core.ast.Pos;
import org.cairnvm.core.ast.Stmt;
import org.cairnvm.core.ast.VarSpec;
import org.cairnvm.core.check.Selection;
import org.cairnvm.core.check.Symbol;
import org.cairnvm.core.check.TypeInfo;
import org.cairnvm.core.code.EscapeNote;
import org.cairnvm.core.types.Type;
import org.cairnvm.core.types.Types;

/**
 * Go's escape analysis (cmd/compile/internal/escape), for the subset.
 *
 * <p>Each function becomes a graph of locations (its variables, its allocation sites, the heap
 * and its result) joined by edges "the value of src flows to dst after {@code derefs}
 * dereferences", where taking an address counts -1 and dereferencing +1. A walk from every root
 * finds, for each location, the fewest dereferences from it to the root; a location whose
 * address (derefs &lt; 0) reaches a root that outlives it escapes: the heap outlives everything,
 * the result outlives every local, and a variable outlives those declared in loops nested inside
 * its own (a frame slot is reused by every iteration). An escaping location is then walked as a
 * root itself. Stores through pointers are treated as stores to the heap, conservatively.
 *
 * <p>Calls use the callee's {@link LeakSummary}; summaries start empty and the whole program is
 * re-analysed until none changes, which reaches the least fixed point over the call graph,
 * recursion included.
 */
public final class EscapeAnalysis {
    /** More passes than any program needs: every pass lowers some summary entry, each bounded below by zero. */
    private static final int MAX_PASSES = 10_000;

    private final TypeInfo info;
    private final Map<Symbol.Func, LeakSummary> summaries = new IdentityHashMap<>();

    private EscapeAnalysis(TypeInfo info) {
        this.info = info;
    }

    /** Analyses every function of a checked program. */
    public static Escapes analyze(TypeInfo info) {
        return new EscapeAnalysis(info).run();
    }

    private Escapes run() {
        for (Symbol.Func f : info.functions) {
            int n = paramCount(f);
            if (f.isHost()) {
                int[] zero = new int[n];
                summaries.put(f, new LeakSummary(zero, LeakSummary.none(n).result()));
            } else {
                summaries.put(f, LeakSummary.none(n));
            }
        }
        List<Graph> graphs = null;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            graphs = new ArrayList<>();
            boolean changed = false;
            for (Symbol.Func f : info.functions) {
                if (f.isHost()) {
                    continue;
                }
                Graph g = new Graph(f);
                g.buildFunction();
                g.walkAll();
                graphs.add(g);
                LeakSummary s = g.summary();
                if (!s.equals(summaries.get(f))) {
                    summaries.put(f, s);
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        Graph init = new Graph(null);
        init.buildInit();
        init.walkAll();
        graphs.add(init);

        Set<Symbol.Var> taken = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Symbol.Var> moved = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Expr> sites = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Expr> frame = Collections.newSetFromMap(new IdentityHashMap<>());
        List<EscapeNote> notes = new ArrayList<>();
        for (Graph g : graphs) {
            g.decide(taken, moved, sites, frame, notes);
        }
        return new Escapes(taken, moved, sites, frame, summaries, notes);
    }

    private static int paramCount(Symbol.Func f) {
        return f.signature().params().size() + (f.receiverType() != null ? 1 : 0);
    }

    /** A place values flow between. */
    private static final class Loc {
        final String name;
        final Pos pos;
        final int loopDepth;
        final Symbol.Var var;
        final Expr site;
        final int paramIndex;
        final boolean isHeap;
        final boolean isResult;
        final List<Edge> edges = new ArrayList<>();
        boolean addressTaken;
        boolean escapes;
        String escapeReason;
        int leakHeap = LeakSummary.NONE;
        String leakHeapReason;
        int leakResult = LeakSummary.NONE;
        // walk state
        int walkgen;
        int derefs;
        Edge first;
        boolean queued;

        Loc(String name, Pos pos, int loopDepth, Symbol.Var var, Expr site, int paramIndex, boolean isHeap,
            boolean isResult) {
            this.name = name;
            this.pos = pos;
            this.loopDepth = loopDepth;
            this.var = var;
            this.site = site;
            this.paramIndex = paramIndex;
            this.isHeap = isHeap;
            this.isResult = isResult;
            this.escapes = isHeap;
        }
    }

    /** "src's value flows to the owning location after derefs dereferences", and why, where. */
    private record Edge(Loc src, int derefs, String why, Pos pos) {
    }

    /** Where an expression's value goes: a location and a dereference count ({@code dst == null} discards). */
    private record Hole(Loc dst, int derefs, String why, Pos pos) {
        Hole shift(int d) {
            return new Hole(dst, derefs + d, why, pos);
        }

        Hole deref() {
            return shift(1);
        }

        Hole addr() {
            return shift(-1);
        }
    }

    private static final Hole DISCARD = new Hole(null, 0, null, Pos.NONE);

    /** One function's locations and flows. */
    private final class Graph {
        final Symbol.Func func;
        final List<Loc> locs = new ArrayList<>();
        final Map<Symbol.Var, Loc> vars = new IdentityHashMap<>();
        final Map<Expr, Loc> allocs = new IdentityHashMap<>();
        final List<Loc> params = new ArrayList<>();
        final Loc heap = new Loc("heap", Pos.NONE, -1, null, null, -1, true, false);
        final Loc result = new Loc("result", Pos.NONE, -1, null, null, -1, false, true);
        int loopDepth;
        int walkgen;

        Graph(Symbol.Func func) {
            this.func = func;
        }

        // ---- building

        void buildFunction() {
            Decl.FuncDecl d = func.decl();
            int index = 0;
            if (d.receiver() != null) {
                addParam(d.receiver().name(), index++);
            }
            for (Param p : d.params()) {
                addParam(p.name(), index++);
            }
            stmt(d.body());
        }

        void buildInit() {
            for (VarSpec spec : info.globalInitOrder) {
                for (int i = 0; i < spec.values().size() && i < spec.names().size(); i++) {
                    Symbol s = info.defs.get(spec.names().get(i));
                    Hole k = s instanceof Symbol.Var v ? heapHole("stored in global " + v.name(), spec.names().get(i).pos())
                            : DISCARD;
                    expr(k, spec.values().get(i));
                }
            }
        }

        private void addParam(Expr.Ident name, int index) {
            Symbol s = name == null ? null : info.defs.get(name);
            Symbol.Var v = s instanceof Symbol.Var var ? var : null;
            Loc l = new Loc(v != null ? v.name() : "_", name != null ? name.pos() : func.decl().pos(), 0, v, null, index,
                    false, false);
            locs.add(l);
            params.add(l);
            if (v != null) {
                vars.put(v, l);
            }
        }

        Loc declare(Symbol.Var v) {
            Loc l = vars.get(v);
            if (l == null) {
                l = new Loc(v.name(), v.pos(), loopDepth, v, null, -1, false, false);
                locs.add(l);
                vars.put(v, l);
            }
            return l;
        }

        Loc alloc(Expr site, String name, Pos pos) {
            return allocs.computeIfAbsent(site, s -> {
                Loc l = new Loc(name, pos, loopDepth, null, s, -1, false, false);
                locs.add(l);
                return l;
            });
        }

        Loc temp() {
            Loc l = new Loc("tmp", Pos.NONE, loopDepth, null, null, -1, false, false);
            locs.add(l);
            return l;
        }

        Hole heapHole(String why, Pos pos) {
            return new Hole(heap, 0, why, pos);
        }

        Hole holeOf(Loc l, String why, Pos pos) {
            return new Hole(l, 0, why, pos);
        }

        void flow(Hole k, Loc src) {
            if (k.dst == null || k.dst == src && k.derefs >= 0) {
                return;
            }
            k.dst.edges.add(new Edge(src, k.derefs, k.why, k.pos));
        }

        void stmts(List<Stmt> list) {
            for (Stmt s : list) {
                stmt(s);
            }
        }

        void stmt(Stmt s) {
            if (s == null) {
                return;
            }
            switch (s) {
                case Stmt.Block b -> stmts(b.stmts());
                case Stmt.ExprStmt e -> expr(DISCARD, e.x());
                case Stmt.DeclStmt d -> {
                    if (d.decl() instanceof Decl.VarDecl vd) {
                        for (VarSpec spec : vd.specs()) {
                            for (int i = 0; i < spec.names().size(); i++) {
                                Symbol sym = info.defs.get(spec.names().get(i));
                                Hole k = DISCARD;
                                if (sym instanceof Symbol.Var v) {
                                    k = holeOf(declare(v), "assigned to " + v.name(), spec.names().get(i).pos());
                                }
                                if (i < spec.values().size()) {
                                    expr(k, spec.values().get(i));
                                }
                            }
                        }
                    }
                }
                case Stmt.Assign a -> {
                    boolean plain = a.op().equals("=") || a.op().equals(":=");
                    for (int i = 0; i < a.lhs().size(); i++) {
                        Expr lhs = a.lhs().get(i);
                        Hole k = plain ? lhsHole(lhs) : DISCARD;
                        if (!plain) {
                            lhsHole(lhs);
                        }
                        if (i < a.rhs().size()) {
                            expr(plain ? k : DISCARD, a.rhs().get(i));
                        }
                    }
                }
                case Stmt.IncDec i -> lhsHole(i.x());
                case Stmt.Send send -> {
                    expr(DISCARD, send.chan());
                    expr(heapHole("sent on channel", send.pos()), send.value());
                }
                case Stmt.Go g -> goStmt(g);
                case Stmt.Return r -> {
                    for (Expr e : r.results()) {
                        expr(holeOf(result, "returned", e.pos()), e);
                    }
                }
                case Stmt.Branch b -> {
                }
                case Stmt.If i -> {
                    stmt(i.init());
                    expr(DISCARD, i.cond());
                    stmt(i.then());
                    stmt(i.els());
                }
                case Stmt.Switch sw -> {
                    stmt(sw.init());
                    if (sw.tag() != null) {
                        expr(DISCARD, sw.tag());
                    }
                    for (CaseClause c : sw.cases()) {
                        for (Expr e : c.exprs()) {
                            expr(DISCARD, e);
                        }
                        stmts(c.body());
                    }
                }
                case Stmt.For f -> {
                    stmt(f.init());
                    loopDepth++;
                    if (f.cond() != null) {
                        expr(DISCARD, f.cond());
                    }
                    stmt(f.post());
                    stmt(f.body());
                    loopDepth--;
                }
                case Stmt.Range r -> range(r);
                case Stmt.Empty e -> {
                }
                case Stmt.Unsupported u -> {
                }
            }
        }

        /**
         * Every argument of a {@code go} statement, and the receiver (its address for a pointer
         * method called on an addressable value), goes to the heap: the new goroutine's stack moves
         * independently of this one, so nothing of it may point into this stack.
         */
        private void goStmt(Stmt.Go g) {
            Expr.Call c = g.call();
            Expr fun = unparen(c.fun());
            if (fun instanceof Expr.Selector s && info.selections.get(s) instanceof Selection.Method m) {
                Hole h = heapHole("passed to a goroutine", s.x().pos());
                boolean xIsPointer = Types.underlying(info.typeOf(s.x())) instanceof Type.Pointer;
                if (m.method().pointerReceiver() && !xIsPointer) {
                    addrOf(h, s.x(), null);
                } else if (!m.method().pointerReceiver() && xIsPointer) {
                    expr(h.deref(), s.x());
                } else {
                    expr(h, s.x());
                }
            } else if (!(fun instanceof Expr.Ident)) {
                expr(DISCARD, fun);
            }
            for (Expr arg : c.args()) {
                expr(heapHole("passed to a goroutine", arg.pos()), arg);
            }
        }

        private void range(Stmt.Range r) {
            Type xt = Types.underlying(info.typeOf(r.x()));
            if (r.key() != null) {
                if (r.define()) {
                    defineHole(r.key());
                } else {
                    lhsHole(r.key());
                }
            }
            Hole valueHole = r.value() == null ? DISCARD : r.define() ? defineHole(r.value()) : lhsHole(r.value());
            // the key is an int: nothing flows to it; the value is an element of x (a copy for arrays)
            expr(xt instanceof Type.Array ? valueHole : valueHole.deref(), r.x());
            loopDepth++;
            stmt(r.body());
            loopDepth--;
        }

        private Hole defineHole(Expr e) {
            if (e instanceof Expr.Ident id && info.defs.get(id) instanceof Symbol.Var v) {
                return holeOf(declare(v), "assigned to " + v.name(), id.pos());
            }
            return lhsHole(e);
        }

        /** The hole for an assignment's left-hand side; evaluates its sub-expressions. */
        Hole lhsHole(Expr lhs) {
            switch (lhs) {
                case Expr.Paren p -> {
                    return lhsHole(p.x());
                }
                case Expr.Ident id -> {
                    Symbol s = info.symbol(id);
                    if (s instanceof Symbol.Var v) {
                        if (v.kind() == Symbol.VarKind.GLOBAL) {
                            return heapHole("stored in global " + v.name(), id.pos());
                        }
                        if (info.defs.get(id) == v) {
                            return holeOf(declare(v), "assigned to " + v.name(), id.pos());
                        }
                        return holeOf(declare(v), "assigned to " + v.name(), id.pos());
                    }
                    return DISCARD;
                }
                case Expr.Selector s -> {
                    if (info.selections.get(s) instanceof Selection.Field f && !f.indirect()) {
                        return lhsHole(s.x());
                    }
                    expr(DISCARD, s.x());
                    return heapHole("stored through pointer", s.pos());
                }
                case Expr.Index ix -> {
                    expr(DISCARD, ix.index());
                    Type t = Types.underlying(info.typeOf(ix.x()));
                    if (t instanceof Type.Array) {
                        return lhsHole(ix.x());
                    }
                    expr(DISCARD, ix.x());
                    return heapHole(t instanceof Type.Slice ? "stored in slice element" : "stored through pointer",
                            lhs.pos());
                }
                case Expr.Unary u when u.op() == Expr.UnaryOp.DEREF -> {
                    expr(DISCARD, u.x());
                    return heapHole("stored through pointer", u.pos());
                }
                default -> {
                    expr(DISCARD, lhs);
                    return DISCARD;
                }
            }
        }

        void expr(Hole k, Expr e) {
            if (e == null) {
                return;
            }
            if (info.isConstant(e)) {
                return;
            }
            Type valueType = info.typeOf(e);
            if (k.dst != null && valueType != null && !Types.hasPointers(valueType)) {
                // a value without pointers carries no address anywhere
                k = DISCARD;
            }
            switch (e) {
                case Expr.Ident id -> {
                    if (info.symbol(id) instanceof Symbol.Var v && v.kind() != Symbol.VarKind.GLOBAL) {
                        flow(k, declare(v));
                    }
                }
                case Expr.Paren p -> expr(k, p.x());
                case Expr.Unary u -> {
                    switch (u.op()) {
                        case ADDR -> addrOf(k, u.x(), u);
                        case DEREF -> expr(k.deref(), u.x());
                        case RECV -> expr(DISCARD, u.x());
                        default -> expr(DISCARD, u.x());
                    }
                }
                case Expr.Binary b -> {
                    expr(DISCARD, b.x());
                    expr(DISCARD, b.y());
                }
                case Expr.Call c -> call(k, c);
                case Expr.Selector s -> {
                    if (info.selections.get(s) instanceof Selection.Field f) {
                        expr(f.indirect() ? k.deref() : k, s.x());
                    }
                }
                case Expr.Index ix -> {
                    expr(DISCARD, ix.index());
                    Type t = Types.underlying(info.typeOf(ix.x()));
                    expr(t instanceof Type.Array ? k : t instanceof Type.Basic ? DISCARD : k.deref(), ix.x());
                }
                case Expr.Slice sl -> {
                    expr(DISCARD, sl.lo());
                    expr(DISCARD, sl.hi());
                    expr(DISCARD, sl.max());
                    Type t = Types.underlying(info.typeOf(sl.x()));
                    if (t instanceof Type.Array) {
                        addrOf(k, sl.x(), null);
                    } else if (!(t instanceof Type.Basic)) {
                        expr(k, sl.x());
                    }
                }
                case Expr.Composite c -> composite(k, c, info.typeOf(c));
                default -> {
                }
            }
        }

        /** A composite literal whose value flows to k; {@code t} is its type. */
        private void composite(Hole k, Expr.Composite c, Type t) {
            Type u = Types.underlying(t);
            if (u instanceof Type.Pointer p) {
                // an elided &T{...} inside an outer literal
                Loc a = alloc(c, "&" + typeText(p.elem()) + "{}", c.pos());
                flow(k.addr(), a);
                elements(holeOf(a, "stored in " + a.name, c.pos()), c, p.elem());
                return;
            }
            if (u instanceof Type.Slice s) {
                elements(heapHole("stored in slice literal", c.pos()), c, t);
                return;
            }
            elements(k, c, t);
        }

        private void elements(Hole k, Expr.Composite c, Type t) {
            Type u = Types.underlying(t);
            for (Element el : c.elems()) {
                Type elemType = switch (u) {
                    case Type.Struct s -> el.key() instanceof Expr.Ident id && s.field(id.name()) != null
                            ? s.field(id.name()).type() : null;
                    case Type.Array a -> a.elem();
                    case Type.Slice s -> s.elem();
                    default -> null;
                };
                if (u instanceof Type.Struct s && el.key() == null) {
                    int i = c.elems().indexOf(el);
                    elemType = i < s.fields().size() ? s.fields().get(i).type() : null;
                }
                if (!(u instanceof Type.Struct)) {
                    expr(DISCARD, el.key());
                }
                if (el.value() instanceof Expr.Composite inner && inner.type() == null && elemType != null) {
                    Type it = info.typeOf(inner) != null ? info.typeOf(inner) : elemType;
                    if (Types.underlying(elemType) instanceof Type.Pointer) {
                        it = elemType;
                    }
                    composite(k, inner, it);
                } else {
                    expr(k, el.value());
                }
            }
        }

        /** The address of {@code x} flows to k; {@code site} is the {@code &} expression, if any. */
        void addrOf(Hole k, Expr x, Expr site) {
            switch (x) {
                case Expr.Paren p -> addrOf(k, p.x(), site);
                case Expr.Ident id -> {
                    if (info.symbol(id) instanceof Symbol.Var v && v.kind() != Symbol.VarKind.GLOBAL) {
                        Loc l = declare(v);
                        l.addressTaken = true;
                        flow(k.addr(), l);
                    }
                }
                case Expr.Selector s -> {
                    if (info.selections.get(s) instanceof Selection.Field f && !f.indirect()) {
                        addrOf(k, s.x(), site);
                    } else {
                        expr(k, s.x());
                    }
                }
                case Expr.Index ix -> {
                    expr(DISCARD, ix.index());
                    if (Types.underlying(info.typeOf(ix.x())) instanceof Type.Array) {
                        addrOf(k, ix.x(), site);
                    } else {
                        expr(k, ix.x());
                    }
                }
                case Expr.Unary u when u.op() == Expr.UnaryOp.DEREF -> expr(k, u.x());
                case Expr.Composite c when site != null -> {
                    Type t = info.typeOf(c);
                    Loc a = alloc(site, "&" + typeText(t) + "{}", site.pos());
                    flow(k.addr(), a);
                    elements(holeOf(a, "stored in " + a.name, c.pos()), c, t);
                }
                default -> expr(k, x);
            }
        }

        void call(Hole k, Expr.Call c) {
            Expr fun = unparen(c.fun());
            if (isType(fun)) {
                for (Expr a : c.args()) {
                    expr(k, a);
                }
                return;
            }
            Symbol.BuiltinFn builtin = builtin(fun);
            if (builtin != null) {
                switch (builtin) {
                    case NEW -> {
                        Type t = info.typeOf(c);
                        Type elem = t instanceof Type.Pointer p ? p.elem() : t;
                        Loc a = alloc(c, "new(" + typeText(elem) + ")", fun.pos());
                        flow(k.addr(), a);
                    }
                    case APPEND -> {
                        if (!c.args().isEmpty()) {
                            expr(k, c.args().get(0));
                        }
                        for (int i = 1; i < c.args().size(); i++) {
                            Hole h = heapHole("appended to slice", c.args().get(i).pos());
                            expr(c.ellipsis() ? h.deref() : h, c.args().get(i));
                        }
                    }
                    default -> {
                        for (Expr a : c.args()) {
                            expr(DISCARD, a);
                        }
                    }
                }
                return;
            }
            Symbol.Func callee = null;
            List<Runnable> argFlows = new ArrayList<>();
            List<Loc> argLocs = new ArrayList<>();
            if (fun instanceof Expr.Selector s && info.selections.get(s) instanceof Selection.Method m) {
                callee = m.method();
                Loc t = temp();
                argLocs.add(t);
                Hole h = holeOf(t, null, s.x().pos());
                boolean xIsPointer = Types.underlying(info.typeOf(s.x())) instanceof Type.Pointer;
                if (callee.pointerReceiver() && !xIsPointer) {
                    addrOf(h, s.x(), null);
                } else if (!callee.pointerReceiver() && xIsPointer) {
                    expr(h.deref(), s.x());
                } else {
                    expr(h, s.x());
                }
            } else if (fun instanceof Expr.Ident id && info.symbol(id) instanceof Symbol.Func f) {
                callee = f;
            } else {
                expr(DISCARD, fun);
            }
            for (Expr a : c.args()) {
                Loc t = temp();
                argLocs.add(t);
                expr(holeOf(t, null, a.pos()), a);
            }
            LeakSummary sum = callee == null ? null : summaries.get(callee);
            for (int i = 0; i < argLocs.size(); i++) {
                Loc t = argLocs.get(i);
                int heapD = sum == null || i >= sum.params() ? 0 : sum.heap(i);
                int resD = sum == null || i >= sum.params() ? LeakSummary.NONE : sum.result(i);
                Pos at = i < argLocs.size() - c.args().size() ? unparen(c.fun()).pos() : c.args().get(i - (argLocs.size() - c.args().size())).pos();
                if (heapD != LeakSummary.NONE) {
                    String why = callee == null ? "passed to an unknown function"
                            : callee.isHost() ? "passed to host function " + callee.name()
                            : "passed to leaking param " + paramName(callee, i) + " of " + callee.goName();
                    heap.edges.add(new Edge(t, heapD, why, at));
                }
                if (resD != LeakSummary.NONE && k.dst != null) {
                    k.dst.edges.add(new Edge(t, k.derefs + resD, k.why, k.pos));
                }
            }
        }

        // ---- walking

        boolean outlives(Loc root, Loc l) {
            if (root.escapes || root.isHeap) {
                return true;
            }
            if (root.isResult) {
                return true;
            }
            return root.loopDepth < l.loopDepth;
        }

        void walkAll() {
            ArrayDeque<Loc> todo = new ArrayDeque<>();
            for (Loc l : locs) {
                l.queued = true;
                todo.push(l);
            }
            result.queued = true;
            todo.push(result);
            heap.queued = true;
            todo.push(heap);
            while (!todo.isEmpty()) {
                Loc root = todo.pop();
                root.queued = false;
                walkOne(root, todo);
            }
        }

        void walkOne(Loc root, ArrayDeque<Loc> todo) {
            walkgen++;
            root.walkgen = walkgen;
            root.derefs = 0;
            root.first = null;
            ArrayDeque<Loc> queue = new ArrayDeque<>();
            queue.add(root);
            while (!queue.isEmpty()) {
                Loc l = queue.poll();
                int derefs = l.derefs;
                boolean addressOf = derefs < 0;
                if (addressOf) {
                    derefs = 0;
                }
                if (l != root && outlives(root, l)) {
                    if (l.paramIndex >= 0) {
                        if (root.isResult) {
                            l.leakResult = Math.min(l.leakResult, derefs);
                        } else if (derefs < l.leakHeap) {
                            l.leakHeap = derefs;
                            l.leakHeapReason = reason(root, l.first);
                        }
                    }
                    if (addressOf && !l.escapes) {
                        l.escapes = true;
                        l.escapeReason = reason(root, l.first);
                        if (!l.queued) {
                            l.queued = true;
                            todo.push(l);
                        }
                        continue;
                    }
                } else if (l == root && root.escapes && l.paramIndex >= 0) {
                    // an escaping parameter's own value is stored on the heap
                    if (0 < l.leakHeap) {
                        l.leakHeap = 0;
                        l.leakHeapReason = l.escapeReason;
                    }
                }
                for (Edge e : l.edges) {
                    int d = derefs + e.derefs;
                    Loc src = e.src;
                    if (src.walkgen != walkgen || src.derefs > d) {
                        src.walkgen = walkgen;
                        src.derefs = d;
                        src.first = l == root ? e : l.first;
                        queue.add(src);
                    }
                }
            }
        }

        String reason(Loc root, Edge first) {
            Pos at = first == null ? Pos.NONE : first.pos;
            if (root.isHeap || root.isResult) {
                String why = first == null || first.why == null ? (root.isResult ? "returned" : "stored on the heap")
                        : first.why;
                return why + " at " + at;
            }
            if (root.escapes) {
                return "assigned to " + root.name + ", which escapes, at " + at;
            }
            return "assigned to " + root.name + " declared outside the loop at " + at;
        }

        LeakSummary summary() {
            int n = params.size();
            int[] h = new int[n];
            int[] r = new int[n];
            for (int i = 0; i < n; i++) {
                h[i] = params.get(i).leakHeap;
                r[i] = params.get(i).leakResult;
            }
            return new LeakSummary(h, r);
        }

        // ---- decisions

        void decide(Set<Symbol.Var> taken, Set<Symbol.Var> moved, Set<Expr> sites, Set<Expr> frame,
                    List<EscapeNote> notes) {
            for (Loc l : locs) {
                if (l.var != null && l.addressTaken) {
                    taken.add(l.var);
                    if (l.escapes) {
                        moved.add(l.var);
                        notes.add(note(l.pos, "moved to heap: " + l.name + " (address " + l.escapeReason + ")"));
                    } else {
                        notes.add(note(l.pos, l.name + " does not escape"));
                    }
                }
                if (l.site != null) {
                    sites.add(l.site);
                    if (l.escapes) {
                        notes.add(note(l.pos, l.name + " escapes to heap (" + l.escapeReason + ")"));
                    } else {
                        frame.add(l.site);
                        notes.add(note(l.pos, l.name + " does not escape"));
                    }
                }
            }
            for (Loc p : params) {
                if (p.var == null || !Types.hasPointers(p.var.type())) {
                    continue;
                }
                if (p.leakHeap == 0) {
                    notes.add(note(p.pos, "leaking param: " + p.name + " (" + p.leakHeapReason + ")"));
                } else if (p.leakHeap != LeakSummary.NONE) {
                    notes.add(note(p.pos, "leaking param content: " + p.name + " (" + p.leakHeapReason + ")"));
                } else if (p.leakResult != LeakSummary.NONE) {
                    notes.add(note(p.pos, "leaking param: " + p.name + " (to result"
                            + (p.leakResult > 0 ? ", content only" : "") + ")"));
                } else {
                    notes.add(note(p.pos, p.name + " does not escape"));
                }
            }
        }

        private EscapeNote note(Pos pos, String message) {
            return new EscapeNote(pos.line(), pos.col(), message);
        }
    }

    // ---- small syntax questions shared by the builder

    private static Expr unparen(Expr e) {
        while (e instanceof Expr.Paren p) {
            e = p.x();
        }
        return e;
    }

    private boolean isType(Expr fun) {
        return fun instanceof Expr.TypeArg
                || fun instanceof Expr.Ident id && info.symbol(id) instanceof Symbol.TypeName;
    }

    private Symbol.BuiltinFn builtin(Expr fun) {
        if (fun instanceof Expr.Ident id && info.symbol(id) instanceof Symbol.Builtin b) {
            return b.fn();
        }
        if (fun instanceof Expr.Selector s && info.selections.get(s) instanceof Selection.PackageFunc pf) {
            return pf.fn();
        }
        return null;
    }

    private static String paramName(Symbol.Func f, int index) {
        Decl.FuncDecl d = f.decl();
        if (d.receiver() != null) {
            if (index == 0) {
                return d.receiver().name() != null ? d.receiver().name().name() : "_";
            }
            index--;
        }
        Param p = index < d.params().size() ? d.params().get(index) : null;
        return p != null && p.name() != null ? p.name().name() : "_";
    }

    /** A type as Go's messages print it ({@code Node}, {@code []int}). */
    static String typeText(Type t) {
        return t == null ? "?" : t.toString();
    }
}
