package org.cairnvm.core.compile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.cairnvm.api.Source;
import org.cairnvm.core.code.FunctionCode;
import org.cairnvm.core.code.Image;
import org.cairnvm.core.code.Opcode;
import org.cairnvm.core.code.SlotInfo;
import org.junit.jupiter.api.Test;

class StackMapTest {

    private static final String NODE = """
            package main

            import "runtime"

            type Node struct {
            	v    int
            	next *Node
            }

            var g *Node

            func mk(v int) *Node { return &Node{v: v} }

            func work() int { return 0 }
            """;

    /** Resume pcs of the CALLs to a function named {@code callee}, in order. */
    private static List<Integer> callsTo(Image image, FunctionCode f, String callee) {
        List<Integer> r = new ArrayList<>();
        int[] c = f.code();
        for (int pc = 0; pc < c.length; pc += Opcode.of(c[pc]).length()) {
            Opcode op = Opcode.of(c[pc]);
            if (op == Opcode.CALL && image.function(c[pc + 1]).name().equals(callee)) {
                r.add(pc + op.length());
            }
        }
        return r;
    }

    private static int slotOf(FunctionCode f, String name) {
        return f.slots().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().slot();
    }

    private static boolean inMap(FunctionCode f, int resumePc, int slot) {
        int[] m = f.stackMap().at(resumePc);
        assertNotNull(m, "no map at " + resumePc);
        return Arrays.stream(m).anyMatch(s -> s == slot);
    }

    @Test
    void deadPointerIsNotMappedLivePointerIs() {
        Image image = CompilerTest.compile(NODE + """

                func f() int {
                	p := mk(1)
                	x := p.v
                	work()
                	return x
                }

                func h() int {
                	p := mk(2)
                	work()
                	return p.v
                }

                func main() {
                	println(f(), h())
                	runtime.GC()
                }
                """);
        FunctionCode f = CompilerTest.function(image, "main.f");
        int pf = slotOf(f, "p");
        int at = callsTo(image, f, "main.work").get(0);
        assertFalse(inMap(f, at, pf), "p is dead after p.v");
        FunctionCode h = CompilerTest.function(image, "main.h");
        int ph = slotOf(h, "p");
        assertTrue(inMap(h, callsTo(image, h, "main.work").get(0), ph), "p is used after the call");
        // at the call that produces p, p itself is being defined and is not yet live
        assertFalse(inMap(h, callsTo(image, h, "main.mk").get(0), ph));
    }

    @Test
    void addressTakenPointerLocalsAreAlwaysMapped() {
        Image image = CompilerTest.compile(NODE + """

                func set(pp **Node) { *pp = mk(3) }

                func main() {
                	work()
                	var q *Node
                	set(&q)
                	work()
                	println(q.v)
                	runtime.GC()
                }
                """);
        FunctionCode main = CompilerTest.function(image, "main.main");
        int q = slotOf(main, "q");
        for (int resume : main.stackMap().resumePcs()) {
            // the entry map (resume pc 0) lists parameters only: the prologue zeroes q after pc 0
            if (resume > 0) {
                assertTrue(inMap(main, resume, q), "q at " + resume);
            }
        }
        assertFalse(inMap(main, 0, q), "q is not yet zeroed at the entry");
    }

    @Test
    void loopBackEdgesHaveMaps() {
        Image image = CompilerTest.compile(NODE + """

                func main() {
                	var head *Node
                	for i := 0; i < 10; i++ {
                		n := mk(i)
                		n.next = head
                		head = n
                	}
                	println(head.v)
                	runtime.GC()
                }
                """);
        FunctionCode main = CompilerTest.function(image, "main.main");
        int[] c = main.code();
        int head = slotOf(main, "head");
        boolean sawLoop = false;
        for (int pc = 0; pc < c.length; pc += Opcode.of(c[pc]).length()) {
            if (Opcode.of(c[pc]) == Opcode.LOOP) {
                sawLoop = true;
                assertTrue(inMap(main, pc + 2, head));
            }
        }
        assertTrue(sawLoop);
    }

    // ---- property: every slot in every map holds a pointer

    @Test
    void everyMappedSlotIsPointerTyped() {
        qt().withExamples(150).forAll(longs().all()).checkAssert(seed -> {
            String program = RandomProgram.generate(new Random(seed));
            Image image = Compiler.compile(Source.of("prog.go", program));
            assertTrue(image.compiled(), () -> image.diagnostics() + "\n" + program);
            for (FunctionCode f : image.functions()) {
                BitSet ptr = pointerWords(f);
                for (int i = 0; i < f.stackMap().size(); i++) {
                    for (int s : f.stackMap().pointerSlots()[i]) {
                        assertTrue(ptr.get(s), () -> f.name() + ": r" + s + " is not a pointer\n" + program);
                    }
                }
            }
        });
    }

    /** Pointer words of a frame, recomputed from the slot table's type text. */
    static BitSet pointerWords(FunctionCode f) {
        BitSet b = new BitSet();
        for (SlotInfo s : f.slots()) {
            mark(s.type(), s.slot(), b);
        }
        return b;
    }

    private static int mark(String type, int at, BitSet b) {
        if (type.equals("int") || type.equals("bool")) {
            return 1;
        }
        if (type.equals("string") || type.startsWith("*")) {
            b.set(at);
            return 1;
        }
        if (type.startsWith("[]")) {
            b.set(at);
            return 3;
        }
        if (type.equals("Node")) {
            b.set(at + 1);
            return 2;
        }
        if (type.startsWith("[")) {
            int close = type.indexOf(']');
            int n = Integer.parseInt(type.substring(1, close));
            int w = 0;
            for (int i = 0; i < n; i++) {
                w += mark(type.substring(close + 1), at + w, b);
            }
            return w;
        }
        throw new AssertionError("unexpected type " + type);
    }

    /** Random valid programs over ints, strings, pointers, slices, arrays and a struct. */
    static final class RandomProgram {
        private final Random r;
        private final StringBuilder sb = new StringBuilder();
        private final List<String> ints = new ArrayList<>();
        private final List<String> ptrs = new ArrayList<>();
        private final List<String> strs = new ArrayList<>();
        private final List<String> slices = new ArrayList<>();
        private final List<String> arrays = new ArrayList<>();
        private int fresh;
        private int depth;

        private RandomProgram(Random r) {
            this.r = r;
        }

        static String generate(Random r) {
            return new RandomProgram(r).program();
        }

        private String program() {
            sb.append(NODE).append("\nfunc id(n *Node) *Node { return n }\n\n");
            sb.append("func f(a int, n *Node, s string) int {\n");
            ints.add("a");
            ptrs.add("n");
            strs.add("s");
            int count = 3 + r.nextInt(12);
            for (int i = 0; i < count; i++) {
                stmt("\t");
            }
            sb.append("\treturn ").append(pick(ints)).append('\n').append("}\n\n");
            sb.append("func main() {\n\tprintln(f(1, mk(2), \"x\"))\n\truntime.GC()\n}\n");
            return sb.toString();
        }

        private String pick(List<String> l) {
            return l.get(r.nextInt(l.size()));
        }

        private String name(String prefix) {
            return prefix + (fresh++);
        }

        private void declare(String indent, List<String> into, String prefix, String init) {
            String n = name(prefix);
            sb.append(indent).append(n).append(" := ").append(init).append('\n');
            sb.append(indent).append("_ = ").append(n).append('\n');
            into.add(n);
        }

        private void stmt(String in) {
            int k = r.nextInt(depth > 2 ? 13 : 16);
            switch (k) {
                case 0 -> declare(in, ints, "i", pick(ints) + " + " + r.nextInt(10));
                case 1 -> declare(in, ptrs, "p", "mk(" + pick(ints) + ")");
                case 2 -> declare(in, strs, "s", pick(strs) + " + \"y\"");
                case 3 -> declare(in, slices, "sl", "[]int{" + pick(ints) + ", 2}");
                case 4 -> {
                    if (!slices.isEmpty()) {
                        String s = pick(slices);
                        sb.append(in).append(s).append(" = append(").append(s).append(", ").append(pick(ints)).append(")\n");
                    }
                }
                case 5 -> sb.append(in).append(pick(ints)).append(" = work() + ").append(pick(ints)).append('\n');
                case 6 -> sb.append(in).append(pick(ptrs)).append(" = id(").append(pick(ptrs)).append(")\n");
                case 7 -> sb.append(in).append("g = ").append(pick(ptrs)).append('\n');
                case 8 -> {
                    String p = pick(ptrs);
                    sb.append(in).append("if ").append(p).append(" != nil {\n");
                    sb.append(in).append('\t').append(pick(ints)).append(" = ").append(p).append(".v\n");
                    sb.append(in).append("}\n");
                }
                case 9 -> {
                    String n = name("arr");
                    sb.append(in).append("var ").append(n).append(" [3]*Node\n");
                    sb.append(in).append(n).append("[").append(pick(ints)).append(" & 1] = ").append(pick(ptrs)).append('\n');
                    sb.append(in).append("_ = ").append(n).append("[2]\n");
                    arrays.add(n);
                }
                case 10 -> {
                    String n = name("x");
                    sb.append(in).append("var ").append(n).append(" int\n");
                    sb.append(in).append(pick(ptrs)).append(" = &Node{v: ").append(n).append("}\n");
                    sb.append(in).append("q").append(n).append(" := &").append(n).append('\n');
                    sb.append(in).append("*q").append(n).append(" = ").append(pick(ints)).append('\n');
                }
                case 11 -> sb.append(in).append("runtime.GC()\n");
                case 12 -> sb.append(in).append(pick(ints)).append(" += len(").append(pick(strs)).append(")\n");
                case 13 -> {
                    depth++;
                    sb.append(in).append("if ").append(pick(ints)).append(" < ").append(r.nextInt(5)).append(" {\n");
                    scoped(in + "\t");
                    sb.append(in).append("} else {\n");
                    scoped(in + "\t");
                    sb.append(in).append("}\n");
                    depth--;
                }
                case 14 -> {
                    depth++;
                    String i = name("j");
                    sb.append(in).append("for ").append(i).append(" := 0; ").append(i).append(" < 3; ").append(i)
                            .append("++ {\n");
                    ints.add(i);
                    scoped(in + "\t");
                    ints.remove(i);
                    sb.append(in).append("}\n");
                    depth--;
                }
                default -> {
                    if (!slices.isEmpty()) {
                        depth++;
                        String v = name("v");
                        sb.append(in).append("for _, ").append(v).append(" := range ").append(pick(slices)).append(" {\n");
                        ints.add(v);
                        sb.append(in).append("\t_ = ").append(v).append('\n');
                        scoped(in + "\t");
                        ints.remove(v);
                        sb.append(in).append("}\n");
                        depth--;
                    }
                }
            }
        }

        private void scoped(String in) {
            int[] sizes = {ints.size(), ptrs.size(), strs.size(), slices.size(), arrays.size()};
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                stmt(in);
            }
            trim(ints, sizes[0]);
            trim(ptrs, sizes[1]);
            trim(strs, sizes[2]);
            trim(slices, sizes[3]);
            trim(arrays, sizes[4]);
        }

        private static void trim(List<String> l, int size) {
            while (l.size() > size) {
                l.remove(l.size() - 1);
            }
        }
    }
}
