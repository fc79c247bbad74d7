package org.cairnvm.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cairnvm.api.Diagnostic;
import org.cairnvm.api.Source;
import org.cairnvm.core.ast.CaseClause;
import org.cairnvm.core.ast.Decl;
import org.cairnvm.core.ast.Element;
import org.cairnvm.core.ast.Expr;
import org.cairnvm.core.ast.SourceFile;
import org.cairnvm.core.ast.Stmt;
import org.cairnvm.core.ast.VarSpec;
import org.cairnvm.core.parse.Parser;
import org.cairnvm.core.parse.Printer;
import org.cairnvm.core.source.Diagnostics;
import org.cairnvm.core.types.Named;
import org.cairnvm.core.types.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Guards Checker.java: TypeInfo's contents, the subset's own rejections, and error reporting. */
class CheckerTest {

    private record Checked(SourceFile file, TypeInfo info, Diagnostics diag, List<Expr> exprs) {
        /** The first expression (in source order of a pre-order walk) printing as {@code text}. */
        Expr find(String text) {
            for (Expr e : exprs) {
                if (Printer.expr(e).equals(text)) {
                    return e;
                }
            }
            throw new AssertionError("no expression " + text);
        }

        Type type(String text) {
            return info.typeOf(find(text));
        }

        Object constant(String text) {
            return info.constants.get(find(text));
        }
    }

    private static Checked check(String src) {
        Diagnostics d = new Diagnostics("prog.go");
        SourceFile f = Parser.parse(Source.of("prog.go", src), d);
        assertFalse(d.hasErrors(), () -> d.sorted().toString());
        TypeInfo info = Checker.check(f, d);
        List<Expr> exprs = new ArrayList<>();
        for (Decl decl : f.decls()) {
            walk(decl, exprs);
        }
        return new Checked(f, info, d, exprs);
    }

    private static Checked ok(String src) {
        Checked c = check(src);
        assertEquals(List.of(), c.diag().sorted());
        return c;
    }

    private static List<String> errors(String src) {
        Diagnostics d = new Diagnostics("prog.go");
        SourceFile f = Parser.parse(Source.of("prog.go", src), d);
        if (!d.hasErrors()) {
            Checker.check(f, d);
        }
        return d.sorted().stream().map(x -> x.toString().lines().findFirst().orElse("")).toList();
    }

    // ---- a pre-order walk collecting every expression

    private static void walk(Decl d, List<Expr> out) {
        switch (d) {
            case Decl.FuncDecl f -> {
                if (f.body() != null) {
                    walk(f.body(), out);
                }
            }
            case Decl.VarDecl v -> v.specs().forEach(s -> {
                s.names().forEach(n -> walk(n, out));
                s.values().forEach(e -> walk(e, out));
            });
            case Decl.ConstDecl c -> c.specs().forEach(s -> s.values().forEach(e -> walk(e, out)));
            case Decl.TypeDecl t -> {
            }
        }
    }

    private static void walk(Stmt s, List<Expr> out) {
        if (s == null) {
            return;
        }
        switch (s) {
            case Stmt.Block b -> b.stmts().forEach(x -> walk(x, out));
            case Stmt.ExprStmt e -> walk(e.x(), out);
            case Stmt.DeclStmt d -> walk(d.decl(), out);
            case Stmt.Assign a -> {
                a.lhs().forEach(e -> walk(e, out));
                a.rhs().forEach(e -> walk(e, out));
            }
            case Stmt.IncDec i -> walk(i.x(), out);
            case Stmt.Send sn -> {
                walk(sn.chan(), out);
                walk(sn.value(), out);
            }
            case Stmt.Go g -> walk(g.call(), out);
            case Stmt.Return r -> r.results().forEach(e -> walk(e, out));
            case Stmt.If i -> {
                walk(i.init(), out);
                walk(i.cond(), out);
                walk(i.then(), out);
                walk(i.els(), out);
            }
            case Stmt.Switch sw -> {
                walk(sw.init(), out);
                walk(sw.tag(), out);
                for (CaseClause c : sw.cases()) {
                    c.exprs().forEach(e -> walk(e, out));
                    c.body().forEach(x -> walk(x, out));
                }
            }
            case Stmt.For f -> {
                walk(f.init(), out);
                walk(f.cond(), out);
                walk(f.post(), out);
                walk(f.body(), out);
            }
            case Stmt.Range r -> {
                walk(r.key(), out);
                walk(r.value(), out);
                walk(r.x(), out);
                walk(r.body(), out);
            }
            default -> {
            }
        }
    }

    private static void walk(Expr e, List<Expr> out) {
        if (e == null) {
            return;
        }
        out.add(e);
        switch (e) {
            case Expr.Binary b -> {
                walk(b.x(), out);
                walk(b.y(), out);
            }
            case Expr.Unary u -> walk(u.x(), out);
            case Expr.Call c -> {
                walk(c.fun(), out);
                c.args().forEach(a -> walk(a, out));
            }
            case Expr.Selector s -> walk(s.x(), out);
            case Expr.Index i -> {
                walk(i.x(), out);
                walk(i.index(), out);
            }
            case Expr.Slice s -> {
                walk(s.x(), out);
                walk(s.lo(), out);
                walk(s.hi(), out);
                walk(s.max(), out);
            }
            case Expr.Composite c -> {
                for (Element el : c.elems()) {
                    if (el.key() != null && !(el.key() instanceof Expr.Ident)) {
                        walk(el.key(), out);
                    }
                    walk(el.value(), out);
                }
            }
            case Expr.Paren p -> walk(p.x(), out);
            default -> {
            }
        }
    }

    // ---- TypeInfo

    @Test
    void untypedConstantsTakeTheirContextTypeAndDefaultToInt() {
        Checked c = ok("""
                package main

                func main() {
                	x := 1 + 2
                	var b bool = 1 < 2
                	s := "a" + "b"
                	var p *int = nil
                	println(x, b, s, p == nil, 7)
                }
                """);
        assertEquals(Type.Basic.INT, c.type("1 + 2"));
        assertEquals(Type.Basic.INT, c.type("1"));
        assertEquals(BigInteger.valueOf(3), c.constant("1 + 2"));
        assertEquals(Type.Basic.BOOL, c.type("1 < 2"));
        assertEquals(Type.Basic.INT, c.type("2"));
        assertEquals(Boolean.TRUE, c.constant("1 < 2"));
        assertEquals(Type.Basic.STRING, c.type("\"a\" + \"b\""));
        assertEquals("ab", new String((byte[]) c.constant("\"a\" + \"b\""), StandardCharsets.UTF_8));
        assertEquals(new Type.Pointer(Type.Basic.INT), c.type("nil"));
        assertEquals(Type.Basic.INT, c.type("7"));
        Expr cmp = c.find("p == nil");
        Expr nil = ((Expr.Binary) cmp).y();
        assertEquals(new Type.Pointer(Type.Basic.INT), c.info().typeOf(nil));
        assertEquals(Type.Basic.BOOL, c.info().typeOf(cmp));
    }

    @Test
    void everyExpressionHasAType() {
        Checked c = ok("""
                package main

                import "fmt"

                type P struct{ x, y int }

                func (p *P) Sum() int { return p.x + p.y }

                func main() {
                	a := []int{1, 2, 3}
                	a = append(a, 4)
                	var arr [4]int
                	s := arr[1:3]
                	p := &P{x: 1, y: 2}
                	q := P{3, 4}
                	ch := make(chan int, 1)
                	ch <- len(a)
                	v, ok := <-ch
                	for i, e := range s {
                		fmt.Println(i, e, p.Sum(), q.Sum(), v, ok, -a[0], !ok, *new(int), cap(s))
                	}
                }
                """);
        for (Expr e : c.exprs()) {
            if (e instanceof Expr.Ident id && (id.name().equals("_") || id.name().equals("fmt")
                    || id.name().equals("append") || id.name().equals("len") || id.name().equals("cap")
                    || id.name().equals("make") || id.name().equals("new"))) {
                continue;
            }
            if (e instanceof Expr.Selector s && c.info().selections.get(s) instanceof Selection.PackageFunc) {
                continue;
            }
            if (e instanceof Expr.Call call && c.info().typeOf(e) == null) {
                // calls without result have no value and no type
                assertTrue(Printer.expr(call).startsWith("fmt.Println"), Printer.expr(e));
                continue;
            }
            assertNotNull(c.info().typeOf(e), () -> "no type for " + Printer.expr(e));
        }
        assertEquals(new Type.Slice(Type.Basic.INT), c.type("arr[1:3]"));
        assertInstanceOf(Named.class, c.type("P{…}"));
        assertEquals("*P", c.type("&P{…}").toString());
        assertEquals(Type.Basic.INT, c.type("<-ch"));
    }

    @Test
    void selectionsFieldsMethodsAndPackageFunctions() {
        Checked c = ok("""
                package main

                import "fmt"

                type T struct{ a, b int }

                func (t *T) Inc() { t.a++ }
                func (t T) Get() int { return t.b }

                func main() {
                	var v T
                	p := &v
                	v.Inc()
                	p.Inc()
                	fmt.Println(v.a, p.b, v.Get(), p.Get())
                }
                """);
        Selection ta = c.info().selections.get((Expr.Selector) c.find("v.a"));
        assertEquals(new Selection.Field(new Type.Field("a", Type.Basic.INT, 0), false), ta);
        Selection pb = c.info().selections.get((Expr.Selector) c.find("p.b"));
        assertEquals(new Selection.Field(new Type.Field("b", Type.Basic.INT, 1), true), pb);
        Selection.Method inc = (Selection.Method) c.info().selections.get((Expr.Selector) c.find("v.Inc"));
        assertFalse(inc.indirect());
        assertTrue(inc.method().pointerReceiver());
        Selection.Method pget = (Selection.Method) c.info().selections.get((Expr.Selector) c.find("p.Get"));
        assertTrue(pget.indirect());
        assertFalse(pget.method().pointerReceiver());
        assertEquals(new Selection.PackageFunc(Symbol.BuiltinFn.FMT_PRINTLN),
                c.info().selections.get((Expr.Selector) c.find("fmt.Println")));
    }

    @Test
    void functionsMethodsDefsAndUses() {
        Checked c = ok("""
                package main

                type T struct{ n int }

                func (t *T) M(k int) int { return t.n + k }

                func host(a int, b bool) int

                func main() {
                	x := 1
                	var t T
                	_ = t.M(x) + host(x, true)
                }
                """);
        List<Symbol.Func> fs = c.info().functions;
        assertEquals(List.of("main.(*T).M", "main.host", "main.main"), fs.stream().map(Symbol.Func::goName).toList());
        Symbol.Func m = fs.get(0);
        Named t = m.receiverType();
        assertEquals(1, t.methods().size());
        assertSame(m, t.methods().get(0).function());
        assertTrue(t.methods().get(0).pointerReceiver());
        assertTrue(fs.get(1).isHost());
        Decl.FuncDecl mainDecl = fs.get(2).decl();
        Stmt.Assign def = (Stmt.Assign) mainDecl.body().stmts().get(0);
        Expr.Ident xdef = (Expr.Ident) def.lhs().get(0);
        Symbol.Var xv = (Symbol.Var) c.info().defs.get(xdef);
        assertEquals(Symbol.VarKind.LOCAL, xv.kind());
        assertEquals(Type.Basic.INT, xv.type());
        Expr.Ident xuse = (Expr.Ident) ((Expr.Call) c.find("t.M(x)")).args().get(0);
        assertSame(xv, c.info().uses.get(xuse));
        Stmt.Assign blank = (Stmt.Assign) mainDecl.body().stmts().get(2);
        Expr.Ident underscore = (Expr.Ident) blank.lhs().get(0);
        assertFalse(c.info().defs.containsKey(underscore));
        assertFalse(c.info().uses.containsKey(underscore));
        Decl.FuncDecl mdecl = m.decl();
        Symbol.Var recv = (Symbol.Var) c.info().defs.get(mdecl.receiver().name());
        assertEquals(Symbol.VarKind.RECEIVER, recv.kind());
        assertEquals("*T", recv.type().toString());
        assertEquals(Symbol.VarKind.PARAM, ((Symbol.Var) c.info().defs.get(mdecl.params().get(0).name())).kind());
        assertSame(m, c.info().defs.get(mdecl.name()));
    }

    @Test
    void constantsIotaAndExactArithmetic() {
        Checked c = ok("""
                package main

                const (
                	A = iota * 10
                	B
                	C
                	D = 'a'
                	Big = 1 << 100
                	Small = Big >> 98
                	Yes = !false && 1 < 2
                	S = "x" + "y"
                )

                const T int = -7 / 2

                func main() {
                	println(A, B, C, D, Small, Yes, S, T, -7 % 3, ^0, 5 &^ 3, len(S))
                }
                """);
        SourceFile f = c.file();
        Decl.ConstDecl cd = (Decl.ConstDecl) f.decls().get(0);
        BigInteger[] want = {BigInteger.ZERO, BigInteger.TEN, BigInteger.valueOf(20), BigInteger.valueOf(97),
                BigInteger.ONE.shiftLeft(100), BigInteger.valueOf(4)};
        for (int i = 0; i < want.length; i++) {
            Symbol.Const k = (Symbol.Const) c.info().defs.get(cd.specs().get(i).names().get(0));
            assertEquals(want[i], k.value(), k.name());
        }
        assertEquals(Type.Basic.UNTYPED_RUNE, ((Symbol.Const) c.info().defs.get(cd.specs().get(3).names().get(0))).type());
        assertEquals(Boolean.TRUE, ((Symbol.Const) c.info().defs.get(cd.specs().get(6).names().get(0))).value());
        Decl.ConstDecl td = (Decl.ConstDecl) f.decls().get(1);
        Symbol.Const t = (Symbol.Const) c.info().defs.get(td.specs().get(0).names().get(0));
        assertEquals(Type.Basic.INT, t.type());
        assertEquals(BigInteger.valueOf(-3), t.value());
        assertEquals(BigInteger.valueOf(-1), c.constant("-7 % 3"));
        assertEquals(BigInteger.valueOf(-1), c.constant("^0"));
        assertEquals(BigInteger.valueOf(4), c.constant("5 &^ 3"));
        assertEquals(BigInteger.valueOf(2), c.constant("len(S)"));
        assertEquals(Type.Basic.INT, c.type("D"));
    }

    @Test
    void globalsAndInitialisationOrder() {
        Checked c = ok("""
                package main

                var a = b + c
                var b = f()
                var c = 1
                var d int

                func f() int { return c * 2 }

                func main() {
                	println(a, b, c, d)
                }
                """);
        assertEquals(List.of("a", "b", "c", "d"), c.info().globals.stream().map(Symbol.Var::name).toList());
        assertTrue(c.info().globals.stream().allMatch(v -> v.kind() == Symbol.VarKind.GLOBAL));
        List<String> order = c.info().globalInitOrder.stream().map(s -> s.names().get(0).name()).toList();
        assertEquals(List.of("c", "b", "a", "d"), order);
    }

    @Test
    void initOrderIsDeclarationOrderWithoutDependencies() {
        Checked c = ok("package main\n\nvar x = 1\nvar y, z = 2, 3\nvar w = x\n\nfunc main() { println(x, y, z, w) }\n");
        List<VarSpec> order = c.info().globalInitOrder;
        assertEquals(List.of("x", "y", "w"), order.stream().map(s -> s.names().get(0).name()).toList());
    }

    @Test
    void goStatementsAndChannelsAreChecked() {
        Checked c = ok("""
                package main

                func worker(in <-chan int, out chan<- int) {
                	for v := range in {
                		out <- v * 2
                	}
                	close(out)
                }

                func main() {
                	in := make(chan int)
                	out := make(chan int, 10)
                	go worker(in, out)
                	in <- 1
                	close(in)
                	v, ok := <-out
                	println(v, ok)
                }
                """);
        assertEquals("chan int", c.type("make(chan int)").toString());
        assertEquals(List.of("prog.go:4:2: invalid operation: cannot send to receive-only channel in (variable of type <-chan int)"),
                errors("package main\n\nfunc f(in <-chan int) {\n\tin <- 1\n}\n\nfunc main() {}\n"));
        assertEquals(List.of("prog.go:4:4: invalid operation: cannot receive from send-only channel out (variable of type chan<- int)"),
                errors("package main\n\nfunc f(out chan<- int) {\n\t<-out\n}\n\nfunc main() {}\n"));
    }

    // ---- the subset's own rejections

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "import \"os\"\\nfunc main() { os.Exit(1) }|prog.go:3:8: unsupported: package \"os\" is not in the subset (only \"fmt\" and \"runtime\")",
        "func main() {\\n\\tf := func() {}\\n\\tf()\\n}|prog.go:4:7: unsupported: function literal",
        "func main() {\\n\\tdefer println()\\n}|prog.go:4:2: unsupported: defer statement",
        "func f() (int, int) { return 1, 2 }\\nfunc main() { f() }|prog.go:3:10: unsupported: multiple results",
        "var m map[int]int\\nfunc main() {}|prog.go:3:7: unsupported: map type",
        "var x float64\\nfunc main() {}|prog.go:3:7: unsupported: type float64 is not in the subset",
        "func main() {\\n\\tx := 1.5\\n\\t_ = x\\n}|prog.go:4:7: unsupported: floating-point literal 1.5",
        "func main() {\\n\\tx := 'a'\\n\\t_ = x\\n}|prog.go:4:7: unsupported: 'a' (untyped rune constant 97) in assignment would have type rune, which is not in the subset (convert it: int(...))",
        "func main() {\\n\\ts := \"ab\"\\n\\t_ = s[0]\\n}|prog.go:5:7: unsupported: indexing a string (byte type is not in the subset)",
        "type T struct{}\\nfunc (T) M() {}\\nfunc main() {\\n\\tm := T{}.M\\n\\t_ = m\\n}|prog.go:6:7: unsupported: function value T{}.M (functions can only be called)",
        "import \"fmt\"\\nfunc main() {\\n\\tfmt.Printf(\"x\")\\n}|prog.go:5:6: unsupported: fmt.Printf is not in the subset",
        "import \"fmt\"\\nfunc main() {\\n\\tfmt.Println([]int{1})\\n}|prog.go:5:14: unsupported: []int{…} (value of type []int) as argument to fmt.Println (only int, bool and string values)",
        "func main() {\\nL:\\n\\tfor {\\n\\t}\\n}|prog.go:4:1: unsupported: labeled statement",
        "func main() {\\n\\tfor {\\n\\t\\tbreak L\\n\\t}\\n}|prog.go:5:3: unsupported: labeled break",
        "func host(s string) int\\nfunc main() {}|prog.go:3:6: unsupported: host function host with a parameter of type string (only int and bool)",
        "type T struct{ int }\\nfunc main() {}|prog.go:3:16: unsupported: embedded field int",
        "func main() {\\n\\tselect {}\\n}|prog.go:4:2: unsupported: select statement",
    })
    void outsideTheSubset(String src, String want) {
        String text = "package main\n\n" + src.replace("\\n", "\n").replace("\\t", "\t") + "\n";
        assertEquals(want, errors(text).get(0));
    }

    @Test
    void hostileSizesAreRejectedNotComputed() {
        String longLit = "9".repeat(20_000);
        assertEquals("prog.go:4:7: excessively long constant: 9999999999... (20000 chars)",
                errors("package main\n\nfunc main() {\n\tx := " + longLit + "\n\t_ = x\n}\n").get(0));
        assertEquals("prog.go:3:7: unsupported: type [2305843009213693952]int is too large (more than 2147483647 words)",
                errors("package main\n\nvar a [1 << 61]int\n\nfunc main() {}\n").get(0));
        assertEquals("prog.go:3:16: unsupported: type [1099511627776]int is too large (more than 2147483647 words)",
                errors("package main\n\nvar a [1 << 40][1 << 40]int\n\nfunc main() {}\n").get(0));
        assertEquals("prog.go:3:8: unsupported: struct type is too large (more than 2147483647 words)",
                errors("package main\n\ntype T struct {\n\ta [1 << 30]int\n\tb [1 << 30]int\n}\n\nfunc main() {}\n").get(0));
        assertEquals("prog.go:4:8: constant shift overflow",
                errors("package main\n\nfunc main() {\n\t_ = 1 << 1000 << 1000\n}\n").get(0));
    }

    @Test
    void constantSubexpressionsKeepExactValues() {
        Checked c = ok("package main\n\nconst big = 1 << 100\n\nfunc main() {\n\tx := big >> 98\n\tprintln(x)\n}\n");
        assertEquals(BigInteger.valueOf(4), c.constant("big >> 98"));
        assertEquals(Type.Basic.INT, c.type("big >> 98"));
        // the operand 1 << 100 is never materialised, so it keeps its untyped type and exact value
        assertEquals(Type.Basic.UNTYPED_INT, c.type("big"));
        assertEquals(BigInteger.ONE.shiftLeft(100), c.constant("big"));
    }

    // ---- reporting

    @Test
    void reportsEveryErrorOnePerLineAtMostTen() {
        StringBuilder sb = new StringBuilder("package main\n\nfunc main() {\n");
        for (int i = 0; i < 15; i++) {
            sb.append("\tv").append(i).append(" := undefined").append(i).append(" + \"x\" + 1\n");
        }
        sb.append("}\n");
        Diagnostics d = new Diagnostics("prog.go");
        SourceFile f = Parser.parse(Source.of("prog.go", sb.toString()), d);
        Checker.check(f, d);
        List<Diagnostic> l = d.sorted();
        assertEquals(Diagnostics.MAX_ERRORS, l.size());
        assertTrue(d.truncated());
        assertEquals("prog.go:4:8: undefined: undefined0", l.get(0).toString());
        assertEquals("prog.go:5:8: undefined: undefined1", l.get(1).toString());
    }

    @Test
    void severalKindsOfErrorsInOneProgram() {
        List<String> errs = errors("""
                package main

                import "fmt"

                func f() int {
                	x := 1
                }

                func main() {
                	var s string = 1
                	y := z
                }
                """);
        assertEquals(List.of(
                "prog.go:3:8: imported and not used: \"fmt\"",
                "prog.go:6:2: x declared but not used",
                "prog.go:7:1: missing return",
                "prog.go:10:17: cannot use 1 (untyped int constant) as string value in variable declaration",
                "prog.go:11:7: undefined: z"), errs.stream().limit(5).toList());
    }

    @Test
    void methodsResolveWithAutomaticAddressAndDereference() {
        ok("""
                package main

                type C struct{ n int }

                func (c *C) Inc()    { c.n++ }
                func (c C) Get() int { return c.n }

                func main() {
                	var c C
                	c.Inc()
                	p := &c
                	p.Inc()
                	println(c.Get(), p.Get(), (&c).Get(), (*p).n)
                	cs := []C{{1}}
                	cs[0].Inc()
                	arr := [1]C{}
                	arr[0].Inc()
                }
                """);
        assertEquals("prog.go:8:20: cannot call pointer method Inc on C", errors("""
                package main

                type C struct{ n int }

                func (c *C) Inc() { c.n++ }
                func mk() C { return C{} }

                func main() { mk().Inc() }
                """).get(0));
    }
}
