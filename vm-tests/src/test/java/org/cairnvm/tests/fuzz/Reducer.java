package org.cairnvm.tests.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shrinks a program while a predicate (the disagreement persists, and the program still
 * compiles) holds, in the manner of C-Reduce's line passes: the program is read as a tree of
 * lines and brace blocks (one statement per line, {@code {} at a line's end opens a block,
 * {@code } else {} continues it, a lone {@code }} closes it, which is how gofmt and the
 * generator lay Go out), and the reducer tries, each time keeping the change only when the
 * predicate still holds:
 * <ol>
 * <li>deleting a node: a whole function or type first (nodes are tried in preorder), then
 *     single statements and blocks;</li>
 * <li>replacing a block ({@code if}, {@code for}, {@code switch}) by one of its bodies, and
 *     dropping an {@code else} branch;</li>
 * <li>simplifying expressions: a parenthesised {@code (L op R)} becomes {@code L} or {@code R},
 *     a group becomes {@code 0}, an integer literal becomes {@code 0} or {@code 1}.</li>
 * </ol>
 * The passes repeat until one changes nothing. Validity is the predicate's business: it must
 * compile each candidate (a deletion that leaves a variable unused or a call undefined is simply
 * rejected), so the result is always a program the predicate accepted.
 */
public final class Reducer {

    /** Default number of candidates tried; each costs a compile and a few runs. */
    public static final int DEFAULT_MAX_TESTS = 4_000;

    /** Default wall-clock limit of one reduction, so a slow predicate cannot stall a test run. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(120);

    private static final Pattern INTEGER = Pattern.compile("(?<![\\w.])\\d+(?![\\w.])");

    /** Binary operators the generator writes with a space on each side, longest first. */
    private static final List<String> OPERATORS = List.of(" &^ ", " << ", " >> ", " && ", " || ", " == ", " != ",
            " <= ", " >= ", " + ", " - ", " * ", " / ", " % ", " & ", " | ", " ^ ", " < ", " > ");

    private final Predicate<String> interesting;
    private final int maxTests;
    private final long deadline;
    private int tests;

    private Reducer(Predicate<String> interesting, int maxTests, Duration limit) {
        this.interesting = interesting;
        this.maxTests = maxTests;
        this.deadline = System.nanoTime() + limit.toNanos();
    }

    /** Reduces with the default limits. */
    public static String reduce(String program, Predicate<String> interesting) {
        return reduce(program, interesting, DEFAULT_MAX_TESTS, DEFAULT_TIME_LIMIT);
    }

    /**
     * The smallest variant of {@code program} found on which {@code interesting} holds; {@code
     * program} itself when nothing smaller does (or when its braces do not nest as expected).
     */
    public static String reduce(String program, Predicate<String> interesting, int maxTests, Duration limit) {
        List<Node> tree = parse(program);
        if (tree == null) {
            return program;
        }
        return new Reducer(interesting, maxTests, limit).run(tree);
    }

    /** A line of code, or a block: one or more segments (header and body) and a closing line. */
    sealed interface Node permits Line, Block {
    }

    /** One line that opens no block. */
    record Line(String text) implements Node {
    }

    /** {@code if c {} ... {@code } else {} ... {@code }}: segments in order, then the closing line. */
    record Block(List<Segment> segments, String close) implements Node {
    }

    /** A block's header line ({@code for i := 0; i < 3; i++ {}) and the nodes up to the next segment. */
    record Segment(String header, List<Node> body) {
    }

    // ---------------------------------------------------------------- parsing and printing

    /** The tree of {@code text}, or null when its blocks do not nest. */
    static List<Node> parse(String text) {
        List<List<Node>> bodies = new ArrayList<>();
        List<List<Segment>> blocks = new ArrayList<>();
        bodies.add(new ArrayList<>());
        for (String line : text.split("\n", -1)) {
            String t = line.strip();
            boolean opens = t.endsWith("{") || t.endsWith("(");
            if (t.startsWith("}") && opens && !blocks.isEmpty()) {
                List<Node> body = new ArrayList<>();
                blocks.getLast().add(new Segment(line, body));
                bodies.set(bodies.size() - 1, body);
            } else if ((t.equals("}") || t.equals(")")) && !blocks.isEmpty()) {
                List<Segment> segments = blocks.removeLast();
                bodies.removeLast();
                bodies.getLast().add(new Block(segments, line));
            } else if (opens) {
                List<Node> body = new ArrayList<>();
                blocks.add(new ArrayList<>(List.of(new Segment(line, body))));
                bodies.add(body);
            } else {
                bodies.getLast().add(new Line(line));
            }
        }
        return blocks.isEmpty() ? bodies.getFirst() : null;
    }

    static String render(List<Node> tree) {
        StringBuilder sb = new StringBuilder();
        render(tree, sb);
        // split(-1) kept the empty string after the final newline as a line of its own.
        return sb.length() > 0 ? sb.substring(0, sb.length() - 1) : "";
    }

    private static void render(List<Node> nodes, StringBuilder sb) {
        for (Node n : nodes) {
            switch (n) {
                case Line l -> sb.append(l.text()).append('\n');
                case Block b -> {
                    for (Segment s : b.segments()) {
                        sb.append(s.header()).append('\n');
                        render(s.body(), sb);
                    }
                    sb.append(b.close()).append('\n');
                }
            }
        }
    }

    // ---------------------------------------------------------------- passes

    private String run(List<Node> tree) {
        List<Node> current = tree;
        boolean progress = true;
        while (progress && !exhausted()) {
            progress = false;
            for (Pass pass : Pass.values()) {
                List<Node> next = pass(current, pass);
                if (next != current) {
                    current = next;
                    progress = true;
                }
            }
        }
        return render(current);
    }

    private enum Pass { DELETE, UNWRAP, SIMPLIFY }

    private boolean exhausted() {
        return tests >= maxTests || System.nanoTime() > deadline;
    }

    /** One pass over the nodes in preorder; returns {@code tree} itself when nothing was kept. */
    private List<Node> pass(List<Node> tree, Pass pass) {
        List<Node> current = tree;
        int index = 0;
        while (index < count(current) && !exhausted()) {
            boolean kept = false;
            for (List<Node> candidate : candidates(current, index, pass)) {
                if (exhausted()) {
                    break;
                }
                tests++;
                if (interesting.test(render(candidate))) {
                    current = candidate;
                    kept = true;
                    break;
                }
            }
            // After a deletion the next node has moved into this index; otherwise move on.
            if (!kept || pass != Pass.DELETE) {
                index++;
            }
        }
        return current;
    }

    private List<List<Node>> candidates(List<Node> tree, int index, Pass pass) {
        Node node = find(tree, index);
        List<List<Node>> out = new ArrayList<>();
        switch (pass) {
            case DELETE -> {
                if (!(node instanceof Line l && l.text().isBlank())) {
                    out.add(replace(tree, index, List.of()));
                }
            }
            case UNWRAP -> {
                if (node instanceof Block b && !isDeclaration(b)) {
                    for (Segment s : b.segments()) {
                        out.add(replace(tree, index, s.body()));
                    }
                    for (int i = 1; i < b.segments().size(); i++) {
                        List<Segment> fewer = new ArrayList<>(b.segments());
                        fewer.remove(i);
                        out.add(replace(tree, index, List.of(new Block(fewer, b.close()))));
                    }
                }
            }
            case SIMPLIFY -> {
                switch (node) {
                    case Line l -> {
                        for (String s : simpler(l.text())) {
                            out.add(replace(tree, index, List.of(new Line(s))));
                        }
                    }
                    case Block b -> {
                        for (int i = 0; i < b.segments().size(); i++) {
                            Segment seg = b.segments().get(i);
                            for (String s : simpler(seg.header())) {
                                List<Segment> changed = new ArrayList<>(b.segments());
                                changed.set(i, new Segment(s, seg.body()));
                                out.add(replace(tree, index, List.of(new Block(changed, b.close()))));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Functions, types and imports are deleted whole, never unwrapped into their surroundings. */
    private static boolean isDeclaration(Block b) {
        String h = b.segments().getFirst().header().strip();
        return h.startsWith("func ") || h.startsWith("type ") || h.startsWith("import") || h.startsWith("var (")
                || h.startsWith("const (");
    }

    /** Simpler versions of one line: operands of a parenthesised binary expression, zeros, small literals. */
    static List<String> simpler(String line) {
        List<String> out = new ArrayList<>();
        if (line.strip().startsWith("//")) {
            return out;
        }
        for (int open = line.indexOf('('); open >= 0; open = line.indexOf('(', open + 1)) {
            if (open > 0 && (Character.isLetterOrDigit(line.charAt(open - 1)) || line.charAt(open - 1) == '_'
                    || line.charAt(open - 1) == ']' || line.charAt(open - 1) == ')')) {
                continue;
            }
            int close = matching(line, open);
            if (close < 0 || inString(line, open)) {
                continue;
            }
            String inner = line.substring(open + 1, close);
            String before = line.substring(0, open);
            String after = line.substring(close + 1);
            for (String op : OPERATORS) {
                int at = topLevel(inner, op);
                if (at >= 0) {
                    out.add(before + inner.substring(0, at) + after);
                    out.add(before + inner.substring(at + op.length()) + after);
                    break;
                }
            }
            if (!inner.equals("0")) {
                out.add(before + "0" + after);
            }
        }
        Matcher m = INTEGER.matcher(line);
        while (m.find()) {
            if (inString(line, m.start())) {
                continue;
            }
            for (String small : List.of("0", "1")) {
                if (!m.group().equals(small)) {
                    out.add(line.substring(0, m.start()) + small + line.substring(m.end()));
                }
            }
        }
        return out;
    }

    private static int matching(String s, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' && (i == 0 || s.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The index of {@code op} outside any parentheses, brackets, braces and strings, or -1. */
    private static int topLevel(String s, String op) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' && (i == 0 || s.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[' || c == '{')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']' || c == '}')) {
                depth--;
            } else if (!quoted && depth == 0 && s.startsWith(op, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean inString(String s, int at) {
        boolean quoted = false;
        for (int i = 0; i < at; i++) {
            if (s.charAt(i) == '"' && (i == 0 || s.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
        }
        return quoted;
    }

    // ---------------------------------------------------------------- tree surgery by preorder index

    private static int count(List<Node> nodes) {
        int n = 0;
        for (Node node : nodes) {
            n++;
            if (node instanceof Block b) {
                for (Segment s : b.segments()) {
                    n += count(s.body());
                }
            }
        }
        return n;
    }

    private static Node find(List<Node> nodes, int index) {
        int[] left = {index};
        return find(nodes, left);
    }

    private static Node find(List<Node> nodes, int[] left) {
        for (Node node : nodes) {
            if (left[0]-- == 0) {
                return node;
            }
            if (node instanceof Block b) {
                for (Segment s : b.segments()) {
                    Node found = find(s.body(), left);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }

    /** A copy of {@code nodes} with the node at preorder {@code index} replaced by {@code with}. */
    private static List<Node> replace(List<Node> nodes, int index, List<Node> with) {
        int[] left = {index};
        return replace(nodes, left, with);
    }

    private static List<Node> replace(List<Node> nodes, int[] left, List<Node> with) {
        List<Node> out = new ArrayList<>();
        for (Node node : nodes) {
            if (left[0] < 0) {
                out.add(node);
                continue;
            }
            if (left[0]-- == 0) {
                out.addAll(with);
                continue;
            }
            if (node instanceof Block b) {
                List<Segment> segments = new ArrayList<>();
                for (Segment s : b.segments()) {
                    segments.add(left[0] < 0 ? s : new Segment(s.header(), replace(s.body(), left, with)));
                }
                out.add(new Block(segments, b.close()));
            } else {
                out.add(node);
            }
        }
        return out;
    }
}
