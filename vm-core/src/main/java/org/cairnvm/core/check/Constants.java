package org.cairnvm.core.check;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** Constant values (BigInteger, Boolean, byte[]) and Go's way of printing them in messages. */
final class Constants {
    /** Go's int is 64-bit two's complement on the platforms the subset targets. */
    static final BigInteger MIN_INT = BigInteger.ONE.shiftLeft(63).negate();
    static final BigInteger MAX_INT = BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE);
    /**
     * Go keeps untyped integer constants exact but refuses ones wider than 512 bits
     * ({@code constant multiplication overflow}), so a hostile {@code 1 << 1000 << 1000 ...}
     * cannot make the checker build enormous numbers.
     */
    static final int UNTYPED_PRECISION = 512;
    /** Go truncates long constant strings in messages to this many characters. */
    private static final int MAX_QUOTED = 72;

    private Constants() {
    }

    static boolean fitsInt(BigInteger v) {
        return v.compareTo(MIN_INT) >= 0 && v.compareTo(MAX_INT) <= 0;
    }

    /** A constant as go/constant's String prints it. */
    static String format(Object v) {
        return switch (v) {
            case BigInteger b -> b.toString();
            case Boolean b -> b.toString();
            case byte[] s -> {
                String q = quote(s);
                if (q.length() > MAX_QUOTED) {
                    int i = MAX_QUOTED - 3;
                    yield q.substring(0, i) + "...";
                }
                yield q;
            }
            default -> String.valueOf(v);
        };
    }

    /** Go's strconv.Quote. */
    static String quote(byte[] s) {
        StringBuilder sb = new StringBuilder("\"");
        int i = 0;
        while (i < s.length) {
            int b = s[i] & 0xFF;
            if (b < 0x80) {
                switch (b) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\t' -> sb.append("\\t");
                    case '\r' -> sb.append("\\r");
                    case 7 -> sb.append("\\a");
                    case 8 -> sb.append("\\b");
                    case 12 -> sb.append("\\f");
                    case 11 -> sb.append("\\v");
                    default -> {
                        if (b < 0x20 || b == 0x7F) {
                            sb.append(String.format("\\x%02x", b));
                        } else {
                            sb.append((char) b);
                        }
                    }
                }
                i++;
                continue;
            }
            int n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            String ch = n > 1 && i + n <= s.length ? new String(s, i, n, StandardCharsets.UTF_8) : null;
            if (ch == null || ch.codePointCount(0, ch.length()) != 1 || ch.codePointAt(0) == 0xFFFD) {
                sb.append(String.format("\\x%02x", b));
                i++;
                continue;
            }
            int cp = ch.codePointAt(0);
            if (isPrint(cp)) {
                sb.append(ch);
            } else if (cp < 0x10000) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.append(String.format("\\U%08x", cp));
            }
            i += n;
        }
        return sb.append('"').toString();
    }

    private static boolean isPrint(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE,
                 Character.SURROGATE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

}
