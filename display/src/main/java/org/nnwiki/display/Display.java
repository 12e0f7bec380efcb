package org.nnwiki.display;

import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What pages call to show things. Every session imports it statically, so a page writes {@code
 * show(chart)}; the value of a block's last expression goes through {@link #value(Object)}.
 *
 * <pre>{@code
 * show(LineChart.of("Loss").series("train", losses));
 * show(Table.of("layer", "params").row("fc1", 128));
 * }</pre>
 */
public final class Display {
    private static final String MARK = "\u001Enn-display ";
    private static final int MAX_VALUE_CHARS = 10_000;

    private Display() {}

    /**
     * Shows a chart as a figure, a table as a table, and anything else as printed text. Outside a
     * wiki build (a downloaded {@code .jsh} script, a test, a main method) charts are written as
     * SVG files into {@code nnwiki-charts/} (or the folder named by the {@code nnwiki.charts}
     * system property) and tables are printed as text.
     */
    public static void show(Object x) {
        if (x instanceof Chart c) {
            if (inWiki()) {
                emit("svg", c.svg());
            } else {
                System.out.println(writeChart(c));
            }
        } else if (x instanceof Table t) {
            if (inWiki()) {
                emit("table", t.tsv());
            } else {
                System.out.println(t);
            }
        } else {
            System.out.println(text(x));
        }
    }

    /**
     * Shows the value of a block's last expression: charts and tables as with show, the rest as a
     * value.
     */
    public static void value(Object x) {
        if (x instanceof Chart || x instanceof Table) {
            show(x);
        } else if (inWiki()) {
            emit("value", text(x));
        } else {
            System.out.println(text(x));
        }
    }

    /** True inside a wiki build's session (the generator sets {@code -Dnnwiki.session=true}). */
    private static boolean inWiki() {
        return Boolean.getBoolean("nnwiki.session");
    }

    private static int chartsWritten;

    /** Writes the chart to the charts folder and says where. */
    private static synchronized String writeChart(Chart c) {
        java.nio.file.Path dir =
                java.nio.file.Path.of(System.getProperty("nnwiki.charts", "nnwiki-charts"));
        String slug =
                c.title()
                        .toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^a-z0-9]+", "-")
                        .replaceAll("^-|-$", "");
        java.nio.file.Path file =
                dir.resolve(
                        String.format(
                                "%02d-%s.svg", ++chartsWritten, slug.isEmpty() ? "chart" : slug));
        try {
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(file, c.svg(), StandardCharsets.UTF_8);
            return "chart '" + c.title() + "' written to " + file;
        } catch (java.io.IOException e) {
            return "chart '"
                    + c.title()
                    + "' could not be written to "
                    + file
                    + ": "
                    + e.getMessage();
        }
    }

    /** A readable, bounded text for any value: arrays show their elements, long texts are cut. */
    public static String text(Object x) {
        String s;
        if (x == null) {
            s = "null";
        } else if (x.getClass().isArray()) {
            StringBuilder sb = new StringBuilder();
            appendArray(sb, x);
            s = sb.toString();
        } else {
            s = String.valueOf(x);
        }
        if (s.length() > MAX_VALUE_CHARS) {
            s =
                    s.substring(0, MAX_VALUE_CHARS)
                            + "\u2026 ("
                            + (s.length() - MAX_VALUE_CHARS)
                            + " more characters)";
        }
        return s;
    }

    private static void appendArray(StringBuilder sb, Object array) {
        int n = Array.getLength(array);
        sb.append('[');
        for (int i = 0; i < n; i++) {
            if (sb.length() > MAX_VALUE_CHARS) {
                sb.append(", \u2026 ").append(n - i).append(" more");
                break;
            }
            if (i > 0) {
                sb.append(", ");
            }
            Object e = Array.get(array, i);
            if (e != null && e.getClass().isArray()) {
                appendArray(sb, e);
            } else {
                sb.append(e);
            }
        }
        sb.append(']');
    }

    private static void emit(String kind, String payload) {
        String line =
                MARK
                        + kind
                        + " "
                        + Base64.getEncoder()
                                .encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        System.out.println(line);
        System.out.flush();
    }
}
