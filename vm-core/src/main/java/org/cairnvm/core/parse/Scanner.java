package org.cairnvm.core.parse;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.cairnvm.core.ast.Pos;
import org.cairnvm.core.source.Diagnostics;

/**
 * Go's lexical scanner, after {@code cmd/compile/internal/syntax/scanner.go}: tokens, automatic
 * semicolon insertion (after a line's final identifier, literal, {@code break continue fallthrough
 * return}, {@code ++ --} or closing bracket), comments, and Go's literal syntax and messages.
 *
 * <p>Source bytes are untrusted. A NUL byte, malformed UTF-8 or a stray BOM is reported
 * ({@code invalid NUL character}, {@code invalid UTF-8 encoding}) and skipped, as Go does; an
 * unknown character is reported ({@code invalid character U+0023 '#'}) and skipped. Nothing here
 * throws. Columns are 1-based byte columns, as Go prints them.
 */
final class Scanner {
    /** Kinds of literal tokens. */
    enum LitKind { INT, FLOAT, IMAG, RUNE, STRING }

    private static final int EOF_CH = -1;
    /**
     * Go's compiler refuses numeric literals longer than this ({@code excessively long constant}),
     * which also keeps a hostile literal from costing quadratic time to convert.
     */
    static final int MAX_LITERAL_CHARS = 10_000;
    private static final int BOM = 0xFEFF;

    private final byte[] src;
    private final Diagnostics diag;

    // reader state: ch is the current character, starting at byte index chStart, on line/col (0-based col)
    private int r;
    private int ch = ' ';
    private int chw;
    private int chStart;
    private int chLine = 1;
    private int chCol = -1;

    // current token
    Tok tok;
    String lit = "";
    Tok.Op op;
    int prec;
    int line;
    int col;
    LitKind kind;
    boolean bad;
    /** BigInteger (INT), Integer (RUNE), byte[] (STRING); null otherwise. */
    Object value;
    private boolean nlsemi;
    private int segStart;
    private final ByteArrayOutputStream strBuf = new ByteArrayOutputStream();

    Scanner(byte[] src, Diagnostics diag) {
        this.src = src;
        this.diag = diag;
        nextch();
    }

    Pos pos() {
        return new Pos(line, col);
    }

    private void error(String msg) {
        diag.error(new Pos(chLine, chCol + 1), msg);
    }

    private void errorAt(int offset, String msg) {
        diag.error(new Pos(line, col + offset), msg);
    }

    private void nextch() {
        for (;;) {
            if (ch == '\n') {
                chLine++;
                chCol = 0;
            } else {
                chCol += chw == 0 && chCol < 0 ? 1 : chw;
            }
            chStart = r;
            if (r >= src.length) {
                ch = EOF_CH;
                chw = 0;
                return;
            }
            int b = src[r] & 0xFF;
            if (b < 0x80) {
                r++;
                chw = 1;
                ch = b;
                if (b == 0) {
                    error("invalid NUL character");
                    continue;
                }
                return;
            }
            int cp = decodeUtf8();
            if (cp < 0) {
                r++;
                chw = 1;
                ch = 0xFFFD;
                error("invalid UTF-8 encoding");
                continue;
            }
            if (cp == BOM) {
                if (chLine > 1 || chCol > 0) {
                    ch = cp;
                    error("invalid BOM in the middle of the file");
                }
                ch = cp;
                continue;
            }
            ch = cp;
            return;
        }
    }

    /** Decodes the UTF-8 sequence at r, setting chw and advancing r; -1 (r unchanged) if malformed. */
    private int decodeUtf8() {
        int b0 = src[r] & 0xFF;
        int n;
        int cp;
        int min;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            n = 2;
            cp = b0 & 0x1F;
            min = 0x80;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            n = 3;
            cp = b0 & 0x0F;
            min = 0x800;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            n = 4;
            cp = b0 & 0x07;
            min = 0x10000;
        } else {
            return -1;
        }
        if (r + n > src.length) {
            return -1;
        }
        for (int i = 1; i < n; i++) {
            int b = src[r + i] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                return -1;
            }
            cp = (cp << 6) | (b & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000)) {
            return -1;
        }
        r += n;
        chw = n;
        return cp;
    }

    private String segment() {
        return new String(src, segStart, chStart - segStart, StandardCharsets.UTF_8);
    }

    /** Advances to the next token. */
    void next() {
        boolean semi = nlsemi;
        nlsemi = false;
        value = null;
        for (;;) {
            while (ch == ' ' || ch == '\t' || ch == '\n' && !semi || ch == '\r') {
                nextch();
            }
            line = chLine;
            col = chCol + 1;
            segStart = chStart;
            if (isLetter(ch) || ch >= 0x80 && atIdentChar(true)) {
                nextch();
                ident();
                return;
            }
            switch (ch) {
                case EOF_CH -> {
                    if (semi) {
                        lit = "EOF";
                        tok = Tok.SEMI;
                    } else {
                        tok = Tok.EOF;
                    }
                    return;
                }
                case '\n' -> {
                    nextch();
                    lit = "newline";
                    tok = Tok.SEMI;
                    return;
                }
                case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
                    number(false);
                    return;
                }
                case '"' -> {
                    stdString();
                    return;
                }
                case '`' -> {
                    rawString();
                    return;
                }
                case '\'' -> {
                    rune();
                    return;
                }
                case '(' -> simple(Tok.LPAREN, false);
                case '[' -> simple(Tok.LBRACK, false);
                case '{' -> simple(Tok.LBRACE, false);
                case ',' -> simple(Tok.COMMA, false);
                case ';' -> {
                    simple(Tok.SEMI, false);
                    lit = "semicolon";
                }
                case ')' -> simple(Tok.RPAREN, true);
                case ']' -> simple(Tok.RBRACK, true);
                case '}' -> simple(Tok.RBRACE, true);
                case ':' -> {
                    nextch();
                    if (ch == '=') {
                        nextch();
                        tok = Tok.DEFINE;
                    } else {
                        tok = Tok.COLON;
                    }
                }
                case '.' -> {
                    nextch();
                    if (isDecimal(ch)) {
                        number(true);
                        return;
                    }
                    if (ch == '.' && chStart + 1 < src.length && src[chStart + 1] == '.') {
                        nextch();
                        nextch();
                        tok = Tok.DOTDOTDOT;
                    } else {
                        tok = Tok.DOT;
                    }
                }
                case '+', '-' -> {
                    int c = ch;
                    nextch();
                    op = c == '+' ? Tok.Op.ADD : Tok.Op.SUB;
                    prec = op.prec;
                    if (ch == c) {
                        nextch();
                        nlsemi = true;
                        tok = Tok.INC_OP;
                    } else {
                        assignOp();
                    }
                }
                case '*' -> {
                    nextch();
                    op = Tok.Op.MUL;
                    prec = op.prec;
                    if (ch == '=') {
                        nextch();
                        tok = Tok.ASSIGN_OP;
                    } else {
                        tok = Tok.STAR;
                    }
                }
                case '/' -> {
                    nextch();
                    if (ch == '/') {
                        while (ch >= 0 && ch != '\n') {
                            nextch();
                        }
                        continue;
                    }
                    if (ch == '*') {
                        nextch();
                        int startLine = line;
                        fullComment();
                        if (chLine > startLine && semi) {
                            lit = "newline";
                            tok = Tok.SEMI;
                            return;
                        }
                        continue;
                    }
                    setOp(Tok.Op.DIV);
                    assignOp();
                }
                case '%' -> {
                    nextch();
                    setOp(Tok.Op.REM);
                    assignOp();
                }
                case '&' -> {
                    nextch();
                    if (ch == '&') {
                        nextch();
                        setOp(Tok.Op.ANDAND);
                        tok = Tok.OPERATOR;
                    } else {
                        setOp(Tok.Op.AND);
                        if (ch == '^') {
                            nextch();
                            setOp(Tok.Op.ANDNOT);
                        }
                        assignOp();
                    }
                }
                case '|' -> {
                    nextch();
                    if (ch == '|') {
                        nextch();
                        setOp(Tok.Op.OROR);
                        tok = Tok.OPERATOR;
                    } else {
                        setOp(Tok.Op.OR);
                        assignOp();
                    }
                }
                case '^' -> {
                    nextch();
                    setOp(Tok.Op.XOR);
                    assignOp();
                }
                case '<' -> {
                    nextch();
                    if (ch == '=') {
                        nextch();
                        setOp(Tok.Op.LEQ);
                        tok = Tok.OPERATOR;
                    } else if (ch == '<') {
                        nextch();
                        setOp(Tok.Op.SHL);
                        assignOp();
                    } else if (ch == '-') {
                        nextch();
                        tok = Tok.ARROW;
                    } else {
                        setOp(Tok.Op.LSS);
                        tok = Tok.OPERATOR;
                    }
                }
                case '>' -> {
                    nextch();
                    if (ch == '=') {
                        nextch();
                        setOp(Tok.Op.GEQ);
                        tok = Tok.OPERATOR;
                    } else if (ch == '>') {
                        nextch();
                        setOp(Tok.Op.SHR);
                        assignOp();
                    } else {
                        setOp(Tok.Op.GTR);
                        tok = Tok.OPERATOR;
                    }
                }
                case '=' -> {
                    nextch();
                    if (ch == '=') {
                        nextch();
                        setOp(Tok.Op.EQL);
                        tok = Tok.OPERATOR;
                    } else {
                        tok = Tok.ASSIGN;
                    }
                }
                case '!' -> {
                    nextch();
                    if (ch == '=') {
                        nextch();
                        setOp(Tok.Op.NEQ);
                    } else {
                        setOp(Tok.Op.NOT);
                    }
                    tok = Tok.OPERATOR;
                }
                case '~' -> {
                    nextch();
                    setOp(Tok.Op.TILDE);
                    tok = Tok.OPERATOR;
                }
                default -> {
                    error("invalid character " + unicodeForm(ch));
                    nextch();
                    continue;
                }
            }
            return;
        }
    }

    private void simple(Tok t, boolean semiAfter) {
        nextch();
        tok = t;
        nlsemi = semiAfter;
    }

    private void setOp(Tok.Op o) {
        op = o;
        prec = o.prec;
    }

    private void assignOp() {
        if (ch == '=') {
            nextch();
            tok = Tok.ASSIGN_OP;
        } else {
            tok = Tok.OPERATOR;
        }
    }

    private void ident() {
        while (isLetter(ch) || isDecimal(ch)) {
            nextch();
        }
        if (ch >= 0x80) {
            while (atIdentChar(false)) {
                nextch();
            }
        }
        String s = segment();
        Tok kw = keyword(s);
        if (kw != null) {
            nlsemi = kw == Tok.BREAK || kw == Tok.CONTINUE || kw == Tok.FALLTHROUGH || kw == Tok.RETURN;
            tok = kw;
            return;
        }
        nlsemi = true;
        lit = s;
        tok = Tok.NAME;
    }

    private static Tok keyword(String s) {
        if (s.length() < 2) {
            return null;
        }
        for (Tok t : Tok.values()) {
            if (t.isKeyword() && t.text.equals(s)) {
                return t;
            }
        }
        return null;
    }

    private boolean atIdentChar(boolean first) {
        if (ch < 0) {
            return false;
        }
        if (Character.isLetter(ch) || ch == '_') {
            return true;
        }
        if (Character.isDigit(ch)) {
            if (first) {
                error("identifier cannot begin with digit " + unicodeForm(ch));
            }
            return true;
        }
        if (ch >= 0x80) {
            error("invalid character " + unicodeForm(ch) + " in identifier");
            return true;
        }
        return false;
    }

    // ---- numbers

    private void number(boolean seenPoint) {
        boolean ok = true;
        LitKind k = LitKind.INT;
        int base = 10;
        char prefix = 0;
        int digsep = 0;
        int[] invalid = {-1};
        if (!seenPoint) {
            if (ch == '0') {
                nextch();
                switch (lower(ch)) {
                    case 'x' -> {
                        nextch();
                        base = 16;
                        prefix = 'x';
                    }
                    case 'o' -> {
                        nextch();
                        base = 8;
                        prefix = 'o';
                    }
                    case 'b' -> {
                        nextch();
                        base = 2;
                        prefix = 'b';
                    }
                    default -> {
                        base = 8;
                        prefix = '0';
                        digsep = 1;
                    }
                }
            }
            digsep |= digits(base, invalid);
            if (ch == '.') {
                if (prefix == 'o' || prefix == 'b') {
                    error("invalid radix point in " + baseName(base) + " literal");
                    ok = false;
                }
                nextch();
                seenPoint = true;
            }
        }
        if (seenPoint) {
            k = LitKind.FLOAT;
            digsep |= digits(base, invalid);
        }
        if ((digsep & 1) == 0 && ok) {
            error(baseName(base) + " literal has no digits");
            ok = false;
        }
        int e = lower(ch);
        if (e == 'e' || e == 'p') {
            if (ok) {
                if (e == 'e' && prefix != 0 && prefix != '0') {
                    error(quoteRune(ch) + " exponent requires decimal mantissa");
                    ok = false;
                } else if (e == 'p' && prefix != 'x') {
                    error(quoteRune(ch) + " exponent requires hexadecimal mantissa");
                    ok = false;
                }
            }
            nextch();
            k = LitKind.FLOAT;
            if (ch == '+' || ch == '-') {
                nextch();
            }
            digsep = digits(10, null) | digsep & 2;
            if ((digsep & 1) == 0 && ok) {
                error("exponent has no digits");
                ok = false;
            }
        } else if (prefix == 'x' && k == LitKind.FLOAT && ok) {
            error("hexadecimal mantissa requires a 'p' exponent");
            ok = false;
        }
        if (ch == 'i') {
            k = LitKind.IMAG;
            nextch();
        }
        lit = segment();
        if (k == LitKind.INT && invalid[0] >= 0 && ok) {
            // The offset counts source bytes (as columns do), which a literal decoded from bytes
            // that NULs or malformed UTF-8 interrupted need not match character for character.
            errorAt(invalid[0], "invalid digit " + quoteRune(src[segStart + invalid[0]] & 0xFF) + " in "
                    + baseName(base) + " literal");
            ok = false;
        }
        if ((digsep & 2) != 0 && ok) {
            int i = invalidSep(lit);
            if (i >= 0) {
                errorAt(i, "'_' must separate successive digits");
                ok = false;
            }
        }
        tok = Tok.LITERAL;
        kind = k;
        bad = !ok;
        nlsemi = true;
        if (k == LitKind.INT) {
            // an over-long literal is not converted (BigInteger parsing is superlinear); the checker
            // reports it as Go does
            value = ok && lit.length() <= MAX_LITERAL_CHARS ? intValue(lit) : BigInteger.ZERO;
        }
    }

    private static BigInteger intValue(String text) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80 && (Character.isLetterOrDigit(c))) {
                digits.append(c); // skips '_' and any NUL or bad byte already reported
            }
        }
        String s = digits.toString();
        if (s.length() > 1 && s.charAt(0) == '0') {
            return switch (Character.toLowerCase(s.charAt(1))) {
                case 'x' -> new BigInteger(s.substring(2), 16);
                case 'o' -> new BigInteger(s.substring(2), 8);
                case 'b' -> new BigInteger(s.substring(2), 2);
                default -> new BigInteger(s.substring(1), 8);
            };
        }
        return new BigInteger(s);
    }

    private int digits(int base, int[] invalid) {
        int digsep = 0;
        if (base <= 10) {
            int max = '0' + base;
            while (isDecimal(ch) || ch == '_') {
                int ds = 1;
                if (ch == '_') {
                    ds = 2;
                } else if (ch >= max && invalid != null && invalid[0] < 0) {
                    invalid[0] = chCol + 1 - col;
                }
                digsep |= ds;
                nextch();
            }
        } else {
            while (isHex(ch) || ch == '_') {
                digsep |= ch == '_' ? 2 : 1;
                nextch();
            }
        }
        return digsep;
    }

    private static int invalidSep(String x) {
        int x1 = ' ';
        int d = '.';
        int i = 0;
        if (x.length() >= 2 && x.charAt(0) == '0') {
            x1 = lower(x.charAt(1));
            if (x1 == 'x' || x1 == 'o' || x1 == 'b') {
                d = '0';
                i = 2;
            }
        }
        for (; i < x.length(); i++) {
            int p = d;
            d = x.charAt(i);
            if (d == '_') {
                if (p != '0') {
                    return i;
                }
            } else if (isDecimal(d) || x1 == 'x' && isHex(d)) {
                d = '0';
            } else {
                if (p == '_') {
                    return i - 1;
                }
                d = '.';
            }
        }
        return d == '_' ? x.length() - 1 : -1;
    }

    private static String baseName(int base) {
        return switch (base) {
            case 2 -> "binary";
            case 8 -> "octal";
            case 10 -> "decimal";
            default -> "hexadecimal";
        };
    }

    // ---- strings and runes

    private void rune() {
        boolean ok = true;
        strBuf.reset();
        int first = -1;
        nextch();
        int n = 0;
        for (;; n++) {
            if (ch == '\'') {
                if (ok) {
                    if (n == 0) {
                        error("empty rune literal or unescaped '");
                        ok = false;
                    } else if (n != 1) {
                        errorAt(0, "more than one character in rune literal");
                        ok = false;
                    }
                }
                nextch();
                break;
            }
            if (ch == '\\') {
                nextch();
                int v = escape('\'');
                if (v == ESCAPE_BAD) {
                    ok = false;
                } else if (n == 0) {
                    first = v;
                }
                continue;
            }
            if (ch == '\n') {
                if (ok) {
                    error("newline in rune literal");
                    ok = false;
                }
                break;
            }
            if (ch < 0) {
                if (ok) {
                    errorAt(0, "rune literal not terminated");
                    ok = false;
                }
                break;
            }
            if (n == 0) {
                first = ch;
            }
            nextch();
        }
        setLit(LitKind.RUNE, ok);
        value = ok && first >= 0 ? first : 0;
    }

    private void stdString() {
        boolean ok = true;
        strBuf.reset();
        nextch();
        for (;;) {
            if (ch == '"') {
                nextch();
                break;
            }
            if (ch == '\\') {
                nextch();
                if (escape('"') == ESCAPE_BAD) {
                    ok = false;
                }
                continue;
            }
            if (ch == '\n') {
                error("newline in string");
                ok = false;
                break;
            }
            if (ch < 0) {
                errorAt(0, "string not terminated");
                ok = false;
                break;
            }
            appendChar(ch);
            nextch();
        }
        setLit(LitKind.STRING, ok);
        value = strBuf.toByteArray();
    }

    private void rawString() {
        boolean ok = true;
        strBuf.reset();
        nextch();
        for (;;) {
            if (ch == '`') {
                nextch();
                break;
            }
            if (ch < 0) {
                errorAt(0, "string not terminated");
                ok = false;
                break;
            }
            if (ch != '\r') {
                appendChar(ch);
            }
            nextch();
        }
        setLit(LitKind.STRING, ok);
        value = strBuf.toByteArray();
    }

    private void setLit(LitKind k, boolean ok) {
        nlsemi = true;
        tok = Tok.LITERAL;
        lit = segment();
        kind = k;
        bad = !ok;
    }

    /** The current character's bytes as they appear (the UTF-8 sequence, or U+FFFD for a bad byte). */
    private void appendChar(int c) {
        if (c < 0x80) {
            strBuf.write(c);
        } else {
            strBuf.writeBytes(new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final int ESCAPE_BAD = -2;

    /** Scans an escape after the backslash; appends its bytes and returns its value, or ESCAPE_BAD. */
    private int escape(int quote) {
        int n;
        int base;
        int max;
        switch (ch) {
            case 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\' -> {
                int v = switch (ch) {
                    case 'a' -> 7;
                    case 'b' -> 8;
                    case 'f' -> 12;
                    case 'n' -> 10;
                    case 'r' -> 13;
                    case 't' -> 9;
                    case 'v' -> 11;
                    default -> '\\';
                };
                nextch();
                strBuf.write(v);
                return v;
            }
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                n = 3;
                base = 8;
                max = 255;
            }
            case 'x' -> {
                nextch();
                n = 2;
                base = 16;
                max = 255;
            }
            case 'u' -> {
                nextch();
                n = 4;
                base = 16;
                max = Character.MAX_CODE_POINT;
            }
            case 'U' -> {
                nextch();
                n = 8;
                base = 16;
                max = Character.MAX_CODE_POINT;
            }
            default -> {
                if (ch == quote) {
                    nextch();
                    strBuf.write(quote);
                    return quote;
                }
                if (ch < 0) {
                    return 0;
                }
                error("unknown escape");
                return ESCAPE_BAD;
            }
        }
        long x = 0;
        for (int i = n; i > 0; i--) {
            if (ch < 0) {
                return 0;
            }
            int d = base;
            if (isDecimal(ch)) {
                d = ch - '0';
            } else if ('a' <= lower(ch) && lower(ch) <= 'f') {
                d = lower(ch) - 'a' + 10;
            }
            if (d >= base) {
                error("invalid character " + quoteRune(ch) + " in " + baseName(base) + " escape");
                return ESCAPE_BAD;
            }
            x = x * base + d;
            nextch();
        }
        if (x > max && base == 8) {
            error("octal escape value " + x + " > 255");
            return ESCAPE_BAD;
        }
        if (x > max || 0xD800 <= x && x < 0xE000) {
            error("escape is invalid Unicode code point " + unicodeForm((int) Math.min(x, Integer.MAX_VALUE)));
            return ESCAPE_BAD;
        }
        if (n <= 3 && max == 255) {
            strBuf.write((int) x); // \x and octal escapes are single bytes
        } else {
            appendChar((int) x);
        }
        return (int) x;
    }

    private void fullComment() {
        while (ch >= 0) {
            while (ch == '*') {
                nextch();
                if (ch == '/') {
                    nextch();
                    return;
                }
            }
            nextch();
        }
        errorAt(0, "comment not terminated");
    }

    // ---- character classes and Go's formatting of characters

    private static int lower(int c) {
        return ('a' - 'A') | c;
    }

    private static boolean isLetter(int c) {
        return 'a' <= lower(c) && lower(c) <= 'z' || c == '_';
    }

    private static boolean isDecimal(int c) {
        return '0' <= c && c <= '9';
    }

    private static boolean isHex(int c) {
        return '0' <= c && c <= '9' || 'a' <= lower(c) && lower(c) <= 'f';
    }

    /** Go's {@code %#U}: {@code U+0023 '#'}, without the character when it is not printable. */
    static String unicodeForm(int c) {
        String hex = Integer.toHexString(c).toUpperCase();
        String u = "U+" + "0".repeat(Math.max(0, 4 - hex.length())) + hex;
        return isPrint(c) ? u + " '" + new String(Character.toChars(c)) + "'" : u;
    }

    /** Go's {@code %q} of a rune. */
    static String quoteRune(int c) {
        return switch (c) {
            case '\'' -> "'\\''";
            case '\\' -> "'\\\\'";
            case '\n' -> "'\\n'";
            case '\t' -> "'\\t'";
            case '\r' -> "'\\r'";
            case 0 -> "'\\x00'";
            default -> isPrint(c) ? "'" + new String(Character.toChars(c)) + "'"
                    : c < 0x80 ? String.format("'\\x%02x'", c)
                    : c < 0x10000 ? String.format("'\\u%04x'", c) : String.format("'\\U%08x'", c);
        };
    }

    /** Go's strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    static boolean isPrint(int c) {
        if (c == ' ') {
            return true;
        }
        if (c < 0 || c > Character.MAX_CODE_POINT) {
            return false;
        }
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                 Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                 Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                 Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }
}
