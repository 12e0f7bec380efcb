package org.nnwiki.generator.execute;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares a block's outputs from two runs for {@code --repeat}: null when equal, else the first
 * differing line.
 */
final class RepeatCheck {
    private static final int EXCERPT = 160;

    private RepeatCheck() {}

    static String firstDifference(BlockResult first, BlockResult again) {
        if (again.failed()) {
            return "    it ran the first time, but failed the second time ("
                    + again.failure().kind().label()
                    + "): "
                    + again.failure().message()
                    + "\n";
        }
        if (first.outputs().equals(again.outputs())) {
            return null;
        }
        List<String> a = lines(first.outputs());
        List<String> b = lines(again.outputs());
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            if (!a.get(i).equals(b.get(i))) {
                int col = 0;
                while (col < a.get(i).length()
                        && col < b.get(i).length()
                        && a.get(i).charAt(col) == b.get(i).charAt(col)) {
                    col++;
                }
                return "    first difference at output line "
                        + (i + 1)
                        + ":\n"
                        + "    - first run: "
                        + excerpt(a.get(i), col)
                        + "\n"
                        + "    + again:     "
                        + excerpt(b.get(i), col)
                        + "\n";
            }
        }
        return "    the first run showed "
                + a.size()
                + " output lines, the second "
                + b.size()
                + ":\n"
                + "    "
                + (a.size() > n
                        ? "- first run: " + excerpt(a.get(n), 0)
                        : "+ again:     " + excerpt(b.get(n), 0))
                + "\n";
    }

    /**
     * Every output as lines of text: printed text, values, tables row by row, charts as their SVG
     * source.
     */
    static List<String> lines(List<Output> outputs) {
        List<String> out = new ArrayList<>();
        for (Output o : outputs) {
            if (o instanceof Output.Text t) {
                out.addAll(List.of(t.text().split("\n", -1)));
            } else if (o instanceof Output.Value v) {
                out.addAll(List.of(("value: " + v.text()).split("\n", -1)));
            } else if (o instanceof Output.Svg s) {
                out.addAll(List.of(("chart: " + s.svg().replace(">", ">\n")).split("\n", -1)));
            } else if (o instanceof Output.Table t) {
                t.rows().forEach(r -> out.add("table: " + String.join(" | ", r)));
            } else if (o instanceof Output.Note n) {
                out.add("note: " + n.text());
            }
        }
        return out;
    }

    /** About {@value #EXCERPT} characters of the line around column {@code col}. */
    private static String excerpt(String line, int col) {
        int from = Math.max(0, col - EXCERPT / 2);
        int to = Math.min(line.length(), from + EXCERPT);
        return (from > 0 ? "…" : "") + line.substring(from, to) + (to < line.length() ? "…" : "");
    }
}
