package org.cairnvm.core.disasm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cairnvm.core.code.EscapeNote;
import org.cairnvm.core.code.FunctionCode;
import org.cairnvm.core.code.Image;
import org.cairnvm.core.code.Layout;
import org.cairnvm.core.code.Opcode;
import org.cairnvm.core.code.Operand;
import org.cairnvm.core.code.SlotInfo;

/**
 * Renders an image as text. Per function: its name, frame size, parameter and result words, the
 * slot table, then one line per instruction ({@code pc line OPCODE operands}, slots as
 * {@code r2}, labels as pcs, constants resolved, string literals quoted), each safepoint followed
 * by its stack map ({@code ; map @resumePc: r3 r7}); the entry map (resume pc 0, where a goroutine
 * created but not yet run is saved) comes before the first instruction as
 * {@code ; map @0 (entry): r2}.
 */
public final class Disassembler {
    private Disassembler() {
    }

    public static String render(Image image, boolean escapes) {
        StringBuilder sb = new StringBuilder();
        if (!image.compiled()) {
            image.diagnostics().forEach(d -> sb.append(d).append('\n'));
            return sb.toString();
        }
        if (escapes) {
            List<EscapeNote> notes = new ArrayList<>(image.escapeNotes());
            notes.sort(Comparator.comparingInt(EscapeNote::line).thenComparingInt(EscapeNote::column)
                    .thenComparing(EscapeNote::message));
            for (EscapeNote n : notes) {
                sb.append(image.source().name()).append(':').append(n.line()).append(':').append(n.column())
                        .append(": ").append(n.message()).append('\n');
            }
            sb.append('\n');
        }
        sb.append("globals: ").append(image.globalWords()).append(" words; static: ")
                .append(image.staticWords().length).append(" words\n");
        for (Layout l : image.layouts()) {
            sb.append("layout ").append(l.id()).append(' ').append(l.name()).append(": unit ").append(l.unitWords())
                    .append(" words, pointers ").append(l.pointers()).append('\n');
        }
        for (int i = 0; i < image.hostImports().size(); i++) {
            var h = image.hostImports().get(i);
            sb.append("host ").append(i).append(' ').append(h.name()).append(": params ").append(h.paramWords())
                    .append(" words, result ").append(h.resultWords()).append(" words\n");
        }
        for (FunctionCode f : image.functions()) {
            sb.append('\n');
            function(image, f, sb);
        }
        return sb.toString();
    }

    private static void function(Image image, FunctionCode f, StringBuilder sb) {
        sb.append("func ").append(f.index()).append(' ').append(f.name());
        if (f.index() == image.mainFunction()) {
            sb.append(" (main)");
        }
        if (f.index() == image.initFunction()) {
            sb.append(" (init)");
        }
        sb.append(": frame ").append(f.frameWords()).append(" words, params ").append(f.paramWords())
                .append(", result ").append(f.resultWords()).append('\n');
        for (SlotInfo s : f.slots()) {
            sb.append(String.format("  slot r%-4d %2d  %-10s %-16s %s%s%n", s.slot(), s.words(), s.name(), s.type(),
                    s.kind().name().toLowerCase(), s.addressTaken() ? " address-taken" : ""));
        }
        int[] code = f.code();
        int[] entry = f.stackMap().at(0);
        if (entry != null) {
            sb.append("             ; map @0 (entry):");
            mapSlots(entry, sb);
        }
        for (int pc = 0; pc < code.length; ) {
            Opcode op = Opcode.of(code[pc]);
            sb.append(String.format("  %4d %4d  %-10s", pc, f.lines()[pc], op.name()));
            Operand[] kinds = op.operands();
            for (int k = 0; k < kinds.length; k++) {
                String text = op == Opcode.PRINTC && k == 0 ? charLiteral(code[pc + 1])
                        : operand(image, f, kinds[k], code[pc + 1 + k]);
                sb.append(k == 0 ? " " : ", ").append(text);
            }
            sb.append('\n');
            int resume = pc + op.length();
            if (op.safepoint()) {
                int[] map = f.stackMap().at(resume);
                sb.append("             ; map @").append(resume).append(':');
                mapSlots(map, sb);
            }
            pc = resume;
        }
    }

    private static void mapSlots(int[] map, StringBuilder sb) {
        if (map != null) {
            for (int s : map) {
                sb.append(" r").append(s);
            }
        }
        sb.append('\n');
    }

    private static String charLiteral(int c) {
        return switch (c) {
            case '\n' -> "'\\n'";
            case '\'' -> "'\\''";
            default -> c >= 32 && c < 127 ? "'" + (char) c + "'" : Integer.toString(c);
        };
    }

    private static String operand(Image image, FunctionCode f, Operand kind, int v) {
        return switch (kind) {
            case DST, SRC, DSTN, SRCN, DST3, SRC3, SLOT -> "r" + v;
            case SRCOPT -> v < 0 ? "-" : "r" + v;
            case N, IMM -> Integer.toString(v);
            case LABEL -> "@" + v;
            case FUNC -> v >= 0 && v < image.functions().size() ? image.function(v).name() : "func#" + v;
            case HOST -> v >= 0 && v < image.hostImports().size() ? image.hostImports().get(v).name() : "host#" + v;
            case LAYOUT -> v >= 0 && v < image.layouts().size() ? image.layouts().get(v).name() : "layout#" + v;
            case CONST -> constant(image, f, v);
        };
    }

    /** A constant pool entry, shown as the string literal it addresses when it is one. */
    private static String constant(Image image, FunctionCode f, int index) {
        if (index < 0 || index >= f.constants().length) {
            return "k#" + index;
        }
        long value = f.constants()[index];
        String s = literal(image, value);
        return s != null ? s : Long.toString(value);
    }

    private static String literal(Image image, long address) {
        long[] words = image.staticWords();
        long firstLiteral = Image.STATIC_BASE + 8L * (image.globalWords() + 1);
        if (address < firstLiteral || (address - Image.STATIC_BASE) % 8 != 0) {
            return null;
        }
        int at = (int) ((address - Image.STATIC_BASE) / 8);
        if (at >= words.length || at < 1) {
            return null;
        }
        long header = words[at - 1];
        if (Layout.headerLayout(header) != Layout.STRING) {
            return null;
        }
        long len = words[at];
        if (len < 0 || at + 1 + (len + 7) / 8 > words.length) {
            return null;
        }
        byte[] bytes = new byte[(int) len];
        for (int i = 0; i < len; i++) {
            bytes[i] = (byte) (words[at + 1 + i / 8] >>> (8 * (i % 8)));
        }
        return quote(new String(bytes, StandardCharsets.UTF_8));
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 32) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
