package org.nnwiki.generator.postprocess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Parser;
import org.nnwiki.generator.Problems;

/**
 * Finishes the baked pages in place.
 *
 * <pre>{@code
 * new PostProcessor(problems).process(bakedDir, sourceByOutput, "templates/page.ftlh");
 * }</pre>
 */
public final class PostProcessor {
    /** Set by the renderer on links and images: the page-file line they came from. */
    static final String SOURCE_LINE = "data-src-line";

    private final Problems problems;

    public PostProcessor(Problems problems) {
        this.problems = problems;
    }

    /**
     * @param dir the baked site
     * @param sourceByOutput each page's source path by its output path
     * @param template the template file, named in problems with links that no page wrote
     * @param listed the pages that go into the search index and the sitemap
     * @param baseUrl the site's absolute address for {@code sitemap.xml} ("" writes none)
     */
    public void process(Path dir, Map<String, String> sourceByOutput, String template, Set<String> listed, String baseUrl) {
        Map<String, Document> docs = new ConcurrentHashMap<>();
        Map<String, Set<String>> ids = new ConcurrentHashMap<>();
        sourceByOutput.keySet().parallelStream().forEach(output -> {
            Path file = dir.resolve(output);
            try {
                Document doc = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8), "",
                        Parser.htmlParser().settings(ParseSettings.preserveCase));
                doc.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8);
                docs.put(output, doc);
                Set<String> set = new HashSet<>();
                doc.select("[id]").forEach(e -> set.add(e.id()));
                doc.select("a[name]").forEach(e -> set.add(e.attr("name")));
                ids.put(output, set);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Map<String, Document> searchable = new java.util.TreeMap<>();
        docs.forEach((output, doc) -> {
            if (listed.contains(output)) {
                searchable.put(output, doc);
            }
        });
        write(dir.resolve("search-index.js"), SearchIndex.script(searchable));
        if (!baseUrl.isEmpty()) {
            write(dir.resolve("sitemap.xml"), Sitemap.xml(baseUrl, listed));
        }
        Set<String> files = listFiles(dir);
        docs.entrySet().parallelStream().forEach(e -> {
            String output = e.getKey();
            Document doc = e.getValue();
            fillToc(doc);
            labelCharts(doc);
            checkLinks(doc, output, sourceByOutput.get(output), template, files, ids);
            doc.select("[" + SOURCE_LINE + "]").removeAttr(SOURCE_LINE);
            write(dir.resolve(output), doc.outerHtml());
        });
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Lists the page's h2/h3 headings inside {@code nav#toc}, if the template has one, and again in a
     * folded {@code details.toc-inline} under the title for screens without the TOC column.
     */
    static void fillToc(Document doc) {
        Element toc = doc.getElementById("toc");
        Element article = doc.selectFirst("article");
        if (toc == null || article == null) {
            return;
        }
        List<Element> headings = article.select("h2[id], h3[id]");
        if (headings.size() < 2) {
            toc.remove();
            return;
        }
        Element list = toc.appendElement("ul");
        Element currentSub = null;
        for (Element h : headings) {
            Element item = new Element("li").addClass("toc-" + h.tagName());
            item.appendElement("a").attr("href", "#" + h.id()).text(h.text());
            if (h.tagName().equals("h3") && list.children().size() > 0) {
                if (currentSub == null) {
                    currentSub = list.children().last().appendElement("ul");
                }
                currentSub.appendChild(item);
            } else {
                list.appendChild(item);
                currentSub = null;
            }
        }
        // Below the width that has a column for it, the same list folds into the top of the article.
        Element h1 = article.selectFirst("h1");
        Element folded = new Element("details").addClass("toc-inline");
        folded.appendElement("summary").text("On this page");
        folded.appendChild(list.clone());
        if (h1 != null) {
            h1.after(folded);
        } else {
            article.prependChild(folded);
        }
    }

    /**
     * Charts are images to assistive technology, named by their title, and drawn at their own size:
     * a figure without {@code width} and {@code height} gets its viewBox's, so that a single 28×28
     * image is not stretched to the column's width (the stylesheet only shrinks figures to fit).
     */
    static void labelCharts(Document doc) {
        for (Element svg : doc.select("figure.out-chart > svg")) {
            String[] box = svg.attr("viewBox").trim().split("[\\s,]+");
            if (box.length == 4 && !svg.hasAttr("width") && !svg.hasAttr("height")) {
                try {
                    double w = Double.parseDouble(box[2]);
                    double h = Double.parseDouble(box[3]);
                    if (w > 0 && h > 0) {
                        svg.attr("width", trimmed(w)).attr("height", trimmed(h));
                    }
                } catch (NumberFormatException e) {
                    // a viewBox we cannot read: the figure keeps the stylesheet's size
                }
            }
            Element title = svg.selectFirst("title");
            svg.attr("role", "img");
            svg.attr("aria-label", title != null && !title.text().isBlank() ? title.text() : "chart");
        }
    }

    private static String trimmed(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private void checkLinks(Document doc, String output, String source, String template, Set<String> files, Map<String, Set<String>> ids) {
        for (Element el : doc.select("a[href], img[src]")) {
            String url = el.hasAttr("href") ? el.attr("href") : el.attr("src");
            String where = el.hasAttr(SOURCE_LINE) ? source : template;
            int line = el.hasAttr(SOURCE_LINE) ? Integer.parseInt(el.attr(SOURCE_LINE)) : 0;
            String problem = check(url, output, files, ids);
            if (problem != null) {
                problems.add(where, line, problem + (where.equals(template) ? " (in the page " + output + ")" : ""));
            }
        }
    }

    /** Null when {@code url} (found on page {@code from}) resolves, else what is wrong. */
    static String check(String url, String from, Set<String> files, Map<String, Set<String>> ids) {
        if (url.isEmpty()) {
            return "empty link target";
        }
        if (url.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || url.startsWith("//")) {
            return null; // external links are not checked: builds run offline
        }
        int hash = url.indexOf('#');
        String path = hash < 0 ? url : url.substring(0, hash);
        String anchor = hash < 0 ? "" : url.substring(hash + 1);
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        String target;
        if (path.isEmpty()) {
            target = from;
        } else {
            try {
                String base = from.contains("/") ? from.substring(0, from.lastIndexOf('/') + 1) : "";
                target = new URI(null, null, base + path, null).normalize().getPath();
            } catch (URISyntaxException e) {
                return "malformed link '" + url + "'";
            }
            if (target.startsWith("../") || target.startsWith("/")) {
                return "link '" + url + "' points outside the site";
            }
            if (target.endsWith("/") || target.isEmpty()) {
                target = target + "index.html";
            }
            if (!files.contains(target)) {
                String hint = path.endsWith(".md") ? " (no page has this source path)" : "";
                return "link to a missing page or file '" + path + "'" + hint;
            }
        }
        if (!anchor.isEmpty()) {
            Set<String> targetIds = ids.get(target);
            if (targetIds != null && !targetIds.contains(anchor)) {
                return "link to a missing anchor '#" + anchor + "' in " + target
                        + " (anchors are heading ids: lower-case words joined by '-')";
            }
        }
        return null;
    }

    private static Set<String> listFiles(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            Set<String> out = new HashSet<>();
            walk.filter(Files::isRegularFile).forEach(p -> out.add(dir.relativize(p).toString().replace('\\', '/')));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
