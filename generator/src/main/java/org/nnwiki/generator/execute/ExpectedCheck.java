package org.nnwiki.generator.execute;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a block's shown text with its {@code expected} block: lines are compared with trailing
 * whitespace removed and runs of spaces collapsed, blank lines at either end ignored, and numbers
 * compared with a relative tolerance: {@code |a - b| <= tol * max(|a|, |b|)} (exact zero against
 * zero; {@code |a - b| <= tol} when one side is zero).
 */
public final class ExpectedCheck {
    private static final Pattern NUMBER =
            Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?|NaN|[-+]?Infinity");

    private ExpectedCheck() {}

    /** Null when {@code actual} matches {@code expected}, else a short line-by-line diff. */
    public static String diff(String expected, String actual, double tol) {
        List<String> e = lines(expected);
        List<String> a = lines(actual);
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
            String el = i < e.size() ? e.get(i) : null;
            String al = i < a.size() ? a.get(i) : null;
            if (el != null && al != null && lineMatches(el, al, tol)) {
                continue;
            }
            if (shown++ == 12) {
                sb.append("    … more differences\n");
                break;
            }
            sb.append("    line ").append(i + 1).append(":\n");
            sb.append("    - expected: ").append(el == null ? "(nothing)" : el).append('\n');
            sb.append("    + actual:   ").append(al == null ? "(nothing)" : al).append('\n');
        }
        return shown == 0 ? null : sb.toString();
    }

    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String l : text.split("\n", -1)) {
            out.add(l.stripTrailing().replaceAll("[ \\t]+", " "));
        }
        while (!out.isEmpty() && out.get(0).isEmpty()) {
            out.remove(0);
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    static boolean lineMatches(String expected, String actual, double tol) {
        Matcher me = NUMBER.matcher(expected);
        Matcher ma = NUMBER.matcher(actual);
        int pe = 0;
        int pa = 0;
        while (true) {
            boolean fe = me.find();
            boolean fa = ma.find();
            if (fe != fa) {
                return false;
            }
            if (!fe) {
                return expected.substring(pe).equals(actual.substring(pa));
            }
            if (!expected.substring(pe, me.start()).equals(actual.substring(pa, ma.start()))) {
                return false;
            }
            if (!close(me.group(), ma.group(), tol)) {
                return false;
            }
            pe = me.end();
            pa = ma.end();
        }
    }

    private static boolean close(String x, String y, double tol) {
        if (x.equals(y)) {
            return true;
        }
        double a = Double.parseDouble(x);
        double b = Double.parseDouble(y);
        if (Double.isNaN(a) || Double.isNaN(b) || Double.isInfinite(a) || Double.isInfinite(b)) {
            return Double.compare(a, b) == 0;
        }
        double scale = Math.max(Math.abs(a), Math.abs(b));
        if (a == 0 || b == 0) {
            return Math.abs(a - b) <= tol;
        }
        return Math.abs(a - b) <= tol * scale;
    }
}
