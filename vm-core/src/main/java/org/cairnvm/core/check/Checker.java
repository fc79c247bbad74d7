package org.cairnvm.core.check;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cairnvm.core.ast.CaseClause;
import org.cairnvm.core.ast.ConstSpec;
import org.cairnvm.core.ast.Decl;
import org.cairnvm.core.ast.Element;
import org.cairnvm.core.ast.Expr;
import org.cairnvm.core.ast.FieldDecl;
import org.cairnvm.core.ast.ImportDecl;
import org.cairnvm.core.ast.Param;
import org.cairnvm.core.ast.Pos;
import org.cairnvm.core.ast.SourceFile;
import org.cairnvm.core.ast.Stmt;
import org.cairnvm.core.ast.TypeExpr;
import org.cairnvm.core.ast.VarSpec;
import org.cairnvm.core.parse.Parser;
import org.cairnvm.core.parse.Printer;
import org.cairnvm.core.parse.StackBudget;
import org.cairnvm.core.source.Diagnostics;
import org.cairnvm.core.types.Named;
import org.cairnvm.core.types.Type;
import org.cairnvm.core.types.Types;

/**
 * Go 1.19's type checker (types2) for the subset, with its messages. It works as types2 does:
 * package-level objects are collected first and resolved on demand (so declaration order does
 * not matter and cycles are found), then function bodies are checked. Untyped constants stay
 * untyped, exact {@link BigInteger}s, until a context gives them a type; the recorded types of
 * an untyped expression tree are rewritten when that happens ({@link #updateExprType}).
 *
 * <p>Constructs outside the subset that Go accepts are rejected as {@code unsupported: ...}, so
 * every program this accepts is a Go program with the same meaning. {@code go} statements,
 * channel types and channel operations are checked fully; executing them is the compiler's
 * concern. The result is a {@link TypeInfo}, filled as its documentation says.
 */
public final class Checker {
    private static final Type INT = Type.Basic.INT;
    private static final Type BOOL = Type.Basic.BOOL;
    private static final Type STRING = Type.Basic.STRING;
    private static final Type UINT = Type.Basic.UNTYPED_INT;
    private static final Type URUNE = Type.Basic.UNTYPED_RUNE;
    private static final Type UBOOL = Type.Basic.UNTYPED_BOOL;
    private static final Type USTRING = Type.Basic.UNTYPED_STRING;
    private static final Type UNIL = Type.Basic.UNTYPED_NIL;

    /** Go's limit on the length of a numeric literal (the scanner leaves longer ones unconverted). */
    private static final int MAX_LITERAL_CHARS = 10_000;

    /**
     * Go refuses constant shift counts above this (types2's shiftBound, 1023 - 1 + 52, sized so the
     * smallest float64 is expressible); below it a too-large result is a "constant shift overflow".
     */
    private static final int MAX_CONST_SHIFT = 1023 - 1 + 52;

    /** Predeclared Go names outside the subset: reported as unsupported, not undefined. */
    private static final Set<String> UNSUPPORTED_TYPES = Set.of("byte", "rune", "float32", "float64",
            "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr",
            "complex64", "complex128", "error", "any", "comparable");
    private static final Set<String> UNSUPPORTED_BUILTINS = Set.of("copy", "delete", "complex", "real",
            "imag", "recover");
    /** Exported names of fmt and runtime that exist in Go but not in the subset. */
    private static final Set<String> GO_FMT = Set.of("Printf", "Sprintf", "Sprint", "Sprintln", "Errorf",
            "Fprintf", "Fprint", "Fprintln", "Sscanf", "Sscan", "Scan", "Scanf", "Scanln", "Stringer");

    private final SourceFile file;
    private final Diagnostics diag;
    private final TypeInfo info;

    private final Scope universe = new Scope(null);
    private final Scope pkgScope = new Scope(universe);
    private final Scope fileScope = new Scope(pkgScope);
    private Scope scope;

    /** Package-level consts and vars not yet resolved, by name. */
    private final Map<String, Object> pending = new HashMap<>();
    /** Every package-level const or var spec not yet resolved (blank-only specs too), to its entry. */
    private final Map<Object, Object> unresolved = new IdentityHashMap<>();
    /** Specs being resolved (cycle detection). */
    private final Set<Object> resolving = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Named, Decl.TypeDecl> namedDecls = new IdentityHashMap<>();
    private final Set<Named> namedResolving = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Named> namedDone = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<String, ImportDecl> imports = new HashMap<>();
    private final Set<String> usedImports = new java.util.HashSet<>();
    private final Map<Decl.FuncDecl, Symbol.Func> funcOf = new IdentityHashMap<>();

    // init order: dependencies of each global var spec and each function on globals and functions
    private final Map<Object, Set<Object>> deps = new IdentityHashMap<>();
    private final Map<Symbol.Var, VarSpec> specOfGlobal = new IdentityHashMap<>();
    private Set<Object> currentDeps;

    // per-function state
    private Symbol.Func currentFunc;
    private final Set<Symbol.Var> used = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Symbol.Var> locals = new ArrayList<>();
    private final Deque<String> breakTargets = new ArrayDeque<>();
    private BigInteger iota;

    /** Untyped expressions recorded so far, rewritten when a context fixes their type. */
    private final Set<Expr> untyped = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    private Checker(SourceFile file, Diagnostics diag) {
        this.file = file;
        this.diag = diag;
        this.info = new TypeInfo(file);
        this.scope = fileScope;
        universe.insert("int", new Symbol.TypeName("int", INT), Pos.NONE);
        universe.insert("bool", new Symbol.TypeName("bool", BOOL), Pos.NONE);
        universe.insert("string", new Symbol.TypeName("string", STRING), Pos.NONE);
        universe.insert("true", new Symbol.Const("true", UBOOL, Boolean.TRUE), Pos.NONE);
        universe.insert("false", new Symbol.Const("false", UBOOL, Boolean.FALSE), Pos.NONE);
        universe.insert("nil", new Symbol.Nil(), Pos.NONE);
        for (Symbol.BuiltinFn fn : Symbol.BuiltinFn.values()) {
            if (!fn.goName.contains(".")) {
                universe.insert(fn.goName, new Symbol.Builtin(fn), Pos.NONE);
            }
        }
    }

    /**
     * Checks a parsed file; errors go to {@code d}. Never throws for bad programs. When parsing
     * already failed ({@code f} null or {@code d} holding errors) nothing is checked and the
     * result is empty: a broken tree would only add follow-on errors.
     */
    public static TypeInfo check(SourceFile f, Diagnostics d) {
        if (f == null || d.hasErrors()) {
            return new TypeInfo(f);
        }
        return StackBudget.run("cairn-check", () -> {
            Checker c = new Checker(f, d);
            c.checkFile();
            return c.info;
        });
    }

    private void error(Pos pos, String msg) {
        diag.error(pos, msg);
    }

    private void error(Expr at, String msg) {
        diag.error(Parser.startPos(at), msg);
    }

    private void error(Operand at, String msg) {
        error(at.expr, msg);
    }

    // =====================================================================================
    // Package level

    private void checkFile() {
        if (!file.packageName().equals("main")) {
            error(file.pos(), "package " + file.packageName() + " is not a main package");
        }
        for (ImportDecl imp : file.imports()) {
            if (imp.path().isEmpty()) {
                continue;
            }
            if (!imp.path().equals("fmt") && !imp.path().equals("runtime")) {
                error(imp.pos(), "unsupported: package \"" + imp.path()
                        + "\" is not in the subset (only \"fmt\" and \"runtime\")");
                continue;
            }
            if (imports.containsKey(imp.path())) {
                error(imp.pos(), imp.path() + " redeclared in this block");
                continue;
            }
            imports.put(imp.path(), imp);
            fileScope.insert(imp.path(), new Symbol.Package(imp.path()), imp.pos());
        }
        collect();
        for (Decl d : file.decls()) {
            if (d instanceof Decl.TypeDecl td) {
                Symbol s = pkgScope.lookupLocal(td.name().name());
                if (s instanceof Symbol.TypeName tn && tn.type() instanceof Named n && namedDecls.get(n) == td) {
                    resolveNamed(n);
                }
            }
        }
        for (Decl d : file.decls()) {
            if (d instanceof Decl.FuncDecl fd) {
                declareFunc(fd);
            }
        }
        for (Decl d : file.decls()) {
            switch (d) {
                case Decl.ConstDecl cd -> {
                    for (ConstSpec s : cd.specs()) {
                        resolvePending(s);
                    }
                }
                case Decl.VarDecl vd -> {
                    for (VarSpec s : vd.specs()) {
                        resolvePending(s);
                    }
                }
                default -> {
                }
            }
        }
        for (Decl d : file.decls()) {
            if (d instanceof Decl.FuncDecl fd && funcOf.containsKey(fd)) {
                checkBody(funcOf.get(fd));
            }
        }
        for (Map.Entry<String, ImportDecl> e : imports.entrySet()) {
            if (!usedImports.contains(e.getKey())) {
                error(e.getValue().pos(), "imported and not used: \"" + e.getKey() + "\"");
            }
        }
        if (!diag.hasErrors() && !(pkgScope.lookupLocal("main") instanceof Symbol.Func)) {
            error(file.pos(), "function main is undeclared in the main package");
        }
        finishUntyped();
        initOrder();
    }

    private record PendingConst(ConstSpec spec, ConstSpec source) {
    }

    /** Enters every package-level name; consts and vars are resolved later, on demand. */
    private void collect() {
        for (Decl d : file.decls()) {
            switch (d) {
                case Decl.TypeDecl td -> {
                    Named n = new Named(td.name().name());
                    namedDecls.put(n, td);
                    Symbol.TypeName tn = new Symbol.TypeName(td.name().name(), n);
                    declarePkg(td.name(), tn);
                }
                case Decl.ConstDecl cd -> {
                    ConstSpec last = null;
                    for (ConstSpec s : cd.specs()) {
                        if (!s.values().isEmpty() || s.type() != null) {
                            last = s;
                        }
                        PendingConst pc = new PendingConst(s, last);
                        unresolved.put(s, pc);
                        for (Expr.Ident id : s.names()) {
                            if (!id.name().equals("_") && reservePkg(id)) {
                                pending.put(id.name(), pc);
                            }
                        }
                    }
                }
                case Decl.VarDecl vd -> {
                    for (VarSpec s : vd.specs()) {
                        unresolved.put(s, s);
                        for (Expr.Ident id : s.names()) {
                            if (!id.name().equals("_") && reservePkg(id)) {
                                pending.put(id.name(), s);
                            }
                        }
                    }
                }
                case Decl.FuncDecl fd -> {
                    if (fd.receiver() == null) {
                        String n = fd.name().name();
                        if (n.equals("init")) {
                            if (!fd.params().isEmpty() || fd.result() != null) {
                                error(fd.name().pos(), "func init must have no arguments and no return values");
                            }
                            continue;
                        }
                        if (n.equals("main") && (!fd.params().isEmpty() || fd.result() != null)) {
                            error(fd.name().pos(), "func main must have no arguments and no return values");
                        }
                        if (n.equals("_")) {
                            continue;
                        }
                        reservePkg(fd.name(), true);
                    }
                }
            }
        }
    }

    /** Records a package-level name; reports a redeclaration. Returns whether it is new. */
    private boolean reservePkg(Expr.Ident id) {
        return reservePkg(id, false);
    }

    private boolean reservePkg(Expr.Ident id, boolean isFunc) {
        if (!isFunc && id.name().equals("main")) {
            error(id.pos(), "cannot declare main - must be func");
        }
        if (pkgScope.lookupLocal(id.name()) != null || pending.containsKey(id.name()) || reserved.containsKey(id.name())) {
            redeclared(id);
            return false;
        }
        reserved.put(id.name(), id);
        return true;
    }

    private final Map<String, Expr.Ident> reserved = new HashMap<>();

    private void declarePkg(Expr.Ident id, Symbol s) {
        if (id.name().equals("_")) {
            return;
        }
        if (!reservePkg(id)) {
            return;
        }
        pkgScope.insert(id.name(), s, id.pos());
        info.defs.put(id, s);
    }

    private void redeclared(Expr.Ident id) {
        Expr.Ident other = reserved.get(id.name());
        String msg = id.name() + " redeclared in this block";
        if (other != null) {
            msg += "\n\t" + diag.fileName() + ":" + other.pos() + ": other declaration of " + id.name();
        }
        error(id.pos(), msg);
    }

    /** Resolves a pending package-level const or var spec (all its names at once). */
    private void resolvePending(Object spec) {
        Object p = unresolved.get(spec);
        if (p == null) {
            return;
        }
        if (!resolving.add(spec)) {
            return; // cycle: reported by the reference that found it
        }
        Scope savedScope = scope;
        Symbol.Func savedFunc = currentFunc;
        Set<Object> savedDeps = currentDeps;
        BigInteger savedIota = iota;
        scope = fileScope;
        currentFunc = null;
        try {
            if (p instanceof PendingConst pc) {
                currentDeps = null;
                List<Symbol.Const> cs = constSpec(pc.spec(), pc.source());
                for (int i = 0; i < pc.spec().names().size(); i++) {
                    Expr.Ident id = pc.spec().names().get(i);
                    if (!id.name().equals("_")) {
                        pkgScope.insert(id.name(), cs.get(i), id.pos());
                        info.defs.put(id, cs.get(i));
                    }
                }
            } else {
                VarSpec vs = (VarSpec) p;
                currentDeps = new LinkedHashSet<>();
                deps.put(vs, currentDeps);
                List<Symbol.Var> vars = varSpec(vs, Symbol.VarKind.GLOBAL);
                for (int i = 0; i < vs.names().size(); i++) {
                    Expr.Ident id = vs.names().get(i);
                    Symbol.Var v = vars.get(i);
                    specOfGlobal.put(v, vs);
                    if (!id.name().equals("_")) {
                        pkgScope.insert(id.name(), v, id.pos());
                    }
                }
            }
        } finally {
            scope = savedScope;
            currentFunc = savedFunc;
            currentDeps = savedDeps;
            iota = savedIota;
            pending.values().removeIf(v -> v == p);
            unresolved.remove(spec);
            resolving.remove(spec);
        }
    }


    // =====================================================================================
    // Types

    private void resolveNamed(Named n) {
        if (namedDone.contains(n) || !namedResolving.add(n)) {
            return;
        }
        Decl.TypeDecl td = namedDecls.get(n);
        Scope saved = scope;
        try {
            Type u = typeExpr(td.type());
            if (u instanceof Named other) {
                resolveNamed(other);
                u = other.underlying();
            }
            n.setUnderlying(u == null ? new Type.Struct(List.of()) : u);
        } finally {
            scope = saved;
            namedResolving.remove(n);
            namedDone.add(n);
        }
    }

    /** A type expression's type, or null after reporting an error. */
    private Type typeExpr(TypeExpr t) {
        return typeExpr(t, true);
    }

    /**
     * @param needSize whether the type's size is needed now (struct fields, array elements):
     *                 a named type still being resolved there is an invalid recursive type
     */
    private Type typeExpr(TypeExpr t, boolean needSize) {
        switch (t) {
            case TypeExpr.Named nt -> {
                Symbol s = lookup(nt.name());
                if (s == null) {
                    if (UNSUPPORTED_TYPES.contains(nt.name())) {
                        error(nt.pos(), "unsupported: type " + nt.name() + " is not in the subset");
                    } else {
                        error(nt.pos(), "undefined: " + nt.name());
                    }
                    return null;
                }
                if (!(s instanceof Symbol.TypeName tn)) {
                    error(nt.pos(), nt.name() + " is not a type");
                    return null;
                }
                if (tn.type() instanceof Named n && namedDecls.containsKey(n)) {
                    if (namedResolving.contains(n)) {
                        if (needSize) {
                            Decl.TypeDecl td = namedDecls.get(n);
                            error(td.name().pos(), "invalid recursive type " + n.name()
                                    + "\n\t" + diag.fileName() + ":" + td.name().pos() + ": " + n.name() + " refers to"
                                    + "\n\t" + diag.fileName() + ":" + td.name().pos() + ": " + n.name());
                            return null;
                        }
                    } else if (needSize) {
                        resolveNamed(n);
                    } else if (!namedDone.contains(n)) {
                        resolveLater.add(n);
                    }
                }
                return tn.type();
            }
            case TypeExpr.Qualified q -> {
                error(q.pos(), "unsupported: type " + q.pkg() + "." + q.name() + " is not in the subset");
                return null;
            }
            case TypeExpr.Pointer p -> {
                Type e = typeExpr(p.elem(), false);
                return e == null ? null : new Type.Pointer(e);
            }
            case TypeExpr.Slice s -> {
                Type e = typeExpr(s.elem(), false);
                return e == null ? null : new Type.Slice(e);
            }
            case TypeExpr.Chan c -> {
                Type e = typeExpr(c.elem(), false);
                return e == null ? null : new Type.Chan(e, c.dir());
            }
            case TypeExpr.Array a -> {
                Long len = arrayLength(a.len());
                Type e = typeExpr(a.elem(), true);
                if (len == null || e == null) {
                    return null;
                }
                Type.Array arr = new Type.Array(e, len);
                long elemWords = wordsSafe(e);
                if (elemWords != 0 && len > MAX_ARRAY_WORDS / elemWords) {
                    error(a.pos(), "unsupported: type " + arr + " is too large (more than " + MAX_ARRAY_WORDS + " words)");
                    return null;
                }
                return arr;
            }
            case TypeExpr.Struct st -> {
                List<Type.Field> fields = new ArrayList<>();
                Map<String, Pos> seen = new HashMap<>();
                long offset = 0;
                boolean ok = true;
                for (FieldDecl fd : st.fields()) {
                    if (fd.names().isEmpty()) {
                        error(fd.pos(), "unsupported: embedded field " + Printer.type(fd.type()));
                        ok = false;
                        continue;
                    }
                    Type ft = typeExpr(fd.type(), true);
                    if (ft == null) {
                        ok = false;
                        continue;
                    }
                    for (Expr.Ident id : fd.names()) {
                        if (!id.name().equals("_") && seen.containsKey(id.name())) {
                            error(id.pos(), id.name() + " redeclared\n\t" + diag.fileName() + ":"
                                    + seen.get(id.name()) + ": other declaration of " + id.name());
                            ok = false;
                            continue;
                        }
                        seen.put(id.name(), id.pos());
                        fields.add(new Type.Field(id.name(), ft, (int) offset));
                        offset += sizeOf(ft);
                        if (offset > MAX_ARRAY_WORDS) {
                            error(st.pos(), "unsupported: struct type is too large (more than " + MAX_ARRAY_WORDS + " words)");
                            return null;
                        }
                    }
                }
                return ok ? new Type.Struct(List.copyOf(fields)) : null;
            }
            case TypeExpr.Unsupported u -> {
                error(u.pos(), "unsupported: " + u.what());
                return null;
            }
        }
    }

    /** Named types referenced only through pointers, slices or channels; resolved after the current one. */
    private final List<Named> resolveLater = new ArrayList<>();

    /** Words of a type, treating a still-unresolved named type as its eventual size. */
    private int sizeOf(Type t) {
        if (t instanceof Named n && n.underlying() == null) {
            resolveNamed(n);
        }
        long w = wordsSafe(t);
        return (int) Math.min(w, Integer.MAX_VALUE);
    }

    /** Size in words, saturating instead of overflowing for absurd arrays. */
    private static long wordsSafe(Type t) {
        return switch (t) {
            case Type.Array a -> {
                long e = wordsSafe(a.elem());
                yield e != 0 && a.length() > Integer.MAX_VALUE / e ? Integer.MAX_VALUE : a.length() * e;
            }
            case Type.Struct s -> {
                long n = 0;
                for (Type.Field f : s.fields()) {
                    n = Math.min(Integer.MAX_VALUE, n + wordsSafe(f.type()));
                }
                yield n;
            }
            case Named n -> n.underlying() == null ? 0 : wordsSafe(n.underlying());
            default -> Types.words(t);
        };
    }

    /**
     * The largest array the subset accepts, in words: guest memory is simulated and a frame or
     * object of more than 2^31 words could not be addressed by the interpreter's int offsets.
     */
    private static final long MAX_ARRAY_WORDS = Integer.MAX_VALUE;

    private Long arrayLength(Expr e) {
        if (e instanceof Expr.Unsupported u) {
            error(u.pos(), "unsupported: " + u.what());
            return null;
        }
        if (e instanceof Expr.Ident id) {
            Symbol s = lookup(id.name());
            if (s == null) {
                error(id.pos(), "undeclared name " + id.name() + " for array length");
                return null;
            }
            if (!(s instanceof Symbol.Const)) {
                error(id.pos(), "invalid array length " + id.name());
                return null;
            }
        }
        Operand x = expr(e);
        if (x.invalid()) {
            return null;
        }
        if (!x.isConstant()) {
            error(x, "array length " + x + " must be constant");
            return null;
        }
        if (!(x.val instanceof BigInteger v)) {
            error(x, "array length " + x + " must be integer");
            return null;
        }
        if (isUntyped(x.type)) {
            convertUntyped(x, INT);
        }
        if (v.signum() < 0 || !Constants.fitsInt(v)) {
            error(x, "invalid array length " + x);
            return null;
        }
        return v.longValue();
    }

    // =====================================================================================
    // Functions

    private void declareFunc(Decl.FuncDecl fd) {
        Scope saved = scope;
        scope = fileScope;
        try {
            List<Type> params = new ArrayList<>();
            boolean ok = true;
            for (Param p : fd.params()) {
                Type t = typeExpr(p.type(), false);
                ok &= t != null;
                params.add(t);
            }
            Type result = null;
            if (fd.result() != null) {
                result = typeExpr(fd.result(), false);
                ok &= result != null;
            }
            drainResolveLater();
            Named recvType = null;
            boolean ptr = false;
            if (fd.receiver() != null) {
                Expr.Ident tn = fd.receiver().typeName();
                Symbol s = lookup(tn.name());
                ptr = fd.receiver().pointer();
                if (s == null) {
                    error(tn.pos(), "undefined: " + tn.name());
                    ok = false;
                } else if (s instanceof Symbol.TypeName tsym && !(tsym.type() instanceof Named)) {
                    error(fd.receiver().pos(), "cannot define new methods on non-local type " + tsym.type());
                    ok = false;
                } else if (!(s instanceof Symbol.TypeName tsym) || !(tsym.type() instanceof Named n)
                        || !namedDecls.containsKey(n)) {
                    error(tn.pos(), "invalid receiver type " + tn.name());
                    ok = false;
                } else {
                    info.uses.put(tn, s);
                    recvType = n;
                    if (Types.underlying(n) instanceof Type.Pointer) {
                        error(tn.pos(), "invalid receiver type " + tn.name() + " (pointer or interface type)");
                        ok = false;
                    }
                }
            }
            for (int i = 0; i < params.size(); i++) {
                if (params.get(i) == null) {
                    params.set(i, INT);
                }
            }
            Type.Func sig = new Type.Func(List.copyOf(params), result);
            Symbol.Func f = new Symbol.Func(fd.name().name(), fd, sig, recvType, ptr);
            if (fd.body() == null) {
                if (fd.receiver() != null) {
                    error(fd.name().pos(), "missing function body");
                    ok = false;
                } else {
                    for (Type t : params) {
                        if (t != INT && t != BOOL) {
                            error(fd.name().pos(), "unsupported: host function " + fd.name().name()
                                    + " with a parameter of type " + t + " (only int and bool)");
                            ok = false;
                            break;
                        }
                    }
                    if (result != null && result != INT && result != BOOL) {
                        error(fd.name().pos(), "unsupported: host function " + fd.name().name()
                                + " with result type " + result + " (only int and bool)");
                        ok = false;
                    }
                }
            }
            if (recvType != null) {
                Named.Method existing = recvType.method(fd.name().name());
                if (existing != null) {
                    Symbol.Func ef = (Symbol.Func) existing.function();
                    error(fd.name().pos(), recvType.name() + "." + fd.name().name() + " redeclared in this block"
                            + "\n\t" + diag.fileName() + ":" + ef.decl().name().pos() + ": other declaration of "
                            + fd.name().name());
                    return;
                }
                if (Types.underlying(recvType) instanceof Type.Struct st && st.field(fd.name().name()) != null) {
                    error(fd.name().pos(), "field and method with the same name " + fd.name().name()
                            + "\n\t" + diag.fileName() + ":" + fieldPos(recvType, fd.name().name())
                            + ": other declaration of " + fd.name().name());
                    return;
                }
                if (!fd.name().name().equals("_")) {
                    recvType.methods().add(new Named.Method(fd.name().name(), ptr, sig, f));
                }
            } else if (fd.receiver() == null && !fd.name().name().equals("init") && !fd.name().name().equals("_")) {
                if (reserved.get(fd.name().name()) == fd.name()) {
                    pkgScope.insert(fd.name().name(), f, fd.name().pos());
                } else {
                    return;
                }
            }
            if (fd.receiver() != null && recvType == null) {
                return; // the receiver's error is reported; its body would only add follow-on errors
            }
            info.defs.put(fd.name(), f);
            if (ok || fd.body() != null) {
                funcOf.put(fd, f);
                info.functions.add(f);
            }
        } finally {
            scope = saved;
        }
    }

    private Pos fieldPos(Named n, String field) {
        Decl.TypeDecl td = namedDecls.get(n);
        if (td != null && td.type() instanceof TypeExpr.Struct st) {
            for (FieldDecl fd : st.fields()) {
                for (Expr.Ident id : fd.names()) {
                    if (id.name().equals(field)) {
                        return id.pos();
                    }
                }
            }
        }
        return td == null ? Pos.NONE : td.pos();
    }

    private void drainResolveLater() {
        while (!resolveLater.isEmpty()) {
            resolveNamed(resolveLater.remove(resolveLater.size() - 1));
        }
    }

    private void checkBody(Symbol.Func f) {
        Decl.FuncDecl fd = f.decl();
        if (fd.body() == null) {
            return;
        }
        currentFunc = f;
        currentDeps = new LinkedHashSet<>();
        deps.put(f, currentDeps);
        locals.clear();
        breakTargets.clear();
        scope = new Scope(fileScope);
        if (fd.receiver() != null && fd.receiver().name() != null && f.receiverType() != null) {
            Type rt = f.pointerReceiver() ? new Type.Pointer(f.receiverType()) : f.receiverType();
            declareVar(fd.receiver().name(), rt, Symbol.VarKind.RECEIVER);
        }
        for (int i = 0; i < fd.params().size(); i++) {
            Param p = fd.params().get(i);
            if (p.name() != null) {
                declareVar(p.name(), f.signature().params().get(i), Symbol.VarKind.PARAM);
            }
        }
        // the body shares the parameters' block, as in Go
        stmtList(fd.body().stmts());
        if (f.signature().result() != null && !isTerminatingList(fd.body().stmts())) {
            error(fd.body().end(), "missing return");
        }
        for (Symbol.Var v : locals) {
            if (!used.contains(v)) {
                error(v.pos(), v.name() + " declared but not used");
            }
        }
        scope = fileScope;
        currentFunc = null;
        currentDeps = null;
    }

    private Symbol.Var declareVar(Expr.Ident id, Type t, Symbol.VarKind kind) {
        Symbol.Var v = new Symbol.Var(id.name(), t, id.pos(), kind);
        if (id.name().equals("_")) {
            return v;
        }
        Symbol old = scope.insert(id.name(), v, id.pos());
        if (old != null) {
            error(id.pos(), id.name() + " redeclared in this block\n\t" + diag.fileName() + ":"
                    + scope.positionOf(id.name()) + ": other declaration of " + id.name());
            return v;
        }
        info.defs.put(id, v);
        if (kind == Symbol.VarKind.LOCAL) {
            locals.add(v);
        }
        return v;
    }

    // =====================================================================================
    // Declarations shared by package level and function bodies

    /** Checks a const spec (with Go's implicit repetition of the previous spec) and returns its constants. */
    private List<Symbol.Const> constSpec(ConstSpec spec, ConstSpec source) {
        iota = BigInteger.valueOf(spec.iota());
        List<Symbol.Const> out = new ArrayList<>();
        ConstSpec src = spec.values().isEmpty() && spec.type() == null ? source : spec;
        Type declared = null;
        boolean typeOk = true;
        if (src != null && src.type() != null) {
            declared = typeExpr(src.type());
            typeOk = declared != null;
            if (declared != null && !(Types.underlying(declared) instanceof Type.Basic)) {
                error(src.type().pos(), "invalid constant type " + declared);
                declared = null;
                typeOk = false;
            }
        }
        List<Expr> values = src == null ? List.of() : src.values();
        boolean inherited = src != spec;
        int n = spec.names().size();
        if (n < values.size()) {
            Expr extra = values.get(n);
            error(inherited ? spec.pos() : Parser.startPos(extra), inherited
                    ? "extra init expr at " + diag.fileName() + ":" + Parser.startPos(extra)
                    : "extra init expr " + Printer.expr(extra));
        } else if (n > values.size()) {
            Expr.Ident missing = spec.names().get(values.size());
            error(missing.pos(), "missing init expr for " + missing.name());
        }
        for (int i = 0; i < n; i++) {
            Expr.Ident id = spec.names().get(i);
            Symbol.Const c = new Symbol.Const(id.name(), declared == null ? UINT : declared, null);
            if (i >= values.size()) {
                out.add(c);
                continue;
            }
            // an inherited expression is checked again (with this iota); errors are reported at the name
            Expr e = values.get(i);
            Operand x = inherited ? constExprInherited(e) : expr(e);
            if (x.invalid()) {
                out.add(c);
                continue;
            }
            if (!x.isConstant()) {
                error(x, x + " is not constant");
                out.add(c);
                continue;
            }
            if (declared != null && typeOk) {
                assignment(x, declared, "constant declaration");
                if (x.invalid()) {
                    out.add(c);
                    continue;
                }
            }
            out.add(new Symbol.Const(id.name(), x.type, x.val));
        }
        iota = null;
        return out;
    }

    /**
     * Checks a repeated const expression. The same syntax nodes are checked once per spec, so the
     * recorded types and constants are those of the last repetition; the compiler reads a
     * constant's value from its symbol, not from the repeated expression.
     */
    private Operand constExprInherited(Expr e) {
        int before = diag.count();
        Operand x = expr(e);
        if (diag.count() > before) {
            return Operand.invalid(e);
        }
        return x;
    }

    /** Checks a var spec and declares its variables (locals go into the current scope). */
    private List<Symbol.Var> varSpec(VarSpec spec, Symbol.VarKind kind) {
        Type declared = spec.type() == null ? null : typeExpr(spec.type(), kind != Symbol.VarKind.GLOBAL);
        drainResolveLater();
        List<Type> types = new ArrayList<>();
        int n = spec.names().size();
        List<Expr> values = spec.values();
        // as Go, a variable whose initialisation failed counts as used (no follow-on "declared but not used")
        boolean[] failed = new boolean[n];
        if (values.isEmpty()) {
            for (int i = 0; i < n; i++) {
                types.add(declared);
            }
        } else if (values.size() == 1 && n == 2 && isRecv(values.get(0))) {
            Operand x = expr(values.get(0));
            Type elem = x.invalid() ? null : x.type;
            types.add(declared != null ? declared : elem);
            types.add(declared != null ? declared : BOOL);
            if (declared != null && x.type != null) {
                Operand ok = new Operand(Operand.Mode.VALUE, x.expr, x.type);
                assignment(ok, declared, "variable declaration");
            }
        } else if (values.size() != n) {
            if (n < values.size()) {
                error(values.get(n), "extra init expr " + Printer.expr(values.get(n)));
            } else if (values.size() != 1) {
                Expr.Ident missing = spec.names().get(values.size());
                error(missing.pos(), "missing init expr for " + missing.name());
            } else {
                assignMismatch(spec.names().get(0).pos(), n, values);
            }
            for (Expr e : values) {
                expr(e);
            }
            for (int i = 0; i < n; i++) {
                types.add(declared);
                failed[i] = true;
            }
        } else {
            for (int i = 0; i < n; i++) {
                Operand x = singleValue(expr(values.get(i)));
                if (declared != null) {
                    assignment(x, declared, "variable declaration");
                    types.add(declared);
                    failed[i] = x.invalid();
                } else {
                    if (!x.invalid() && isUntyped(x.type)) {
                        defaultType(x, "variable declaration");
                    }
                    if (!x.invalid() && x.type == UNIL) {
                        error(x, "use of untyped nil in variable declaration");
                        x.mode = Operand.Mode.INVALID;
                    }
                    types.add(x.invalid() ? null : x.type);
                    failed[i] = x.invalid();
                }
            }
        }
        List<Symbol.Var> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Expr.Ident id = spec.names().get(i);
            Type t = types.get(i) == null ? INT : types.get(i);
            if (!id.name().equals("_")) {
                info.types.put(id, t); // declared identifiers carry their variable's type, as := ones do
            }
            if (kind == Symbol.VarKind.GLOBAL) {
                Symbol.Var v = new Symbol.Var(id.name(), t, id.pos(), kind);
                if (!id.name().equals("_")) {
                    info.defs.put(id, v);
                }
                out.add(v);
            } else {
                Symbol.Var v = declareVar(id, t, kind);
                if (failed[i]) {
                    used.add(v);
                }
                out.add(v);
            }
        }
        return out;
    }

    private static boolean isRecv(Expr e) {
        Expr u = unparen(e);
        return u instanceof Expr.Unary un && un.op() == Expr.UnaryOp.RECV;
    }

    private void assignMismatch(Pos at, int vars, List<Expr> values) {
        String v = vars == 1 ? "1 variable" : vars + " variables";
        if (values.size() == 1 && unparen(values.get(0)) instanceof Expr.Call call) {
            error(values.get(0), "assignment mismatch: " + v + " but " + Printer.expr(call.fun()) + " returns 1 value");
            return;
        }
        String vals = values.size() == 1 ? "1 value" : values.size() + " values";
        error(values.isEmpty() ? at : Parser.startPos(values.get(0)), "assignment mismatch: " + v + " but " + vals);
    }

    // =====================================================================================
    // Initialisation order

    /**
     * Go's package initialisation order: repeatedly take, among the variables whose dependencies
     * are all initialised, the earliest declared. Dependencies through functions count
     * transitively (a variable initialised by {@code f()} depends on what {@code f} uses).
     */
    private void initOrder() {
        List<VarSpec> specs = new ArrayList<>();
        for (Decl d : file.decls()) {
            if (d instanceof Decl.VarDecl vd) {
                specs.addAll(vd.specs());
            }
        }
        Map<VarSpec, Set<VarSpec>> varDeps = new IdentityHashMap<>();
        for (VarSpec s : specs) {
            Set<VarSpec> out = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            Deque<Object> work = new ArrayDeque<>(deps.getOrDefault(s, Set.of()));
            while (!work.isEmpty()) {
                Object o = work.pop();
                if (!seen.add(o)) {
                    continue;
                }
                if (o instanceof Symbol.Var v) {
                    VarSpec vs = specOfGlobal.get(v);
                    if (vs != null) {
                        out.add(vs);
                    }
                } else if (o instanceof Symbol.Func f) {
                    work.addAll(deps.getOrDefault(f, Set.of()));
                }
            }
            if (out.contains(s)) {
                Expr.Ident name = s.names().get(0);
                error(name.pos(), "initialization loop for " + name.name());
            }
            out.remove(s);
            varDeps.put(s, out);
        }
        List<VarSpec> done = new ArrayList<>();
        Set<VarSpec> emitted = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        while (done.size() < specs.size()) {
            VarSpec pick = null;
            for (VarSpec s : specs) {
                if (!emitted.contains(s) && emitted.containsAll(varDeps.get(s))) {
                    pick = s;
                    break;
                }
            }
            if (pick == null) {
                for (VarSpec s : specs) {
                    if (!emitted.contains(s)) {
                        pick = s; // a cycle, already reported; keep declaration order
                        break;
                    }
                }
            }
            emitted.add(pick);
            done.add(pick);
        }
        info.globalInitOrder.addAll(done);
        for (VarSpec s : specs) {
            for (Expr.Ident id : s.names()) {
                if (info.defs.get(id) instanceof Symbol.Var v) {
                    info.globals.add(v);
                }
            }
        }
    }

    // =====================================================================================
    // Statements

    private void stmtList(List<Stmt> stmts) {
        for (Stmt s : stmts) {
            stmt(s);
        }
    }

    private void openScope() {
        scope = new Scope(scope);
    }

    private void closeScope() {
        scope = scope.parent;
    }

    private void stmt(Stmt s) {
        switch (s) {
            case Stmt.Block b -> {
                openScope();
                stmtList(b.stmts());
                closeScope();
            }
            case Stmt.ExprStmt es -> exprStmt(es);
            case Stmt.DeclStmt ds -> declStmt(ds.decl());
            case Stmt.Assign a -> assign(a);
            case Stmt.IncDec id -> {
                Operand x = expr(id.x());
                if (x.invalid()) {
                    return;
                }
                if (!isInteger(x.type)) {
                    error(id.x(), "invalid operation: " + Printer.expr(id.x()) + (id.inc() ? "++" : "--")
                            + " (non-numeric type " + x.type + ")");
                    return;
                }
                assignableTarget(id.x(), x);
            }
            case Stmt.Send snd -> {
                Operand ch = singleValue(expr(snd.chan()));
                Operand v = singleValue(expr(snd.value()));
                if (ch.invalid() || v.invalid()) {
                    return;
                }
                if (!(Types.underlying(ch.type) instanceof Type.Chan c)) {
                    error(snd.chan(), "invalid operation: cannot send to non-channel " + ch);
                    return;
                }
                if (c.dir() == TypeExpr.ChanDir.RECV) {
                    error(snd.chan(), "invalid operation: cannot send to receive-only channel " + ch);
                    return;
                }
                assignment(v, c.elem(), "send");
            }
            case Stmt.Go g -> {
                Operand x = call(g.call(), true);
                if (!x.invalid() && (x.mode == Operand.Mode.TYPE || x.builtin != null && !statementBuiltin(x.builtin))) {
                    x.builtin = null;
                    error(g.call(), "go discards result of " + x);
                }
            }
            case Stmt.Return r -> returnStmt(r);
            case Stmt.Branch b -> {
                if (b.label() != null) {
                    error(b.pos(), "unsupported: labeled " + (b.isBreak() ? "break" : "continue"));
                } else if (b.isBreak() && breakTargets.isEmpty()) {
                    error(b.pos(), "break is not in a loop, switch, or select");
                } else if (!b.isBreak() && !breakTargets.contains("for")) {
                    error(b.pos(), "continue is not in a loop");
                }
            }
            case Stmt.If i -> {
                openScope();
                if (i.init() != null) {
                    stmt(i.init());
                }
                condition(i.cond(), "if statement");
                stmt(i.then());
                if (i.els() != null) {
                    stmt(i.els());
                }
                closeScope();
            }
            case Stmt.Switch sw -> switchStmt(sw);
            case Stmt.For f -> {
                openScope();
                if (f.init() != null) {
                    stmt(f.init());
                }
                if (f.cond() != null) {
                    condition(f.cond(), "for statement");
                }
                if (f.post() != null) {
                    stmt(f.post());
                }
                breakTargets.push("for");
                stmt(f.body());
                breakTargets.pop();
                closeScope();
            }
            case Stmt.Range r -> rangeStmt(r);
            case Stmt.Empty e -> {
            }
            case Stmt.Unsupported u -> error(u.pos(), "unsupported: " + u.what());
        }
    }

    private static boolean statementBuiltin(Symbol.BuiltinFn fn) {
        return switch (fn) {
            case PANIC, PRINT, PRINTLN, CLOSE, FMT_PRINTLN, FMT_PRINT, RUNTIME_GC, RUNTIME_GOSCHED -> true;
            default -> false;
        };
    }

    private void condition(Expr cond, String what) {
        if (cond == null) {
            return;
        }
        if (cond instanceof Expr.Unsupported u && (u.what().equals("missing condition") || u.what().equals("bad condition"))) {
            return;
        }
        Operand x = singleValue(expr(cond));
        if (x.invalid()) {
            return;
        }
        if (!isBoolean(x.type)) {
            error(cond, "non-boolean condition in " + what);
            return;
        }
        if (isUntyped(x.type)) {
            convertUntyped(x, BOOL);
        }
    }

    private void exprStmt(Stmt.ExprStmt es) {
        Expr e = es.x();
        Expr u = unparen(e);
        Operand x;
        if (u instanceof Expr.Call c) {
            x = call(c, true);
            if (x.invalid()) {
                return;
            }
            if (x.mode == Operand.Mode.TYPE) {
                return;
            }
            if (x.builtin != null && !statementBuiltin(x.builtin)) {
                x.builtin = null;
                error(x, x + " is not used");
            }
            return;
        }
        x = expr(e);
        if (x.invalid()) {
            return;
        }
        if (u instanceof Expr.Unary un && un.op() == Expr.UnaryOp.RECV) {
            return;
        }
        if (x.mode == Operand.Mode.COMMAOK) {
            x.mode = Operand.Mode.VALUE;
        }
        error(x, x + " is not used");
    }

    private void declStmt(Decl d) {
        switch (d) {
            case Decl.VarDecl vd -> {
                for (VarSpec s : vd.specs()) {
                    // initialisers are checked before the names are declared (var x = x refers to an outer x)
                    varSpec(s, Symbol.VarKind.LOCAL);
                }
            }
            case Decl.ConstDecl cd -> {
                ConstSpec last = null;
                for (ConstSpec s : cd.specs()) {
                    if (!s.values().isEmpty() || s.type() != null) {
                        last = s;
                    }
                    List<Symbol.Const> cs = constSpec(s, last);
                    for (int i = 0; i < s.names().size(); i++) {
                        Expr.Ident id = s.names().get(i);
                        if (id.name().equals("_")) {
                            continue;
                        }
                        Symbol old = scope.insert(id.name(), cs.get(i), id.pos());
                        if (old != null) {
                            error(id.pos(), id.name() + " redeclared in this block");
                        } else {
                            info.defs.put(id, cs.get(i));
                        }
                    }
                }
            }
            case Decl.TypeDecl td -> {
                Named n = new Named(td.name().name());
                Symbol.TypeName tn = new Symbol.TypeName(td.name().name(), n);
                if (!td.name().name().equals("_")) {
                    Symbol old = scope.insert(td.name().name(), tn, td.name().pos());
                    if (old != null) {
                        error(td.name().pos(), td.name().name() + " redeclared in this block");
                        return;
                    }
                    info.defs.put(td.name(), tn);
                }
                namedDecls.put(n, td);
                resolveNamed(n);
                drainResolveLater();
            }
            case Decl.FuncDecl fd -> error(fd.pos(), "unsupported: function declaration inside a function");
        }
    }

    private void returnStmt(Stmt.Return r) {
        Type want = currentFunc == null ? null : currentFunc.signature().result();
        List<Expr> results = r.results();
        if (want == null) {
            if (!results.isEmpty()) {
                List<Operand> xs = new ArrayList<>();
                for (Expr e : results) {
                    xs.add(expr(e));
                }
                error(results.get(0), "too many return values\n\thave " + summary(xs) + "\n\twant ()");
            }
            return;
        }
        if (results.isEmpty()) {
            error(r.pos(), "not enough return values\n\thave ()\n\twant (" + want + ")");
            return;
        }
        if (results.size() > 1) {
            List<Operand> xs = new ArrayList<>();
            for (Expr e : results) {
                xs.add(expr(e));
            }
            error(results.get(1), "too many return values\n\thave " + summary(xs) + "\n\twant (" + want + ")");
            return;
        }
        Operand x = singleValue(expr(results.get(0)));
        assignment(x, want, "return statement");
    }

    /** types2's typesSummary: untyped numeric constants show as "number". */
    private static String summary(List<Operand> xs) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < xs.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Type t = xs.get(i).type;
            if (t == null) {
                sb.append("<T>");
            } else if (t == UINT || t == URUNE) {
                sb.append("number");
            } else if (t instanceof Type.Basic b && b.isUntyped()) {
                sb.append(b.toString().replace("untyped ", ""));
            } else {
                sb.append(t);
            }
        }
        return sb.append(')').toString();
    }

    private void switchStmt(Stmt.Switch sw) {
        openScope();
        if (sw.init() != null) {
            stmt(sw.init());
        }
        Operand tag = null;
        if (sw.tag() != null) {
            tag = singleValue(expr(sw.tag()));
            if (!tag.invalid()) {
                if (isUntyped(tag.type)) {
                    defaultType(tag, "switch expression");
                }
                if (!tag.invalid() && tag.type == UNIL) {
                    error(tag, "use of untyped nil in switch expression");
                    tag.mode = Operand.Mode.INVALID;
                }
                if (!tag.invalid() && !comparable(tag.type)) {
                    error(tag, "cannot switch on " + tag + " (" + tag.type + " is not comparable)");
                    tag.mode = Operand.Mode.INVALID;
                }
            }
        }
        CaseClause firstDefault = null;
        Map<Object, Expr> seen = new HashMap<>();
        for (CaseClause cc : sw.cases()) {
            if (cc.isDefault()) {
                if (firstDefault != null) {
                    error(cc.pos(), "multiple defaults (first at " + diag.fileName() + ":" + firstDefault.pos() + ")");
                } else {
                    firstDefault = cc;
                }
            }
            for (Expr e : cc.exprs()) {
                Operand x = singleValue(expr(e));
                if (x.invalid()) {
                    continue;
                }
                if (tag == null) {
                    // a tagless switch is "switch true"
                    if (!convertUntyped(x, BOOL)) {
                        continue;
                    }
                    if (!isBoolean(x.type)) {
                        error(x, "invalid case " + Printer.expr(e) + " in switch (mismatched types "
                                + x.type + " and bool)");
                    }
                    continue;
                }
                if (tag.invalid()) {
                    continue;
                }
                caseValue(x, tag, seen);
            }
            openScope();
            breakTargets.push("switch");
            stmtList(cc.body());
            breakTargets.pop();
            closeScope();
        }
        closeScope();
    }

    private void caseValue(Operand x, Operand tag, Map<Object, Expr> seen) {
        // Go compares case value and tag as in x == tag, reporting at the case
        Operand y = new Operand(tag.mode, tag.expr, tag.type);
        y.val = tag.val;
        if (!convertUntyped(x, tag.type)) {
            return;
        }
        if (!assignableTo(x, tag.type) && !assignableTo(y, x.type)) {
            error(x, "invalid case " + Printer.expr(x.expr) + " in switch on " + Printer.expr(tag.expr)
                    + " (mismatched types " + x.type + " and " + tag.type + ")");
            return;
        }
        if (x.isConstant()) {
            Object key = x.val instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.ISO_8859_1) + "\0s" : x.val;
            Expr prev = seen.get(key);
            if (prev != null) {
                error(x, "duplicate case " + x + " in expression switch\n\t"
                        + diag.fileName() + ":" + Parser.startPos(prev) + ": previous case");
            } else {
                seen.put(key, x.expr);
            }
        }
    }

    private void rangeStmt(Stmt.Range r) {
        openScope();
        Operand x = singleValue(expr(r.x()));
        Type keyT = null;
        Type valT = null;
        boolean ok = !x.invalid();
        if (ok) {
            Type u = Types.underlying(x.type);
            if (u instanceof Type.Pointer p && Types.underlying(p.elem()) instanceof Type.Array) {
                u = Types.underlying(p.elem());
            }
            switch (u) {
                case Type.Slice s -> {
                    keyT = INT;
                    valT = s.elem();
                }
                case Type.Array a -> {
                    keyT = INT;
                    valT = a.elem();
                }
                case Type.Chan c -> {
                    keyT = c.elem();
                    if (c.dir() == TypeExpr.ChanDir.SEND) {
                        error(x, "invalid operation: range " + Printer.expr(r.x()) + " receive from send-only channel");
                        ok = false;
                    } else if (r.value() != null) {
                        error(r.value(), "range over " + x + " permits only one iteration variable");
                        ok = false;
                    }
                }
                default -> {
                    if (isString(x.type)) {
                        error(x, "unsupported: range over a string (rune type is not in the subset)");
                    } else {
                        error(x, "cannot range over " + x);
                    }
                    ok = false;
                }
            }
        }
        Expr[] lhs = {r.key(), r.value()};
        Type[] types = {keyT, valT};
        if (r.define()) {
            List<Symbol.Var> vars = new ArrayList<>();
            List<Expr.Ident> ids = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                if (lhs[i] == null) {
                    continue;
                }
                if (!(lhs[i] instanceof Expr.Ident id)) {
                    error(lhs[i], "non-name " + Printer.expr(lhs[i]) + " on left side of :=");
                    expr(lhs[i]);
                    continue;
                }
                ids.add(id);
                vars.add(new Symbol.Var(id.name(), types[i] == null ? INT : types[i], id.pos(), Symbol.VarKind.LOCAL));
            }
            for (int i = 0; i < ids.size(); i++) {
                Expr.Ident id = ids.get(i);
                if (id.name().equals("_")) {
                    continue;
                }
                Symbol old = scope.insert(id.name(), vars.get(i), id.pos());
                if (old != null) {
                    error(id.pos(), id.name() + " repeated on left side of :=");
                    continue;
                }
                info.defs.put(id, vars.get(i));
                locals.add(vars.get(i));
                info.types.put(id, vars.get(i).type());
            }
        } else {
            for (int i = 0; i < 2; i++) {
                if (lhs[i] == null) {
                    continue;
                }
                if (lhs[i] instanceof Expr.Ident id && id.name().equals("_")) {
                    continue;
                }
                Operand target = lhsExpr(lhs[i]);
                if (target == null || types[i] == null) {
                    continue;
                }
                Operand v = new Operand(Operand.Mode.VALUE, lhs[i], types[i]);
                if (!assignableTo(v, target.type)) {
                    error(lhs[i], "cannot use " + Printer.expr(lhs[i]) + " (value of type " + types[i]
                            + ") as " + target.type + " value in range");
                }
            }
        }
        breakTargets.push("for");
        stmt(r.body());
        breakTargets.pop();
        closeScope();
    }

    private void assign(Stmt.Assign a) {
        String op = a.op();
        if (op.equals(":=")) {
            shortVarDecl(a);
            return;
        }
        if (!op.equals("=")) {
            // x op= y
            if (a.lhs().size() != 1 || a.rhs().size() != 1) {
                error(a.pos(), "assignment operation " + op + " requires single-valued expressions");
                return;
            }
            Expr.BinaryOp bop = binaryOpOf(op.substring(0, op.length() - 1));
            Operand x = singleValue(expr(a.lhs().get(0)));
            Operand y = singleValue(expr(a.rhs().get(0)));
            if (x.invalid() || y.invalid()) {
                return;
            }
            Operand r = binary(null, bop, x, y, a);
            if (r.invalid()) {
                return;
            }
            Operand target = assignableTarget(a.lhs().get(0), x);
            if (target != null) {
                assignment(r, x.type, "assignment");
            }
            return;
        }
        List<Expr> lhs = a.lhs();
        List<Expr> rhs = a.rhs();
        if (lhs.size() == 2 && rhs.size() == 1 && isRecv(rhs.get(0))) {
            Operand x = expr(rhs.get(0));
            Type[] ts = {x.invalid() ? null : x.type, BOOL};
            for (int i = 0; i < 2; i++) {
                Expr l = lhs.get(i);
                if (l instanceof Expr.Ident id && id.name().equals("_")) {
                    info.types.remove(l);
                    continue;
                }
                Operand t = lhsExpr(l);
                if (t != null && ts[i] != null) {
                    Operand v = new Operand(Operand.Mode.VALUE, rhs.get(0), ts[i]);
                    assignment(v, t.type, "assignment");
                }
            }
            return;
        }
        if (lhs.size() != rhs.size()) {
            assignMismatch(a.pos(), lhs.size(), rhs);
            for (Expr e : rhs) {
                expr(e);
            }
            for (Expr l : lhs) {
                if (!(l instanceof Expr.Ident id && id.name().equals("_"))) {
                    lhsExpr(l);
                }
            }
            return;
        }
        List<Operand> targets = new ArrayList<>();
        for (Expr l : lhs) {
            targets.add(l instanceof Expr.Ident id && id.name().equals("_") ? null : lhsExpr(l));
        }
        for (int i = 0; i < rhs.size(); i++) {
            Operand x = singleValue(expr(rhs.get(i)));
            if (x.invalid()) {
                continue;
            }
            Expr l = lhs.get(i);
            if (l instanceof Expr.Ident id && id.name().equals("_")) {
                if (isUntyped(x.type)) {
                    if (x.type == UNIL) {
                        error(x, "use of untyped nil in assignment");
                        continue;
                    }
                    defaultType(x, "assignment");
                }
                continue;
            }
            Operand t = targets.get(i);
            if (t != null) {
                assignment(x, t.type, "assignment");
                if (x.invalid() && unparen(l) instanceof Expr.Ident id && info.uses.get(id) instanceof Symbol.Var v) {
                    used.add(v); // as Go: a failed assignment does not leave its target "declared but not used"
                }
            }
        }
    }

    /** Evaluates an assignment target without counting it as a use; null if not assignable. */
    private Operand lhsExpr(Expr l) {
        Symbol.Var v = null;
        boolean wasUsed = false;
        if (unparen(l) instanceof Expr.Ident id) {
            Symbol s = lookup(id.name());
            if (s instanceof Symbol.Var var) {
                v = var;
                wasUsed = used.contains(var);
            }
        }
        Operand z = expr(l);
        if (v != null && !wasUsed) {
            used.remove(v);
        }
        if (z.invalid()) {
            return null;
        }
        return assignableTarget(l, z);
    }

    private Operand assignableTarget(Expr l, Operand z) {
        if (z.mode == Operand.Mode.VARIABLE) {
            return z;
        }
        if (z.mode == Operand.Mode.COMMAOK) {
            z.mode = Operand.Mode.VALUE;
        }
        error(l, "cannot assign to " + z);
        return null;
    }

    private void shortVarDecl(Stmt.Assign a) {
        List<Expr> lhs = a.lhs();
        List<Expr> rhs = a.rhs();
        List<Expr.Ident> ids = new ArrayList<>();
        boolean bad = false;
        Set<String> seenNames = new java.util.HashSet<>();
        for (Expr l : lhs) {
            if (l instanceof Expr.Ident id) {
                if (!id.name().equals("_") && !seenNames.add(id.name())) {
                    error(l, id.name() + " repeated on left side of :=");
                    bad = true;
                }
                ids.add(id);
            } else {
                expr(l);
                error(l, "non-name " + Printer.expr(l) + " on left side of :=");
                bad = true;
                ids.add(null);
            }
        }
        // evaluate the right side before declaring anything
        List<Operand> values = new ArrayList<>();
        Type[] commaOk = null;
        if (lhs.size() == 2 && rhs.size() == 1 && isRecv(rhs.get(0))) {
            Operand x = expr(rhs.get(0));
            commaOk = new Type[]{x.invalid() ? null : x.type, BOOL};
        } else if (lhs.size() != rhs.size()) {
            for (Expr e : rhs) {
                expr(e);
            }
            assignMismatch(a.pos(), lhs.size(), rhs);
            bad = true;
        } else {
            for (Expr e : rhs) {
                values.add(singleValue(expr(e)));
            }
        }
        boolean anyNew = false;
        List<Runnable> declare = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Expr.Ident id = ids.get(i);
            if (id == null) {
                continue;
            }
            final int k = i;
            Symbol existing = id.name().equals("_") ? null : scope.lookupLocal(id.name());
            if (existing instanceof Symbol.Var v) {
                // an existing variable of this block: plain assignment
                info.uses.put(id, v);
                info.types.put(id, v.type());
                if (commaOk != null) {
                    if (commaOk[k] != null) {
                        assignment(new Operand(Operand.Mode.VALUE, rhs.get(0), commaOk[k]), v.type(), "assignment");
                    }
                } else if (k < values.size() && !values.get(k).invalid()) {
                    assignment(values.get(k), v.type(), "assignment");
                }
                continue;
            }
            if (existing != null) {
                error(id.pos(), "cannot assign to " + id.name());
                continue;
            }
            if (!id.name().equals("_")) {
                anyNew = true;
            }
            Type t = null;
            if (commaOk != null) {
                t = commaOk[k];
            } else if (k < values.size()) {
                Operand x = values.get(k);
                if (!x.invalid()) {
                    if (isUntyped(x.type)) {
                        if (x.type == UNIL) {
                            error(x, "use of untyped nil in assignment");
                            x.mode = Operand.Mode.INVALID;
                        } else {
                            defaultType(x, "assignment");
                        }
                    }
                    if (!x.invalid() && x.mode == Operand.Mode.NOVALUE) {
                        x.mode = Operand.Mode.INVALID;
                    }
                    t = x.invalid() ? null : x.type;
                }
            }
            Type vt = t == null ? INT : t;
            boolean initFailed = t == null;
            declare.add(() -> {
                Symbol.Var v = declareVar(id, vt, Symbol.VarKind.LOCAL);
                if (initFailed) {
                    used.add(v);
                }
                info.types.put(id, vt);
                if (id.name().equals("_")) {
                    info.types.remove(id);
                }
            });
        }
        if (!anyNew && !bad) {
            error(a.pos(), "no new variables on left side of :=");
        }
        for (Runnable r : declare) {
            r.run();
        }
    }

    private static Expr.BinaryOp binaryOpOf(String sym) {
        for (Expr.BinaryOp op : Expr.BinaryOp.values()) {
            if (op.symbol.equals(sym)) {
                return op;
            }
        }
        return Expr.BinaryOp.ADD;
    }

    // ---- terminating statements (Go spec), for "missing return"

    private boolean isTerminatingList(List<Stmt> stmts) {
        for (int i = stmts.size() - 1; i >= 0; i--) {
            if (!(stmts.get(i) instanceof Stmt.Empty)) {
                return isTerminating(stmts.get(i));
            }
        }
        return false;
    }

    private boolean isTerminating(Stmt s) {
        return switch (s) {
            case Stmt.Return r -> true;
            case Stmt.ExprStmt es -> unparen(es.x()) instanceof Expr.Call c
                    && unparen(c.fun()) instanceof Expr.Ident id && id.name().equals("panic")
                    && info.uses.get(id) instanceof Symbol.Builtin;
            case Stmt.Block b -> isTerminatingList(b.stmts());
            case Stmt.If i -> i.els() != null && isTerminatingList(i.then().stmts()) && isTerminating(i.els());
            case Stmt.For f -> f.cond() == null && !hasBreak(f.body().stmts());
            case Stmt.Switch sw -> {
                boolean hasDefault = false;
                for (CaseClause cc : sw.cases()) {
                    hasDefault |= cc.isDefault();
                    if (!isTerminatingList(cc.body()) || hasBreak(cc.body())) {
                        yield false;
                    }
                }
                yield hasDefault;
            }
            default -> false;
        };
    }

    /** Whether an unlabeled break in these statements targets the enclosing statement. */
    private boolean hasBreak(List<Stmt> stmts) {
        for (Stmt s : stmts) {
            if (hasBreak(s)) {
                return true;
            }
        }
        return false;
    }

    private boolean hasBreak(Stmt s) {
        return switch (s) {
            case Stmt.Branch b -> b.isBreak() && b.label() == null;
            case Stmt.Block b -> hasBreak(b.stmts());
            case Stmt.If i -> hasBreak(i.then()) || i.els() != null && hasBreak(i.els());
            default -> false; // for, range and switch own their breaks
        };
    }

    // =====================================================================================
    // Names

    /** Finds a name, resolving a package-level const or var on first reference. */
    private Symbol lookup(String name) {
        for (Scope s = scope; s != null; s = s.parent) {
            if (s == pkgScope && pending.containsKey(name)) {
                Object p = pending.get(name);
                Object spec = p instanceof PendingConst pc ? pc.spec() : p;
                if (resolving.contains(spec)) {
                    return null;
                }
                resolvePending(spec);
            }
            Symbol sym = s.lookupLocal(name);
            if (sym != null) {
                return sym;
            }
        }
        return null;
    }

    /** Whether a name is a package-level const or var whose own initialiser is being checked. */
    private boolean inCycle(String name) {
        for (Scope s = scope; s != null; s = s.parent) {
            if (s != pkgScope && s.lookupLocal(name) != null) {
                return false;
            }
        }
        Object p = pending.get(name);
        if (p == null) {
            return false;
        }
        return resolving.contains(p instanceof PendingConst pc ? pc.spec() : p);
    }

    private Operand ident(Expr.Ident id) {
        String name = id.name();
        if (name.equals("_")) {
            error(id.pos(), "cannot use _ as value");
            return Operand.invalid(id);
        }
        if (inCycle(name)) {
            error(reserved.get(name).pos(), "initialization loop for " + name);
            return Operand.invalid(id);
        }
        Symbol s = lookup(name);
        if (s == null) {
            if (name.equals("iota") && iota != null) {
                Operand x = new Operand(Operand.Mode.CONSTANT, id, UINT);
                x.val = iota;
                info.uses.put(id, new Symbol.Const("iota", UINT, iota));
                return x;
            }
            if (name.equals("iota")) {
                error(id.pos(), "cannot use iota outside constant declaration");
            } else if (UNSUPPORTED_TYPES.contains(name)) {
                error(id.pos(), "unsupported: type " + name + " is not in the subset");
            } else if (UNSUPPORTED_BUILTINS.contains(name)) {
                error(id.pos(), "unsupported: built-in " + name + " is not in the subset");
            } else {
                error(id.pos(), "undefined: " + name);
            }
            return Operand.invalid(id);
        }
        info.uses.put(id, s);
        switch (s) {
            case Symbol.Var v -> {
                used.add(v);
                if (v.kind() == Symbol.VarKind.GLOBAL && currentDeps != null) {
                    currentDeps.add(v);
                }
                return new Operand(Operand.Mode.VARIABLE, id, v.type());
            }
            case Symbol.Const c -> {
                if (c.value() == null) {
                    return Operand.invalid(id); // its declaration had an error
                }
                Operand x = new Operand(Operand.Mode.CONSTANT, id, c.type());
                x.val = c.value();
                return x;
            }
            case Symbol.TypeName tn -> {
                return new Operand(Operand.Mode.TYPE, id, tn.type());
            }
            case Symbol.Func f -> {
                if (currentDeps != null) {
                    currentDeps.add(f);
                }
                Operand x = new Operand(Operand.Mode.VALUE, id, f.signature());
                x.func = f;
                return x;
            }
            case Symbol.Builtin b -> {
                Operand x = new Operand(Operand.Mode.BUILTIN, id, null);
                x.builtin = b.fn();
                return x;
            }
            case Symbol.Package p -> {
                usedImports.add(p.name());
                return new Operand(Operand.Mode.PACKAGE, id, null);
            }
            case Symbol.Nil n -> {
                return new Operand(Operand.Mode.VALUE, id, UNIL);
            }
        }
    }

    // =====================================================================================
    // Expressions

    private Operand expr(Expr e) {
        return exprHint(e, null);
    }

    /** Checks an expression and records its type and constant value. */
    private Operand exprHint(Expr e, Type hint) {
        Operand x = rawExpr(e, hint);
        x.expr = e;
        record(x);
        return x;
    }

    private void record(Operand x) {
        Expr e = x.expr;
        switch (x.mode) {
            case INVALID, NOVALUE, BUILTIN, PACKAGE -> {
                return;
            }
            default -> {
            }
        }
        if (x.type == null) {
            return;
        }
        info.types.put(e, x.type);
        if (isUntyped(x.type)) {
            untyped.add(e);
        } else {
            untyped.remove(e);
        }
        if (x.mode == Operand.Mode.CONSTANT && x.val != null) {
            info.constants.put(e, x.val);
        }
    }

    private Operand value(Expr e) {
        return singleValue(expr(e));
    }

    /** Requires a single value: reports types, packages, builtins, void calls and function values. */
    private Operand singleValue(Operand x) {
        switch (x.mode) {
            case INVALID -> {
                return x;
            }
            case NOVALUE -> {
                error(x, x + " used as value");
                x.mode = Operand.Mode.INVALID;
            }
            case TYPE -> {
                error(x, x + " is not an expression");
                x.mode = Operand.Mode.INVALID;
            }
            case BUILTIN -> {
                error(x, x + " must be called");
                x.mode = Operand.Mode.INVALID;
            }
            case PACKAGE -> {
                error(x, "use of package " + Printer.expr(x.expr) + " without selector");
                x.mode = Operand.Mode.INVALID;
            }
            case COMMAOK -> x.mode = Operand.Mode.VALUE;
            default -> {
                if (x.type instanceof Type.Func) {
                    error(x, "unsupported: function value " + Printer.expr(x.expr) + " (functions can only be called)");
                    x.mode = Operand.Mode.INVALID;
                }
            }
        }
        return x;
    }

    private Operand rawExpr(Expr e, Type hint) {
        switch (e) {
            case Expr.Ident id -> {
                return ident(id);
            }
            case Expr.IntLit l -> {
                if (l.text().length() > MAX_LITERAL_CHARS) {
                    error(e, "excessively long constant: " + l.text().substring(0, 10) + "... ("
                            + l.text().length() + " chars)");
                    return Operand.invalid(e);
                }
                Operand x = new Operand(Operand.Mode.CONSTANT, e, UINT);
                x.val = l.value();
                return x;
            }
            case Expr.CharLit l -> {
                Operand x = new Operand(Operand.Mode.CONSTANT, e, URUNE);
                x.val = BigInteger.valueOf(l.value());
                return x;
            }
            case Expr.StringLit l -> {
                Operand x = new Operand(Operand.Mode.CONSTANT, e, USTRING);
                x.val = l.value();
                return x;
            }
            case Expr.Paren p -> {
                Operand x = exprHint(p.x(), hint);
                Operand r = new Operand(x.mode, e, x.type);
                r.val = x.val;
                r.builtin = x.builtin;
                r.func = x.func;
                return r;
            }
            case Expr.Unary u -> {
                return unary(u);
            }
            case Expr.Binary b -> {
                Operand x = value(b.x());
                Operand y = value(b.y());
                if (x.invalid() || y.invalid()) {
                    return Operand.invalid(e);
                }
                return binary(b, b.op(), x, y, null);
            }
            case Expr.Call c -> {
                return call(c, false);
            }
            case Expr.Selector s -> {
                return selector(s);
            }
            case Expr.Index ix -> {
                return index(ix);
            }
            case Expr.Slice s -> {
                return sliceExpr(s);
            }
            case Expr.Composite c -> {
                return composite(c, hint);
            }
            case Expr.TypeArg ta -> {
                Type t = typeExpr(ta.type(), false);
                drainResolveLater();
                return t == null ? Operand.invalid(e) : new Operand(Operand.Mode.TYPE, e, t);
            }
            case Expr.Unsupported u -> {
                error(u.pos(), "unsupported: " + u.what());
                return Operand.invalid(e);
            }
        }
    }

    private Operand unary(Expr.Unary u) {
        Expr e = u;
        switch (u.op()) {
            case ADDR -> {
                Expr inner = unparen(u.x());
                if (inner instanceof Expr.Composite) {
                    Operand x = expr(u.x());
                    if (x.invalid()) {
                        return x;
                    }
                    return new Operand(Operand.Mode.VALUE, e, new Type.Pointer(x.type));
                }
                Operand x = value(u.x());
                if (x.invalid()) {
                    return Operand.invalid(e);
                }
                if (x.mode != Operand.Mode.VARIABLE) {
                    error(x, "invalid operation: cannot take address of " + x);
                    return Operand.invalid(e);
                }
                return new Operand(Operand.Mode.VALUE, e, new Type.Pointer(x.type));
            }
            case DEREF -> {
                Operand x = expr(u.x());
                if (x.invalid()) {
                    return Operand.invalid(e);
                }
                if (x.mode == Operand.Mode.TYPE) {
                    return new Operand(Operand.Mode.TYPE, e, new Type.Pointer(x.type));
                }
                x = singleValue(x);
                if (x.invalid()) {
                    return Operand.invalid(e);
                }
                if (x.isNil()) {
                    error(x, "invalid operation: cannot indirect nil");
                    return Operand.invalid(e);
                }
                if (!(Types.underlying(x.type) instanceof Type.Pointer p)) {
                    error(x, "invalid operation: cannot indirect " + x);
                    return Operand.invalid(e);
                }
                return new Operand(Operand.Mode.VARIABLE, e, p.elem());
            }
            case RECV -> {
                Operand x = value(u.x());
                if (x.invalid()) {
                    return Operand.invalid(e);
                }
                if (!(Types.underlying(x.type) instanceof Type.Chan c)) {
                    error(x, "invalid operation: cannot receive from non-channel " + x);
                    return Operand.invalid(e);
                }
                if (c.dir() == TypeExpr.ChanDir.SEND) {
                    error(x, "invalid operation: cannot receive from send-only channel " + x);
                    return Operand.invalid(e);
                }
                return new Operand(Operand.Mode.COMMAOK, e, c.elem());
            }
            default -> {
            }
        }
        Operand x = value(u.x());
        if (x.invalid()) {
            return Operand.invalid(e);
        }
        boolean ok = switch (u.op()) {
            case NOT -> isBoolean(x.type);
            default -> isInteger(x.type);
        };
        if (!ok) {
            error(x, "invalid operation: operator " + u.op().symbol + " not defined on " + x);
            return Operand.invalid(e);
        }
        Operand r = new Operand(x.mode == Operand.Mode.CONSTANT ? Operand.Mode.CONSTANT : Operand.Mode.VALUE, e, x.type);
        if (x.isConstant()) {
            r.val = switch (u.op()) {
                case NOT -> !(Boolean) x.val;
                case NEG -> x.intVal().negate();
                case BITNOT -> x.intVal().not();
                default -> x.val;
            };
            if (!overflow(r, u.pos())) {
                return Operand.invalid(e);
            }
        }
        return r;
    }

    /** Checks a constant result against its type (typed) or Go's 512-bit limit (untyped). */
    private boolean overflow(Operand x, Pos opPos) {
        if (!(x.val instanceof BigInteger v)) {
            return true;
        }
        if (!isUntyped(x.type)) {
            if (isInteger(x.type) && !Constants.fitsInt(v)) {
                error(x, x + " overflows " + x.type);
                return false;
            }
            return true;
        }
        if (v.bitLength() > Constants.UNTYPED_PRECISION) {
            error(opPos, "constant " + opName(x.expr) + " overflow");
            return false;
        }
        return true;
    }

    private static String opName(Expr e) {
        if (e instanceof Expr.Binary b) {
            return switch (b.op()) {
                case ADD -> "addition";
                case SUB -> "subtraction";
                case MUL -> "multiplication";
                case SHL -> "shift";
                default -> "operation";
            };
        }
        return "operation";
    }

    private static boolean isComparison(Expr.BinaryOp op) {
        return op.precedence == 3;
    }

    /** Binary operations; {@code assign} is set for {@code x op= y} (e null), which changes the wording. */
    private Operand binary(Expr.Binary e, Expr.BinaryOp op, Operand x, Operand y, Stmt.Assign assign) {
        Expr at = e != null ? e : x.expr;
        if (op == Expr.BinaryOp.SHL || op == Expr.BinaryOp.SHR) {
            return shift(e, op, x, y, at);
        }
        if (!matchTypes(x, y)) {
            return Operand.invalid(at);
        }
        if (isComparison(op)) {
            return comparison(e, op, x, y, at);
        }
        if (!Types.identical(x.type, y.type)) {
            if (e != null) {
                error(x, "invalid operation: " + Printer.expr(e) + " (mismatched types " + x.type + " and " + y.type + ")");
            } else {
                error(x, "invalid operation: " + Printer.expr(x.expr) + " " + op.symbol + "= " + Printer.expr(y.expr)
                        + " (mismatched types " + x.type + " and " + y.type + ")");
            }
            return Operand.invalid(at);
        }
        boolean defined = switch (op) {
            case ADD -> isInteger(x.type) || isString(x.type);
            case AND, OR -> isBoolean(x.type);
            default -> isInteger(x.type);
        };
        if (!defined) {
            String opText = op.symbol;
            error(x, "invalid operation: operator " + opText + " not defined on " + x);
            return Operand.invalid(at);
        }
        if ((op == Expr.BinaryOp.DIV || op == Expr.BinaryOp.REM) && y.isConstant() && y.val instanceof BigInteger yv
                && yv.signum() == 0 && isInteger(x.type)) {
            error(y, "invalid operation: division by zero");
            return Operand.invalid(at);
        }
        if (x.isConstant() && y.isConstant()) {
            Operand r = new Operand(Operand.Mode.CONSTANT, at, x.type);
            r.val = fold(op, x.val, y.val);
            if (!overflow(r, e != null ? e.pos() : assign.pos())) {
                return Operand.invalid(at);
            }
            return r;
        }
        return new Operand(Operand.Mode.VALUE, at, x.type);
    }

    private static Object fold(Expr.BinaryOp op, Object a, Object b) {
        if (a instanceof byte[] s && b instanceof byte[] t) {
            byte[] r = Arrays.copyOf(s, s.length + t.length);
            System.arraycopy(t, 0, r, s.length, t.length);
            return r;
        }
        if (a instanceof Boolean p && b instanceof Boolean q) {
            return op == Expr.BinaryOp.AND ? p && q : p || q;
        }
        BigInteger x = (BigInteger) a;
        BigInteger y = (BigInteger) b;
        return switch (op) {
            case ADD -> x.add(y);
            case SUB -> x.subtract(y);
            case MUL -> x.multiply(y);
            case DIV -> x.divide(y); // truncated, as Go's integer constant division
            case REM -> x.remainder(y);
            case BITAND -> x.and(y);
            case BITOR -> x.or(y);
            case XOR -> x.xor(y);
            case ANDNOT -> x.andNot(y);
            default -> x;
        };
    }

    /** Go's matchTypes: converts an untyped operand towards the other operand's type where Go does. */
    private boolean matchTypes(Operand x, Operand y) {
        if (!isUntyped(x.type) && !isUntyped(y.type)) {
            return true;
        }
        if (!mayConvert(x, y)) {
            return true; // the mismatch is reported by the caller
        }
        if (isUntyped(x.type) && isUntyped(y.type)) {
            // both untyped: numeric kinds combine to the larger (rune over int); others must agree
            if (isNumericUntyped(x.type) && isNumericUntyped(y.type)) {
                Type k = x.type == URUNE || y.type == URUNE ? URUNE : UINT;
                setUntyped(x, k);
                setUntyped(y, k);
            } else if (x.type != y.type) {
                error(x, "cannot convert " + x + " to " + y.type);
                return false;
            }
            return true;
        }
        if (isUntyped(x.type)) {
            return convertUntyped(x, y.type);
        }
        return convertUntyped(y, x.type);
    }

    /** types2's canMix (Go 1.19): whether untyped conversion is attempted before the type comparison. */
    private boolean mayConvert(Operand x, Operand y) {
        if (isBoolean(x.type) != isBoolean(y.type)) {
            return false;
        }
        if (isString(x.type) != isString(y.type)) {
            return false;
        }
        if (x.isNil() && (!hasNil(y.type) || y.isNil())) {
            return false;
        }
        return !(y.isNil() && (!hasNil(x.type) || x.isNil()));
    }

    private void setUntyped(Operand x, Type k) {
        if (x.type != k) {
            x.type = k;
            updateExprType(x.expr, k);
        }
    }

    private Operand comparison(Expr.Binary e, Expr.BinaryOp op, Operand x, Operand y, Expr at) {
        Operand errOp = x;
        String cause = null;
        boolean ok = assignableTo(x, y.type) || assignableTo(y, x.type);
        if (!ok) {
            errOp = y;
            cause = "mismatched types " + x.type + " and " + y.type;
        } else if (op == Expr.BinaryOp.EQ || op == Expr.BinaryOp.NE) {
            if (x.isNil() || y.isNil()) {
                Type t = x.isNil() ? y.type : x.type;
                if (!hasNil(t)) {
                    errOp = y;
                    ok = false;
                }
            } else if (!comparable(x.type)) {
                errOp = x;
                cause = incomparableCause(x.type);
                ok = false;
            } else if (!comparable(y.type)) {
                errOp = y;
                cause = incomparableCause(y.type);
                ok = false;
            }
        } else {
            if (!ordered(x.type)) {
                errOp = x;
                ok = false;
            } else if (!ordered(y.type)) {
                errOp = y;
                ok = false;
            }
        }
        if (!ok) {
            if (cause == null) {
                cause = "operator " + op.symbol + " not defined on " + kindString(errOp.type);
            }
            error(errOp, "invalid operation: " + Printer.expr(x.expr) + " " + op.symbol + " "
                    + Printer.expr(y.expr) + " (" + cause + ")");
            return Operand.invalid(at);
        }
        if (x.isConstant() && y.isConstant()) {
            Operand r = new Operand(Operand.Mode.CONSTANT, at, UBOOL);
            r.val = compare(op, x.val, y.val);
            return r;
        }
        // the operands are materialised: give untyped ones their default types now
        if (isUntyped(x.type)) {
            defaultTypeSilently(x);
        }
        if (isUntyped(y.type)) {
            defaultTypeSilently(y);
        }
        if (x.isNil() && !y.isNil()) {
            setTyped(x, y.type);
        } else if (y.isNil() && !x.isNil()) {
            setTyped(y, x.type);
        }
        return new Operand(Operand.Mode.VALUE, at, UBOOL);
    }

    private static Boolean compare(Expr.BinaryOp op, Object a, Object b) {
        int c;
        if (a instanceof BigInteger x && b instanceof BigInteger y) {
            c = x.compareTo(y);
        } else if (a instanceof byte[] s && b instanceof byte[] t) {
            c = Arrays.compareUnsigned(s, t);
        } else {
            c = a.equals(b) ? 0 : 1;
        }
        return switch (op) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            default -> c >= 0;
        };
    }

    private Operand shift(Expr.Binary e, Expr.BinaryOp op, Operand x, Operand y, Expr at) {
        // the shift count
        if (y.isConstant()) {
            if (!(y.val instanceof BigInteger yv)) {
                if (isUntyped(y.type)) {
                    error(y, "cannot convert " + y + " to uint");
                } else {
                    error(y, "invalid operation: shift count " + y + " must be integer");
                }
                return Operand.invalid(at);
            }
            if (yv.signum() < 0) {
                error(y, "invalid operation: negative shift count " + y);
                return Operand.invalid(at);
            }
            if (isUntyped(y.type)) {
                setTypedConst(y, INT);
            }
        } else if (!isInteger(y.type)) {
            error(y, "invalid operation: shift count " + y + " must be integer");
            return Operand.invalid(at);
        } else if (isUntyped(y.type)) {
            setTyped(y, INT);
        }
        // the shifted operand
        if (x.isConstant() && isUntyped(x.type)) {
            if (!(x.val instanceof BigInteger)) {
                error(x, "invalid operation: shifted operand " + x + " must be integer");
                return Operand.invalid(at);
            }
            if (y.isConstant()) {
                BigInteger yv = (BigInteger) y.val;
                if (yv.compareTo(BigInteger.valueOf(MAX_CONST_SHIFT)) > 0) {
                    error(y, "invalid operation: invalid shift count " + y);
                    return Operand.invalid(at);
                }
                Operand r = new Operand(Operand.Mode.CONSTANT, at, x.type);
                int n = yv.intValue();
                r.val = op == Expr.BinaryOp.SHL ? x.intVal().shiftLeft(n) : x.intVal().shiftRight(n);
                if (!overflow(r, e != null ? e.pos() : Parser.startPos(at))) {
                    return Operand.invalid(at);
                }
                return r;
            }
            // a non-constant shift of an untyped constant takes the type of its context; in the
            // subset that type is int
            if (!convertUntyped(x, INT)) {
                return Operand.invalid(at);
            }
        } else if (isUntyped(x.type)) {
            if (x.type == UINT || x.type == URUNE) {
                setTyped(x, INT);
            } else {
                error(x, "invalid operation: shifted operand " + x + " must be integer");
                return Operand.invalid(at);
            }
        }
        if (!isInteger(x.type)) {
            error(x, "invalid operation: shifted operand " + x + " must be integer");
            return Operand.invalid(at);
        }
        if (x.isConstant() && y.isConstant()) {
            BigInteger yv = (BigInteger) y.val;
            if (yv.compareTo(BigInteger.valueOf(MAX_CONST_SHIFT)) > 0) {
                error(y, "invalid operation: invalid shift count " + y);
                return Operand.invalid(at);
            }
            Operand r = new Operand(Operand.Mode.CONSTANT, at, x.type);
            int n = yv.intValue();
            r.val = op == Expr.BinaryOp.SHL ? x.intVal().shiftLeft(n) : x.intVal().shiftRight(n);
            if (!overflow(r, e != null ? e.pos() : Parser.startPos(at))) {
                return Operand.invalid(at);
            }
            return r;
        }
        return new Operand(Operand.Mode.VALUE, at, x.type);
    }

    // ---- calls

    private Operand call(Expr.Call c, boolean statement) {
        Operand f = expr(c.fun());
        switch (f.mode) {
            case INVALID -> {
                for (Expr a : c.args()) {
                    expr(a);
                }
                return Operand.invalid(c);
            }
            case TYPE -> {
                return conversion(c, f.type);
            }
            case BUILTIN -> {
                return builtin(c, f.builtin);
            }
            default -> {
            }
        }
        if (!(f.type instanceof Type.Func sig) || f.func == null) {
            f = singleValue(f);
            if (!f.invalid()) {
                error(f, "invalid operation: cannot call non-function " + f);
            }
            for (Expr a : c.args()) {
                expr(a);
            }
            return Operand.invalid(c);
        }
        List<Operand> args = new ArrayList<>();
        for (Expr a : c.args()) {
            args.add(value(a));
        }
        if (c.ellipsis()) {
            error(c, "cannot use ... in call to non-variadic " + Printer.expr(c.fun()));
            return Operand.invalid(c);
        }
        if (!arguments(c, sig.params(), args, Printer.expr(c.fun()))) {
            Operand r = new Operand(sig.result() == null ? Operand.Mode.NOVALUE : Operand.Mode.VALUE, c, sig.result());
            return r;
        }
        if (sig.result() == null) {
            return new Operand(Operand.Mode.NOVALUE, c, null);
        }
        return new Operand(Operand.Mode.VALUE, c, sig.result());
    }

    /** Checks argument count and assignability; reports Go's have/want lines. */
    private boolean arguments(Expr.Call c, List<Type> params, List<Operand> args, String fun) {
        for (Operand a : args) {
            if (a.invalid()) {
                return false;
            }
        }
        if (args.size() != params.size()) {
            Expr at = c;
            String q = "not enough";
            if (args.size() > params.size()) {
                at = args.get(params.size()).expr;
                q = "too many";
            } else if (!args.isEmpty()) {
                at = args.get(args.size() - 1).expr;
            }
            StringBuilder want = new StringBuilder("(");
            for (int i = 0; i < params.size(); i++) {
                want.append(i > 0 ? ", " : "").append(params.get(i));
            }
            want.append(')');
            Pos p = Parser.startPos(at);
            error(p, q + " arguments in call to " + fun + "\n\thave " + summary(args) + "\n\twant " + want);
            return false;
        }
        boolean ok = true;
        for (int i = 0; i < args.size(); i++) {
            assignment(args.get(i), params.get(i), "argument to " + fun);
            ok &= !args.get(i).invalid();
        }
        return ok;
    }

    private Operand conversion(Expr.Call c, Type t) {
        if (c.args().size() != 1 || c.ellipsis()) {
            for (Expr a : c.args()) {
                expr(a);
            }
            if (c.args().isEmpty()) {
                error(c, "missing argument in conversion to " + t);
            } else if (c.ellipsis()) {
                error(c.args().get(0), "invalid use of ... in conversion to " + t);
            } else {
                error(c.args().get(c.args().size() - 1), "too many arguments in conversion to " + t);
            }
            return Operand.invalid(c);
        }
        Operand x = value(c.args().get(0));
        if (x.invalid()) {
            return Operand.invalid(c);
        }
        Type tu = Types.underlying(t);
        if (x.isConstant() && tu instanceof Type.Basic tb) {
            boolean ok;
            if (tb == INT) {
                ok = x.val instanceof BigInteger v && Constants.fitsInt(v);
                if (x.val instanceof BigInteger && isString(t)) {
                    ok = false;
                }
            } else if (tb == BOOL) {
                ok = x.val instanceof Boolean;
            } else {
                ok = x.val instanceof byte[];
                if (x.val instanceof BigInteger && isInteger(x.type)) {
                    error(c, "unsupported: conversion of an integer to a string (rune and byte types are not in the subset)");
                    return Operand.invalid(c);
                }
            }
            if (!ok) {
                error(x, "cannot convert " + x + " to type " + t);
                return Operand.invalid(c);
            }
            if (isUntyped(x.type)) {
                setTypedConst(x, t);
            }
            Operand r = new Operand(Operand.Mode.CONSTANT, c, t);
            r.val = x.val;
            return r;
        }
        if (isUntyped(x.type)) {
            if (x.isNil()) {
                if (!hasNil(t)) {
                    error(x, "cannot convert " + x + " to type " + t);
                    return Operand.invalid(c);
                }
                setTyped(x, t);
            } else if (!convertUntypedSilently(x, t)) {
                error(x, "cannot convert " + x + " to type " + t);
                return Operand.invalid(c);
            }
        }
        if (!convertible(x.type, t)) {
            if (isString(t) && isInteger(x.type)) {
                error(c, "unsupported: conversion of an integer to a string (rune and byte types are not in the subset)");
                return Operand.invalid(c);
            }
            error(x, "cannot convert " + x + " to type " + t);
            return Operand.invalid(c);
        }
        return new Operand(Operand.Mode.VALUE, c, t);
    }

    private boolean convertible(Type v, Type t) {
        if (Types.identical(v, t)) {
            return true;
        }
        Type vu = Types.underlying(v);
        Type tu = Types.underlying(t);
        if (Types.identical(vu, tu)) {
            return true;
        }
        if (vu instanceof Type.Pointer vp && tu instanceof Type.Pointer tp
                && Types.identical(Types.underlying(vp.elem()), Types.underlying(tp.elem()))) {
            return true;
        }
        return vu instanceof Type.Chan vc && tu instanceof Type.Chan tc && vc.dir() == TypeExpr.ChanDir.BOTH
                && Types.identical(vc.elem(), tc.elem());
    }

    private Operand builtin(Expr.Call c, Symbol.BuiltinFn fn) {
        List<Expr> args = c.args();
        String name = fn.goName;
        if (c.ellipsis() && fn != Symbol.BuiltinFn.APPEND) {
            for (Expr a : args) {
                expr(a);
            }
            error(c, "invalid operation: invalid use of ... with built-in " + name);
            return Operand.invalid(c);
        }
        int min;
        int max;
        switch (fn) {
            case LEN, CAP, NEW, PANIC, CLOSE -> {
                min = 1;
                max = 1;
            }
            case APPEND -> {
                min = 1;
                max = Integer.MAX_VALUE;
            }
            case MAKE -> {
                min = 1;
                max = 3;
            }
            case RUNTIME_GC, RUNTIME_GOSCHED, RUNTIME_NUMGOROUTINE -> {
                min = 0;
                max = 0;
            }
            default -> {
                min = 0;
                max = Integer.MAX_VALUE;
            }
        }
        if (args.size() < min || args.size() > max) {
            List<Operand> xs = new ArrayList<>();
            for (Expr a : args) {
                xs.add(fn == Symbol.BuiltinFn.MAKE || fn == Symbol.BuiltinFn.NEW ? expr(a) : value(a));
            }
            if (fn.goName.contains(".")) {
                // package functions are ordinary Go functions: Go reports them as calls
                error(args.get(0), "too many arguments in call to " + name + "\n\thave " + summary(xs) + "\n\twant ()");
            } else {
                String msg = args.size() < min ? "not enough" : "too many";
                error(c, "invalid operation: " + msg + " arguments for " + Printer.expr(c) + " (expected "
                        + min + ", found " + args.size() + ")");
            }
            return Operand.invalid(c);
        }
        Operand r;
        switch (fn) {
            case LEN, CAP -> {
                Operand x = value(args.get(0));
                if (x.invalid()) {
                    return Operand.invalid(c);
                }
                Type u = Types.underlying(x.type);
                if (u instanceof Type.Pointer p && Types.underlying(p.elem()) instanceof Type.Array) {
                    u = Types.underlying(p.elem());
                }
                Object constVal = null;
                boolean ok;
                if (isString(x.type) && fn == Symbol.BuiltinFn.LEN) {
                    ok = true;
                    if (x.isConstant()) {
                        constVal = BigInteger.valueOf(((byte[]) x.val).length);
                    }
                    if (isUntyped(x.type)) {
                        setTypedConst(x, STRING);
                    }
                } else if (u instanceof Type.Array a) {
                    ok = true;
                    if (!containsCallOrRecv(args.get(0))) {
                        constVal = BigInteger.valueOf(a.length());
                    }
                } else {
                    ok = u instanceof Type.Slice || u instanceof Type.Chan;
                }
                if (!ok) {
                    error(x, "invalid argument: " + x + " for " + name);
                    return Operand.invalid(c);
                }
                r = new Operand(constVal != null ? Operand.Mode.CONSTANT : Operand.Mode.VALUE, c, INT);
                r.val = constVal;
            }
            case APPEND -> {
                Operand s = value(args.get(0));
                if (s.invalid()) {
                    for (int i = 1; i < args.size(); i++) {
                        expr(args.get(i));
                    }
                    return Operand.invalid(c);
                }
                if (!(Types.underlying(s.type) instanceof Type.Slice st)) {
                    for (int i = 1; i < args.size(); i++) {
                        expr(args.get(i));
                    }
                    error(s, "first argument to append must be a slice; " + (s.isNil() ? "have untyped nil" : "have " + s));
                    return Operand.invalid(c);
                }
                if (c.ellipsis()) {
                    if (args.size() != 2) {
                        for (int i = 1; i < args.size(); i++) {
                            expr(args.get(i));
                        }
                        error(c, "can only use ... with final argument in list");
                        return Operand.invalid(c);
                    }
                    Operand t = value(args.get(1));
                    if (!t.invalid()) {
                        assignment(t, s.type, "argument to append");
                    }
                } else {
                    for (int i = 1; i < args.size(); i++) {
                        Operand v = value(args.get(i));
                        if (!v.invalid()) {
                            assignment(v, st.elem(), "argument to append");
                        }
                    }
                }
                r = new Operand(Operand.Mode.VALUE, c, s.type);
            }
            case MAKE -> {
                Operand t = expr(args.get(0));
                if (t.invalid()) {
                    for (int i = 1; i < args.size(); i++) {
                        expr(args.get(i));
                    }
                    return Operand.invalid(c);
                }
                if (t.mode != Operand.Mode.TYPE) {
                    for (int i = 1; i < args.size(); i++) {
                        expr(args.get(i));
                    }
                    error(t, t.mode == Operand.Mode.INVALID ? "" : Printer.expr(args.get(0)) + " is not a type");
                    return Operand.invalid(c);
                }
                int lo;
                Type u = Types.underlying(t.type);
                if (u instanceof Type.Slice) {
                    lo = 2;
                } else if (u instanceof Type.Chan) {
                    lo = 1;
                } else {
                    for (int i = 1; i < args.size(); i++) {
                        expr(args.get(i));
                    }
                    error(args.get(0), "invalid argument: cannot make " + Printer.expr(args.get(0))
                            + "; type must be slice, map, or channel");
                    return Operand.invalid(c);
                }
                if (args.size() < lo || args.size() > lo + 1) {
                    for (int i = 1; i < args.size(); i++) {
                        expr(args.get(i));
                    }
                    error(c, "invalid operation: " + Printer.expr(c) + " expects " + lo + " or " + (lo + 1)
                            + " arguments; found " + args.size());
                    return Operand.invalid(c);
                }
                BigInteger[] sizes = new BigInteger[args.size()];
                boolean ok = true;
                for (int i = 1; i < args.size(); i++) {
                    Operand n = value(args.get(i));
                    if (n.invalid() || !validIndex(n, "index", false)) {
                        ok = false;
                    } else if (n.isConstant()) {
                        sizes[i] = n.intVal();
                    }
                }
                if (!ok) {
                    return Operand.invalid(c);
                }
                if (args.size() == 3 && sizes[1] != null && sizes[2] != null && sizes[1].compareTo(sizes[2]) > 0) {
                    error(args.get(1), "invalid argument: length and capacity swapped");
                    return Operand.invalid(c);
                }
                r = new Operand(Operand.Mode.VALUE, c, t.type);
            }
            case NEW -> {
                Operand t = expr(args.get(0));
                if (t.invalid()) {
                    return Operand.invalid(c);
                }
                if (t.mode != Operand.Mode.TYPE) {
                    error(t, Printer.expr(args.get(0)) + " is not a type");
                    return Operand.invalid(c);
                }
                r = new Operand(Operand.Mode.VALUE, c, new Type.Pointer(t.type));
            }
            case PANIC -> {
                Operand x = value(args.get(0));
                if (x.invalid()) {
                    return Operand.invalid(c);
                }
                if (!printable(x, "argument to panic")) {
                    return Operand.invalid(c);
                }
                r = new Operand(Operand.Mode.NOVALUE, c, null);
            }
            case PRINT, PRINTLN, FMT_PRINT, FMT_PRINTLN -> {
                boolean ok = true;
                for (Expr a : args) {
                    Operand x = value(a);
                    if (x.invalid()) {
                        ok = false;
                        continue;
                    }
                    if (x.isNil()) {
                        error(x, "use of untyped nil in argument to " + (fn.goName.contains(".") ? fn.goName : "built-in " + name));
                        ok = false;
                        continue;
                    }
                    ok &= printable(x, "argument to " + name);
                }
                if (!ok) {
                    return Operand.invalid(c);
                }
                r = new Operand(Operand.Mode.NOVALUE, c, null);
            }
            case CLOSE -> {
                Operand x = value(args.get(0));
                if (x.invalid()) {
                    return Operand.invalid(c);
                }
                if (!(Types.underlying(x.type) instanceof Type.Chan ch)) {
                    error(x, "invalid operation: cannot close non-channel " + x);
                    return Operand.invalid(c);
                }
                if (ch.dir() == TypeExpr.ChanDir.RECV) {
                    error(x, "invalid operation: cannot close receive-only channel " + x);
                    return Operand.invalid(c);
                }
                r = new Operand(Operand.Mode.NOVALUE, c, null);
            }
            case RUNTIME_GC, RUNTIME_GOSCHED -> r = new Operand(Operand.Mode.NOVALUE, c, null);
            case RUNTIME_NUMGOROUTINE -> r = new Operand(Operand.Mode.VALUE, c, INT);
            default -> throw new IllegalStateException("builtin " + fn);
        }
        r.builtin = fn;
        return r;
    }

    /** Print-like arguments: int, bool and string only (untyped constants take their default type). */
    private boolean printable(Operand x, String context) {
        if (isUntyped(x.type)) {
            if (x.isNil()) {
                error(x, "unsupported: nil " + context + " (only int, bool and string values)");
                return false;
            }
            Type d = x.type == USTRING ? STRING : x.type == UBOOL ? BOOL : INT;
            if (!convertUntyped(x, d)) {
                return false;
            }
        }
        Type u = Types.underlying(x.type);
        if (u == INT || u == BOOL || u == STRING) {
            return true;
        }
        error(x, "unsupported: " + x + " as " + context + " (only int, bool and string values)");
        return false;
    }

    private static boolean containsCallOrRecv(Expr e) {
        return switch (e) {
            case Expr.Call c -> true;
            case Expr.Unary u -> u.op() == Expr.UnaryOp.RECV || containsCallOrRecv(u.x());
            case Expr.Binary b -> containsCallOrRecv(b.x()) || containsCallOrRecv(b.y());
            case Expr.Paren p -> containsCallOrRecv(p.x());
            case Expr.Selector s -> containsCallOrRecv(s.x());
            case Expr.Index i -> containsCallOrRecv(i.x()) || containsCallOrRecv(i.index());
            case Expr.Slice s -> true;
            case Expr.Composite c -> true;
            default -> false;
        };
    }

    // ---- selectors, indexing, slicing, composite literals

    private static final Set<String> GO_RUNTIME = Set.of("Goexit", "NumCPU", "GOMAXPROCS", "Caller", "Callers",
            "KeepAlive", "SetFinalizer", "Stack", "ReadMemStats", "MemStats", "GOOS", "GOARCH", "Version",
            "LockOSThread", "UnlockOSThread", "Breakpoint", "FuncForPC", "NumCgoCall", "Error");

    private Operand selector(Expr.Selector s) {
        String sel = s.sel().name();
        if (s.x() instanceof Expr.Ident pid && lookup(pid.name()) instanceof Symbol.Package pkg) {
            info.uses.put(pid, pkg);
            usedImports.add(pkg.name());
            Symbol.BuiltinFn fn = null;
            for (Symbol.BuiltinFn f : Symbol.BuiltinFn.values()) {
                if (f.goName.equals(pkg.name() + "." + sel)) {
                    fn = f;
                }
            }
            if (fn == null) {
                boolean exists = pkg.name().equals("fmt") ? GO_FMT.contains(sel) : GO_RUNTIME.contains(sel);
                if (exists) {
                    error(s.sel().pos(), "unsupported: " + pkg.name() + "." + sel + " is not in the subset");
                } else {
                    error(s.sel().pos(), "undefined: " + pkg.name() + "." + sel);
                }
                return Operand.invalid(s);
            }
            info.selections.put(s, new Selection.PackageFunc(fn));
            Operand x = new Operand(Operand.Mode.BUILTIN, s, null);
            x.builtin = fn;
            return x;
        }
        Operand x = expr(s.x());
        if (x.invalid()) {
            return Operand.invalid(s);
        }
        if (x.mode == Operand.Mode.TYPE) {
            Type base = Types.underlying(x.type) instanceof Type.Pointer p ? p.elem() : x.type;
            if (base instanceof Named n && n.method(sel) != null) {
                error(s.sel().pos(), "unsupported: method expression " + Printer.expr(s));
            } else {
                error(s.sel().pos(), Printer.expr(s) + " undefined (type " + x.type + " has no field or method " + sel + ")");
            }
            return Operand.invalid(s);
        }
        x = singleValue(x);
        if (x.invalid()) {
            return Operand.invalid(s);
        }
        Type base = x.type;
        boolean indirect = false;
        if (Types.underlying(base) instanceof Type.Pointer p && !(base instanceof Named)) {
            base = p.elem();
            indirect = true;
        }
        if (Types.underlying(base) instanceof Type.Struct st && st.field(sel) != null
                && !(indirect && Types.underlying(base) instanceof Type.Pointer)) {
            Type.Field f = st.field(sel);
            info.selections.put(s, new Selection.Field(f, indirect));
            Operand.Mode m = indirect || x.mode == Operand.Mode.VARIABLE ? Operand.Mode.VARIABLE : Operand.Mode.VALUE;
            return new Operand(m, s, f.type());
        }
        if (base instanceof Named n && n.method(sel) != null) {
            Named.Method m = n.method(sel);
            Symbol.Func mf = (Symbol.Func) m.function();
            if (m.pointerReceiver() && !indirect && x.mode != Operand.Mode.VARIABLE) {
                error(s.sel().pos(), "cannot call pointer method " + sel + " on " + x.type);
                return Operand.invalid(s);
            }
            info.selections.put(s, new Selection.Method(mf, indirect));
            if (currentDeps != null) {
                currentDeps.add(mf);
            }
            Operand r = new Operand(Operand.Mode.VALUE, s, m.signature());
            r.func = mf;
            return r;
        }
        String why = "type " + x.type + " has no field or method " + sel;
        if (Types.underlying(x.type) instanceof Type.Pointer p && Types.underlying(p.elem()) instanceof Type.Pointer) {
            why = "type " + x.type + " has no field or method " + sel;
        }
        error(s.sel().pos(), Printer.expr(s.x()) + "." + sel + " undefined (" + why + ")");
        return Operand.invalid(s);
    }

    private Operand index(Expr.Index ix) {
        Operand x = value(ix.x());
        if (x.invalid()) {
            expr(ix.index());
            return Operand.invalid(ix);
        }
        Type u = Types.underlying(x.type);
        long length = -1;
        Type elem;
        Operand.Mode mode = Operand.Mode.VARIABLE;
        if (u instanceof Type.Pointer p && Types.underlying(p.elem()) instanceof Type.Array a) {
            length = a.length();
            elem = a.elem();
        } else if (u instanceof Type.Array a) {
            length = a.length();
            elem = a.elem();
            if (x.mode != Operand.Mode.VARIABLE) {
                mode = Operand.Mode.VALUE;
            }
        } else if (u instanceof Type.Slice sl) {
            elem = sl.elem();
        } else if (isString(x.type)) {
            expr(ix.index());
            error(ix.pos(), "unsupported: indexing a string (byte type is not in the subset)");
            return Operand.invalid(ix);
        } else {
            expr(ix.index());
            error(ix.pos(), "invalid operation: cannot index " + x);
            return Operand.invalid(ix);
        }
        Operand i = value(ix.index());
        if (i.invalid() || !validIndex(i, "index", false)) {
            return Operand.invalid(ix);
        }
        if (i.isConstant() && length >= 0 && i.intVal().compareTo(BigInteger.valueOf(length)) >= 0) {
            error(i, "invalid argument: index " + i.intVal() + " out of bounds [0:" + length + "]");
            return Operand.invalid(ix);
        }
        return new Operand(mode, ix, elem);
    }

    /** Go's isValidIndex: an integer, untyped constants converted to int, constants non-negative. */
    private boolean validIndex(Operand x, String what, boolean allowNegative) {
        if (isUntyped(x.type)) {
            if (!convertUntyped(x, INT)) {
                return false;
            }
        }
        if (!isInteger(x.type)) {
            error(x, "invalid argument: " + what + " " + x + " must be integer");
            return false;
        }
        if (x.isConstant() && !allowNegative && x.intVal().signum() < 0) {
            error(x, "invalid argument: " + what + " " + x + " must not be negative");
            return false;
        }
        return true;
    }

    private Operand sliceExpr(Expr.Slice s) {
        Operand x = value(s.x());
        if (x.invalid()) {
            for (Expr e : new Expr[]{s.lo(), s.hi(), s.max()}) {
                if (e != null) {
                    expr(e);
                }
            }
            return Operand.invalid(s);
        }
        Type u = Types.underlying(x.type);
        long length = -1;
        Type result;
        if (isString(x.type)) {
            if (s.max() != null) {
                error(s.max(), "invalid operation: 3-index slice of string");
                return Operand.invalid(s);
            }
            if (x.isConstant()) {
                length = ((byte[]) x.val).length;
            }
            if (isUntyped(x.type)) {
                setTypedConst(x, STRING);
            }
            result = x.type;
        } else if (u instanceof Type.Array a) {
            if (x.mode != Operand.Mode.VARIABLE) {
                error(x, "invalid operation: " + Printer.expr(s) + " (slice of unaddressable value)");
                return Operand.invalid(s);
            }
            length = a.length();
            result = new Type.Slice(a.elem());
        } else if (u instanceof Type.Pointer p && Types.underlying(p.elem()) instanceof Type.Array a) {
            length = a.length();
            result = new Type.Slice(a.elem());
        } else if (u instanceof Type.Slice) {
            result = x.type;
        } else {
            error(x, "invalid operation: cannot slice " + x);
            return Operand.invalid(s);
        }
        BigInteger[] vals = new BigInteger[3];
        Expr[] idx = {s.lo(), s.hi(), s.max()};
        boolean ok = true;
        for (int k = 0; k < 3; k++) {
            if (idx[k] == null) {
                continue;
            }
            Operand i = value(idx[k]);
            if (i.invalid() || !validIndex(i, "index", false)) {
                ok = false;
                continue;
            }
            if (i.isConstant()) {
                if (length >= 0 && i.intVal().compareTo(BigInteger.valueOf(length)) > 0) {
                    error(i, "invalid argument: index " + i.intVal() + " out of bounds [0:" + (length + 1) + "]");
                    ok = false;
                    continue;
                }
                vals[k] = i.intVal();
            }
        }
        if (!ok) {
            return Operand.invalid(s);
        }
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) {
                if (vals[a] != null && vals[b] != null && vals[a].compareTo(vals[b]) > 0) {
                    error(idx[b], "invalid slice indices: " + vals[b] + " < " + vals[a]);
                    return Operand.invalid(s);
                }
            }
        }
        return new Operand(Operand.Mode.VALUE, s, result);
    }

    private Operand composite(Expr.Composite c, Type hint) {
        Type t;
        Type litType;
        if (c.type() != null) {
            if (c.type() instanceof TypeExpr.Array a && a.len() instanceof Expr.Unsupported u
                    && u.what().equals("[...] array length")) {
                error(u.pos(), "unsupported: [...] array length");
                return Operand.invalid(c);
            }
            t = typeExpr(c.type(), false);
            drainResolveLater();
            if (t == null) {
                for (Element el : c.elems()) {
                    if (el.key() != null && !(el.key() instanceof Expr.Ident)) {
                        expr(el.key());
                    }
                    if (!(el.value() instanceof Expr.Composite)) {
                        expr(el.value());
                    }
                }
                return Operand.invalid(c);
            }
            litType = t;
        } else if (hint != null) {
            litType = hint;
            t = hint;
            if (Types.underlying(hint) instanceof Type.Pointer p) {
                t = p.elem(); // *T elided in an element: &T{...}
            }
        } else {
            error(c, "invalid composite literal type: missing type");
            return Operand.invalid(c);
        }
        Type u = Types.underlying(t);
        switch (u) {
            case Type.Struct st -> structLit(c, t, st);
            case Type.Array a -> {
                elements(c, a.elem(), a.length());
            }
            case Type.Slice sl -> elements(c, sl.elem(), -1);
            default -> {
                error(c, "invalid composite literal type " + t);
                return Operand.invalid(c);
            }
        }
        return new Operand(Operand.Mode.VALUE, c, litType);
    }

    private void structLit(Expr.Composite c, Type t, Type.Struct st) {
        List<Element> elems = c.elems();
        if (elems.isEmpty()) {
            return;
        }
        if (elems.get(0).key() != null) {
            Set<String> seen = new java.util.HashSet<>();
            for (Element el : elems) {
                if (el.key() == null) {
                    error(el.value(), "mixture of field:value and value elements in struct literal");
                    expr(el.value());
                    continue;
                }
                if (!(el.key() instanceof Expr.Ident key)) {
                    error(el.key(), "invalid field name " + Printer.expr(el.key()) + " in struct literal");
                    exprHint(el.value(), null);
                    continue;
                }
                Type.Field f = st.field(key.name());
                if (f == null) {
                    error(key.pos(), "unknown field '" + key.name() + "' in struct literal of type " + t);
                    exprHint(el.value(), null);
                    continue;
                }
                if (!seen.add(key.name())) {
                    error(el.pos(), "duplicate field name " + key.name() + " in struct literal");
                    exprHint(el.value(), null);
                    continue;
                }
                Operand v = singleValue(exprHint(el.value(), f.type()));
                if (!v.invalid()) {
                    assignment(v, f.type(), "struct literal");
                }
            }
            return;
        }
        int i = 0;
        for (Element el : elems) {
            if (el.key() != null) {
                error(el.key(), "mixture of field:value and value elements in struct literal");
                expr(el.value());
                i++;
                continue;
            }
            Type ft = i < st.fields().size() ? st.fields().get(i).type() : null;
            Operand v = singleValue(exprHint(el.value(), ft));
            if (ft == null) {
                error(el.value(), "too many values in " + t + "{…}");
                return;
            }
            if (!v.invalid()) {
                assignment(v, ft, "struct literal");
            }
            i++;
        }
        if (i < st.fields().size()) {
            error(c.pos(), "too few values in " + t + "{…}");
        }
    }

    private void elements(Expr.Composite c, Type elem, long length) {
        long idx = 0;
        Set<Long> seen = new java.util.HashSet<>();
        for (Element el : c.elems()) {
            boolean validIndex = false;
            if (el.key() != null) {
                Operand k = value(el.key());
                if (!k.invalid() && validIndex(k, "index", false)) {
                    if (k.isConstant()) {
                        if (length >= 0 && k.intVal().compareTo(BigInteger.valueOf(length)) >= 0) {
                            error(k, "invalid argument: index " + k.intVal() + " out of bounds [0:" + length + "]");
                        } else {
                            idx = k.intVal().longValueExact();
                            validIndex = true;
                        }
                    } else {
                        error(el.key(), "index " + Printer.expr(el.key()) + " must be integer constant");
                    }
                }
            } else if (length >= 0 && idx >= length) {
                error(el.value(), "index " + idx + " is out of bounds (>= " + length + ")");
            } else {
                validIndex = true;
            }
            if (validIndex && !seen.add(idx)) {
                error(el.key() != null ? el.key() : el.value(), "duplicate index " + idx + " in array or slice literal");
            }
            idx++;
            Operand v = singleValue(exprHint(el.value(), elem));
            if (!v.invalid()) {
                assignment(v, elem, "array or slice literal");
            }
        }
    }

    // =====================================================================================
    // Assignability and untyped conversion

    /** Go's assignment check: converts an untyped value to T, else requires assignability. */
    private void assignment(Operand x, Type t, String context) {
        if (x.invalid()) {
            return;
        }
        if (x.mode == Operand.Mode.NOVALUE || x.mode == Operand.Mode.TYPE || x.mode == Operand.Mode.BUILTIN) {
            singleValue(x);
            return;
        }
        if (isUntyped(x.type)) {
            String before = x.toString();
            if (x.isNil()) {
                if (!hasNil(t)) {
                    error(x, "cannot use nil as " + t + " value in " + context);
                    x.mode = Operand.Mode.INVALID;
                    return;
                }
                setTyped(x, t);
                return;
            }
            int code = implicitCode(x, t);
            if (code != OK) {
                String msg = "cannot use " + before + " as " + t + " value in " + context;
                if (code == OVERFLOWS) {
                    msg += " (overflows)";
                }
                error(x, msg);
                x.mode = Operand.Mode.INVALID;
                return;
            }
            apply(x, t);
            return;
        }
        if (!assignableTo(x, t)) {
            error(x, "cannot use " + x + " as type " + t + " in " + context);
            x.mode = Operand.Mode.INVALID;
        }
    }

    private static final int OK = 0;
    private static final int OVERFLOWS = 1;
    private static final int INCOMPATIBLE = 2;

    /** Whether an untyped operand can take type t (Go's implicitTypeAndValue), without changing it. */
    private int implicitCode(Operand x, Type t) {
        Type tu = Types.underlying(t);
        if (x.isNil()) {
            return hasNil(t) ? OK : INCOMPATIBLE;
        }
        if (!(tu instanceof Type.Basic tb)) {
            return INCOMPATIBLE;
        }
        if (tb.isUntyped()) {
            return OK;
        }
        if (x.type == UINT || x.type == URUNE) {
            if (tb != INT) {
                return INCOMPATIBLE;
            }
            if (x.isConstant() && !Constants.fitsInt(x.intVal())) {
                return OVERFLOWS;
            }
            return OK;
        }
        if (x.type == UBOOL) {
            return tb == BOOL ? OK : INCOMPATIBLE;
        }
        if (x.type == USTRING) {
            return tb == STRING ? OK : INCOMPATIBLE;
        }
        return INCOMPATIBLE;
    }

    /**
     * Gives an untyped operand type t (already checked possible). nil keeps its untyped operand
     * type, as in types2, so later nil checks still see it; its recorded type becomes t.
     */
    private void apply(Operand x, Type t) {
        if (x.isNil()) {
            updateExprType(x.expr, t);
        } else if (x.isConstant()) {
            setTypedConst(x, t);
        } else {
            setTyped(x, t);
        }
    }

    /** Go's convertUntyped: reports "X overflows int" / "cannot convert X to T" on failure. */
    private boolean convertUntyped(Operand x, Type t) {
        if (!isUntyped(x.type) || x.type == t) {
            return true;
        }
        if (t instanceof Type.Basic b && b.isUntyped()) {
            setUntyped(x, t);
            return true;
        }
        int code = implicitCode(x, t);
        if (code != OK) {
            Type tu = Types.underlying(t);
            error(x, code == OVERFLOWS ? x + " overflows " + tu : "cannot convert " + x + " to " + tu);
            x.mode = Operand.Mode.INVALID;
            return false;
        }
        apply(x, t);
        return true;
    }

    private boolean convertUntypedSilently(Operand x, Type t) {
        if (implicitCode(x, t) != OK) {
            return false;
        }
        apply(x, t);
        return true;
    }

    /** Gives an untyped operand its default type where a declaration needs one. */
    private void defaultType(Operand x, String context) {
        if (x.type == URUNE) {
            error(x, "unsupported: " + x + " in " + context
                    + " would have type rune, which is not in the subset (convert it: int(...))");
            x.mode = Operand.Mode.INVALID;
            return;
        }
        Type d = defaultOf(x.type);
        if (d == null) {
            return;
        }
        int code = implicitCode(x, d);
        if (code != OK) {
            error(x, "cannot use " + x + " as " + d + " value in " + context + (code == OVERFLOWS ? " (overflows)" : ""));
            x.mode = Operand.Mode.INVALID;
            return;
        }
        apply(x, d);
    }

    private void defaultTypeSilently(Operand x) {
        Type d = defaultOf(x.type);
        if (d != null && implicitCode(x, d) == OK) {
            apply(x, d);
        }
    }

    private static Type defaultOf(Type t) {
        if (t == UINT || t == URUNE) {
            return INT;
        }
        if (t == UBOOL) {
            return BOOL;
        }
        if (t == USTRING) {
            return STRING;
        }
        return null;
    }

    private void setTyped(Operand x, Type t) {
        x.type = t;
        updateExprType(x.expr, t);
    }

    private void setTypedConst(Operand x, Type t) {
        x.type = t;
        updateExprType(x.expr, t);
    }

    /**
     * Rewrites the recorded type of an untyped expression tree once its type is known, as
     * types2's updateExprType: through parentheses, unary operators and non-comparison binary
     * operators (for shifts only the shifted operand).
     */
    private void updateExprType(Expr e, Type t) {
        Deque<Expr> work = new ArrayDeque<>();
        work.push(e);
        while (!work.isEmpty()) {
            Expr x = work.pop();
            if (x == null || !untyped.contains(x)) {
                continue;
            }
            // the operands of a constant are never materialised: they keep their own (untyped) types
            boolean constant = info.constants.containsKey(x);
            switch (x) {
                case Expr.Paren p -> work.push(p.x());
                case Expr.Unary u when constant -> {
                }
                case Expr.Binary b when constant -> {
                }
                case Expr.Unary u -> {
                    if (u.op() != Expr.UnaryOp.RECV && u.op() != Expr.UnaryOp.ADDR && u.op() != Expr.UnaryOp.DEREF) {
                        work.push(u.x());
                    }
                }
                case Expr.Binary b -> {
                    if (!isComparison(b.op())) {
                        work.push(b.x());
                        if (b.op() != Expr.BinaryOp.SHL && b.op() != Expr.BinaryOp.SHR) {
                            work.push(b.y());
                        }
                    }
                }
                default -> {
                }
            }
            if (!(t instanceof Type.Basic b && b.isUntyped())) {
                untyped.remove(x);
            }
            info.types.put(x, t);
        }
    }

    /**
     * At the end, untyped expressions never given a type by a context take their default type.
     * The exception is an operand inside a constant expression whose exact value does not fit in
     * an int ({@code 1 << 100} in {@code 1 << 100 >> 98}): it is never materialised and keeps
     * its untyped type; the enclosing constant's value is what code generation uses.
     */
    private void finishUntyped() {
        for (Expr e : untyped) {
            Type t = info.types.get(e);
            Type d = defaultOf(t);
            if (d == null) {
                continue;
            }
            if (info.constants.get(e) instanceof BigInteger v && !Constants.fitsInt(v)) {
                continue;
            }
            info.types.put(e, d);
        }
        untyped.clear();
    }

    private boolean assignableTo(Operand x, Type t) {
        if (x.type == null || t == null) {
            return true;
        }
        if (Types.identical(x.type, t)) {
            return true;
        }
        if (isUntyped(x.type)) {
            return implicitCode(x, t) == OK;
        }
        Type vu = Types.underlying(x.type);
        Type tu = Types.underlying(t);
        boolean eitherUnnamed = !(x.type instanceof Named) || !(t instanceof Named);
        if (eitherUnnamed && Types.identical(vu, tu) && !(vu instanceof Type.Basic)) {
            return true;
        }
        return vu instanceof Type.Chan vc && tu instanceof Type.Chan tc && vc.dir() == TypeExpr.ChanDir.BOTH
                && Types.identical(vc.elem(), tc.elem()) && eitherUnnamed;
    }

    // =====================================================================================
    // Type predicates

    private static boolean isUntyped(Type t) {
        return t instanceof Type.Basic b && b.isUntyped();
    }

    private static boolean isNumericUntyped(Type t) {
        return t == UINT || t == URUNE;
    }

    private static boolean isInteger(Type t) {
        Type u = Types.underlying(t);
        return u == INT || u == UINT || u == URUNE;
    }

    private static boolean isBoolean(Type t) {
        Type u = Types.underlying(t);
        return u == BOOL || u == UBOOL;
    }

    private static boolean isString(Type t) {
        Type u = Types.underlying(t);
        return u == STRING || u == USTRING;
    }

    private static boolean hasNil(Type t) {
        Type u = Types.underlying(t);
        return u instanceof Type.Pointer || u instanceof Type.Slice || u instanceof Type.Chan
                || u instanceof Type.Func || u == UNIL;
    }

    private static boolean ordered(Type t) {
        return isInteger(t) || isString(t);
    }

    private static boolean comparable(Type t) {
        return switch (Types.underlying(t)) {
            case Type.Slice s -> false;
            case Type.Func f -> false;
            case Type.Array a -> comparable(a.elem());
            case Type.Struct s -> s.fields().stream().allMatch(f -> comparable(f.type()));
            default -> true;
        };
    }

    private static String incomparableCause(Type t) {
        Type u = Types.underlying(t);
        if (u instanceof Type.Slice || u instanceof Type.Func) {
            return kindString(t) + " can only be compared to nil";
        }
        return "struct containing " + incomparableComponent(u) + " cannot be compared";
    }

    private static Type incomparableComponent(Type u) {
        if (u instanceof Type.Struct s) {
            for (Type.Field f : s.fields()) {
                if (!comparable(f.type())) {
                    Type fu = Types.underlying(f.type());
                    return fu instanceof Type.Struct || fu instanceof Type.Array ? incomparableComponent(fu) : f.type();
                }
            }
        }
        if (u instanceof Type.Array a) {
            return a.elem();
        }
        return u;
    }

    private static String kindString(Type t) {
        return switch (Types.underlying(t)) {
            case Type.Array a -> "array";
            case Type.Slice s -> "slice";
            case Type.Struct s -> "struct";
            case Type.Pointer p -> "pointer";
            case Type.Func f -> "func";
            case Type.Chan c -> "chan";
            default -> String.valueOf(t);
        };
    }

    private static Expr unparen(Expr e) {
        while (e instanceof Expr.Paren p) {
            e = p.x();
        }
        return e;
    }
}
