package org.cairnvm.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two lists of lines ({@code --- a}, {@code +++ b}, {@code @@ -l,n +l,n @@}
 * hunks with {@value #CONTEXT} lines of context), as {@code diff -u} prints it. The common prefix
 * and suffix are cut first; what remains is aligned by a longest common subsequence when it is
 * small enough, else shown as removed then added, which is still a correct diff.
 */
final class TextDiff {
    private TextDiff() {
    }

    /** Lines of context around each change, as {@code diff -u} defaults to. */
    static final int CONTEXT = 3;

    /**
     * Largest product of the two middles' lengths aligned by LCS: the table takes that many
     * ints (16 MB at the limit), and outputs that differ in more lines than that are not read
     * line by line anyway.
     */
    private static final long LCS_LIMIT = 4_000_000;

    private enum Op { SAME, DEL, ADD }

    private record Edit(Op op, String line) {
    }

    static String unified(String fromName, List<String> from, String toName, List<String> to) {
        List<Edit> edits = edits(from, to);
        StringBuilder sb = new StringBuilder();
        sb.append("--- ").append(fromName).append('\n').append("+++ ").append(toName).append('\n');
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).op() == Op.SAME) {
                i++;
                continue;
            }
            // A hunk: from CONTEXT lines before the change to CONTEXT lines after the last change
            // that is within 2*CONTEXT of the previous one.
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int lastChange = i;
            while (end < edits.size()) {
                if (edits.get(end).op() != Op.SAME) {
                    lastChange = end;
                } else if (end - lastChange > 2 * CONTEXT) {
                    break;
                }
                end++;
            }
            end = Math.min(edits.size(), lastChange + CONTEXT + 1);
            int fromLine = 1;
            int toLine = 1;
            for (int k = 0; k < start; k++) {
                if (edits.get(k).op() != Op.ADD) {
                    fromLine++;
                }
                if (edits.get(k).op() != Op.DEL) {
                    toLine++;
                }
            }
            int fromCount = 0;
            int toCount = 0;
            StringBuilder hunk = new StringBuilder();
            for (int k = start; k < end; k++) {
                Edit e = edits.get(k);
                switch (e.op()) {
                    case SAME -> {
                        fromCount++;
                        toCount++;
                        hunk.append(' ');
                    }
                    case DEL -> {
                        fromCount++;
                        hunk.append('-');
                    }
                    case ADD -> {
                        toCount++;
                        hunk.append('+');
                    }
                }
                hunk.append(e.line()).append('\n');
            }
            sb.append("@@ -").append(range(fromLine, fromCount)).append(" +").append(range(toLine, toCount))
                    .append(" @@\n").append(hunk);
            i = end;
        }
        return sb.toString();
    }

    /** {@code diff -u}'s range: the start line and count, the start being the line before when empty. */
    private static String range(int start, int count) {
        return count == 0 ? (start - 1) + ",0" : count == 1 ? Integer.toString(start) : start + "," + count;
    }

    private static List<Edit> edits(List<String> a, List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<String> am = a.subList(prefix, a.size() - suffix);
        List<String> bm = b.subList(prefix, b.size() - suffix);
        List<Edit> out = new ArrayList<>();
        a.subList(0, prefix).forEach(l -> out.add(new Edit(Op.SAME, l)));
        if ((long) am.size() * bm.size() <= LCS_LIMIT) {
            out.addAll(lcs(am, bm));
        } else {
            am.forEach(l -> out.add(new Edit(Op.DEL, l)));
            bm.forEach(l -> out.add(new Edit(Op.ADD, l)));
        }
        a.subList(a.size() - suffix, a.size()).forEach(l -> out.add(new Edit(Op.SAME, l)));
        return out;
    }

    private static List<Edit> lcs(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] len = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                len[i][j] = a.get(i).equals(b.get(j)) ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
            }
        }
        List<Edit> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a.get(i).equals(b.get(j))) {
                out.add(new Edit(Op.SAME, a.get(i)));
                i++;
                j++;
            } else if (len[i + 1][j] >= len[i][j + 1]) {
                out.add(new Edit(Op.DEL, a.get(i++)));
            } else {
                out.add(new Edit(Op.ADD, b.get(j++)));
            }
        }
        while (i < n) {
            out.add(new Edit(Op.DEL, a.get(i++)));
        }
        while (j < m) {
            out.add(new Edit(Op.ADD, b.get(j++)));
        }
        return out;
    }
}
