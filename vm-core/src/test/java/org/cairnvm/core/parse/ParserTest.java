package org.cairnvm.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.cairnvm.api.Diagnostic;
import org.cairnvm.api.Source;
import org.cairnvm.core.ast.ConstSpec;
import org.cairnvm.core.ast.Decl;
import org.cairnvm.core.ast.Expr;
import org.cairnvm.core.ast.SourceFile;
import org.cairnvm.core.ast.Stmt;
import org.cairnvm.core.ast.TypeExpr;
import org.cairnvm.core.source.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Guards Parser.java: each construct's tree, Go's syntax errors, and the nesting bound. */
class ParserTest {

    private record Parsed(SourceFile file, Diagnostics diag) {
        String firstError() {
            List<Diagnostic> l = diag.sorted();
            return l.isEmpty() ? "" : l.get(0).toString();
        }
    }

    static Parsed parse(String src) {
        Diagnostics d = new Diagnostics("prog.go");
        SourceFile f = Parser.parse(Source.of("prog.go", src), d);
        return new Parsed(f, d);
    }

    private static SourceFile ok(String src) {
        Parsed p = parse(src);
        assertEquals("", p.firstError(), "unexpected error");
        return p.file();
    }

    /** The statements of main's body in {@code package main; func main() { body }}. */
    private static List<Stmt> body(String body) {
        SourceFile f = ok("package main\n\nfunc main() {\n" + body + "\n}\n");
        return ((Decl.FuncDecl) f.decls().get(0)).body().stmts();
    }

    private static Expr expr(String e) {
        return ((Stmt.ExprStmt) body("_ = 0\n" + e).get(1)).x();
    }

    @Test
    void packageImportsAndDeclarations() {
        SourceFile f = ok("""
                package main

                import "fmt"
                import (
                	"runtime"
                )

                type T struct {
                	a, b int
                	next *T
                }

                var x, y int = 1, 2
                var (
                	z = 3
                	w string
                )

                const (
                	A = iota
                	B
                	C int = 10
                )

                func (t *T) Sum() int { return t.a + t.b }

                func host(n int) int

                func main() {}
                """);
        assertEquals("main", f.packageName());
        assertEquals(List.of("fmt", "runtime"), f.imports().stream().map(i -> i.path()).toList());
        assertEquals(7, f.decls().size());
        Decl.TypeDecl t = (Decl.TypeDecl) f.decls().get(0);
        TypeExpr.Struct st = (TypeExpr.Struct) t.type();
        assertEquals(2, st.fields().get(0).names().size());
        assertInstanceOf(TypeExpr.Pointer.class, st.fields().get(1).type());
        Decl.ConstDecl cd = (Decl.ConstDecl) f.decls().get(3);
        List<ConstSpec> specs = cd.specs();
        assertEquals(List.of(0, 1, 2), specs.stream().map(ConstSpec::iota).toList());
        assertTrue(specs.get(1).values().isEmpty());
        Decl.FuncDecl m = (Decl.FuncDecl) f.decls().get(4);
        assertTrue(m.receiver().pointer());
        assertEquals("T", m.receiver().typeName().name());
        assertEquals("t", m.receiver().name().name());
        Decl.FuncDecl host = (Decl.FuncDecl) f.decls().get(5);
        assertNull(host.body());
        assertEquals("n", host.params().get(0).name().name());
    }

    @Test
    void parametersShareTheFollowingType() {
        SourceFile f = ok("package main\nfunc f(a, b int, s string) {}\nfunc g(int, string) {}\n");
        Decl.FuncDecl fd = (Decl.FuncDecl) f.decls().get(0);
        assertEquals(List.of("a", "b", "s"), fd.params().stream().map(p -> p.name().name()).toList());
        assertEquals("int", ((TypeExpr.Named) fd.params().get(1).type()).name());
        Decl.FuncDecl gd = (Decl.FuncDecl) f.decls().get(1);
        assertNull(gd.params().get(0).name());
        assertEquals("string", ((TypeExpr.Named) gd.params().get(1).type()).name());
    }

    @Test
    void statements() {
        List<Stmt> s = body("""
                x := 1
                x = 2
                x += 3
                x++
                var a [3]int
                if y := x; y > 1 {
                } else if x < 0 {
                } else {
                }
                for i := 0; i < 3; i++ {
                }
                for x < 10 {
                	break
                }
                for {
                	continue
                }
                for i, v := range a {
                }
                for range a {
                }
                switch x := 5; x {
                case 1, 2:
                default:
                }
                switch {
                case x > 1:
                }
                ch := make(chan int, 1)
                ch <- 1
                v, ok := <-ch
                go f(x)
                return
                """);
        assertInstanceOf(Stmt.Assign.class, s.get(0));
        assertEquals(":=", ((Stmt.Assign) s.get(0)).op());
        assertEquals("+=", ((Stmt.Assign) s.get(2)).op());
        assertTrue(((Stmt.IncDec) s.get(3)).inc());
        assertInstanceOf(Stmt.DeclStmt.class, s.get(4));
        Stmt.If i = (Stmt.If) s.get(5);
        assertInstanceOf(Stmt.Assign.class, i.init());
        assertInstanceOf(Stmt.If.class, i.els());
        assertInstanceOf(Stmt.Block.class, ((Stmt.If) i.els()).els());
        Stmt.For f3 = (Stmt.For) s.get(6);
        assertInstanceOf(Stmt.Assign.class, f3.init());
        assertInstanceOf(Stmt.IncDec.class, f3.post());
        Stmt.For f1 = (Stmt.For) s.get(7);
        assertNull(f1.init());
        assertInstanceOf(Expr.Binary.class, f1.cond());
        assertNull(((Stmt.For) s.get(8)).cond());
        Stmt.Range r = (Stmt.Range) s.get(9);
        assertTrue(r.define());
        assertEquals("v", ((Expr.Ident) r.value()).name());
        Stmt.Range r0 = (Stmt.Range) s.get(10);
        assertNull(r0.key());
        Stmt.Switch sw = (Stmt.Switch) s.get(11);
        assertInstanceOf(Stmt.Assign.class, sw.init());
        assertEquals(2, sw.cases().get(0).exprs().size());
        assertTrue(sw.cases().get(1).isDefault());
        assertNull(((Stmt.Switch) s.get(12)).tag());
        assertInstanceOf(Stmt.Send.class, s.get(14));
        Stmt.Assign recv = (Stmt.Assign) s.get(15);
        assertEquals(2, recv.lhs().size());
        assertEquals(Expr.UnaryOp.RECV, ((Expr.Unary) recv.rhs().get(0)).op());
        assertInstanceOf(Stmt.Go.class, s.get(16));
        assertInstanceOf(Stmt.Return.class, s.get(17));
    }

    @Test
    void expressionsAndPrecedence() {
        Expr.Binary b = (Expr.Binary) expr("a || b && c == d + e*f");
        assertEquals(Expr.BinaryOp.OR, b.op());
        Expr.Binary and = (Expr.Binary) b.y();
        assertEquals(Expr.BinaryOp.AND, and.op());
        Expr.Binary eq = (Expr.Binary) and.y();
        Expr.Binary add = (Expr.Binary) eq.y();
        assertEquals(Expr.BinaryOp.MUL, ((Expr.Binary) add.y()).op());
        assertEquals("a || b && c == d + e * f", Printer.expr(b));
        Expr.Call app = (Expr.Call) expr("append(a, b...)");
        assertTrue(app.ellipsis());
        Expr.Slice sl = (Expr.Slice) expr("x[1:n]");
        assertNull(sl.max());
        Expr.Slice full = (Expr.Slice) expr("x[:2:3]");
        assertNull(full.lo());
        assertInstanceOf(Expr.Index.class, expr("x[i]"));
        Expr.Unary addr = (Expr.Unary) expr("&T{1, 2}");
        Expr.Composite c = (Expr.Composite) addr.x();
        assertEquals("T", ((TypeExpr.Named) c.type()).name());
        Expr.Composite keyed = (Expr.Composite) expr("T{a: 1, b: []int{1}}");
        assertEquals("a", ((Expr.Ident) keyed.elems().get(0).key()).name());
        Expr.Composite nested = (Expr.Composite) expr("[][2]int{{1, 2}, {3}}");
        assertNull(((Expr.Composite) nested.elems().get(0).value()).type());
        Expr.Call mk = (Expr.Call) expr("make(chan int, 3)");
        assertInstanceOf(TypeExpr.Chan.class, ((Expr.TypeArg) mk.args().get(0)).type());
        assertEquals(Expr.UnaryOp.RECV, ((Expr.Unary) expr("<-ch")).op());
        assertEquals(BigInteger.valueOf(255), ((Expr.IntLit) expr("0xff")).value());
        assertEquals('\n', ((Expr.CharLit) expr("'\\n'")).value());
        assertInstanceOf(Expr.Selector.class, expr("p.x.y"));
    }

    @Test
    void compositeLiteralsInHeadersNeedParentheses() {
        // T{} after `if x ==` would be the block: Go parses `x == T` and then a block
        assertEquals("prog.go:4:23: syntax error: unexpected { at end of statement",
                parse("package main\n\nfunc main() {\n\tif x := 1; x == T{1} {\n\t}\n}\n").firstError());
        ok("package main\n\nfunc main() {\n\tif x := 1; x == (T{1}) {\n\t}\n}\n");
        ok("package main\n\nfunc main() {\n\tfor _, v := range []int{1, 2} {\n\t}\n}\n");
    }

    @Test
    void constructsOutsideTheSubsetBecomeUnsupportedNodes() {
        assertEquals("function literal", ((Expr.Unsupported) ((Stmt.Assign) body("f := func() {}").get(0)).rhs().get(0)).what());
        assertEquals("floating-point literal 1.5", ((Expr.Unsupported) expr("1.5")).what());
        assertEquals("complex literal 2i", ((Expr.Unsupported) expr("2i")).what());
        assertEquals("type assertion", ((Expr.Unsupported) expr("x.(int)")).what());
        assertEquals("defer statement", ((Stmt.Unsupported) body("defer f()").get(0)).what());
        assertEquals("select statement", ((Stmt.Unsupported) body("select {}").get(0)).what());
        assertEquals("goto statement", ((Stmt.Unsupported) body("goto L").get(0)).what());
        assertEquals("labeled statement", ((Stmt.Unsupported) body("L:\n\tfor {\n\t}").get(0)).what());
        Stmt.Switch sw = (Stmt.Switch) body("switch {\ncase true:\n\tfallthrough\ndefault:\n}").get(0);
        assertEquals("fallthrough statement", ((Stmt.Unsupported) sw.cases().get(0).body().get(0)).what());
        SourceFile f = ok("package main\nvar m map[string]int\nvar i interface{}\nfunc f() (int, int) { return 1, 2 }\n"
                + "func g(xs ...int) {}\n");
        assertEquals("map type", ((TypeExpr.Unsupported) ((Decl.VarDecl) f.decls().get(0)).specs().get(0).type()).what());
        assertEquals("interface type", ((TypeExpr.Unsupported) ((Decl.VarDecl) f.decls().get(1)).specs().get(0).type()).what());
        assertEquals("multiple results", ((TypeExpr.Unsupported) ((Decl.FuncDecl) f.decls().get(2)).result()).what());
        assertEquals("variadic parameter", ((TypeExpr.Unsupported) ((Decl.FuncDecl) f.decls().get(3)).params().get(0).type()).what());
    }

    /** Each message checked against Go 1.19's {@code go build}. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "func main() {\\n\\tx := []int{1, 2\\n\\t}\\n}|prog.go:4:17: syntax error: unexpected newline in composite literal; possibly missing comma or }",
        "func main() {\\n\\tfor i := 0; i < 10; i++ \\n\\t{\\n\\t}\\n}|prog.go:4:26: syntax error: unexpected newline, expecting { after for clause",
        "x := 1|prog.go:3:1: syntax error: non-declaration statement outside function body",
        "func main() {\\n\\tvar x int = \\n}|prog.go:5:1: syntax error: unexpected }, expecting expression",
        "func main() {\\n\\tfoo(1, 2\\n}|prog.go:4:10: syntax error: unexpected newline in argument list; possibly missing comma or )",
        "func main() {\\n\\tif x = 1 {\\n\\t}\\n}|prog.go:4:7: syntax error: cannot use assignment (x) = (1) as value",
        "func main()\\n{\\n}|prog.go:4:1: syntax error: unexpected semicolon or newline before {",
        "func main() {\\n\\tfor i := range {\\n\\t}\\n}|prog.go:4:17: syntax error: unexpected {, expecting expression",
        "func main() {\\n\\tprintln()\\n\\telse {}\\n}|prog.go:5:2: syntax error: unexpected else, expecting }",
        "func main() {\\n\\tswitch x {\\n\\tfoo:\\n\\t}\\n}|prog.go:5:2: syntax error: unexpected foo, expecting case or default or }",
        "func f(a int, b) {}|prog.go:3:15: syntax error: mixed named and unnamed parameters",
        "func main() {\\n\\tvar a [3]int\\n\\ta[] = 1\\n}|prog.go:5:4: syntax error: unexpected ], expecting operand",
        "func main() {\\n\\tx, y\\n}|prog.go:4:6: syntax error: unexpected newline, expecting := or = or comma",
        "func main() {\\n\\tgo f\\n}|prog.go:4:5: expression in go must be function call",
        "func main() {\\n\\ti := 1\\n\\tfor ; i < 3; j := 1 {\\n\\t}\\n}|prog.go:5:17: syntax error: cannot declare in post statement of for loop",
        "func main() {\\n\\tx := 1 +\\n}|prog.go:5:1: syntax error: unexpected }, expecting expression",
    })
    void syntaxErrorsInGoWording(String src, String want) {
        String text = "package main\n\n" + src.replace("\\n", "\n").replace("\\t", "\t") + "\n";
        assertEquals(want, parse(text).firstError());
    }

    @Test
    void packageClauseMustComeFirst() {
        Parsed p = parse("pkg main\n");
        assertNull(p.file());
        assertEquals("prog.go:1:1: expected 'package', found pkg", p.firstError());
    }

    // ---- nesting depth: generated inputs far beyond the bound must give one clear error

    private static String deepError(String src) {
        Parsed p = parse(src);
        List<Diagnostic> errs = p.diag().sorted();
        assertFalse(errs.isEmpty());
        return errs.get(0).message();
    }

    private static final String TOO_DEEP = "exceeded maximum nesting depth of " + Parser.MAX_NESTING;
    private static final int HUGE = 100_000;

    @Test
    void hundredThousandParentheses() {
        String src = "package main\nfunc main() {\n\tx := " + "(".repeat(HUGE) + "1" + ")".repeat(HUGE) + "\n}\n";
        Parsed p = parse(src);
        assertEquals(1, p.diag().count());
        assertEquals(TOO_DEEP, p.diag().sorted().get(0).message());
        assertEquals(3, p.diag().sorted().get(0).line());
    }

    @Test
    void hundredThousandBracesBracketsAndOperators() {
        assertEquals(TOO_DEEP, deepError("package main\nfunc main() " + "{".repeat(HUGE) + "}".repeat(HUGE) + "\n"));
        assertEquals(TOO_DEEP, deepError("package main\nfunc main() {\n\tx := " + "!".repeat(HUGE) + "true\n}\n"));
        assertEquals(TOO_DEEP, deepError("package main\nfunc main() {\n\tx := " + "- ".repeat(HUGE) + "1\n}\n"));
        assertEquals(TOO_DEEP, deepError("package main\nfunc main() {\n\tx := " + "*".repeat(HUGE) + "p\n}\n"));
        assertEquals(TOO_DEEP, deepError("package main\nvar x " + "[]".repeat(HUGE) + "int\n"));
        assertEquals(TOO_DEEP, deepError("package main\nfunc main() {\n\tx := " + "[]int{".repeat(HUGE) + "}".repeat(HUGE) + "\n}\n"));
        assertEquals(TOO_DEEP, deepError("package main\nfunc main() {\n\tx := " + "f(".repeat(HUGE) + ")".repeat(HUGE) + "\n}\n"));
    }

    @Test
    void longLeftDeepChainsAreBoundedToo() {
        // parsed by loops, but still trees as deep as they are long
        assertEquals(TOO_DEEP, deepError("package main\nfunc main() {\n\tx := 1" + "+1".repeat(HUGE) + "\n}\n"));
        assertEquals(TOO_DEEP, deepError("package main\nfunc main() {\n\t_ = a" + "[0]".repeat(HUGE) + "\n}\n"));
        assertEquals(TOO_DEEP, deepError("package main\nfunc main() {\n\t_ = a" + ".b".repeat(HUGE) + "\n}\n"));
        assertEquals(TOO_DEEP, deepError("package main\nfunc main() {\n" + "\tif x {\n\t} else ".repeat(HUGE) + "{}\n}\n"));
    }

    @Test
    void exactColumnOfTheDepthError() {
        // 1001 nested parentheses at the start of a file body line: the 1001st level is reported
        String src = "package main\nvar x = " + "(".repeat(HUGE) + "\n";
        Diagnostic d = parse(src).diag().sorted().get(0);
        assertEquals(TOO_DEEP, d.message());
        assertEquals(2, d.line());
        assertTrue(d.column() > 900 && d.column() < 1100, "column " + d.column());
    }

    @Test
    void nestingJustUnderTheBoundIsFine() {
        ok("package main\nfunc main() {\n\tx := " + "(".repeat(900) + "1" + ")".repeat(900) + "\n\t_ = x\n}\n");
    }
}
