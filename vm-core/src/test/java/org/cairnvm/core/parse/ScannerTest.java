package org.cairnvm.core.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cairnvm.api.Diagnostic;
import org.cairnvm.core.source.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Guards Scanner.java: Go's tokens, semicolon insertion, literal values and lexical errors. */
class ScannerTest {

    private record Lexed(List<String> tokens, Scanner last, Diagnostics diag, List<Object> values) {
    }

    /** Token texts: names and literals as written, ";" with its kind, operators as symbols. */
    private static Lexed lex(String src) {
        return lex(src.getBytes(StandardCharsets.UTF_8));
    }

    private static Lexed lex(byte[] src) {
        Diagnostics d = new Diagnostics("prog.go");
        Scanner s = new Scanner(src, d);
        List<String> out = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            s.next();
            if (s.tok == Tok.EOF) {
                break;
            }
            out.add(switch (s.tok) {
                case NAME, LITERAL -> s.lit;
                case SEMI -> ";" + s.lit;
                case OPERATOR, STAR -> s.op.text;
                case ASSIGN_OP -> s.op.text + "=";
                case INC_OP -> s.op.text + s.op.text;
                default -> s.tok.text;
            });
            if (s.tok == Tok.LITERAL) {
                values.add(s.value);
            }
        }
        return new Lexed(out, s, d, values);
    }

    private static String firstError(Diagnostics d) {
        List<Diagnostic> l = d.sorted();
        return l.isEmpty() ? "" : l.get(0).toString();
    }

    @Test
    void insertsSemicolonsAfterLineFinalTokens() {
        assertEquals(List.of("x", ";newline", "y", "++", ";newline", "return", ";newline", "f", "(", ")", ";newline",
                        "a", "[", "1", "]", ";newline", "}", ";newline", "\"s\"", ";newline", "break", ";EOF"),
                lex("x\ny++\nreturn\nf()\na[1]\n}\n\"s\"\nbreak").tokens());
    }

    @Test
    void noSemicolonAfterOperatorsOrOpeningBrackets() {
        assertEquals(List.of("x", ":=", "1", "+", "2", ";newline", "f", "(", "a", ",", "b", ")", ";newline"),
                lex("x := 1 +\n2\nf(\na,\nb)\n").tokens());
    }

    @Test
    void commentsAndSemicolons() {
        assertEquals(List.of("x", ";newline", "y", ";newline"), lex("x // comment\ny /* c */\n").tokens());
        assertEquals(List.of("x", ";newline", "y", ";EOF"), lex("x /* multi\nline */ y").tokens());
        assertEquals(List.of("a", "b", ";EOF"), lex("a /* one line */ b").tokens());
    }

    @Test
    void operators() {
        assertEquals(List.of("&&", "||", "<-", "<=", "<<", "<<=", ">>=", "&^", "&^=", "==", "!=", "!", "...", ".",
                        ":=", ":", "=", "*", "*=", "%=", "|=", "^="),
                lex("&& || <- <= << <<= >>= &^ &^= == != ! ... . := : = * *= %= |= ^=").tokens());
    }

    @ParameterizedTest
    @CsvSource({"42,42", "0,0", "1_000_000,1000000", "0x_FF,255", "0XABCDEF,11259375", "0o17,15", "017,15",
            "0b1011,11", "0B_1_0,2", "9223372036854775808,9223372036854775808",
            "0xFFFFFFFFFFFFFFFFFFFF,1208925819614629174706175"})
    void integerLiterals(String text, String value) {
        Lexed l = lex(text);
        assertEquals(new BigInteger(value), l.values().get(0));
        assertFalse(l.diag().hasErrors());
    }

    @Test
    void interpretedStringEscapes() {
        Lexed l = lex("\"a\\n\\t\\\\\\\"\\x41\\101\\u00e9\\U0001F600\\a\\b\\f\\r\\v'\"");
        byte[] want = "a\n\t\\\"AAé😀\u0007\b\f\r\u000b'".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(want, (byte[]) l.values().get(0));
        assertFalse(l.diag().hasErrors());
        // \x escapes are bytes, not code points
        assertArrayEquals(new byte[]{(byte) 0xff}, (byte[]) lex("\"\\xff\"").values().get(0));
    }

    @Test
    void rawStringsKeepBackslashesAndDropCarriageReturns() {
        Lexed l = lex("`a\\n\r\nb`");
        assertArrayEquals("a\\n\nb".getBytes(StandardCharsets.UTF_8), (byte[]) l.values().get(0));
    }

    @Test
    void runeLiterals() {
        assertEquals(97, lex("'a'").values().get(0));
        assertEquals(10, lex("'\\n'").values().get(0));
        assertEquals(39, lex("'\\''").values().get(0));
        assertEquals(0xe9, lex("'é'").values().get(0));
        assertEquals(0x41, lex("'\\x41'").values().get(0));
        assertEquals(0x1F600, lex("'\\U0001F600'").values().get(0));
    }

    @Test
    void floatAndImaginaryLiteralsAreRecognised() {
        Lexed l = lex("1.5 .5 1e3 0x1p4 2i");
        assertEquals(List.of("1.5", ".5", "1e3", "0x1p4", "2i", ";EOF"), l.tokens());
        assertFalse(l.diag().hasErrors());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "x := 1 #|prog.go:1:8: invalid character U+0023 '#'",
        "x := 09|prog.go:1:7: invalid digit '9' in octal literal",
        "x := 1__0|prog.go:1:8: '_' must separate successive digits",
        "x := 0x|prog.go:1:8: hexadecimal literal has no digits",
        "x := 0b102|prog.go:1:10: invalid digit '2' in binary literal",
        "s := \"abc|prog.go:1:6: string not terminated",
        "s := `abc|prog.go:1:6: string not terminated",
        "s := \"\\q\"|prog.go:1:8: unknown escape",
        "c := 'ab'|prog.go:1:6: more than one character in rune literal",
        "c := ''|prog.go:1:7: empty rune literal or unescaped '",
        "c := '\\400'|prog.go:1:11: octal escape value 256 > 255",
        "s := \"\\uD800\"|prog.go:1:13: escape is invalid Unicode code point U+D800",
        "s := \"\\xZZ\"|prog.go:1:9: invalid character 'Z' in hexadecimal escape",
        "/* abc|prog.go:1:1: comment not terminated",
        "x := 1.5e|prog.go:1:10: exponent has no digits",
    })
    void lexicalErrorsInGoWording(String src, String want) {
        assertEquals(want, firstError(lex(src).diag()));
    }

    @Test
    void newlineInString() {
        assertEquals("prog.go:1:10: newline in string", firstError(lex("s := \"abc\nx").diag()));
    }

    @Test
    void nulAndBadUtf8AreReportedAndSkipped() {
        Lexed l = lex(new byte[]{'x', ' ', 0, ' ', 'y'});
        assertEquals("prog.go:1:3: invalid NUL character", firstError(l.diag()));
        assertEquals(List.of("x", "y", ";EOF"), l.tokens());
        Lexed u = lex(new byte[]{'x', ' ', (byte) 0xff, 'y'});
        assertEquals("prog.go:1:3: invalid UTF-8 encoding", firstError(u.diag()));
        Lexed bom = lex(new byte[]{'x', ' ', (byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        assertEquals("prog.go:1:3: invalid BOM in the middle of the file", firstError(bom.diag()));
        assertTrue(lex(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x'}).diag().sorted().isEmpty());
    }

    @Test
    void anOctalLiteralInterruptedByMalformedUtf8IsReportedNotThrown() {
        // The two malformed bytes decode to one U+FFFD, so the invalid digit's byte offset (2
        // past the 0) is past the end of the decoded literal; found by RobustnessTest.
        // Go: 1:7 invalid UTF-8 encoding, then 1:9 invalid digit '8' in octal literal, which
        // the one-error-per-line rule of Diagnostics keeps back.
        Lexed l = lex(new byte[]{'x', ' ', ':', '=', ' ', '0', (byte) 0xE2, (byte) 0x82, '8'});
        assertEquals("prog.go:1:7: invalid UTF-8 encoding", firstError(l.diag()));
    }

    @Test
    void unicodeIdentifiersAndBadOnes() {
        assertEquals(List.of("héllo", ";EOF"), lex("héllo").tokens());
        assertEquals("prog.go:1:2: invalid character U+00B7 '·' in identifier", firstError(lex("a·").diag()));
        assertEquals("prog.go:1:1: identifier cannot begin with digit U+0669 '٩'", firstError(lex("٩x").diag()));
    }

    @Test
    void columnsAreByteColumns() {
        Lexed l = lex("\"é\" #");
        assertEquals("prog.go:1:6: invalid character U+0023 '#'", firstError(l.diag()));
    }
}
