package org.nnwiki.generator.postprocess;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.nnwiki.generator.Json;

/**
 * The client-side search index, built from the finished pages: one entry per page section (the text
 * before the first heading, then each h2/h3), with the page title, the heading, the prose and the
 * code. Written as a script ({@code window.NNWIKI_SEARCH = [...]}) rather than JSON so that it
 * loads from {@code file://} too; the browser builds its lunr index from it on first use.
 *
 * <pre>{@code
 * String js = SearchIndex.script(Map.of("cnn.html", SearchIndex.entries("cnn.html", doc)));
 * }</pre>
 */
final class SearchIndex {
    private SearchIndex() {}

    /** Prose kept per section: enough for ranking and snippets, small enough to load fast. */
    private static final int MAX_TEXT = 4000;

    private static final int MAX_CODE = 3000;

    /** One searchable section of a page. */
    public record Entry(String url, String title, String heading, String text, String code)
            implements java.io.Serializable {}

    /** The script for these pages' entries (by output path), in path order. */
    static String script(Map<String, List<Entry>> pages) {
        StringBuilder sb = new StringBuilder("window.NNWIKI_SEARCH = [");
        boolean first = true;
        for (var e : new TreeMap<>(pages).entrySet()) {
            for (Entry entry : e.getValue()) {
                sb.append(first ? "\n" : ",\n")
                        .append("{\"u\":")
                        .append(Json.string(entry.url()))
                        .append(",\"t\":")
                        .append(Json.string(entry.title()))
                        .append(",\"h\":")
                        .append(Json.string(entry.heading()))
                        .append(",\"x\":")
                        .append(Json.string(entry.text()))
                        .append(",\"c\":")
                        .append(Json.string(entry.code()))
                        .append('}');
                first = false;
            }
        }
        return sb.append("\n];\n").toString();
    }

    static List<Entry> entries(String output, Document doc) {
        Element article = doc.selectFirst("article");
        List<Entry> out = new ArrayList<>();
        if (article == null) {
            return out;
        }
        Element h1 = article.selectFirst("h1");
        String title = h1 == null ? doc.title() : h1.text();
        String heading = title;
        String url = output;
        StringBuilder text = new StringBuilder();
        StringBuilder code = new StringBuilder();
        for (Element child : article.children()) {
            if (child == h1 || child.hasClass("toc-inline")) {
                continue;
            }
            if ((child.tagName().equals("h2") || child.tagName().equals("h3"))
                    && child.hasAttr("id")) {
                add(out, url, title, heading, text, code);
                heading = child.text();
                url = output + "#" + child.id();
                continue;
            }
            Element copy = child.clone();
            for (Element pre : copy.select("pre")) {
                if (pre.parent() != null && pre.parent().hasClass("outputs")) {
                    continue; // printed output is not searched
                }
                append(code, pre.wholeText(), MAX_CODE);
                pre.remove();
            }
            // Not prose: outputs, charts, the folded table of contents. A formula's TeX source
            // would read
            // as noise in a result's snippet: it stands there as an ellipsis.
            copy.select(".outputs, figure, svg, .cell-source, .toc-inline").remove();
            for (Element math : copy.select(".math")) {
                math.replaceWith(new org.jsoup.nodes.TextNode("…"));
            }
            append(text, copy.text(), MAX_TEXT);
        }
        add(out, url, title, heading, text, code);
        return out;
    }

    private static void add(
            List<Entry> out,
            String url,
            String title,
            String heading,
            StringBuilder text,
            StringBuilder code) {
        if (text.length() > 0 || code.length() > 0 || out.isEmpty()) {
            out.add(
                    new Entry(
                            url, title, heading, text.toString().strip(), code.toString().strip()));
        }
        text.setLength(0);
        code.setLength(0);
    }

    private static void append(StringBuilder sb, String s, int max) {
        String t = s.strip();
        if (t.isEmpty() || sb.length() >= max) {
            return;
        }
        sb.append(t, 0, Math.min(t.length(), max - sb.length())).append(' ');
    }
}
