package org.cairnvm.core.parse;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.cairnvm.api.Source;
import org.cairnvm.core.ast.CaseClause;
import org.cairnvm.core.ast.ConstSpec;
import org.cairnvm.core.ast.Decl;
import org.cairnvm.core.ast.Element;
import org.cairnvm.core.ast.Expr;
import org.cairnvm.core.ast.FieldDecl;
import org.cairnvm.core.ast.ImportDecl;
import org.cairnvm.core.ast.Param;
import org.cairnvm.core.ast.Pos;
import org.cairnvm.core.ast.Receiver;
import org.cairnvm.core.ast.SourceFile;
import org.cairnvm.core.ast.Stmt;
import org.cairnvm.core.ast.TypeExpr;
import org.cairnvm.core.ast.VarSpec;
import org.cairnvm.core.source.Diagnostics;

/**
 * Go's parser for one file, after {@code cmd/compile/internal/syntax/parser.go}: the same grammar,
 * the same error recovery (skip to a follow token) and the same {@code syntax error: unexpected X,
 * expecting Y} messages, so a broken program gets Go's first error line.
 *
 * <p>It parses all of Go's syntax, not only the subset: constructs outside the subset (function
 * literals, maps, interfaces, {@code defer}, {@code select}, labels, multiple results, ...) become
 * {@code Unsupported} nodes, which the checker reports as {@code unsupported: ...} at their position.
 *
 * <p>Nesting is bounded by {@link #MAX_NESTING}, both in the parser's recursion and in the height of
 * the trees it builds (a chain {@code a[0][0]...} or {@code 1+1+...} is parsed by a loop but is still
 * a deep tree that later passes walk recursively).
 */
public final class Parser {
    /**
     * The deepest nesting of blocks, expressions and types accepted. Every later pass (checker,
     * escape analysis, compiler) walks the tree recursively, so this bound is what keeps a hostile
     * file of 100,000 parentheses from overflowing the Java stack. Real programs nest a few dozen
     * levels; 1000 leaves ample room and keeps the worst case well inside a default 1 MiB thread stack.
     */
    public static final int MAX_NESTING = 1000;

    /** Aborts the parse after a nesting-depth error, which is reported once and ends parsing. */
    private static final class TooDeep extends RuntimeException {
        TooDeep() {
            super(null, null, false, false);
        }
    }

    /** {@code for k, v := range x} seen in a header. */
    private record RangeClause(Pos pos, List<Expr> lhs, boolean define, Expr x) {
    }

    /** A simple statement in a header, or a range clause. */
    private record Simple(Stmt stmt, RangeClause range) {
    }

    private final Scanner s;
    private final Diagnostics diag;
    private final String fileName;
    private int errcnt;
    private boolean anyError;
    private int fnest;
    private int xnest;
    private int depth;
    private final Map<Expr, Integer> heights = new IdentityHashMap<>();
    /** Further DeclStmts of a grouped local type declaration, appended after the first. */
    private final List<Stmt> extraStmts = new ArrayList<>();

    private Parser(Source src, Diagnostics diag) {
        this.diag = diag;
        this.fileName = src.name();
        this.s = new Scanner(src.bytes(), diag);
    }

    /**
     * Parses a file. Errors go to {@code d}; the result is null when the package clause itself is
     * broken, otherwise a tree (possibly partial when {@code d} has errors).
     */
    public static SourceFile parse(Source src, Diagnostics d) {
        return StackBudget.run("cairn-parse", () -> {
            Parser p = new Parser(src, d);
            try {
                p.next();
                return p.file();
            } catch (TooDeep e) {
                return null;
            }
        });
    }

    // ---- tokens and errors

    private void next() {
        s.next();
    }

    private Pos pos() {
        return s.pos();
    }

    private boolean got(Tok t) {
        if (s.tok == t) {
            next();
            return true;
        }
        return false;
    }

    private void want(Tok t) {
        if (!got(t)) {
            syntaxError("expecting " + t.english());
            advance();
        }
    }

    private boolean gotAssign() {
        if (s.tok == Tok.DEFINE) {
            syntaxError("expecting =");
            next();
            return true;
        }
        return got(Tok.ASSIGN);
    }

    private void errorAt(Pos pos, String msg) {
        errcnt++;
        anyError = true;
        diag.error(pos, msg);
    }

    private void error(String msg) {
        errorAt(pos(), msg);
    }

    private void syntaxError(String msg) {
        syntaxErrorAt(pos(), msg);
    }

    private void syntaxErrorAt(Pos pos, String msg) {
        if (s.tok == Tok.EOF && anyError) {
            return; // avoid meaningless follow-up errors
        }
        String m;
        if (msg.isEmpty()) {
            m = "";
        } else if (msg.startsWith("in ") || msg.startsWith("at ") || msg.startsWith("after ")) {
            m = " " + msg;
        } else if (msg.startsWith("expecting ")) {
            m = ", " + msg;
        } else {
            errorAt(pos, "syntax error: " + msg);
            return;
        }
        String tok = switch (s.tok) {
            case NAME, SEMI -> s.lit;
            case LITERAL -> "literal " + s.lit;
            case OPERATOR, STAR -> s.op.text;
            case ASSIGN_OP -> s.op.text + "=";
            case INC_OP -> s.op.text + s.op.text;
            default -> s.tok.english();
        };
        errorAt(pos, "syntax error: unexpected " + tok + m);
    }

    private static boolean isStop(Tok t) {
        return switch (t) {
            case BREAK, CONST, CONTINUE, DEFER, FALLTHROUGH, FOR, GO, GOTO, IF, RETURN, SELECT, SWITCH,
                 TYPE, VAR -> true;
            default -> false;
        };
    }

    /** Skips tokens until one of the follow list (or a statement keyword inside a function). */
    private void advance(Tok... follow) {
        while (s.tok != Tok.EOF) {
            if (follow.length > 0) {
                if (fnest > 0 && isStop(s.tok)) {
                    return;
                }
                for (Tok t : follow) {
                    if (s.tok == t) {
                        return;
                    }
                }
            }
            next();
            if (follow.length == 0) {
                return;
            }
        }
    }

    // ---- nesting bounds

    private void enter(Pos at) {
        if (++depth > MAX_NESTING) {
            tooDeep(at);
        }
    }

    private void leave() {
        depth--;
    }

    private void tooDeep(Pos at) {
        errorAt(at, "exceeded maximum nesting depth of " + MAX_NESTING);
        throw new TooDeep();
    }

    /** Records a built node's height (1 + its tallest child's) and enforces the bound. */
    private <E extends Expr> E node(E e, Expr... children) {
        int h = 0;
        for (Expr c : children) {
            if (c != null) {
                h = Math.max(h, heights.getOrDefault(c, 1));
            }
        }
        if (h + 1 > MAX_NESTING) {
            tooDeep(e.pos());
        }
        if (h > 0) {
            heights.put(e, h + 1);
        }
        return e;
    }

    // ---- file and declarations

    private SourceFile file() {
        Pos fpos = pos();
        if (!got(Tok.PACKAGE)) {
            // go build reads the package clause with go/parser first, so its wording wins here
            String found = switch (s.tok) {
                case NAME, LITERAL -> s.lit;
                case SEMI -> s.lit.equals("newline") ? "newline" : "';'";
                default -> "'" + s.tok.text + "'";
            };
            errorAt(pos(), "expected 'package', found " + found);
            return null;
        }
        Expr.Ident pkg = name();
        want(Tok.SEMI);
        if (anyError) {
            return null;
        }
        List<ImportDecl> imports = new ArrayList<>();
        List<Decl> decls = new ArrayList<>();
        while (got(Tok.IMPORT)) {
            group(() -> importDecl(imports));
            want(Tok.SEMI);
        }
        while (s.tok != Tok.EOF) {
            switch (s.tok) {
                case CONST -> {
                    Pos p = pos();
                    next();
                    decls.add(constDecl(p));
                }
                case TYPE -> {
                    next();
                    group(() -> decls.add(typeDecl()));
                }
                case VAR -> {
                    Pos p = pos();
                    next();
                    List<VarSpec> specs = new ArrayList<>();
                    group(() -> specs.add(varSpec()));
                    decls.add(new Decl.VarDecl(p, specs));
                }
                case FUNC -> {
                    next();
                    Decl.FuncDecl f = funcDeclOrNull();
                    if (f != null) {
                        decls.add(f);
                    }
                }
                default -> {
                    if (s.tok == Tok.LBRACE && !decls.isEmpty()
                            && decls.get(decls.size() - 1) instanceof Decl.FuncDecl f && f.body() == null) {
                        syntaxError("unexpected semicolon or newline before {");
                    } else {
                        syntaxError("non-declaration statement outside function body");
                    }
                    advance(Tok.CONST, Tok.TYPE, Tok.VAR, Tok.FUNC);
                    continue;
                }
            }
            if (s.tok != Tok.EOF && !got(Tok.SEMI)) {
                syntaxError("after top level declaration");
                advance(Tok.CONST, Tok.TYPE, Tok.VAR, Tok.FUNC);
            }
        }
        return new SourceFile(fpos, fileName, pkg.name(), imports, decls);
    }

    /** {@code f | "(" { f ";" } ")"}. */
    private void group(Runnable f) {
        if (s.tok == Tok.LPAREN) {
            next();
            list("grouped declaration", Tok.SEMI, Tok.RPAREN, () -> {
                f.run();
                return false;
            });
        } else {
            f.run();
        }
    }

    /** {@code [ f { sep f } [sep] ] close}; f returns true to stop accepting elements. */
    private Pos list(String context, Tok sep, Tok close, java.util.function.BooleanSupplier f) {
        boolean done = false;
        while (s.tok != Tok.EOF && s.tok != close && !done) {
            done = f.getAsBoolean();
            if (!got(sep) && s.tok != close) {
                syntaxError("in " + context + "; possibly missing " + sep.english() + " or " + close.english());
                advance(Tok.RPAREN, Tok.RBRACK, Tok.RBRACE);
                if (s.tok != close) {
                    return pos();
                }
            }
        }
        Pos p = pos();
        want(close);
        return p;
    }

    private void importDecl(List<ImportDecl> out) {
        if (s.tok == Tok.NAME) {
            Expr.Ident local = name();
            if (s.tok == Tok.LITERAL) {
                Pos p = pos();
                errorAt(local.pos(), "unsupported: named import " + local.name());
                next();
                out.add(new ImportDecl(p, ""));
                return;
            }
        } else if (s.tok == Tok.DOT) {
            errorAt(pos(), "unsupported: dot import");
            next();
        }
        if (s.tok != Tok.LITERAL) {
            syntaxError("missing import path");
            advance(Tok.SEMI, Tok.RPAREN);
            return;
        }
        Pos p = pos();
        if (s.kind != Scanner.LitKind.STRING) {
            syntaxError("import path must be a string");
            next();
            return;
        }
        String path = s.bad ? "" : new String((byte[]) s.value, java.nio.charset.StandardCharsets.UTF_8);
        next();
        out.add(new ImportDecl(p, path));
    }

    private Decl.ConstDecl constDecl(Pos declPos) {
        List<ConstSpec> specs = new ArrayList<>();
        int[] iota = {0};
        group(() -> {
            Pos p = pos();
            List<Expr.Ident> names = nameList(name());
            TypeExpr type = null;
            List<Expr> values = List.of();
            if (s.tok != Tok.EOF && s.tok != Tok.SEMI && s.tok != Tok.RPAREN) {
                type = typeOrNull();
                if (gotAssign()) {
                    values = exprList();
                }
            }
            specs.add(new ConstSpec(p, names, type, values, iota[0]++));
        });
        return new Decl.ConstDecl(declPos, specs);
    }

    private Decl typeDecl() {
        Pos p = pos();
        Expr.Ident n = name();
        TypeExpr t;
        if (s.tok == Tok.ASSIGN) {
            Pos ap = pos();
            next();
            typeOrNull();
            return new Decl.TypeDecl(p, n, new TypeExpr.Unsupported(ap, "type alias"));
        }
        if (s.tok == Tok.LBRACK) {
            // [N]T, []T, or type parameters (outside the subset)
            Pos lp = pos();
            next();
            if (s.tok == Tok.RBRACK) {
                next();
                t = new TypeExpr.Slice(lp, type());
            } else {
                t = arrayType(lp);
            }
        } else {
            t = typeOrNull();
        }
        if (t == null) {
            t = new TypeExpr.Unsupported(pos(), "bad type");
            syntaxError("in type declaration");
            advance(Tok.SEMI, Tok.RPAREN);
        }
        return new Decl.TypeDecl(p, n, t);
    }

    private void skipBalanced(Tok close) {
        int n = 1;
        while (s.tok != Tok.EOF && n > 0) {
            if (s.tok == Tok.LBRACK || s.tok == Tok.LPAREN || s.tok == Tok.LBRACE) {
                n++;
            } else if (s.tok == Tok.RBRACK || s.tok == Tok.RPAREN || s.tok == Tok.RBRACE) {
                n--;
            }
            next();
        }
    }

    private VarSpec varSpec() {
        Pos p = pos();
        List<Expr.Ident> names = nameList(name());
        TypeExpr type = null;
        List<Expr> values = List.of();
        if (gotAssign()) {
            values = exprList();
        } else {
            type = type();
            if (gotAssign()) {
                values = exprList();
            }
        }
        return new VarSpec(p, names, type, values);
    }

    private Decl.FuncDecl funcDeclOrNull() {
        Pos p = pos();
        Receiver recv = null;
        if (s.tok == Tok.LPAREN) {
            Pos rp = pos();
            next();
            List<Param> rcvr = paramList(Tok.RPAREN);
            if (rcvr.isEmpty()) {
                errorAt(rp, "method has no receiver");
            } else {
                if (rcvr.size() > 1) {
                    errorAt(rp, "method has multiple receivers");
                }
                recv = receiver(rcvr.get(0));
            }
        }
        if (s.tok != Tok.NAME) {
            syntaxError("expecting name or (");
            advance(Tok.LBRACE, Tok.SEMI);
            return null;
        }
        Expr.Ident n = name();
        TypeExpr unsupported = null;
        if (s.tok == Tok.LBRACK) {
            unsupported = new TypeExpr.Unsupported(pos(), "type parameters");
            next();
            skipBalanced(Tok.RBRACK);
        }
        want(Tok.LPAREN);
        List<Param> params = paramList(Tok.RPAREN);
        TypeExpr result = funcResult();
        if (unsupported != null) {
            result = unsupported;
        }
        Stmt.Block body = null;
        if (s.tok == Tok.LBRACE) {
            fnest++;
            body = block("");
            fnest--;
        }
        return new Decl.FuncDecl(p, n, recv, params, result, body);
    }

    /** A receiver must be {@code T} or {@code *T}; anything else is reported here. */
    private Receiver receiver(Param par) {
        TypeExpr t = par.type();
        boolean ptr = false;
        if (t instanceof TypeExpr.Pointer pt) {
            ptr = true;
            t = pt.elem();
        }
        if (t instanceof TypeExpr.Named nt) {
            return new Receiver(par.pos(), par.name(), new Expr.Ident(nt.pos(), nt.name()), ptr);
        }
        errorAt(par.type().pos(), "invalid receiver type " + Printer.type(par.type()));
        return null;
    }

    private TypeExpr funcResult() {
        if (s.tok == Tok.LPAREN) {
            Pos p = pos();
            next();
            List<Param> results = paramList(Tok.RPAREN);
            if (results.isEmpty()) {
                return null;
            }
            if (results.size() > 1) {
                return new TypeExpr.Unsupported(p, "multiple results");
            }
            if (results.get(0).name() != null) {
                return new TypeExpr.Unsupported(p, "named results");
            }
            return results.get(0).type();
        }
        return typeOrNull();
    }

    /**
     * A parameter list up to {@code close}: either all entries are types, or names with types where
     * consecutive names share the type that follows them ({@code a, b int}).
     */
    private List<Param> paramList(Tok close) {
        record Entry(Pos pos, Expr.Ident name, TypeExpr type) {
        }
        List<Entry> entries = new ArrayList<>();
        int[] named = {0};
        list("parameter list", Tok.COMMA, close, () -> {
            Pos p = pos();
            Expr.Ident n = null;
            TypeExpr t;
            if (s.tok == Tok.NAME) {
                n = name();
                if (s.tok == Tok.DOT) {
                    t = qualifiedName(n);
                    n = null;
                } else if (s.tok == Tok.LBRACK) {
                    Pos lp = pos();
                    next();
                    t = s.tok == Tok.RBRACK ? sliceAfterBrack(lp) : arrayType(lp);
                } else {
                    t = s.tok == Tok.DOTDOTDOT ? dots() : typeOrNull();
                }
            } else {
                t = s.tok == Tok.DOTDOTDOT ? dots() : typeOrNull();
                if (t == null) {
                    syntaxError("expecting " + close.english());
                    advance(Tok.COMMA, close);
                    return false;
                }
            }
            if (n != null && t != null) {
                named[0]++;
            }
            entries.add(new Entry(p, n, t));
            return false;
        });
        List<Param> out = new ArrayList<>();
        if (entries.isEmpty()) {
            return out;
        }
        if (named[0] == 0) {
            for (Entry e : entries) {
                TypeExpr t = e.type() != null ? e.type() : new TypeExpr.Named(e.name().pos(), e.name().name());
                out.add(new Param(e.pos(), null, t));
            }
            return out;
        }
        if (named[0] != entries.size()) {
            TypeExpr typ = null;
            Pos errPos = null;
            Param[] fixed = new Param[entries.size()];
            for (int i = entries.size() - 1; i >= 0; i--) {
                Entry e = entries.get(i);
                if (e.type() != null) {
                    typ = e.type();
                    if (e.name() == null) {
                        errPos = typ.pos();
                        fixed[i] = new Param(e.pos(), new Expr.Ident(typ.pos(), "_"), typ);
                    } else {
                        fixed[i] = new Param(e.pos(), e.name(), typ);
                    }
                } else if (typ != null) {
                    fixed[i] = new Param(e.pos(), e.name(), typ);
                } else {
                    errPos = e.name().pos();
                    fixed[i] = new Param(e.pos(), e.name(), new TypeExpr.Named(e.pos(), "_"));
                }
            }
            if (errPos != null) {
                syntaxErrorAt(errPos, "mixed named and unnamed parameters");
            }
            return List.of(fixed);
        }
        for (Entry e : entries) {
            out.add(new Param(e.pos(), e.name(), e.type()));
        }
        return out;
    }

    private TypeExpr dots() {
        Pos p = pos();
        next();
        TypeExpr elem = typeOrNull();
        if (elem == null) {
            syntaxError("... is missing type");
        }
        return new TypeExpr.Unsupported(p, "variadic parameter");
    }

    // ---- types

    private TypeExpr type() {
        TypeExpr t = typeOrNull();
        if (t == null) {
            t = new TypeExpr.Unsupported(pos(), "bad type");
            syntaxError("expecting type");
            advance(Tok.COMMA, Tok.COLON, Tok.SEMI, Tok.RPAREN, Tok.RBRACK, Tok.RBRACE);
        }
        return t;
    }

    private TypeExpr typeOrNull() {
        Pos p = pos();
        enter(p);
        try {
            switch (s.tok) {
                case STAR -> {
                    next();
                    return new TypeExpr.Pointer(p, type());
                }
                case ARROW -> {
                    next();
                    want(Tok.CHAN);
                    return new TypeExpr.Chan(p, TypeExpr.ChanDir.RECV, chanElem());
                }
                case FUNC -> {
                    next();
                    want(Tok.LPAREN);
                    paramList(Tok.RPAREN);
                    funcResult();
                    return new TypeExpr.Unsupported(p, "function type");
                }
                case LBRACK -> {
                    next();
                    if (s.tok == Tok.RBRACK) {
                        return sliceAfterBrack(p);
                    }
                    return arrayType(p);
                }
                case CHAN -> {
                    next();
                    TypeExpr.ChanDir dir = got(Tok.ARROW) ? TypeExpr.ChanDir.SEND : TypeExpr.ChanDir.BOTH;
                    return new TypeExpr.Chan(p, dir, chanElem());
                }
                case MAP -> {
                    next();
                    want(Tok.LBRACK);
                    type();
                    want(Tok.RBRACK);
                    type();
                    return new TypeExpr.Unsupported(p, "map type");
                }
                case STRUCT -> {
                    return structType();
                }
                case INTERFACE -> {
                    next();
                    want(Tok.LBRACE);
                    list("interface type", Tok.SEMI, Tok.RBRACE, () -> {
                        if (s.tok == Tok.NAME) {
                            name();
                            if (s.tok == Tok.LPAREN) {
                                next();
                                paramList(Tok.RPAREN);
                                funcResult();
                            } else if (s.tok == Tok.DOT) {
                                next();
                                name();
                            }
                        } else if (typeOrNull() == null) {
                            syntaxError("expecting ~ term or type");
                            advance(Tok.OPERATOR, Tok.SEMI, Tok.RPAREN, Tok.RBRACK, Tok.RBRACE);
                        }
                        return false;
                    });
                    return new TypeExpr.Unsupported(p, "interface type");
                }
                case NAME -> {
                    return qualifiedName(null);
                }
                case LPAREN -> {
                    next();
                    TypeExpr t = type();
                    want(Tok.RPAREN);
                    return t;
                }
                default -> {
                    return null;
                }
            }
        } finally {
            leave();
        }
    }

    private TypeExpr sliceAfterBrack(Pos p) {
        next(); // ]
        return new TypeExpr.Slice(p, type());
    }

    /** After {@code [}: {@code N]T} or {@code ...]T}. */
    private TypeExpr arrayType(Pos p) {
        Expr len;
        if (s.tok == Tok.DOTDOTDOT) {
            len = new Expr.Unsupported(pos(), "[...] array length");
            next();
        } else {
            xnest++;
            len = expr();
            xnest--;
        }
        if (s.tok == Tok.COMMA) {
            syntaxError("unexpected comma; expecting ]");
            next();
        }
        want(Tok.RBRACK);
        return new TypeExpr.Array(p, len, type());
    }

    private TypeExpr chanElem() {
        TypeExpr t = typeOrNull();
        if (t == null) {
            t = new TypeExpr.Unsupported(pos(), "bad type");
            syntaxError("missing channel element type");
        }
        return t;
    }

    private TypeExpr structType() {
        Pos p = pos();
        want(Tok.STRUCT);
        want(Tok.LBRACE);
        List<FieldDecl> fields = new ArrayList<>();
        list("struct type", Tok.SEMI, Tok.RBRACE, () -> {
            fieldDecl(fields);
            return false;
        });
        return new TypeExpr.Struct(p, fields);
    }

    private void fieldDecl(List<FieldDecl> fields) {
        Pos p = pos();
        switch (s.tok) {
            case NAME -> {
                Expr.Ident n = name();
                if (s.tok == Tok.DOT || s.tok == Tok.LITERAL || s.tok == Tok.SEMI || s.tok == Tok.RBRACE) {
                    TypeExpr t = qualifiedName(n);
                    tag();
                    fields.add(new FieldDecl(p, List.of(), t));
                    return;
                }
                List<Expr.Ident> names = nameList(n);
                TypeExpr t = type();
                tag();
                fields.add(new FieldDecl(p, names, t));
            }
            case STAR -> {
                next();
                TypeExpr t = qualifiedName(null);
                tag();
                fields.add(new FieldDecl(p, List.of(), new TypeExpr.Pointer(p, t)));
            }
            case LPAREN -> {
                syntaxError("cannot parenthesize embedded type");
                next();
                qualifiedName(null);
                got(Tok.RPAREN);
                tag();
            }
            default -> {
                syntaxError("expecting field name or embedded type");
                advance(Tok.SEMI, Tok.RBRACE);
            }
        }
    }

    private void tag() {
        if (s.tok == Tok.LITERAL) {
            next();
        }
    }

    private TypeExpr qualifiedName(Expr.Ident n) {
        if (n == null) {
            if (s.tok == Tok.NAME) {
                n = name();
            } else {
                n = new Expr.Ident(pos(), "_");
                syntaxError("expecting name");
                advance(Tok.DOT, Tok.SEMI, Tok.RBRACE);
            }
        }
        TypeExpr t = new TypeExpr.Named(n.pos(), n.name());
        if (s.tok == Tok.DOT) {
            next();
            Expr.Ident sel = name();
            t = new TypeExpr.Qualified(n.pos(), n.name(), sel.name());
        }
        if (s.tok == Tok.LBRACK) {
            Pos lp = pos();
            next();
            skipBalanced(Tok.RBRACK);
            t = new TypeExpr.Unsupported(lp, "generic type instantiation");
        }
        return t;
    }

    // ---- statements

    private Stmt.Block block(String context) {
        Pos p = pos();
        enter(p);
        try {
            if (!got(Tok.LBRACE)) {
                syntaxError("expecting { after " + context);
                advance(Tok.NAME, Tok.RBRACE);
                if (s.tok == Tok.RBRACE) {
                    Pos end = pos();
                    next();
                    return new Stmt.Block(p, List.of(), end);
                }
            }
            List<Stmt> stmts = stmtList();
            Pos end = pos();
            want(Tok.RBRACE);
            return new Stmt.Block(p, stmts, end);
        } finally {
            leave();
        }
    }

    private List<Stmt> stmtList() {
        List<Stmt> l = new ArrayList<>();
        while (s.tok != Tok.EOF && s.tok != Tok.RBRACE && s.tok != Tok.CASE && s.tok != Tok.DEFAULT) {
            Stmt st = stmtOrNull();
            if (st == null) {
                break;
            }
            l.add(st);
            l.addAll(extraStmts);
            extraStmts.clear();
            if (!got(Tok.SEMI) && s.tok != Tok.RBRACE) {
                syntaxError("at end of statement");
                advance(Tok.SEMI, Tok.RBRACE, Tok.CASE, Tok.DEFAULT);
                got(Tok.SEMI);
            }
        }
        return l;
    }

    private Stmt stmtOrNull() {
        Pos p = pos();
        if (s.tok == Tok.NAME) {
            List<Expr> lhs = exprList();
            if (lhs.size() == 1 && lhs.get(0) instanceof Expr.Ident label && s.tok == Tok.COLON) {
                next();
                if (s.tok != Tok.RBRACE) {
                    Stmt inner = stmtOrNull();
                    if (inner == null) {
                        syntaxErrorAt(p, "missing statement after label");
                        return null;
                    }
                }
                return new Stmt.Unsupported(label.pos(), "labeled statement");
            }
            return simpleStmt(lhs, null).stmt();
        }
        switch (s.tok) {
            case VAR -> {
                next();
                List<VarSpec> specs = new ArrayList<>();
                group(() -> specs.add(varSpec()));
                return new Stmt.DeclStmt(p, new Decl.VarDecl(p, specs));
            }
            case CONST -> {
                next();
                return new Stmt.DeclStmt(p, constDecl(p));
            }
            case TYPE -> {
                // a grouped type declaration becomes one DeclStmt per type (see stmtList)
                next();
                List<Decl> ds = new ArrayList<>();
                group(() -> ds.add(typeDecl()));
                for (int i = 1; i < ds.size(); i++) {
                    extraStmts.add(new Stmt.DeclStmt(ds.get(i).pos(), ds.get(i)));
                }
                return ds.isEmpty() ? new Stmt.Empty(p) : new Stmt.DeclStmt(p, ds.get(0));
            }
            case LBRACE -> {
                return block("");
            }
            case OPERATOR, STAR -> {
                return switch (s.op) {
                    case ADD, SUB, MUL, AND, XOR, NOT -> simpleStmt(null, null).stmt();
                    default -> null;
                };
            }
            case LITERAL, FUNC, LPAREN, LBRACK, STRUCT, MAP, CHAN, INTERFACE, ARROW -> {
                return simpleStmt(null, null).stmt();
            }
            case FOR -> {
                return forStmt();
            }
            case SWITCH -> {
                return switchStmt();
            }
            case SELECT -> {
                return selectStmt();
            }
            case IF -> {
                return ifStmt();
            }
            case FALLTHROUGH -> {
                next();
                return new Stmt.Unsupported(p, "fallthrough statement");
            }
            case BREAK, CONTINUE -> {
                boolean isBreak = s.tok == Tok.BREAK;
                next();
                String label = null;
                if (s.tok == Tok.NAME) {
                    label = name().name();
                }
                return new Stmt.Branch(p, isBreak, label);
            }
            case GO, DEFER -> {
                return callStmt();
            }
            case GOTO -> {
                next();
                name();
                return new Stmt.Unsupported(p, "goto statement");
            }
            case RETURN -> {
                next();
                List<Expr> results = List.of();
                if (s.tok != Tok.SEMI && s.tok != Tok.RBRACE) {
                    results = exprList();
                }
                return new Stmt.Return(p, results);
            }
            case SEMI -> {
                return new Stmt.Empty(p);
            }
            default -> {
                return null;
            }
        }
    }

    private Stmt callStmt() {
        Pos p = pos();
        boolean isGo = s.tok == Tok.GO;
        String kw = isGo ? "go" : "defer";
        next();
        Expr x = pexpr(null, s.tok == Tok.LPAREN);
        Expr t = unparen(x);
        if (t != x) {
            errorAt(x.pos(), "expression in " + kw + " must not be parenthesized");
            x = t;
        }
        Expr.Call call;
        if (x instanceof Expr.Call c) {
            call = c;
        } else {
            errorAt(startPos(x), "expression in " + kw + " must be function call");
            call = new Expr.Call(x.pos(), x, List.of(), false);
        }
        return isGo ? new Stmt.Go(p, call) : new Stmt.Unsupported(p, "defer statement");
    }

    private Stmt ifStmt() {
        Pos p = pos();
        enter(p);
        try {
            Header h = header(Tok.IF);
            Stmt.Block then = block("if clause");
            Stmt els = null;
            if (got(Tok.ELSE)) {
                switch (s.tok) {
                    case IF -> els = ifStmt();
                    case LBRACE -> els = block("");
                    default -> {
                        syntaxError("else must be followed by if or statement block");
                        advance(Tok.NAME, Tok.RBRACE);
                    }
                }
            }
            return new Stmt.If(p, h.init, h.cond, then, els);
        } finally {
            leave();
        }
    }

    private Stmt forStmt() {
        Pos p = pos();
        Header h = header(Tok.FOR);
        Stmt.Block body = block("for clause");
        if (h.range != null) {
            RangeClause r = h.range;
            Expr key = null;
            Expr value = null;
            if (r.lhs != null) {
                if (r.lhs.size() > 2) {
                    errorAt(startPos(r.lhs.get(2)), "range clause permits at most two iteration variables");
                }
                key = r.lhs.get(0);
                value = r.lhs.size() > 1 ? r.lhs.get(1) : null;
            }
            return new Stmt.Range(p, key, value, r.define, r.x, body);
        }
        return new Stmt.For(p, h.init, h.cond, h.post, body);
    }

    private Stmt switchStmt() {
        Pos p = pos();
        Header h = header(Tok.SWITCH);
        if (!got(Tok.LBRACE)) {
            syntaxError("missing { after switch clause");
            advance(Tok.CASE, Tok.DEFAULT, Tok.RBRACE);
        }
        List<CaseClause> cases = new ArrayList<>();
        while (s.tok != Tok.EOF && s.tok != Tok.RBRACE) {
            Pos cp = pos();
            List<Expr> exprs = List.of();
            boolean isDefault = false;
            switch (s.tok) {
                case CASE -> {
                    next();
                    exprs = exprList();
                }
                case DEFAULT -> {
                    next();
                    isDefault = true;
                }
                default -> {
                    syntaxError("expecting case or default or }");
                    advance(Tok.COLON, Tok.CASE, Tok.DEFAULT, Tok.RBRACE);
                }
            }
            want(Tok.COLON);
            List<Stmt> body = stmtList();
            cases.add(new CaseClause(cp, exprs, isDefault, body));
        }
        Pos end = pos();
        want(Tok.RBRACE);
        return new Stmt.Switch(p, h.init, h.cond, cases, end);
    }

    private Stmt selectStmt() {
        Pos p = pos();
        next();
        if (!got(Tok.LBRACE)) {
            syntaxError("missing { after select clause");
            advance(Tok.CASE, Tok.DEFAULT, Tok.RBRACE);
        }
        while (s.tok != Tok.EOF && s.tok != Tok.RBRACE) {
            switch (s.tok) {
                case CASE -> {
                    next();
                    simpleStmt(null, null);
                }
                case DEFAULT -> next();
                default -> {
                    syntaxError("expecting case or default or }");
                    advance(Tok.COLON, Tok.CASE, Tok.DEFAULT, Tok.RBRACE);
                }
            }
            want(Tok.COLON);
            stmtList();
        }
        want(Tok.RBRACE);
        return new Stmt.Unsupported(p, "select statement");
    }

    private record Header(Stmt init, Expr cond, Stmt post, RangeClause range) {
    }

    private Header header(Tok keyword) {
        want(keyword);
        if (s.tok == Tok.LBRACE) {
            if (keyword == Tok.IF) {
                syntaxError("missing condition in if statement");
                return new Header(null, new Expr.Unsupported(pos(), "missing condition"), null, null);
            }
            return new Header(null, null, null, null);
        }
        int outer = xnest;
        xnest = -1;
        Simple init = null;
        if (s.tok != Tok.SEMI) {
            if (got(Tok.VAR)) {
                syntaxError("var declaration not allowed in " + keyword.english() + " initializer");
            }
            init = simpleStmt(null, keyword);
            if (init.range != null) {
                xnest = outer;
                return new Header(null, null, null, init.range);
            }
        }
        Simple condStmt = null;
        Stmt post = null;
        Pos semiPos = null;
        String semiLit = null;
        boolean done = false;
        if (s.tok != Tok.LBRACE) {
            if (s.tok == Tok.SEMI) {
                semiPos = pos();
                semiLit = s.lit;
                next();
            } else {
                want(Tok.LBRACE);
                if (s.tok != Tok.LBRACE) {
                    advance(Tok.LBRACE, Tok.RBRACE);
                }
            }
            if (keyword == Tok.FOR) {
                if (s.tok != Tok.SEMI) {
                    if (s.tok == Tok.LBRACE) {
                        syntaxError("expecting for loop condition");
                        done = true;
                    } else {
                        condStmt = simpleStmt(null, null);
                    }
                }
                if (!done) {
                    want(Tok.SEMI);
                    if (s.tok != Tok.LBRACE) {
                        post = simpleStmt(null, null).stmt();
                        if (post instanceof Stmt.Assign a && a.op().equals(":=")) {
                            syntaxErrorAt(a.pos(), "cannot declare in post statement of for loop");
                        }
                    }
                }
            } else if (s.tok != Tok.LBRACE) {
                condStmt = simpleStmt(null, keyword);
            }
        } else {
            condStmt = init;
            init = null;
        }
        Expr cond = null;
        if (condStmt == null) {
            if (keyword == Tok.IF && semiPos != null) {
                if (!semiLit.equals("semicolon")) {
                    syntaxErrorAt(semiPos, "unexpected " + semiLit + ", expecting { after if clause");
                } else {
                    syntaxErrorAt(semiPos, "missing condition in if statement");
                }
                cond = new Expr.Unsupported(semiPos, "missing condition");
            }
        } else if (condStmt.stmt instanceof Stmt.ExprStmt es) {
            cond = es.x();
        } else {
            Stmt st = condStmt.stmt;
            String str;
            if (st instanceof Stmt.Assign as && as.op().equals("=")) {
                str = "assignment (" + Printer.exprs(as.lhs()) + ") = (" + Printer.exprs(as.rhs()) + ")";
            } else {
                str = Printer.stmt(st);
            }
            syntaxErrorAt(st.pos(), "cannot use " + str + " as value");
            cond = new Expr.Unsupported(st.pos(), "bad condition");
        }
        xnest = outer;
        return new Header(init == null ? null : init.stmt, cond, post, null);
    }

    /** simpleStmt; {@code keyword} is FOR (range allowed), SWITCH/IF, or null. */
    private Simple simpleStmt(List<Expr> lhs, Tok keyword) {
        if (keyword == Tok.FOR && s.tok == Tok.RANGE) {
            return new Simple(null, rangeClause(null, false));
        }
        if (lhs == null) {
            lhs = exprList();
        }
        if (lhs.size() == 1 && s.tok != Tok.ASSIGN && s.tok != Tok.DEFINE) {
            Expr x = lhs.get(0);
            Pos p = pos();
            switch (s.tok) {
                case ASSIGN_OP -> {
                    Tok.Op op = s.op;
                    next();
                    return new Simple(new Stmt.Assign(p, lhs, op.text + "=", List.of(expr())), null);
                }
                case INC_OP -> {
                    boolean inc = s.op == Tok.Op.ADD;
                    next();
                    return new Simple(new Stmt.IncDec(p, x, inc), null);
                }
                case ARROW -> {
                    next();
                    return new Simple(new Stmt.Send(p, x, expr()), null);
                }
                default -> {
                    return new Simple(new Stmt.ExprStmt(startPos(x), x), null);
                }
            }
        }
        switch (s.tok) {
            case ASSIGN, DEFINE -> {
                Pos p = pos();
                boolean def = s.tok == Tok.DEFINE;
                next();
                if (keyword == Tok.FOR && s.tok == Tok.RANGE) {
                    return new Simple(null, rangeClause(lhs, def));
                }
                List<Expr> rhs = exprList();
                return new Simple(new Stmt.Assign(p, lhs, def ? ":=" : "=", rhs), null);
            }
            default -> {
                syntaxError("expecting := or = or comma");
                advance(Tok.SEMI, Tok.RBRACE);
                Expr x = lhs.get(0);
                return new Simple(new Stmt.ExprStmt(startPos(x), x), null);
            }
        }
    }

    private RangeClause rangeClause(List<Expr> lhs, boolean def) {
        Pos p = pos();
        next();
        return new RangeClause(p, lhs, def, expr());
    }

    // ---- expressions

    private List<Expr> exprList() {
        List<Expr> l = new ArrayList<>();
        l.add(expr());
        while (got(Tok.COMMA)) {
            l.add(expr());
        }
        return l;
    }

    private Expr expr() {
        enter(pos());
        try {
            return binaryExpr(null, 0);
        } finally {
            leave();
        }
    }

    private Expr binaryExpr(Expr x, int prec) {
        if (x == null) {
            x = unaryExpr();
        }
        while ((s.tok == Tok.OPERATOR || s.tok == Tok.STAR) && s.prec > prec) {
            Pos p = pos();
            Tok.Op op = s.op;
            int tprec = s.prec;
            next();
            enter(p);
            Expr y;
            try {
                y = binaryExpr(null, tprec);
            } finally {
                leave();
            }
            x = node(new Expr.Binary(p, binaryOp(op), x, y), x, y);
        }
        return x;
    }

    private static Expr.BinaryOp binaryOp(Tok.Op op) {
        return switch (op) {
            case OROR -> Expr.BinaryOp.OR;
            case ANDAND -> Expr.BinaryOp.AND;
            case EQL -> Expr.BinaryOp.EQ;
            case NEQ -> Expr.BinaryOp.NE;
            case LSS -> Expr.BinaryOp.LT;
            case LEQ -> Expr.BinaryOp.LE;
            case GTR -> Expr.BinaryOp.GT;
            case GEQ -> Expr.BinaryOp.GE;
            case ADD -> Expr.BinaryOp.ADD;
            case SUB -> Expr.BinaryOp.SUB;
            case OR -> Expr.BinaryOp.BITOR;
            case XOR -> Expr.BinaryOp.XOR;
            case MUL -> Expr.BinaryOp.MUL;
            case DIV -> Expr.BinaryOp.DIV;
            case REM -> Expr.BinaryOp.REM;
            case SHL -> Expr.BinaryOp.SHL;
            case SHR -> Expr.BinaryOp.SHR;
            case AND -> Expr.BinaryOp.BITAND;
            case ANDNOT -> Expr.BinaryOp.ANDNOT;
            default -> throw new IllegalStateException("not a binary operator: " + op);
        };
    }

    private Expr unaryExpr() {
        Pos p = pos();
        switch (s.tok) {
            case OPERATOR, STAR -> {
                Expr.UnaryOp uop = switch (s.op) {
                    case MUL -> Expr.UnaryOp.DEREF;
                    case ADD -> Expr.UnaryOp.PLUS;
                    case SUB -> Expr.UnaryOp.NEG;
                    case NOT -> Expr.UnaryOp.NOT;
                    case XOR -> Expr.UnaryOp.BITNOT;
                    case AND -> Expr.UnaryOp.ADDR;
                    default -> null;
                };
                if (s.op == Tok.Op.TILDE) {
                    next();
                    enter(p);
                    try {
                        unaryExpr();
                    } finally {
                        leave();
                    }
                    return new Expr.Unsupported(p, "~ operator");
                }
                if (uop != null) {
                    next();
                    enter(p);
                    Expr x;
                    try {
                        x = unaryExpr();
                    } finally {
                        leave();
                    }
                    if (uop == Expr.UnaryOp.ADDR) {
                        x = unparen(x);
                    }
                    return node(new Expr.Unary(p, uop, x), x);
                }
            }
            case ARROW -> {
                next();
                enter(p);
                Expr x;
                try {
                    x = unaryExpr();
                } finally {
                    leave();
                }
                if (x instanceof Expr.TypeArg ta && ta.type() instanceof TypeExpr.Chan c) {
                    if (c.dir() == TypeExpr.ChanDir.RECV) {
                        syntaxError("unexpected <-, expecting chan");
                    }
                    return new Expr.TypeArg(p, new TypeExpr.Chan(p, TypeExpr.ChanDir.RECV, c.elem()));
                }
                return node(new Expr.Unary(p, Expr.UnaryOp.RECV, x), x);
            }
            default -> {
            }
        }
        return pexpr(null, true);
    }

    private Expr operand(boolean keepParens) {
        Pos p = pos();
        switch (s.tok) {
            case NAME -> {
                return name();
            }
            case LITERAL -> {
                return literal();
            }
            case LPAREN -> {
                next();
                xnest++;
                Expr x = expr();
                xnest--;
                want(Tok.RPAREN);
                if (s.tok == Tok.LBRACE) {
                    keepParens = true;
                }
                return keepParens ? node(new Expr.Paren(p, x), x) : x;
            }
            case FUNC -> {
                next();
                want(Tok.LPAREN);
                paramList(Tok.RPAREN);
                funcResult();
                if (s.tok == Tok.LBRACE) {
                    xnest++;
                    fnest++;
                    block("");
                    fnest--;
                    xnest--;
                    return new Expr.Unsupported(p, "function literal");
                }
                return new Expr.TypeArg(p, new TypeExpr.Unsupported(p, "function type"));
            }
            case LBRACK, CHAN, MAP, STRUCT, INTERFACE -> {
                return new Expr.TypeArg(p, type());
            }
            default -> {
                Expr x = new Expr.Unsupported(p, "bad expression");
                syntaxError("expecting expression");
                advance(Tok.RPAREN, Tok.RBRACK, Tok.RBRACE);
                return x;
            }
        }
    }

    private Expr literal() {
        Pos p = pos();
        String text = s.lit;
        Expr e = switch (s.kind) {
            case INT -> new Expr.IntLit(p, (java.math.BigInteger) s.value, text);
            case STRING -> new Expr.StringLit(p, (byte[]) s.value, text);
            case RUNE -> new Expr.CharLit(p, (Integer) s.value, text);
            case FLOAT -> new Expr.Unsupported(p, "floating-point literal " + text);
            case IMAG -> new Expr.Unsupported(p, "complex literal " + text);
        };
        next();
        return e;
    }

    private Expr pexpr(Expr x, boolean keepParens) {
        if (x == null) {
            x = operand(keepParens);
        }
        for (;;) {
            Pos p = pos();
            switch (s.tok) {
                case DOT -> {
                    next();
                    switch (s.tok) {
                        case NAME -> {
                            Expr.Ident sel = name();
                            x = node(new Expr.Selector(sel.pos(), x, sel), x);
                        }
                        case LPAREN -> {
                            next();
                            if (!got(Tok.TYPE)) {
                                type();
                            }
                            want(Tok.RPAREN);
                            x = node(new Expr.Unsupported(p, "type assertion"), x);
                        }
                        default -> {
                            syntaxError("expecting name or (");
                            advance(Tok.SEMI, Tok.RPAREN);
                        }
                    }
                }
                case LBRACK -> {
                    next();
                    if (s.tok == Tok.RBRACK) {
                        syntaxError("expecting operand");
                        next();
                        break;
                    }
                    Expr i = null;
                    if (s.tok != Tok.COLON) {
                        xnest++;
                        i = expr();
                        boolean comma = false;
                        while (got(Tok.COMMA)) {
                            comma = true;
                            if (typeOrNull() == null) {
                                break;
                            }
                        }
                        xnest--;
                        if (comma || s.tok == Tok.RBRACK) {
                            want(Tok.RBRACK);
                            x = comma ? node(new Expr.Unsupported(p, "generic instantiation"), x)
                                    : node(new Expr.Index(p, x, i), x, i);
                            break;
                        }
                    }
                    if (!got(Tok.COLON)) {
                        syntaxError("expecting comma, : or ]");
                        advance(Tok.COMMA, Tok.COLON, Tok.RBRACK);
                    }
                    xnest++;
                    Expr hi = null;
                    Expr max = null;
                    if (s.tok != Tok.COLON && s.tok != Tok.RBRACK) {
                        hi = expr();
                    }
                    if (s.tok == Tok.COLON) {
                        if (hi == null) {
                            error("middle index required in 3-index slice");
                        }
                        next();
                        if (s.tok != Tok.RBRACK) {
                            max = expr();
                        } else {
                            error("final index required in 3-index slice");
                        }
                    }
                    xnest--;
                    want(Tok.RBRACK);
                    x = node(new Expr.Slice(p, x, i, hi, max), x, i, hi, max);
                }
                case LPAREN -> {
                    next();
                    List<Expr> args = new ArrayList<>();
                    boolean[] dots = {false};
                    xnest++;
                    list("argument list", Tok.COMMA, Tok.RPAREN, () -> {
                        args.add(expr());
                        dots[0] = got(Tok.DOTDOTDOT);
                        return dots[0];
                    });
                    xnest--;
                    Expr[] kids = new Expr[args.size() + 1];
                    kids[0] = x;
                    for (int k = 0; k < args.size(); k++) {
                        kids[k + 1] = args.get(k);
                    }
                    x = node(new Expr.Call(p, x, args, dots[0]), kids);
                }
                case LBRACE -> {
                    Expr t = unparen(x);
                    boolean ok = switch (t) {
                        case Expr.Ident i -> xnest >= 0;
                        case Expr.Selector sel -> xnest >= 0;
                        case Expr.TypeArg ta -> ta.type() instanceof TypeExpr.Array
                                || ta.type() instanceof TypeExpr.Slice || ta.type() instanceof TypeExpr.Struct
                                || ta.type() instanceof TypeExpr.Unsupported u && u.what().equals("map type");
                        default -> false;
                    };
                    if (!ok) {
                        return x;
                    }
                    if (t != x) {
                        syntaxError("cannot parenthesize type in composite literal");
                    }
                    x = complit(toType(t));
                }
                default -> {
                    return x;
                }
            }
        }
    }

    /** A composite literal's type written as an expression ({@code T}, {@code pkg.T}, {@code []int}). */
    private static TypeExpr toType(Expr x) {
        return switch (x) {
            case Expr.Ident i -> new TypeExpr.Named(i.pos(), i.name());
            case Expr.Selector sel when sel.x() instanceof Expr.Ident pkg ->
                    new TypeExpr.Qualified(pkg.pos(), pkg.name(), sel.sel().name());
            case Expr.TypeArg ta -> ta.type();
            default -> new TypeExpr.Unsupported(x.pos(), "composite literal type " + Printer.expr(x));
        };
    }

    private Expr.Composite complit(TypeExpr type) {
        Pos p = pos();
        enter(p);
        try {
            List<Element> elems = new ArrayList<>();
            xnest++;
            want(Tok.LBRACE);
            list("composite literal", Tok.COMMA, Tok.RBRACE, () -> {
                Pos ep = pos();
                Expr e = bareComplit();
                if (s.tok == Tok.COLON) {
                    Pos colon = pos(); // Go positions a key: value element at its colon
                    next();
                    elems.add(new Element(colon, e, bareComplit()));
                } else {
                    elems.add(new Element(ep, null, e));
                }
                return false;
            });
            xnest--;
            return new Expr.Composite(p, type, elems);
        } finally {
            leave();
        }
    }

    private Expr bareComplit() {
        if (s.tok == Tok.LBRACE) {
            return complit(null);
        }
        return expr();
    }

    private Expr.Ident name() {
        if (s.tok == Tok.NAME) {
            Expr.Ident n = new Expr.Ident(pos(), s.lit);
            next();
            return n;
        }
        Expr.Ident n = new Expr.Ident(pos(), "_");
        syntaxError("expecting name");
        advance();
        return n;
    }

    private List<Expr.Ident> nameList(Expr.Ident first) {
        List<Expr.Ident> l = new ArrayList<>();
        l.add(first);
        while (got(Tok.COMMA)) {
            l.add(name());
        }
        return l;
    }

    private static Expr unparen(Expr x) {
        while (x instanceof Expr.Paren p) {
            x = p.x();
        }
        return x;
    }

    /** The leftmost position of an expression, where Go reports errors about it. */
    public static Pos startPos(Expr e) {
        for (;;) {
            switch (e) {
                case Expr.Binary b -> e = b.x();
                case Expr.Call c -> e = c.fun();
                case Expr.Selector s -> e = s.x();
                case Expr.Index i -> e = i.x();
                case Expr.Slice sl -> e = sl.x();
                case Expr.Composite c -> {
                    return c.type() != null ? c.type().pos() : c.pos();
                }
                default -> {
                    return e.pos();
                }
            }
        }
    }
}
