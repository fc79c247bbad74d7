package org.cairnvm.core.compile;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
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
import org.cairnvm.core.code.FunctionCode;
import org.cairnvm.core.code.Opcode;
import org.cairnvm.core.code.SlotInfo;
import org.cairnvm.core.code.StackMap;
import org.cairnvm.core.escape.Escapes;
import org.cairnvm.core.parse.Parser;
import org.cairnvm.core.types.Type;
import org.cairnvm.core.types.Types;

import static org.cairnvm.core.code.Opcode.*;

/**
 * Compiles one function (or the global initialiser) to register bytecode.
 *
 * <p>Expressions are compiled into a destination slot ({@link #evalInto}) so that a result lands
 * where it is needed without a move; an operand that already sits in a frame slot is used in place
 * ({@link #eval}). Conditions compile to fused compare-and-branch instructions ({@link #branch}).
 * Call arguments are evaluated straight into a block of consecutive temporaries that {@code CALL}
 * copies into the callee's parameters, and the callee's {@code RET} writes the result straight
 * into the caller's destination.
 *
 * <p>Storage follows escape analysis: a variable whose address escapes lives in a heap cell (its
 * slot holds the cell's address and every use goes through {@code LOAD}/{@code STORE}); one whose
 * address is taken but does not escape stays in the frame, is zeroed in the prologue (it is in
 * every stack map) and is addressed with {@code ADDR}; so is every non-escaping
 * {@code new(T)}/{@code &T{}}.
 *
 * <p>A {@code go} statement lays out its receiver and arguments as a call does and {@code GO}
 * copies them into the new goroutine's entry frame. Channel operations are single instructions
 * on frame slots: a receive writes its destination in place unless Go's assignment rules need a
 * temporary ({@code v, ok = <-ch} and {@code for v = range ch} assign only after the receive).
 */
final class FunctionCompiler {
    /** Immediates are 32-bit instruction words; larger constants go through the constant pool. */
    private static final long IMM_MIN = Integer.MIN_VALUE;
    private static final long IMM_MAX = Integer.MAX_VALUE;
    private static final int STDOUT = 1;
    private static final int STDERR = 2;

    private final ImageBuilder img;
    private final TypeInfo info;
    private final Escapes esc;
    private final Emitter em = new Emitter();
    private final Frame frame = new Frame();
    private final List<Long> constants = new ArrayList<>();
    private final Map<Long, Integer> constantIndex = new HashMap<>();
    private final Map<Symbol.Var, Integer> frameHome = new IdentityHashMap<>();
    private final Map<Symbol.Var, Integer> heapHome = new IdentityHashMap<>();
    private final Map<Symbol.Var, Integer> preassigned = new IdentityHashMap<>();
    private final Map<Expr, Integer> frameObjects = new IdentityHashMap<>();
    private final Set<Symbol.Var> frameAddressed = Collections.newSetFromMap(new IdentityHashMap<>());
    private final ArrayDeque<Targets> targets = new ArrayDeque<>();
    /** Address-taken frame locals and frame-allocated objects found by the pre-scan, given slots by the prologue. */
    private final List<Symbol.Var> pendingTaken = new ArrayList<>();
    private final Map<Expr, Type> pendingObjects = new LinkedHashMap<>();
    private BitSet paramPointerWords = new BitSet();

    /** Where break and continue go; {@code cont} is null for a switch. */
    private record Targets(Label brk, Label cont) {
    }

    FunctionCompiler(ImageBuilder img, Escapes esc) {
        this.img = img;
        this.info = img.info;
        this.esc = esc;
    }

    // =====================================================================================
    // functions

    FunctionCode compileFunction(Symbol.Func f, int index) {
        Decl.FuncDecl d = f.decl();
        em.line = d.pos().line();
        List<Symbol.Var> params = new ArrayList<>();
        List<Integer> paramSlots = new ArrayList<>();
        prescan(List.of(d.body()));
        if (d.receiver() != null) {
            Symbol.Var v = varOf(d.receiver().name());
            Type rt = f.pointerReceiver() ? new Type.Pointer(f.receiverType()) : f.receiverType();
            addParam(v, d.receiver().name() == null ? "_" : d.receiver().name().name(), rt, params, paramSlots);
        }
        for (int i = 0; i < d.params().size(); i++) {
            Param p = d.params().get(i);
            addParam(varOf(p.name()), p.name() == null ? "_" : p.name().name(), f.signature().params().get(i), params,
                    paramSlots);
        }
        paramPointerWords = frame.pointerWords();
        prologue();
        for (int i = 0; i < params.size(); i++) {
            Symbol.Var v = params.get(i);
            if (v != null && esc.movedToHeap(v)) {
                int cell = frame.heapCell(v.name(), v.type());
                em.emit(NEW, cell, img.layout(v.type()), Types.words(v.type()));
                if (Types.words(v.type()) > 0) {
                    em.emit(STORE, cell, 0, paramSlots.get(i), Types.words(v.type()));
                }
                frameHome.remove(v);
                heapHome.put(v, cell);
            }
        }
        Type result = f.signature().result();
        block(d.body().stmts());
        em.line = d.body().end().line();
        if (!terminates(d.body().stmts())) {
            em.emit(RET, FunctionCode.HEADER_WORDS, 0);
        }
        return finish(index, f.goName(), ImageBuilder.paramWordsOf(f), result == null ? 0 : Types.words(result),
                d.pos().line());
    }

    private void addParam(Symbol.Var v, String name, Type t, List<Symbol.Var> params, List<Integer> slots) {
        boolean inFrameTaken = v != null && (esc.addressTaken(v) && !esc.movedToHeap(v) || frameAddressed.contains(v));
        int slot = frame.variable(name, t, SlotInfo.Kind.PARAM, inFrameTaken);
        params.add(v);
        slots.add(slot);
        if (v != null) {
            frameHome.put(v, slot);
        }
    }

    /** The global initialiser, {@code main.init}: every global with an initialiser, in initialisation order. */
    FunctionCode compileInit(int index) {
        em.line = 1;
        List<Expr> inits = new ArrayList<>();
        for (VarSpec spec : info.globalInitOrder) {
            inits.addAll(spec.values());
        }
        prescanExprs(inits);
        prologue();
        for (VarSpec spec : info.globalInitOrder) {
            em.line = spec.pos().line();
            if (isCommaOk(spec.names().size(), spec.values())) {
                int mark = frame.mark();
                List<Expr> names = new ArrayList<>(spec.names());
                receiveCommaOk(names, spec.values().get(0), false);
                frame.release(mark);
                continue;
            }
            for (int i = 0; i < spec.values().size() && i < spec.names().size(); i++) {
                int mark = frame.mark();
                Expr value = spec.values().get(i);
                Symbol s = info.defs.get(spec.names().get(i));
                if (s instanceof Symbol.Var v) {
                    int n = Types.words(v.type());
                    int t = frame.temp(v.type());
                    evalInto(value, t);
                    if (n > 0) {
                        em.emit(GSTORE, img.globalOffset.get(v), t, n);
                    }
                } else {
                    discard(value);
                }
                frame.release(mark);
            }
        }
        em.emit(RET, FunctionCode.HEADER_WORDS, 0);
        return finish(index, "main.init", 0, 0, 1);
    }

    private FunctionCode finish(int index, String name, int paramWords, int resultWords, int declLine) {
        int[] code = em.code();
        BitSet pointers = frame.pointerWords();
        BitSet params = new BitSet();
        params.set(FunctionCode.HEADER_WORDS, FunctionCode.HEADER_WORDS + paramWords);
        Liveness live = new Liveness(code, pointers, frame.addressTakenPointerWords(), params,
                f -> img.paramWords[f], f -> img.resultWords[f], h -> img.hosts.get(h).resultWords()).solve();
        BitSet entry = live.liveAtEntry();
        entry.andNot(paramPointerWords);
        if (!entry.isEmpty()) {
            throw new IllegalStateException(name + ": pointer slots " + entry + " read before written");
        }
        StackMap map = live.stackMap();
        long[] k = new long[constants.size()];
        for (int i = 0; i < k.length; i++) {
            k[i] = constants.get(i);
        }
        return new FunctionCode(index, name, code, em.lines(), k, frame.words(), paramWords, resultWords, map,
                frame.slots(), declLine);
    }

    // =====================================================================================
    // pre-scan: frame storage whose address is taken gets its slots first and is zeroed on entry

    private void prescan(List<Stmt> body) {
        new Scan().stmts(body);
    }

    private void prescanExprs(List<Expr> exprs) {
        Scan s = new Scan();
        for (Expr e : exprs) {
            s.expr(e);
        }
    }

    private void prologue() {
        int start = frame.words();
        for (Symbol.Var v : pendingTaken) {
            preassigned.put(v, frame.variable(v.name(), v.type(), SlotInfo.Kind.LOCAL, true));
        }
        for (Map.Entry<Expr, Type> e : pendingObjects.entrySet()) {
            frameObjects.put(e.getKey(), frame.variable(objectName(e.getKey(), e.getValue()), e.getValue(),
                    SlotInfo.Kind.LOCAL, true));
        }
        int words = frame.words() - start;
        BitSet ptrs = frame.pointerWords();
        // only words that can appear in stack maps need zeroing before the body runs
        if (words > 0 && ptrs.nextSetBit(start) >= 0 && ptrs.nextSetBit(start) < start + words) {
            em.emit(ZERO, start, words);
        }
    }

    private String objectName(Expr site, Type t) {
        return site instanceof Expr.Call ? "new(" + t + ")" : "&" + t + "{}";
    }

    /** Finds address-taken frame locals, frame-allocated objects and frame arrays needing addresses. */
    private final class Scan {
        void stmts(List<Stmt> list) {
            for (Stmt s : list) {
                stmt(s);
            }
        }

        void declared(Expr.Ident id) {
            if (id != null && info.defs.get(id) instanceof Symbol.Var v && v.kind() == Symbol.VarKind.LOCAL
                    && (esc.addressTaken(v) && !esc.movedToHeap(v)) && !pendingTaken.contains(v)) {
                pendingTaken.add(v);
            }
        }

        void stmt(Stmt s) {
            if (s == null) {
                return;
            }
            switch (s) {
                case Stmt.Block b -> stmts(b.stmts());
                case Stmt.ExprStmt e -> expr(e.x());
                case Stmt.DeclStmt d -> {
                    if (d.decl() instanceof Decl.VarDecl vd) {
                        for (VarSpec spec : vd.specs()) {
                            spec.names().forEach(this::declared);
                            spec.values().forEach(this::expr);
                        }
                    }
                }
                case Stmt.Assign a -> {
                    for (Expr l : a.lhs()) {
                        if (l instanceof Expr.Ident id) {
                            declared(id);
                        }
                        expr(l);
                    }
                    a.rhs().forEach(this::expr);
                }
                case Stmt.IncDec i -> expr(i.x());
                case Stmt.Send send -> {
                    expr(send.chan());
                    expr(send.value());
                }
                case Stmt.Go g -> expr(g.call());
                case Stmt.Return r -> r.results().forEach(this::expr);
                case Stmt.If i -> {
                    stmt(i.init());
                    expr(i.cond());
                    stmt(i.then());
                    stmt(i.els());
                }
                case Stmt.Switch sw -> {
                    stmt(sw.init());
                    expr(sw.tag());
                    for (CaseClause c : sw.cases()) {
                        c.exprs().forEach(this::expr);
                        stmts(c.body());
                    }
                }
                case Stmt.For f -> {
                    stmt(f.init());
                    expr(f.cond());
                    stmt(f.post());
                    stmt(f.body());
                }
                case Stmt.Range r -> {
                    if (r.key() instanceof Expr.Ident id) {
                        declared(id);
                    }
                    if (r.value() instanceof Expr.Ident id) {
                        declared(id);
                    }
                    expr(r.key());
                    expr(r.value());
                    expr(r.x());
                    stmt(r.body());
                }
                default -> {
                }
            }
        }

        void expr(Expr e) {
            if (e == null || info.isConstant(e)) {
                return;
            }
            switch (e) {
                case Expr.Paren p -> expr(p.x());
                case Expr.Unary u -> {
                    if (u.op() == Expr.UnaryOp.ADDR) {
                        Expr x = unparen(u.x());
                        if (x instanceof Expr.Composite c) {
                            site(u, info.typeOf(c));
                            elements(c, info.typeOf(c));
                            return;
                        }
                        subAccess(x);
                    }
                    expr(u.x());
                }
                case Expr.Binary b -> {
                    expr(b.x());
                    expr(b.y());
                }
                case Expr.Call c -> {
                    Expr fun = unparen(c.fun());
                    if (builtin(fun) == Symbol.BuiltinFn.NEW) {
                        Type t = info.typeOf(c);
                        site(c, t instanceof Type.Pointer p ? p.elem() : t);
                    }
                    if (fun instanceof Expr.Selector s && info.selections.get(s) instanceof Selection.Method m
                            && m.method().pointerReceiver() && !isPointer(info.typeOf(s.x()))) {
                        subAccess(unparen(s.x()));
                    }
                    if (fun instanceof Expr.Selector s) {
                        expr(s.x());
                    }
                    c.args().forEach(this::expr);
                }
                case Expr.Selector s -> {
                    subAccess(unparen(s.x()));
                    expr(s.x());
                }
                case Expr.Index ix -> {
                    if (Types.underlying(info.typeOf(ix.x())) instanceof Type.Array) {
                        subAccess(unparen(ix.x()));
                    }
                    expr(ix.x());
                    expr(ix.index());
                }
                case Expr.Slice sl -> {
                    subAccess(unparen(sl.x()));
                    expr(sl.x());
                    expr(sl.lo());
                    expr(sl.hi());
                    expr(sl.max());
                }
                case Expr.Composite c -> elements(c, info.typeOf(c));
                default -> {
                }
            }
        }

        void elements(Expr.Composite c, Type t) {
            Type u = Types.underlying(t);
            int i = 0;
            for (Element el : c.elems()) {
                Type et = elementType(u, el, i++);
                if (el.value() instanceof Expr.Composite inner && inner.type() == null && et != null) {
                    if (Types.underlying(et) instanceof Type.Pointer p) {
                        site(inner, p.elem());
                        elements(inner, p.elem());
                    } else {
                        elements(inner, et);
                    }
                } else {
                    expr(el.value());
                }
                if (!(u instanceof Type.Struct)) {
                    expr(el.key());
                }
            }
        }

        void site(Expr site, Type t) {
            if (esc.isAllocSite(site) && esc.staysInFrame(site) && t != null) {
                pendingObjects.put(site, t);
            }
        }

        /** x is used as the base of a sub-access: if it is a dynamically indexed frame array element, its root needs an address. */
        void subAccess(Expr x) {
            if (x instanceof Expr.Index ix && Types.underlying(info.typeOf(ix.x())) instanceof Type.Array
                    && !info.isConstant(ix.index())) {
                Symbol.Var root = frameRoot(ix.x());
                if (root != null && !esc.movedToHeap(root) && root.kind() != Symbol.VarKind.GLOBAL) {
                    frameAddressed.add(root);
                    if (root.kind() == Symbol.VarKind.LOCAL && !pendingTaken.contains(root)) {
                        pendingTaken.add(root);
                    }
                }
            }
        }
    }

    /** The local variable a chain of struct-field and array-index selections starts from, if it stays in the frame. */
    private Symbol.Var frameRoot(Expr e) {
        e = unparen(e);
        return switch (e) {
            case Expr.Ident id when info.symbol(id) instanceof Symbol.Var v -> v;
            case Expr.Selector s when info.selections.get(s) instanceof Selection.Field f && !f.indirect() ->
                    frameRoot(s.x());
            case Expr.Index ix when Types.underlying(info.typeOf(ix.x())) instanceof Type.Array -> frameRoot(ix.x());
            default -> null;
        };
    }

    // =====================================================================================
    // statements

    private void block(List<Stmt> stmts) {
        for (Stmt s : stmts) {
            stmt(s);
        }
    }

    private void stmt(Stmt s) {
        if (s == null) {
            return;
        }
        int mark = frame.mark();
        int savedLine = em.line;
        if (s.pos().line() > 0) {
            em.line = s.pos().line();
        }
        switch (s) {
            case Stmt.Block b -> block(b.stmts());
            case Stmt.ExprStmt e -> discard(e.x());
            case Stmt.DeclStmt d -> {
                if (d.decl() instanceof Decl.VarDecl vd) {
                    for (VarSpec spec : vd.specs()) {
                        if (isCommaOk(spec.names().size(), spec.values())) {
                            List<Expr> names = new ArrayList<>(spec.names());
                            receiveCommaOk(names, spec.values().get(0), true);
                            continue;
                        }
                        for (int i = 0; i < spec.names().size(); i++) {
                            Expr init = i < spec.values().size() ? spec.values().get(i) : null;
                            Symbol sym = info.defs.get(spec.names().get(i));
                            if (sym instanceof Symbol.Var v) {
                                declare(v, init);
                            } else if (init != null) {
                                discard(init);
                            }
                        }
                    }
                }
            }
            case Stmt.Assign a -> assign(a);
            case Stmt.IncDec i -> opAssign(i.x(), i.inc() ? Expr.BinaryOp.ADD : Expr.BinaryOp.SUB, null, 1);
            case Stmt.Return r -> ret(r);
            case Stmt.Branch b -> branchStmt(b);
            case Stmt.If i -> ifStmt(i);
            case Stmt.For f -> forStmt(f);
            case Stmt.Range r -> range(r);
            case Stmt.Switch sw -> switchStmt(sw);
            case Stmt.Empty e -> {
            }
            case Stmt.Go g -> goStmt(g);
            case Stmt.Send send -> send(send);
            case Stmt.Unsupported u -> throw new CompileError(u.pos(), "unsupported: " + u.what());
        }
        em.line = savedLine;
        frame.release(mark);
    }

    /** Declares a local, zeroing it or evaluating its initialiser straight into its storage. */
    private void declare(Symbol.Var v, Expr init) {
        Type t = v.type();
        int n = Types.words(t);
        if (esc.movedToHeap(v)) {
            int value = -1;
            if (init != null) {
                value = eval(init);
            }
            int cell = heapHome.containsKey(v) ? heapHome.get(v) : frame.heapCell(v.name(), t);
            heapHome.put(v, cell);
            em.emit(NEW, cell, img.layout(t), n);
            if (value >= 0 && n > 0) {
                em.emit(STORE, cell, 0, value, n);
            }
            return;
        }
        Integer slot = frameHome.get(v);
        if (slot == null) {
            slot = preassigned.get(v);
            if (slot == null) {
                slot = frame.variable(v.name(), t, SlotInfo.Kind.LOCAL, false);
            }
            frameHome.put(v, slot);
        }
        if (init != null) {
            evalInto(init, slot);
        } else {
            zero(slot, t);
        }
    }

    private void zero(int slot, Type t) {
        int n = Types.words(t);
        if (n == 1) {
            em.emit(LOADI, slot, 0);
        } else if (n > 1) {
            em.emit(ZERO, slot, n);
        }
    }

    private void assign(Stmt.Assign a) {
        String op = a.op();
        if (op.equals("=") || op.equals(":=")) {
            if (isCommaOk(a.lhs().size(), a.rhs())) {
                receiveCommaOk(a.lhs(), a.rhs().get(0), op.equals(":="));
                return;
            }
            if (a.lhs().size() == 1 && a.rhs().size() == 1) {
                assignOne(a.lhs().get(0), a.rhs().get(0), op.equals(":="));
                return;
            }
            // parallel assignment: every right-hand side is evaluated before any store
            List<Integer> values = new ArrayList<>();
            for (int i = 0; i < a.rhs().size(); i++) {
                Expr r = a.rhs().get(i);
                Type t = info.typeOf(r);
                int tmp = frame.temp(t);
                evalInto(r, tmp);
                values.add(tmp);
            }
            for (int i = 0; i < a.lhs().size() && i < values.size(); i++) {
                Expr l = a.lhs().get(i);
                if (isBlank(l)) {
                    continue;
                }
                if (l instanceof Expr.Ident id && info.defs.get(id) instanceof Symbol.Var v && op.equals(":=")) {
                    declareFrom(v, values.get(i));
                } else {
                    store(place(l), values.get(i));
                }
            }
            return;
        }
        Expr.BinaryOp bop = switch (op) {
            case "+=" -> Expr.BinaryOp.ADD;
            case "-=" -> Expr.BinaryOp.SUB;
            case "*=" -> Expr.BinaryOp.MUL;
            case "/=" -> Expr.BinaryOp.DIV;
            case "%=" -> Expr.BinaryOp.REM;
            case "&=" -> Expr.BinaryOp.BITAND;
            case "|=" -> Expr.BinaryOp.BITOR;
            case "^=" -> Expr.BinaryOp.XOR;
            case "<<=" -> Expr.BinaryOp.SHL;
            case ">>=" -> Expr.BinaryOp.SHR;
            case "&^=" -> Expr.BinaryOp.ANDNOT;
            default -> throw new CompileError(a.pos(), "unsupported: assignment operator " + op);
        };
        opAssign(a.lhs().get(0), bop, a.rhs().get(0), 0);
    }

    private void declareFrom(Symbol.Var v, int valueSlot) {
        Type t = v.type();
        int n = Types.words(t);
        if (esc.movedToHeap(v)) {
            int cell = heapHome.containsKey(v) ? heapHome.get(v) : frame.heapCell(v.name(), t);
            heapHome.put(v, cell);
            em.emit(NEW, cell, img.layout(t), n);
            if (n > 0) {
                em.emit(STORE, cell, 0, valueSlot, n);
            }
            return;
        }
        Integer slot = frameHome.get(v);
        if (slot == null) {
            slot = preassigned.containsKey(v) ? preassigned.get(v) : frame.variable(v.name(), t, SlotInfo.Kind.LOCAL, false);
            frameHome.put(v, slot);
        }
        move(slot, valueSlot, n);
    }

    /** Whether an assignment or declaration of that many names from these values is {@code v, ok = <-ch}. */
    private static boolean isCommaOk(int names, List<Expr> values) {
        return names == 2 && values.size() == 1 && unparen(values.get(0)) instanceof Expr.Unary u
                && u.op() == Expr.UnaryOp.RECV;
    }

    /**
     * {@code v, ok = <-ch} (or with {@code :=}, or {@code var v, ok = <-ch}): RECV2 into two
     * temporaries, then the two assignments: as in Go, nothing is assigned until the receive is
     * done, whatever the runtime does to the destination while the receiver waits.
     */
    private void receiveCommaOk(List<? extends Expr> lhs, Expr rhs, boolean define) {
        Expr ch = ((Expr.Unary) unparen(rhs)).x();
        Type elem = chanElem(ch);
        int c = eval(ch);
        int value = frame.temp(elem);
        int ok = frame.temp(Type.Basic.BOOL);
        em.emit(RECV2, value, ok, c, Types.words(elem));
        assignFrom(lhs.get(0), value, define);
        assignFrom(lhs.get(1), ok, define);
    }

    /** Assigns (or with {@code define}, declares when it is new) the value in {@code slot} to l. */
    private void assignFrom(Expr l, int slot, boolean define) {
        if (isBlank(l)) {
            return;
        }
        if (define && l instanceof Expr.Ident id && info.defs.get(id) instanceof Symbol.Var v) {
            declareFrom(v, slot);
        } else {
            store(place(l), slot);
        }
    }

    private Type chanElem(Expr ch) {
        return ((Type.Chan) Types.underlying(info.typeOf(ch))).elem();
    }

    /** {@code ch <- v}: the channel, then the value, are evaluated before the (possibly blocking) SEND. */
    private void send(Stmt.Send s) {
        Type elem = chanElem(s.chan());
        int c = eval(s.chan());
        int v;
        if (isNil(s.value())) {
            v = frame.temp(elem);
            zero(v, elem);
        } else {
            v = eval(s.value());
        }
        em.emit(SEND, c, v, Types.words(elem));
    }

    /**
     * {@code go f(args)} / {@code go x.m(args)}: the receiver and arguments are evaluated into an
     * argument area exactly as for CALL, and GO copies them into the new goroutine's entry frame.
     */
    private void goStmt(Stmt.Go g) {
        Expr.Call c = g.call();
        String unsupported = SubsetCheck.goTarget(info, c);
        if (unsupported != null) {
            throw new CompileError(Parser.startPos(c), unsupported);
        }
        Expr fun = unparen(c.fun());
        Symbol.Func callee;
        Expr recv = null;
        if (fun instanceof Expr.Selector s && info.selections.get(s) instanceof Selection.Method m) {
            callee = m.method();
            recv = s.x();
        } else {
            callee = (Symbol.Func) info.symbol((Expr.Ident) fun);
        }
        int block = argumentArea(c, callee, recv);
        em.emit(GO, img.functionIndex.get(callee), block);
        frame.free(block);
    }

    private void assignOne(Expr lhs, Expr rhs, boolean define) {
        if (isBlank(lhs)) {
            discard(rhs);
            return;
        }
        if (define && lhs instanceof Expr.Ident id && info.defs.get(id) instanceof Symbol.Var v) {
            declare(v, rhs);
            return;
        }
        Place p = place(lhs);
        if (p instanceof Place.Frame f && !(unparen(rhs) instanceof Expr.Composite)) {
            evalInto(rhs, f.slot());
            return;
        }
        int v = eval(rhs);
        if (unparen(rhs) instanceof Expr.Composite && p instanceof Place.Frame f) {
            move(f.slot(), v, Types.words(f.type()));
            return;
        }
        store(p, v);
    }

    /** {@code x op= y}, or {@code x++}/{@code x--} when y is null (then {@code imm} is the step). */
    private void opAssign(Expr lhs, Expr.BinaryOp op, Expr y, long imm) {
        Place p = place(lhs);
        Type t = p.type();
        int target = p instanceof Place.Frame f ? f.slot() : frame.temp(t);
        if (!(p instanceof Place.Frame)) {
            load(p, target);
        }
        if (y == null) {
            em.emit(ADDI, target, target, (int) (op == Expr.BinaryOp.ADD ? imm : -imm));
        } else {
            arith(op, t, target, target, null, y);
        }
        if (!(p instanceof Place.Frame)) {
            store(p, target);
        }
    }

    private void ret(Stmt.Return r) {
        if (r.results().isEmpty()) {
            em.emit(RET, FunctionCode.HEADER_WORDS, 0);
            return;
        }
        Expr e = r.results().get(0);
        int n = Types.words(info.typeOf(e));
        int s = eval(e);
        em.emit(RET, s, n);
    }

    private void branchStmt(Stmt.Branch b) {
        if (b.label() != null) {
            throw new CompileError(b.pos(), "unsupported: labels");
        }
        for (Targets t : targets) {
            if (b.isBreak()) {
                em.goTo(t.brk());
                return;
            }
            if (t.cont() != null) {
                em.goTo(t.cont());
                return;
            }
        }
        throw new CompileError(b.pos(), (b.isBreak() ? "break" : "continue") + " is not in a loop");
    }

    private void ifStmt(Stmt.If s) {
        stmt(s.init());
        Label els = new Label();
        branch(s.cond(), false, els);
        stmt(s.then());
        if (s.els() != null) {
            Label end = new Label();
            boolean thenEnds = terminates(s.then().stmts());
            if (!thenEnds) {
                em.goTo(end);
            }
            em.bind(els);
            stmt(s.els());
            em.bind(end);
        } else {
            em.bind(els);
        }
    }

    private void forStmt(Stmt.For f) {
        stmt(f.init());
        Label top = new Label();
        Label end = new Label();
        Label cont = new Label();
        em.bind(top);
        if (f.cond() != null) {
            int mark = frame.mark();
            branch(f.cond(), false, end);
            frame.release(mark);
        }
        targets.push(new Targets(end, f.post() == null ? top : cont));
        stmt(f.body());
        targets.pop();
        em.bind(cont);
        stmt(f.post());
        em.goTo(top);
        em.bind(end);
    }

    private void range(Stmt.Range r) {
        Type xt = info.typeOf(r.x());
        Type u = Types.underlying(xt);
        Type elem;
        int len = -1;
        int sliceSlot = -1;
        int arraySlot = -1;
        int ptrSlot = -1;
        switch (u) {
            case Type.Slice s -> {
                elem = s.elem();
                sliceSlot = frame.temp(xt);
                evalInto(r.x(), sliceSlot);
            }
            case Type.Array a -> {
                elem = a.elem();
                len = (int) a.length();
                if (r.value() != null && !isBlank(r.value())) {
                    arraySlot = frame.temp(xt);
                    evalInto(r.x(), arraySlot);
                } else if (!(unparen(r.x()) instanceof Expr.Ident)) {
                    discard(r.x());
                }
            }
            case Type.Pointer p when Types.underlying(p.elem()) instanceof Type.Array a -> {
                elem = a.elem();
                len = (int) a.length();
                ptrSlot = frame.temp(xt);
                evalInto(r.x(), ptrSlot);
            }
            case Type.Chan c -> {
                rangeChan(r, c);
                return;
            }
            default -> throw new CompileError(r.pos(), "unsupported: range over " + xt);
        }
        int ew = Types.words(elem);
        Expr key = r.key() == null || isBlank(r.key()) ? null : r.key();
        Expr value = r.value() == null || isBlank(r.value()) ? null : r.value();
        if (r.define()) {
            if (key instanceof Expr.Ident id && info.defs.get(id) instanceof Symbol.Var v) {
                declare(v, null);
            }
            if (value instanceof Expr.Ident id && info.defs.get(id) instanceof Symbol.Var v) {
                declare(v, null);
            }
        }
        int h = frame.temp(Type.Basic.INT);
        em.emit(LOADI, h, 0);
        Label top = new Label();
        Label end = new Label();
        Label cont = new Label();
        em.bind(top);
        if (sliceSlot >= 0) {
            em.jump(JGE, end, h, sliceSlot + 1);
        } else {
            em.jump(JGEI, end, h, len);
        }
        int mark = frame.mark();
        if (key != null) {
            Place kp = place(key);
            store(kp, h);
        }
        if (value != null) {
            Place vp = place(value);
            int dst = vp instanceof Place.Frame f ? f.slot() : frame.temp(elem);
            if (ew > 0) {
                if (sliceSlot >= 0) {
                    int p = frame.temp(new Type.Pointer(elem));
                    em.emit(SLICEIDX, p, sliceSlot, h, ew);
                    em.emit(LOAD, dst, p, 0, ew);
                } else if (arraySlot >= 0) {
                    em.emit(FLOADIDX, dst, arraySlot, h, len, ew);
                } else {
                    int p = frame.temp(new Type.Pointer(elem));
                    em.emit(ARRIDX, p, ptrSlot, h, len, ew);
                    em.emit(LOAD, dst, p, 0, ew);
                }
            }
            if (!(vp instanceof Place.Frame)) {
                store(vp, dst);
            }
        }
        frame.release(mark);
        targets.push(new Targets(end, cont));
        stmt(r.body());
        targets.pop();
        em.bind(cont);
        em.emit(ADDI, h, h, 1);
        em.goTo(top);
        em.bind(end);
    }

    /**
     * {@code for v := range ch}: RECV2 at the top of every iteration, leaving the loop when ok is
     * false (closed and drained); continue and the back-edge LOOP go to the receive. The
     * channel is evaluated once, as Go does. A new frame variable receives in place; any other
     * target (an assigned variable, which Go leaves untouched by the final failed receive, or a
     * variable moved to the heap) receives into a temporary, stored only when ok.
     */
    private void rangeChan(Stmt.Range r, Type.Chan c) {
        Type elem = c.elem();
        int ch = frame.temp(info.typeOf(r.x()));
        evalInto(r.x(), ch);
        // for a channel, the one iteration variable is the key
        Expr key = r.key() == null || isBlank(r.key()) ? null : r.key();
        int value = -1;
        if (r.define() && key instanceof Expr.Ident id && info.defs.get(id) instanceof Symbol.Var v) {
            declare(v, null);
            if (place(key) instanceof Place.Frame f) {
                value = f.slot();
            }
        }
        boolean direct = value >= 0;
        if (!direct) {
            value = frame.temp(elem);
        }
        int ok = frame.temp(Type.Basic.BOOL);
        Label top = new Label();
        Label end = new Label();
        em.bind(top);
        em.emit(RECV2, value, ok, ch, Types.words(elem));
        em.jump(JF, end, ok);
        if (key != null && !direct) {
            int mark = frame.mark();
            store(place(key), value);
            frame.release(mark);
        }
        targets.push(new Targets(end, top));
        stmt(r.body());
        targets.pop();
        em.goTo(top);
        em.bind(end);
    }

    private void switchStmt(Stmt.Switch sw) {
        stmt(sw.init());
        Label end = new Label();
        List<Label> bodies = new ArrayList<>();
        Label dflt = null;
        int tag = -1;
        Type tagType = null;
        if (sw.tag() != null) {
            tagType = info.typeOf(sw.tag());
            tag = eval(sw.tag());
        }
        for (CaseClause c : sw.cases()) {
            Label l = new Label();
            bodies.add(l);
            if (c.isDefault()) {
                dflt = l;
                continue;
            }
            em.line = c.pos().line();
            for (Expr e : c.exprs()) {
                int mark = frame.mark();
                if (sw.tag() == null) {
                    branch(e, true, l);
                } else {
                    compareAndBranch(Expr.BinaryOp.EQ, tagType, tag, sw.tag(), e, true, l);
                }
                frame.release(mark);
            }
        }
        em.goTo(dflt != null ? dflt : end);
        targets.push(new Targets(end, null));
        for (int i = 0; i < sw.cases().size(); i++) {
            CaseClause c = sw.cases().get(i);
            em.bind(bodies.get(i));
            block(c.body());
            if (i < sw.cases().size() - 1 && !terminates(c.body())) {
                em.goTo(end);
            }
        }
        targets.pop();
        em.bind(end);
    }

    private static boolean terminates(List<Stmt> stmts) {
        if (stmts.isEmpty()) {
            return false;
        }
        Stmt last = stmts.get(stmts.size() - 1);
        return last instanceof Stmt.Return || last instanceof Stmt.Branch
                || last instanceof Stmt.Block b && terminates(b.stmts());
    }

    // =====================================================================================
    // conditions

    /** Jumps to {@code target} when {@code e} evaluates to {@code when}; falls through otherwise. */
    private void branch(Expr e, boolean when, Label target) {
        Object k = info.constants.get(e);
        if (k instanceof Boolean b) {
            if (b == when) {
                em.goTo(target);
            }
            return;
        }
        switch (e) {
            case Expr.Paren p -> branch(p.x(), when, target);
            case Expr.Unary u when u.op() == Expr.UnaryOp.NOT -> branch(u.x(), !when, target);
            case Expr.Binary b when b.op() == Expr.BinaryOp.AND -> {
                if (when) {
                    Label skip = new Label();
                    branch(b.x(), false, skip);
                    branch(b.y(), true, target);
                    em.bind(skip);
                } else {
                    branch(b.x(), false, target);
                    branch(b.y(), false, target);
                }
            }
            case Expr.Binary b when b.op() == Expr.BinaryOp.OR -> {
                if (when) {
                    branch(b.x(), true, target);
                    branch(b.y(), true, target);
                } else {
                    Label skip = new Label();
                    branch(b.x(), true, skip);
                    branch(b.y(), false, target);
                    em.bind(skip);
                }
            }
            case Expr.Binary b when isComparison(b.op()) -> {
                Type t = operandType(b);
                int x = isNil(b.x()) || constantWord(b.x()) != null ? -1 : eval(b.x());
                compareAndBranch(b.op(), t, x, b.x(), b.y(), when, target);
            }
            default -> {
                int v = eval(e);
                em.jump(when ? JT : JF, target, v);
            }
        }
    }

    /** The type both operands of a comparison share (the non-nil, non-constant side's). */
    private Type operandType(Expr.Binary b) {
        Type t = info.typeOf(b.x());
        if (t == null || isNil(b.x()) || t == Type.Basic.UNTYPED_NIL) {
            t = info.typeOf(b.y());
        }
        return t;
    }

    /**
     * Compares x (already in slot {@code xs}, or -1 when it is a constant or nil still to be
     * loaded) with y and jumps to target when the comparison is {@code when}.
     */
    private void compareAndBranch(Expr.BinaryOp op, Type t, int xs, Expr x, Expr y, boolean when, Label target) {
        Type u = Types.underlying(t);
        if (u instanceof Type.Struct || u instanceof Type.Array) {
            int a = xs >= 0 ? xs : eval(x);
            int b = eval(y);
            boolean jumpIfEqual = (op == Expr.BinaryOp.EQ) == when;
            if (jumpIfEqual) {
                Label skip = new Label();
                leavesNotEqual(t, a, b, skip);
                em.goTo(target);
                em.bind(skip);
            } else {
                leavesNotEqual(t, a, b, target);
            }
            return;
        }
        if (u == Type.Basic.STRING || u == Type.Basic.UNTYPED_STRING) {
            if (op != Expr.BinaryOp.EQ && op != Expr.BinaryOp.NE) {
                throw new CompileError(y.pos(), "unsupported: ordering of strings");
            }
            int a = xs >= 0 ? xs : eval(x);
            int b = eval(y);
            int r = frame.temp(Type.Basic.BOOL);
            em.emit(STREQ, r, a, b);
            boolean jumpIfEqual = (op == Expr.BinaryOp.EQ) == when;
            em.jump(jumpIfEqual ? JT : JF, target, r);
            return;
        }
        Expr.BinaryOp o = when ? op : negate(op);
        Long yk = constantWord(y);
        Long xk = xs < 0 ? constantWord(x) : null;
        if (u instanceof Type.Slice) {
            // only comparison with nil is allowed: compare the data pointer
            yk = 0L;
            if (xs < 0) {
                xs = eval(isNil(x) ? y : x);
            }
            em.jump(fusedImm(o), target, xs, 0);
            return;
        }
        if (xs < 0 && xk != null && yk == null) {
            int ys = eval(y);
            em.jump(fusedImm(mirror(o)), target, ys, (int) (long) xk);
            return;
        }
        if (xs < 0) {
            xs = eval(x);
        }
        if (yk != null) {
            em.jump(fusedImm(o), target, xs, (int) (long) yk);
        } else {
            em.jump(fused(o), target, xs, eval(y));
        }
    }

    /** Jumps to {@code target} if any leaf of the values at a and b (of type t) differs. */
    private void leavesNotEqual(Type t, int a, int b, Label target) {
        Type u = Types.underlying(t);
        switch (u) {
            case Type.Struct s -> {
                for (Type.Field f : s.fields()) {
                    leavesNotEqual(f.type(), a + f.offsetWords(), b + f.offsetWords(), target);
                }
            }
            case Type.Array arr -> {
                int ew = Types.words(arr.elem());
                for (int i = 0; i < arr.length(); i++) {
                    leavesNotEqual(arr.elem(), a + i * ew, b + i * ew, target);
                }
            }
            case Type.Basic bt when bt == Type.Basic.STRING -> {
                int r = frame.temp(Type.Basic.BOOL);
                em.emit(STREQ, r, a, b);
                em.jump(JF, target, r);
            }
            case Type.Slice sl -> throw new CompileError(Pos.NONE, "unsupported: comparing slices");
            default -> em.jump(JNE, target, a, b);
        }
    }

    private static boolean isComparison(Expr.BinaryOp op) {
        return switch (op) {
            case EQ, NE, LT, LE, GT, GE -> true;
            default -> false;
        };
    }

    private static Expr.BinaryOp negate(Expr.BinaryOp op) {
        return switch (op) {
            case EQ -> Expr.BinaryOp.NE;
            case NE -> Expr.BinaryOp.EQ;
            case LT -> Expr.BinaryOp.GE;
            case GE -> Expr.BinaryOp.LT;
            case GT -> Expr.BinaryOp.LE;
            case LE -> Expr.BinaryOp.GT;
            default -> throw new IllegalArgumentException(op.toString());
        };
    }

    /** The comparison with its operands swapped: {@code k < x} is {@code x > k}. */
    private static Expr.BinaryOp mirror(Expr.BinaryOp op) {
        return switch (op) {
            case LT -> Expr.BinaryOp.GT;
            case GT -> Expr.BinaryOp.LT;
            case LE -> Expr.BinaryOp.GE;
            case GE -> Expr.BinaryOp.LE;
            default -> op;
        };
    }

    private static Opcode fused(Expr.BinaryOp op) {
        return switch (op) {
            case EQ -> JEQ;
            case NE -> JNE;
            case LT -> JLT;
            case LE -> JLE;
            case GT -> JGT;
            case GE -> JGE;
            default -> throw new IllegalArgumentException(op.toString());
        };
    }

    private static Opcode fusedImm(Expr.BinaryOp op) {
        return switch (op) {
            case EQ -> JEQI;
            case NE -> JNEI;
            case LT -> JLTI;
            case LE -> JLEI;
            case GT -> JGTI;
            case GE -> JGEI;
            default -> throw new IllegalArgumentException(op.toString());
        };
    }

    /** The value of a one-word constant (int, bool, nil) that fits an immediate, or null. */
    private Long constantWord(Expr e) {
        if (isNil(e)) {
            return 0L;
        }
        Object k = info.constants.get(e);
        if (k instanceof BigInteger b && b.bitLength() < 32) {
            return b.longValue();
        }
        if (k instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        return null;
    }

    private boolean isNil(Expr e) {
        e = unparen(e);
        return e instanceof Expr.Ident id && info.symbol(id) instanceof Symbol.Nil;
    }

    // =====================================================================================
    // expressions

    /** Evaluates e for its effects only. */
    private void discard(Expr e) {
        if (unparen(e) instanceof Expr.Call c) {
            call(c, -1);
        } else if (!info.isConstant(e)) {
            eval(e);
        }
    }

    /**
     * The slot holding e's value: the variable's own slot when e is a frame variable (or a part of
     * one at a fixed offset), otherwise a temporary it was evaluated into. Never write to it.
     */
    private int eval(Expr e) {
        Type t = info.typeOf(e);
        if (unparen(e) instanceof Expr.Call c && c.args().size() == 1 && !info.isConstant(e)
                && (builtin(unparen(c.fun())) == Symbol.BuiltinFn.LEN || builtin(unparen(c.fun())) == Symbol.BuiltinFn.CAP)
                && Types.underlying(info.typeOf(c.args().get(0))) instanceof Type.Slice
                && isPlaceSyntax(c.args().get(0))) {
            // len and cap of a slice variable are its second and third words: no move needed
            int word = builtin(unparen(c.fun())) == Symbol.BuiltinFn.LEN ? 1 : 2;
            Place p = place(c.args().get(0));
            if (p instanceof Place.Frame f) {
                return f.slot() + word;
            }
            int tmp = frame.temp(Type.Basic.INT);
            load(sub(p, word, Type.Basic.INT), tmp);
            return tmp;
        }
        if (!info.isConstant(e) && !isNil(e) && isPlaceSyntax(e)) {
            Place p = place(e);
            if (p instanceof Place.Frame f) {
                return f.slot();
            }
            int tmp = frame.temp(t);
            load(p, tmp);
            return tmp;
        }
        int tmp = frame.temp(t);
        evalInto(e, tmp);
        return tmp;
    }

    private boolean isPlaceSyntax(Expr e) {
        e = unparen(e);
        return switch (e) {
            case Expr.Ident id -> info.symbol(id) instanceof Symbol.Var;
            case Expr.Selector s -> info.selections.get(s) instanceof Selection.Field;
            case Expr.Index ix -> !(Types.underlying(info.typeOf(ix.x())) == Type.Basic.STRING);
            case Expr.Unary u -> u.op() == Expr.UnaryOp.DEREF;
            default -> false;
        };
    }

    /** Compiles e so that its value ends in {@code dst} (which may be one of e's operands). */
    private void evalInto(Expr e, int dst) {
        Type t = info.typeOf(e);
        Object k = info.constants.get(e);
        if (k != null) {
            constant(dst, k);
            return;
        }
        switch (e) {
            case Expr.Paren p -> evalInto(p.x(), dst);
            case Expr.Ident id -> {
                Symbol s = info.symbol(id);
                if (s instanceof Symbol.Nil) {
                    zero(dst, t);
                } else if (s instanceof Symbol.Var) {
                    load(place(e), dst);
                } else {
                    throw new CompileError(id.pos(), "unsupported: " + id.name() + " used as a value");
                }
            }
            case Expr.Selector s -> {
                if (!(info.selections.get(s) instanceof Selection.Field)) {
                    throw new CompileError(s.pos(), "unsupported: method values");
                }
                load(place(e), dst);
            }
            case Expr.Index ix -> {
                if (Types.underlying(info.typeOf(ix.x())) == Type.Basic.STRING) {
                    throw new CompileError(ix.pos(), "unsupported: indexing a string");
                }
                load(place(e), dst);
            }
            case Expr.Unary u -> unary(u, t, dst);
            case Expr.Binary b -> binary(b, t, dst);
            case Expr.Call c -> call(c, dst);
            case Expr.Composite c -> composite(c, t, dst);
            case Expr.Slice sl -> slice(sl, dst);
            case Expr.StringLit s -> constant(dst, s.value());
            case Expr.IntLit i -> constant(dst, i.value());
            case Expr.CharLit c -> constant(dst, BigInteger.valueOf(c.value()));
            case Expr.TypeArg ta -> throw new CompileError(ta.pos(), "unsupported: type used as a value");
            case Expr.Unsupported u -> throw new CompileError(u.pos(), "unsupported: " + u.what());
        }
    }

    private void constant(int dst, Object k) {
        switch (k) {
            case BigInteger b -> loadInt(dst, b.longValue());
            case Boolean b -> em.emit(LOADI, dst, b ? 1 : 0);
            case byte[] bytes -> {
                long a = img.string(bytes);
                if (a == 0) {
                    em.emit(LOADI, dst, 0);
                } else {
                    em.emit(LOADK, dst, constantIndex(a));
                }
            }
            default -> throw new CompileError(Pos.NONE, "unsupported: constant " + k);
        }
    }

    private void loadInt(int dst, long v) {
        if (v >= IMM_MIN && v <= IMM_MAX) {
            em.emit(LOADI, dst, (int) v);
        } else {
            em.emit(LOADK, dst, constantIndex(v));
        }
    }

    private int constantIndex(long v) {
        return constantIndex.computeIfAbsent(v, x -> {
            constants.add(x);
            return constants.size() - 1;
        });
    }

    private void unary(Expr.Unary u, Type t, int dst) {
        switch (u.op()) {
            case PLUS -> evalInto(u.x(), dst);
            case NEG -> em.emit(NEG, dst, eval(u.x()));
            case BITNOT -> em.emit(BITNOT, dst, eval(u.x()));
            case NOT -> em.emit(NOT, dst, eval(u.x()));
            case DEREF -> load(place(u), dst);
            case ADDR -> {
                Expr x = unparen(u.x());
                if (x instanceof Expr.Composite c) {
                    Type ct = info.typeOf(c);
                    allocate(u, ct, c, dst);
                } else {
                    address(place(x), dst);
                }
            }
            case RECV -> {
                int ch = eval(u.x());
                int n = Types.words(t);
                if (ch >= dst && ch < dst + n) {
                    // the runtime zeroes a parked receiver's destination: it must not hold the channel
                    int tmp = frame.temp(t);
                    em.emit(RECV, tmp, ch, n);
                    move(dst, tmp, n);
                } else {
                    em.emit(RECV, dst, ch, n);
                }
            }
        }
    }

    /** {@code &T{...}} (or an elided one, or with c null {@code new(T)}): in the frame when it does not escape. */
    private void allocate(Expr site, Type t, Expr.Composite c, int dst) {
        int n = Types.words(t);
        Integer obj = frameObjects.get(site);
        if (obj != null) {
            if (c == null) {
                zero(obj, t);
            } else {
                composite(c, t, obj);
            }
            em.emit(ADDR, dst, obj);
            return;
        }
        if (c == null || c.elems().isEmpty() || n == 0) {
            em.emit(NEW, dst, img.layout(t), n);
            return;
        }
        int tmp = frame.temp(t);
        composite(c, t, tmp);
        em.emit(NEW, dst, img.layout(t), n);
        em.emit(STORE, dst, 0, tmp, n);
    }

    private void binary(Expr.Binary b, Type t, int dst) {
        Expr.BinaryOp op = b.op();
        if (op == Expr.BinaryOp.AND || op == Expr.BinaryOp.OR || isComparison(op)) {
            Type ot = operandType(b);
            Type u = Types.underlying(ot);
            if (isComparison(op) && !isNil(b.x()) && !isNil(b.y()) && (u == Type.Basic.INT || u == Type.Basic.BOOL
                    || u instanceof Type.Pointer || u instanceof Type.Chan || u == Type.Basic.UNTYPED_INT || u == Type.Basic.UNTYPED_BOOL)) {
                int x = eval(b.x());
                int y = eval(b.y());
                Opcode o = switch (op) {
                    case EQ -> EQ;
                    case NE -> NE;
                    case LT -> LT;
                    case LE -> LE;
                    case GT -> GT;
                    default -> GE;
                };
                em.emit(o, dst, x, y);
                return;
            }
            if ((op == Expr.BinaryOp.EQ || op == Expr.BinaryOp.NE) && u == Type.Basic.STRING) {
                em.emit(op == Expr.BinaryOp.EQ ? STREQ : STRNE, dst, eval(b.x()), eval(b.y()));
                return;
            }
            Label no = new Label();
            Label end = new Label();
            branch(b, false, no);
            em.emit(LOADI, dst, 1);
            em.goTo(end);
            em.bind(no);
            em.emit(LOADI, dst, 0);
            em.bind(end);
            return;
        }
        arith(op, t, dst, -1, b.x(), b.y());
    }

    /** dst = x op y, with x either already in slot {@code xs} or the expression {@code x}. */
    private void arith(Expr.BinaryOp op, Type t, int dst, int xs, Expr x, Expr y) {
        Type u = Types.underlying(t);
        if (u == Type.Basic.STRING || u == Type.Basic.UNTYPED_STRING) {
            if (op != Expr.BinaryOp.ADD) {
                throw new CompileError(y.pos(), "unsupported: operator " + op.symbol + " on strings");
            }
            int a = xs >= 0 ? xs : eval(x);
            em.emit(STRCAT, dst, a, eval(y));
            return;
        }
        Long yk = constantWord(y);
        if ((op == Expr.BinaryOp.ADD || op == Expr.BinaryOp.SUB) && yk != null && yk != IMM_MIN) {
            int a = xs >= 0 ? xs : eval(x);
            em.emit(ADDI, dst, a, (int) (op == Expr.BinaryOp.ADD ? (long) yk : -yk));
            return;
        }
        if (op == Expr.BinaryOp.ADD && xs < 0 && constantWord(x) != null) {
            em.emit(ADDI, dst, eval(y), (int) (long) constantWord(x));
            return;
        }
        int a = xs >= 0 ? xs : eval(x);
        int bs = eval(y);
        Opcode o = switch (op) {
            case ADD -> ADD;
            case SUB -> SUB;
            case MUL -> MUL;
            case DIV -> DIV;
            case REM -> REM;
            case BITAND -> AND;
            case BITOR -> OR;
            case XOR -> XOR;
            case ANDNOT -> ANDNOT;
            case SHL -> SHL;
            case SHR -> SHR;
            default -> throw new CompileError(y.pos(), "unsupported: operator " + op.symbol);
        };
        em.emit(o, dst, a, bs);
    }

    // ---- places

    /** The storage e denotes; emits the code computing any pointer it goes through. */
    private Place place(Expr e) {
        Type t = info.typeOf(e);
        switch (e) {
            case Expr.Paren p -> {
                return place(p.x());
            }
            case Expr.Ident id -> {
                if (!(info.symbol(id) instanceof Symbol.Var v)) {
                    throw new CompileError(id.pos(), "unsupported: cannot assign to " + id.name());
                }
                if (v.kind() == Symbol.VarKind.GLOBAL) {
                    return new Place.Global(img.globalOffset.get(v), v.type());
                }
                Integer cell = heapHome.get(v);
                if (cell != null) {
                    return new Place.Mem(cell, 0, v.type(), true);
                }
                Integer slot = frameHome.get(v);
                if (slot == null) {
                    throw new IllegalStateException("variable " + v.name() + " at " + v.pos() + " has no storage");
                }
                return new Place.Frame(slot, v.type());
            }
            case Expr.Selector s -> {
                if (!(info.selections.get(s) instanceof Selection.Field f)) {
                    throw new CompileError(s.pos(), "unsupported: method values");
                }
                int off = f.field().offsetWords();
                if (f.indirect()) {
                    return new Place.Mem(eval(s.x()), off, f.field().type(), false);
                }
                return sub(place(s.x()), off, f.field().type());
            }
            case Expr.Index ix -> {
                return index(ix, t);
            }
            case Expr.Unary u when u.op() == Expr.UnaryOp.DEREF -> {
                return new Place.Mem(eval(u.x()), 0, t, false);
            }
            default -> {
                int tmp = frame.temp(t);
                evalInto(e, tmp);
                return new Place.Frame(tmp, t);
            }
        }
    }

    private Place sub(Place base, int off, Type t) {
        return switch (base) {
            case Place.Frame f -> new Place.Frame(f.slot() + off, t);
            case Place.Mem m -> new Place.Mem(m.ptr(), m.off() + off, t, m.nonNil());
            case Place.Global g -> new Place.Global(g.off() + off, t);
            case Place.FrameElem fe -> {
                int p = frame.temp(new Type.Pointer(fe.type()));
                address(fe, p);
                yield new Place.Mem(p, off, t, true);
            }
        };
    }

    private Place index(Expr.Index ix, Type t) {
        Type xt = Types.underlying(info.typeOf(ix.x()));
        Long k = constantWord(ix.index());
        switch (xt) {
            case Type.Slice s -> {
                int ew = Types.words(s.elem());
                int sl = eval(ix.x());
                int i = eval(ix.index());
                int p = frame.temp(new Type.Pointer(s.elem()));
                em.emit(SLICEIDX, p, sl, i, ew);
                return new Place.Mem(p, 0, s.elem(), true);
            }
            case Type.Array a -> {
                int ew = Types.words(a.elem());
                int len = (int) a.length();
                Place base = place(ix.x());
                if (k != null && k >= 0 && k < len) {
                    return sub(base, (int) (k * ew), a.elem());
                }
                int i = eval(ix.index());
                if (base instanceof Place.Frame f) {
                    return new Place.FrameElem(f.slot(), len, ew, i, a.elem());
                }
                int arr = frame.temp(new Type.Pointer(base.type()));
                address(base, arr);
                int p = frame.temp(new Type.Pointer(a.elem()));
                em.emit(ARRIDX, p, arr, i, len, ew);
                return new Place.Mem(p, 0, a.elem(), true);
            }
            case Type.Pointer ptr when Types.underlying(ptr.elem()) instanceof Type.Array a -> {
                int ew = Types.words(a.elem());
                int arr = eval(ix.x());
                int i = eval(ix.index());
                int p = frame.temp(new Type.Pointer(a.elem()));
                em.emit(ARRIDX, p, arr, i, (int) a.length(), ew);
                return new Place.Mem(p, 0, a.elem(), true);
            }
            default -> throw new CompileError(ix.pos(), "unsupported: indexing " + info.typeOf(ix.x()));
        }
    }

    private void load(Place p, int dst) {
        int n = Types.words(p.type());
        if (n == 0) {
            return;
        }
        switch (p) {
            case Place.Frame f -> move(dst, f.slot(), n);
            case Place.Mem m -> em.emit(LOAD, dst, m.ptr(), m.off(), n);
            case Place.Global g -> em.emit(GLOAD, dst, g.off(), n);
            case Place.FrameElem fe -> em.emit(FLOADIDX, dst, fe.base(), fe.idx(), fe.len(), n);
        }
    }

    private void store(Place p, int src) {
        int n = Types.words(p.type());
        if (n == 0) {
            return;
        }
        switch (p) {
            case Place.Frame f -> move(f.slot(), src, n);
            case Place.Mem m -> em.emit(STORE, m.ptr(), m.off(), src, n);
            case Place.Global g -> em.emit(GSTORE, g.off(), src, n);
            case Place.FrameElem fe -> em.emit(FSTOREIDX, fe.base(), fe.idx(), fe.len(), src, n);
        }
    }

    private void address(Place p, int dst) {
        switch (p) {
            case Place.Frame f -> em.emit(ADDR, dst, f.slot());
            case Place.Mem m -> {
                if (m.off() == 0 && m.nonNil()) {
                    move(dst, m.ptr(), 1);
                } else {
                    em.emit(LEA, dst, m.ptr(), m.off());
                }
            }
            case Place.Global g -> em.emit(GADDR, dst, g.off());
            case Place.FrameElem fe -> {
                int arr = frame.temp(new Type.Pointer(new Type.Array(fe.type(), fe.len())));
                em.emit(ADDR, arr, fe.base());
                em.emit(ARRIDX, dst, arr, fe.idx(), fe.len(), fe.ew());
            }
        }
    }

    private void move(int dst, int src, int n) {
        if (dst == src || n == 0) {
            return;
        }
        if (n == 1) {
            em.emit(MOV, dst, src);
        } else {
            em.emit(MOVN, dst, src, n);
        }
    }

    // ---- composite literals and slicing

    private void composite(Expr.Composite c, Type t, int dst) {
        Type u = Types.underlying(t);
        switch (u) {
            case Type.Pointer p -> allocate(c, p.elem(), c, dst);
            case Type.Struct s -> {
                int n = Types.words(t);
                boolean complete = c.elems().size() == s.fields().size();
                if (!complete && n > 0) {
                    em.emit(n == 1 ? LOADI : ZERO, dst, n == 1 ? 0 : n);
                }
                for (int i = 0; i < c.elems().size(); i++) {
                    Element el = c.elems().get(i);
                    Type.Field f = el.key() instanceof Expr.Ident id ? s.field(id.name()) : s.fields().get(i);
                    element(el.value(), f.type(), dst + f.offsetWords());
                }
            }
            case Type.Array a -> {
                int ew = Types.words(a.elem());
                int n = Types.words(t);
                if (c.elems().size() < a.length() && n > 0) {
                    em.emit(n == 1 ? LOADI : ZERO, dst, n == 1 ? 0 : n);
                }
                long idx = 0;
                for (Element el : c.elems()) {
                    if (el.key() != null) {
                        idx = constantLong(el.key());
                    }
                    element(el.value(), a.elem(), dst + (int) (idx * ew));
                    idx++;
                }
            }
            case Type.Slice s -> {
                int ew = Types.words(s.elem());
                long len = 0;
                long idx = 0;
                for (Element el : c.elems()) {
                    if (el.key() != null) {
                        idx = constantLong(el.key());
                    }
                    idx++;
                    len = Math.max(len, idx);
                }
                int lenSlot = frame.temp(Type.Basic.INT);
                loadInt(lenSlot, len);
                // build the elements first so that nothing allocated is held only by a half-built literal
                List<int[]> values = new ArrayList<>();
                idx = 0;
                for (Element el : c.elems()) {
                    if (el.key() != null) {
                        idx = constantLong(el.key());
                    }
                    int v = frame.temp(s.elem());
                    element(el.value(), s.elem(), v);
                    values.add(new int[] {(int) idx, v});
                    idx++;
                }
                em.emit(MAKESLICE, dst, img.sliceLayout(s.elem()), lenSlot, lenSlot, ew);
                for (int[] v : values) {
                    if (ew > 0) {
                        em.emit(STORE, dst, v[0] * ew, v[1], ew);
                    }
                }
            }
            default -> throw new CompileError(c.pos(), "unsupported: composite literal of type " + t);
        }
    }

    private void element(Expr value, Type t, int dst) {
        if (value instanceof Expr.Composite inner && inner.type() == null) {
            composite(inner, t, dst);
        } else {
            evalInto(value, dst);
        }
    }

    private long constantLong(Expr e) {
        Object k = info.constants.get(e);
        if (k instanceof BigInteger b) {
            return b.longValue();
        }
        throw new CompileError(e.pos(), "unsupported: non-constant index in composite literal");
    }

    private void slice(Expr.Slice sl, int dst) {
        Type xt = Types.underlying(info.typeOf(sl.x()));
        int lo = sl.lo() == null ? -1 : eval(sl.lo());
        int hi = sl.hi() == null ? -1 : eval(sl.hi());
        int max = sl.max() == null ? -1 : eval(sl.max());
        switch (xt) {
            case Type.Slice s -> {
                int src = eval(sl.x());
                em.emit(SLICE, dst, src, lo, hi, max, Types.words(s.elem()));
            }
            case Type.Array a -> {
                int p = frame.temp(new Type.Pointer(info.typeOf(sl.x())));
                address(place(sl.x()), p);
                em.emit(SLICEPTR, dst, p, (int) a.length(), lo, hi, max, Types.words(a.elem()));
            }
            case Type.Pointer ptr when Types.underlying(ptr.elem()) instanceof Type.Array a -> {
                int p = eval(sl.x());
                em.emit(SLICEPTR, dst, p, (int) a.length(), lo, hi, max, Types.words(a.elem()));
            }
            default -> throw new CompileError(sl.pos(), "unsupported: slicing " + info.typeOf(sl.x()));
        }
    }

    // ---- calls

    /** Compiles a call; its result (if any) goes to dst, or is dropped when dst &lt; 0. */
    private void call(Expr.Call c, int dst) {
        Expr fun = unparen(c.fun());
        if (fun instanceof Expr.TypeArg || fun instanceof Expr.Ident id && info.symbol(id) instanceof Symbol.TypeName) {
            if (dst >= 0) {
                evalInto(c.args().get(0), dst);
            } else {
                discard(c.args().get(0));
            }
            return;
        }
        Symbol.BuiltinFn b = builtin(fun);
        if (b != null) {
            builtin(c, b, dst);
            return;
        }
        Symbol.Func callee;
        Expr recv = null;
        if (fun instanceof Expr.Selector s && info.selections.get(s) instanceof Selection.Method m) {
            callee = m.method();
            recv = s.x();
        } else if (fun instanceof Expr.Ident id && info.symbol(id) instanceof Symbol.Func f) {
            callee = f;
        } else {
            throw new CompileError(c.pos(), "unsupported: calling a function value");
        }
        int block = argumentArea(c, callee, recv);
        Type rt = callee.signature().result();
        int rw = rt == null ? 0 : Types.words(rt);
        int dest = rw == 0 ? block : dst >= 0 ? dst : frame.temp(rt);
        int saved = em.line;
        em.line = c.pos().line() > 0 ? c.pos().line() : saved;
        if (callee.isHost()) {
            em.emit(CALLHOST, img.hostIndex.get(callee), block, ImageBuilder.paramWordsOf(callee), dest);
        } else {
            em.emit(CALL, img.functionIndex.get(callee), block, dest);
        }
        em.line = saved;
        frame.free(block);
    }

    /**
     * Evaluates a call's receiver (taking its address or dereferencing it as the method needs)
     * and arguments into consecutive temporaries laid out as the callee's parameters, the area
     * CALL and GO copy from; returns its first slot. The caller frees it.
     */
    private int argumentArea(Expr.Call c, Symbol.Func callee, Expr recv) {
        List<Type> types = new ArrayList<>();
        if (recv != null) {
            types.add(callee.pointerReceiver() ? new Type.Pointer(callee.receiverType()) : callee.receiverType());
        }
        types.addAll(callee.signature().params());
        int block = frame.block(types);
        int at = block;
        if (recv != null) {
            boolean xIsPointer = isPointer(info.typeOf(recv));
            if (callee.pointerReceiver() && !xIsPointer) {
                address(place(recv), at);
            } else if (!callee.pointerReceiver() && xIsPointer) {
                load(new Place.Mem(eval(recv), 0, callee.receiverType(), false), at);
            } else {
                evalInto(recv, at);
            }
            at += Types.words(types.get(0));
        }
        for (int i = 0; i < c.args().size(); i++) {
            Type pt = callee.signature().params().get(i);
            element(c.args().get(i), pt, at);
            at += Types.words(pt);
        }
        return block;
    }

    private void builtin(Expr.Call c, Symbol.BuiltinFn b, int dst) {
        List<Expr> args = c.args();
        switch (b) {
            case LEN, CAP -> {
                Expr x = args.get(0);
                Type u = Types.underlying(info.typeOf(x));
                int target = dst >= 0 ? dst : frame.temp(Type.Basic.INT);
                switch (u) {
                    case Type.Slice s -> {
                        int word = b == Symbol.BuiltinFn.LEN ? 1 : 2;
                        if (isPlaceSyntax(x)) {
                            load(sub(place(x), word, Type.Basic.INT), target);
                        } else {
                            int sl = eval(x);
                            em.emit(MOV, target, sl + word);
                        }
                    }
                    case Type.Basic bt when bt == Type.Basic.STRING -> em.emit(STRLEN, target, eval(x));
                    case Type.Array a -> loadInt(target, a.length());
                    case Type.Pointer p when Types.underlying(p.elem()) instanceof Type.Array a -> {
                        loadInt(target, a.length());
                    }
                    case Type.Chan ch -> em.emit(b == Symbol.BuiltinFn.LEN ? CHANLEN : CHANCAP, target, eval(x));
                    default -> throw new CompileError(c.pos(), "unsupported: " + b.goName + " of " + info.typeOf(x));
                }
            }
            case APPEND -> {
                Type st = info.typeOf(args.get(0));
                Type elem = ((Type.Slice) Types.underlying(st)).elem();
                int ew = Types.words(elem);
                int target = dst >= 0 ? dst : frame.temp(st);
                if (args.size() == 1) {
                    evalInto(args.get(0), target);
                    return;
                }
                int s = eval(args.get(0));
                if (c.ellipsis()) {
                    int t = eval(args.get(1));
                    em.emit(APPENDS, target, s, t, ew, img.sliceLayout(elem));
                    return;
                }
                List<Type> types = new ArrayList<>();
                for (int i = 1; i < args.size(); i++) {
                    types.add(elem);
                }
                int block = frame.block(types);
                for (int i = 1; i < args.size(); i++) {
                    element(args.get(i), elem, block + (i - 1) * ew);
                }
                em.emit(APPEND, target, s, block, (args.size() - 1) * ew, ew, img.sliceLayout(elem));
                frame.free(block);
            }
            case MAKE -> {
                Type t = info.typeOf(c);
                int target = dst >= 0 ? dst : frame.temp(t);
                if (Types.underlying(t) instanceof Type.Chan ch) {
                    int size = args.size() > 1 ? eval(args.get(1)) : -1;
                    em.emit(MAKECHAN, target, img.chanLayout(), img.sliceLayout(ch.elem()), size,
                            Types.words(ch.elem()));
                    return;
                }
                if (!(Types.underlying(t) instanceof Type.Slice s)) {
                    throw new CompileError(c.pos(), "unsupported: make of " + t);
                }
                int n = eval(args.get(1));
                int cap = args.size() > 2 ? eval(args.get(2)) : n;
                em.emit(MAKESLICE, target, img.sliceLayout(s.elem()), n, cap, Types.words(s.elem()));
            }
            case NEW -> {
                Type t = info.typeOf(c);
                Type elem = ((Type.Pointer) Types.underlying(t)).elem();
                int target = dst >= 0 ? dst : frame.temp(t);
                allocate(c, elem, null, target);
            }
            case PANIC -> {
                Expr x = args.get(0);
                Type u = Types.underlying(info.typeOf(x));
                int kind;
                if (u == Type.Basic.STRING || u == Type.Basic.UNTYPED_STRING) {
                    kind = 0;
                } else if (u == Type.Basic.INT || u == Type.Basic.UNTYPED_INT || u == Type.Basic.UNTYPED_RUNE) {
                    kind = 1;
                } else {
                    throw new CompileError(x.pos(), "unsupported: panic with a value of type " + info.typeOf(x));
                }
                em.emit(PANIC, eval(x), kind);
            }
            case PRINT -> print(args, STDERR, false, false);
            case PRINTLN -> print(args, STDERR, true, true);
            case FMT_PRINT -> print(args, STDOUT, false, true);
            case FMT_PRINTLN -> print(args, STDOUT, true, true);
            case RUNTIME_GC -> em.emit(GC);
            case RUNTIME_GOSCHED -> em.emit(GOSCHED);
            case RUNTIME_NUMGOROUTINE -> em.emit(NUMGOROUTINE, dst >= 0 ? dst : frame.temp(Type.Basic.INT));
            case CLOSE -> em.emit(CLOSE, eval(args.get(0)));
        }
    }

    /**
     * Printing: Println (and println) put a space between all operands and end with a newline;
     * fmt.Print puts a space between two operands only when neither is a string; print none.
     */
    private void print(List<Expr> args, int stream, boolean newline, boolean spaces) {
        // Every argument is evaluated before anything is printed, as Go does: an argument that
        // prints, receives or panics must not find the line half written. A local variable is
        // read where it is printed, after every call among the arguments, which is the order
        // Go's compiler gives (fmt.Println(x, f(&x)) prints the x that f left).
        int mark = frame.mark();
        int[] values = new int[args.size()];
        for (int i = 0; i < args.size(); i++) {
            values[i] = eval(args.get(i));
        }
        boolean println = newline;
        for (int i = 0; i < args.size(); i++) {
            Expr a = args.get(i);
            Type u = Types.underlying(info.typeOf(a));
            if (i > 0 && spaces) {
                boolean space = println || !(isString(info.typeOf(args.get(i - 1))) || isString(info.typeOf(a)));
                if (space) {
                    em.emit(PRINTC, ' ', stream);
                }
            }
            int v = values[i];
            if (u == Type.Basic.INT || u == Type.Basic.UNTYPED_INT || u == Type.Basic.UNTYPED_RUNE) {
                em.emit(PRINTI, v, stream);
            } else if (u == Type.Basic.BOOL || u == Type.Basic.UNTYPED_BOOL) {
                em.emit(PRINTB, v, stream);
            } else if (isString(u)) {
                em.emit(PRINTS, v, stream);
            } else {
                throw new CompileError(a.pos(), "unsupported: printing a value of type " + info.typeOf(a));
            }
        }
        frame.release(mark);
        if (newline) {
            em.emit(PRINTC, '\n', stream);
        }
    }

    private static boolean isString(Type t) {
        Type u = Types.underlying(t);
        return u == Type.Basic.STRING || u == Type.Basic.UNTYPED_STRING;
    }

    // ---- small questions

    private Symbol.Var varOf(Expr.Ident id) {
        return id != null && info.defs.get(id) instanceof Symbol.Var v ? v : null;
    }

    private boolean isBlank(Expr e) {
        return unparen(e) instanceof Expr.Ident id && id.name().equals("_");
    }

    private static boolean isPointer(Type t) {
        return Types.underlying(t) instanceof Type.Pointer;
    }

    static Expr unparen(Expr e) {
        while (e instanceof Expr.Paren p) {
            e = p.x();
        }
        return e;
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

    private static Type elementType(Type u, Element el, int i) {
        return switch (u) {
            case Type.Struct s -> el.key() instanceof Expr.Ident id && s.field(id.name()) != null
                    ? s.field(id.name()).type() : i < s.fields().size() ? s.fields().get(i).type() : null;
            case Type.Array a -> a.elem();
            case Type.Slice s -> s.elem();
            default -> null;
        };
    }
}
