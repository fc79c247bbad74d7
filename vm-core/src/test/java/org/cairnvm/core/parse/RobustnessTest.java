package org.cairnvm.core.parse;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cairnvm.api.Source;
import org.cairnvm.core.ast.SourceFile;
import org.cairnvm.core.check.Checker;
import org.cairnvm.core.source.Diagnostics;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Source is untrusted: whatever the bytes, parsing and checking end with diagnostics, never a
 * Java exception. Random bytes exercise the scanner; random token soups and mutated programs
 * get past it and exercise the parser's recovery and the checker.
 */
class RobustnessTest {
    private static final List<String> TOKENS = List.of("package", "main", "import", "\"fmt\"", "func", "f", "x",
            "y", "T", "int", "string", "bool", "struct", "chan", "map", "interface", "var", "const", "type", "iota",
            "(", ")", "{", "}", "[", "]", ",", ";", ":", ":=", "=", "+=", "<<=", "++", "--", "+", "-", "*", "/", "%",
            "&", "|", "^", "&^", "<<", ">>", "&&", "||", "!", "<-", "==", "!=", "<", ">=", ".", "...", "\n", "\n",
            "1", "0", "'a'", "\"s\"", "`r`", "9223372036854775808", "1.5", "nil", "true", "if", "else", "for",
            "range", "switch", "case", "default", "return", "break", "continue", "go", "defer", "select", "goto",
            "make", "new", "len", "append", "cap", "panic", "print", "close", "fmt.Println", "_", "#", "\u0000");

    private static final String VALID = """
            package main

            import "fmt"

            type Node struct {
            	val  int
            	next *Node
            }

            const (
            	A = iota
            	B
            )

            var total = sum(3)

            func sum(n int) int {
            	s := 0
            	for i := 0; i < n; i++ {
            		s += i
            	}
            	return s
            }

            func (n *Node) Len() int {
            	if n == nil {
            		return 0
            	}
            	return 1 + n.next.Len()
            }

            func main() {
            	xs := []int{1, 2, 3}
            	xs = append(xs, 4)
            	var a [3]int
            	ch := make(chan int, 1)
            	ch <- len(xs)
            	v, ok := <-ch
            	switch v {
            	case 1:
            	default:
            		fmt.Println(a[0], v, ok, total, A, B, (&Node{}).Len())
            	}
            }
            """;

    private static void frontEnd(byte[] bytes) {
        Diagnostics d = new Diagnostics("prog.go");
        SourceFile f = Parser.parse(new Source("prog.go", bytes), d);
        if (f != null && !d.hasErrors()) {
            Checker.check(f, d);
        } else if (f != null) {
            // the checker must also survive the partial trees error recovery leaves behind
            Checker.check(f, new Diagnostics("prog.go"));
        }
    }

    private static Gen<byte[]> bytes(int max) {
        return lists().of(integers().between(0, 255)).ofSizeBetween(0, max).map(l -> {
            byte[] b = new byte[l.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (int) l.get(i);
            }
            return b;
        });
    }

    @Test
    void randomBytesNeverThrow() {
        qt().withExamples(1500).forAll(bytes(300)).checkAssert(RobustnessTest::frontEnd);
    }

    @Test
    void randomBytesAfterAPackageClauseNeverThrow() {
        qt().withExamples(1500).forAll(bytes(300)).checkAssert(b -> {
            byte[] head = "package main\nfunc main() {\n".getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[head.length + b.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(b, 0, all, head.length, b.length);
            frontEnd(all);
        });
    }

    @Test
    void randomTokenSoupsNeverThrow() {
        qt().withExamples(3000).forAll(lists().of(integers().between(0, TOKENS.size() - 1)).ofSizeBetween(0, 120))
                .checkAssert(ix -> {
                    StringBuilder sb = new StringBuilder("package main\n");
                    for (int i : ix) {
                        sb.append(TOKENS.get(i)).append(' ');
                    }
                    frontEnd(sb.toString().getBytes(StandardCharsets.UTF_8));
                });
    }

    @Test
    void mutatedValidProgramsNeverThrow() {
        byte[] base = VALID.getBytes(StandardCharsets.UTF_8);
        qt().withExamples(3000)
                .forAll(integers().between(0, base.length - 1), integers().between(0, TOKENS.size() - 1),
                        integers().between(0, 2))
                .checkAssert((at, tok, how) -> {
                    String s = VALID;
                    String t = TOKENS.get(tok);
                    String m = switch (how) {
                        case 0 -> s.substring(0, at) + t + s.substring(at);        // insert a token
                        case 1 -> s.substring(0, at) + s.substring(Math.min(s.length(), at + 3)); // delete
                        default -> s.substring(0, at) + t + s.substring(Math.min(s.length(), at + t.length()));
                    };
                    frontEnd(m.getBytes(StandardCharsets.UTF_8));
                });
    }
}
