package org.cairnvm.core.interp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.TreeMap;
import org.cairnvm.api.Source;
import org.cairnvm.core.code.FunctionCode;
import org.cairnvm.core.code.HostImport;
import org.cairnvm.core.code.Image;
import org.cairnvm.core.code.Layout;
import org.cairnvm.core.code.Opcode;
import org.cairnvm.core.code.StackMap;

/**
 * A test-only assembler: builds an {@link Image} by hand, instruction by instruction, with line
 * numbers, constants, string literals in the static region, and stack maps (every safepoint gets
 * one; {@link Fn#map} names its pointer slots).
 */
public final class Asm {
    /** Layout ids the assembler always provides. */
    public static final int STRING = Layout.STRING;
    public static final int INTS = 1;
    public static final int POINTERS = 2;
    public static final int PAIRS = 3;

    private final List<Fn> functions = new ArrayList<>();
    private final List<Long> statics = new ArrayList<>();
    private final List<HostImport> hosts = new ArrayList<>();
    private int globalWords;

    /** Reserves {@code n} global words; call before adding strings. */
    public Asm globals(int n) {
        if (!statics.isEmpty()) {
            throw new IllegalStateException("globals come first");
        }
        globalWords = n;
        for (int i = 0; i < n; i++) {
            statics.add(0L);
        }
        return this;
    }

    /** A string literal in the static region; returns its value (the address of its length word). */
    public long string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length == 0) {
            return 0;
        }
        long words = 1 + (b.length + 7) / 8;
        statics.add(Layout.header(Layout.STRING, words));
        long address = Image.STATIC_BASE + 8L * statics.size();
        statics.add((long) b.length);
        for (int i = 0; i < b.length; i += 8) {
            long w = 0;
            for (int j = 0; j < 8 && i + j < b.length; j++) {
                w |= (b[i + j] & 0xFFL) << (8 * j);
            }
            statics.add(w);
        }
        return address;
    }

    public int host(String name, int params, int results) {
        hosts.add(new HostImport(name, params, results, 3, 6));
        return hosts.size() - 1;
    }

    /** A new function; the first one added is main unless {@link #image(int, int)} says otherwise. */
    public Fn fn(String name, int paramWords, int resultWords, int frameWords) {
        Fn f = new Fn(functions.size(), name, paramWords, resultWords, frameWords);
        functions.add(f);
        return f;
    }

    public Image image() {
        return image(-1, 0);
    }

    public Image image(int init, int main) {
        List<FunctionCode> fcs = new ArrayList<>();
        for (Fn f : functions) {
            fcs.add(f.build());
        }
        long[] st = new long[statics.size()];
        for (int i = 0; i < st.length; i++) {
            st[i] = statics.get(i);
        }
        BitSet ptr = new BitSet();
        ptr.set(0);
        BitSet pair = new BitSet();
        pair.set(1);
        List<Layout> layouts = List.of(new Layout(0, "string", 0, new BitSet()), new Layout(1, "[]int", 1, new BitSet()),
                new Layout(2, "[]*int", 1, ptr), new Layout(3, "[]main.pair", 2, pair));
        return new Image(Source.of("prog.go", "package main\n"), List.of(), fcs, layouts, List.copyOf(hosts), st,
                globalWords, init, main, List.of(), new int[0]);
    }

    /** One function being assembled. */
    public static final class Fn {
        public final int index;
        private final String name;
        private final int paramWords;
        private final int resultWords;
        private final int frameWords;
        private final List<Integer> code = new ArrayList<>();
        private final List<Integer> lines = new ArrayList<>();
        private final List<Long> constants = new ArrayList<>();
        private final TreeMap<Integer, int[]> maps = new TreeMap<>();
        private int line = 1;
        private int declLine = 1;

        private Fn(int index, String name, int paramWords, int resultWords, int frameWords) {
            this.index = index;
            this.name = name;
            this.paramWords = paramWords;
            this.resultWords = resultWords;
            this.frameWords = frameWords;
        }

        /** Lines of the instructions that follow. */
        public Fn line(int l) {
            line = l;
            return this;
        }

        public Fn decl(int l) {
            declLine = l;
            return this;
        }

        public int pc() {
            return code.size();
        }

        public Fn op(Opcode o, int... operands) {
            if (operands.length != o.operandCount()) {
                throw new IllegalArgumentException(o + " takes " + o.operandCount() + " operands");
            }
            code.add(o.ordinal());
            lines.add(line);
            for (int v : operands) {
                code.add(v);
                lines.add(line);
            }
            if (o.safepoint()) {
                maps.put(code.size(), new int[0]);
            }
            return this;
        }

        /** Pointer slots of the safepoint just emitted. */
        public Fn map(int... slots) {
            maps.put(code.size(), slots.clone());
            return this;
        }

        /** A constant-pool index for {@code v}. */
        public int k(long v) {
            constants.add(v);
            return constants.size() - 1;
        }

        /** Emits an instruction whose last operand is a label to be set by {@link #land}; returns its position. */
        public int jump(Opcode o, int... operandsBeforeLabel) {
            int at = code.size();
            int[] all = new int[operandsBeforeLabel.length + 1];
            System.arraycopy(operandsBeforeLabel, 0, all, 0, operandsBeforeLabel.length);
            op(o, all);
            return at;
        }

        /** Points the label of the instruction at {@code at} to the current pc. */
        public Fn land(int at) {
            int len = Opcode.of(code.get(at)).length();
            code.set(at + len - 1, code.size());
            return this;
        }

        FunctionCode build() {
            int[] c = code.stream().mapToInt(Integer::intValue).toArray();
            int[] l = lines.stream().mapToInt(Integer::intValue).toArray();
            long[] k = constants.stream().mapToLong(Long::longValue).toArray();
            int[] pcs = maps.keySet().stream().mapToInt(Integer::intValue).toArray();
            int[][] slots = maps.values().toArray(new int[0][]);
            return new FunctionCode(index, name, c, l, k, frameWords, paramWords, resultWords,
                    new StackMap(pcs, slots), List.of(), declLine);
        }
    }
}
