package org.nnwiki.generator.postprocess;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Parser;
import org.nnwiki.generator.Problems;

/**
 * Finishes baked pages: each page on its own ({@link #finish}: table of contents, chart sizes and
 * labels, and what the site-wide steps need of it), then the site as a whole ({@link #complete}:
 * the pages written, links checked against every page's anchors, the search index, the sitemap). A
 * finished page depends only on its baked HTML, so a build can reuse one from an earlier build (see
 * {@link FinishedPages}) and still check its links against the pages of this one.
 *
 * <pre>{@code
 * Map<String, PostProcessor.Finished> pages = ...; // output path -> PostProcessor.finish(output, bakedHtml)
 * new PostProcessor(problems).complete(bakedDir, pages, sourceByOutput, "templates/page.ftlh", listed, baseUrl);
 * }</pre>
 */
public final class PostProcessor {
    /** Set by the renderer on links and images: the page-file line they came from. */
    static final String SOURCE_LINE = "data-src-line";

    /**
     * A URL with a scheme ({@code https:}, {@code mailto:}): not checked, since builds run offline.
     */
    private static final Pattern EXTERNAL = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:");

    /**
     * A link or image on a page; {@code line} is its line in the page's source, or 0 when the
     * template wrote it; {@code text} is a link's text (empty for an image).
     */
    public record Link(String url, int line, boolean fromSource, String text)
            implements Serializable {}

    /**
     * What the site-wide steps need of a finished page, besides its HTML: its anchors, its links,
     * its search entries, and the text of each named inline value by name (what a quote of it must
     * say).
     */
    public record Facts(
            Set<String> ids,
            List<Link> links,
            List<SearchIndex.Entry> search,
            Map<String, String> values)
            implements Serializable {}

    /**
     * A finished page: the HTML to write, and its facts; {@code writtenAt} is the file that already
     * holds this HTML when the page is reused from the last build (null for a page finished now).
     */
    public record Finished(String html, Facts facts, Path writtenAt) {
        public Finished(String html, Facts facts) {
            this(html, facts, null);
        }
    }

    private final Problems problems;

    public PostProcessor(Problems problems) {
        this.problems = problems;
    }

    /** Finishes one baked page ({@code output} is its path in the site). */
    public static Finished finish(String output, String baked) {
        Document doc =
                Jsoup.parse(baked, "", Parser.htmlParser().settings(ParseSettings.preserveCase));
        doc.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8);
        Set<String> ids = new HashSet<>();
        doc.select("[id]").forEach(e -> ids.add(e.id()));
        doc.select("a[name]").forEach(e -> ids.add(e.attr("name")));
        List<SearchIndex.Entry> search = new ArrayList<>(SearchIndex.entries(output, doc));
        fillToc(doc);
        labelCharts(doc);
        List<Link> links = new ArrayList<>();
        for (Element el : doc.select("a[href], img[src]")) {
            boolean fromSource = el.hasAttr(SOURCE_LINE);
            links.add(
                    new Link(
                            el.hasAttr("href") ? el.attr("href") : el.attr("src"),
                            fromSource ? Integer.parseInt(el.attr(SOURCE_LINE)) : 0,
                            fromSource,
                            el.is("a") ? el.text() : ""));
        }
        Map<String, String> values = new HashMap<>();
        for (Element anchor : doc.select("span.inline-value > a[id]")) {
            values.put(anchor.id(), anchor.parent().text().strip());
        }
        doc.select("[" + SOURCE_LINE + "]").removeAttr(SOURCE_LINE);
        return new Finished(doc.outerHtml(), new Facts(ids, links, search, values));
    }

    /**
     * Writes the finished pages into the baked site, then the search index and the sitemap, and
     * reports every link that leads nowhere.
     *
     * @param dir the baked site
     * @param pages every page of the site, finished, by output path
     * @param sourceByOutput each page's source path by its output path
     * @param template the template file, named in problems with links that no page wrote
     * @param listed the pages that go into the search index and the sitemap
     * @param baseUrl the site's absolute address for {@code sitemap.xml} ("" writes none)
     */
    public void complete(
            Path dir,
            Map<String, Finished> pages,
            Map<String, String> sourceByOutput,
            String template,
            Set<String> listed,
            String baseUrl) {
        pages.entrySet().parallelStream()
                .forEach(e -> place(dir.resolve(e.getKey()), e.getValue()));
        Map<String, List<SearchIndex.Entry>> searchable = new TreeMap<>();
        pages.forEach(
                (output, page) -> {
                    if (listed.contains(output)) {
                        searchable.put(output, page.facts().search());
                    }
                });
        write(dir.resolve("search-index.js"), SearchIndex.script(searchable));
        if (!baseUrl.isEmpty()) {
            write(dir.resolve("sitemap.xml"), Sitemap.xml(baseUrl, listed));
        }
        Set<String> files = listFiles(dir);
        Map<String, Set<String>> ids = new HashMap<>();
        pages.forEach((output, page) -> ids.put(output, page.facts().ids()));
        Map<String, Map<String, String>> values = new HashMap<>();
        pages.forEach((output, page) -> values.put(output, page.facts().values()));
        pages.entrySet().parallelStream()
                .forEach(
                        e -> {
                            String output = e.getKey();
                            String source = sourceByOutput.get(output);
                            for (Link link : e.getValue().facts().links()) {
                                String where = link.fromSource() ? source : template;
                                String problem = check(link.url(), output, files, ids);
                                if (problem == null) {
                                    problem = checkQuote(link, output, values);
                                }
                                if (problem != null) {
                                    problems.add(
                                            where,
                                            link.line(),
                                            problem
                                                    + (link.fromSource()
                                                            ? ""
                                                            : " (in the page " + output + ")"));
                                }
                            }
                        });
    }

    /**
     * Writes a page, or links the file that already holds it (a copy where links cannot be made).
     */
    private static void place(Path file, Finished page) {
        if (page.writtenAt() != null) {
            try {
                Files.createDirectories(file.getParent());
                try {
                    Files.createLink(file, page.writtenAt());
                } catch (IOException | UnsupportedOperationException noLink) {
                    Files.copy(
                            page.writtenAt(),
                            file,
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                return;
            } catch (IOException e) {
                // written out below
            }
        }
        write(file, page.html());
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Lists the page's h2/h3 headings inside {@code nav#toc}, if the template has one, and again in
     * a folded {@code details.toc-inline} under the title for screens without the TOC column.
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
        // Below the width that has a column for it, the same list folds into the top of the
        // article.
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
        for (Element svg : doc.select("figure.out-chart > svg, figure.figure > svg")) {
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
            if (svg.hasAttr("aria-label")) {
                continue; // a drawn figure: its alt text names it
            }
            Element title = svg.selectFirst("title");
            svg.attr("role", "img");
            svg.attr(
                    "aria-label",
                    title != null && !title.text().isBlank() ? title.text() : "chart");
        }
    }

    private static String trimmed(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * A link to a named inline value ({@code [0.87](cnn.md#test-accuracy)}) quotes it: its text
     * must be the value's text as that page shows it, so that a quote cannot drift from the run it
     * came from.
     */
    static String checkQuote(Link link, String from, Map<String, Map<String, String>> values) {
        int hash = link.url().indexOf('#');
        if (hash < 0 || link.text().isEmpty() || EXTERNAL.matcher(link.url()).lookingAt()) {
            return null;
        }
        String path = link.url().substring(0, hash);
        String target = path.isEmpty() ? from : resolve(path, from);
        String value =
                target == null
                        ? null
                        : values.getOrDefault(target, Map.of()).get(link.url().substring(hash + 1));
        if (value == null || value.equals(link.text().strip())) {
            return null;
        }
        return "the link text '"
                + link.text().strip()
                + "' quotes the value '"
                + link.url().substring(hash + 1)
                + "' of "
                + target
                + ", which is now '"
                + value
                + "': write ["
                + value
                + "]("
                + link.url()
                + ")";
    }

    /**
     * {@code path} relative to the page at {@code from}, as a path in the site; null when it is
     * malformed.
     */
    private static String resolve(String path, String from) {
        String base = from.contains("/") ? from.substring(0, from.lastIndexOf('/') + 1) : "";
        try {
            String target =
                    plainPath(path)
                            ? base + path
                            : new URI(null, null, base + path, null).normalize().getPath();
            return target.endsWith("/") || target.isEmpty() ? target + "index.html" : target;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** Null when {@code url} (found on page {@code from}) resolves, else what is wrong. */
    static String check(String url, String from, Set<String> files, Map<String, Set<String>> ids) {
        if (url.isEmpty()) {
            return "empty link target";
        }
        if (EXTERNAL.matcher(url).lookingAt() || url.startsWith("//")) {
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
            target = resolve(path, from);
            if (target == null) {
                return "malformed link '" + url + "'";
            }
            if (target.startsWith("../") || target.startsWith("/")) {
                return "link '" + url + "' points outside the site";
            }
            if (!files.contains(target)) {
                String hint = path.endsWith(".md") ? " (no page has this source path)" : "";
                return "link to a missing page or file '" + path + "'" + hint;
            }
        }
        if (!anchor.isEmpty()) {
            Set<String> targetIds = ids.get(target);
            if (targetIds != null && !targetIds.contains(anchor)) {
                return "link to a missing anchor '#"
                        + anchor
                        + "' in "
                        + target
                        + " (anchors are heading ids: lower-case words joined by '-')";
            }
        }
        return null;
    }

    /**
     * Whether {@code path} resolves against a base by plain concatenation: no {@code .} or {@code
     * ..} segment, no empty segment and nothing that URI parsing would treat specially. Most links
     * are; parsing each of them as a URI was a tenth of a prose-edit rebuild.
     */
    private static boolean plainPath(String path) {
        if (path.startsWith(".")
                || path.startsWith("/")
                || path.contains("/.")
                || path.contains("//")) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            boolean safe =
                    (c >= 'a' && c <= 'z')
                            || (c >= 'A' && c <= 'Z')
                            || (c >= '0' && c <= '9')
                            || c == '-'
                            || c == '_'
                            || c == '.'
                            || c == '/';
            if (!safe) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> listFiles(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            Set<String> out = new HashSet<>();
            walk.filter(Files::isRegularFile)
                    .forEach(p -> out.add(dir.relativize(p).toString().replace('\\', '/')));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
