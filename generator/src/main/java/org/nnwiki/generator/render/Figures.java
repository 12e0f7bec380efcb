package org.nnwiki.generator.render;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.nnwiki.generator.Problems;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXParseException;

/**
 * The drawn figures of the content folder: every {@code *.svg} file under it, checked and ready to
 * be written into the page that shows it with {@code ![alt text](figures/name.svg)}. A figure is
 * inlined, not linked, so that it takes the theme's colours ({@code currentColor} and the {@code
 * fig-*} classes of the stylesheet) in light and dark mode.
 *
 * <p>Pages come from strangers, and so do their figures: only drawing elements and presentation
 * attributes are allowed (no script, no event handlers, no style sheets, no links outside the
 * figure), and anything else is a problem at the figure's line. DTDs are refused, so no entity can
 * read a file.
 *
 * <pre>{@code
 * Figures figures = Figures.load(root, contentFolder, problems);
 * String svg = figures.svg("content/convnets/figures/window.svg");  // null when there is none
 * }</pre>
 *
 * @param byPath each figure's checked SVG text by its path from the repository root
 * @param rejected the figures that have problems of their own (the pages that show them say so)
 */
public record Figures(Map<String, String> byPath, Set<String> rejected) {

    public static Figures none() {
        return new Figures(Map.of(), Set.of());
    }

    static final Set<String> ELEMENTS =
            Set.of(
                    "svg",
                    "g",
                    "path",
                    "rect",
                    "circle",
                    "ellipse",
                    "line",
                    "polyline",
                    "polygon",
                    "text",
                    "tspan",
                    "title",
                    "desc",
                    "defs",
                    "marker",
                    "linearGradient",
                    "radialGradient",
                    "stop",
                    "clipPath",
                    "use",
                    "symbol",
                    "pattern",
                    "mask");
    static final Set<String> ATTRIBUTES =
            Set.of(
                    "id",
                    "class",
                    "viewBox",
                    "width",
                    "height",
                    "x",
                    "y",
                    "x1",
                    "y1",
                    "x2",
                    "y2",
                    "cx",
                    "cy",
                    "r",
                    "rx",
                    "ry",
                    "d",
                    "points",
                    "transform",
                    "fill",
                    "fill-opacity",
                    "fill-rule",
                    "stroke",
                    "stroke-width",
                    "stroke-opacity",
                    "stroke-dasharray",
                    "stroke-dashoffset",
                    "stroke-linecap",
                    "stroke-linejoin",
                    "stroke-miterlimit",
                    "opacity",
                    "font-size",
                    "font-weight",
                    "font-style",
                    "font-family",
                    "text-anchor",
                    "dominant-baseline",
                    "alignment-baseline",
                    "letter-spacing",
                    "dx",
                    "dy",
                    "markerWidth",
                    "markerHeight",
                    "refX",
                    "refY",
                    "orient",
                    "markerUnits",
                    "marker-start",
                    "marker-mid",
                    "marker-end",
                    "offset",
                    "stop-color",
                    "stop-opacity",
                    "gradientUnits",
                    "gradientTransform",
                    "clip-path",
                    "clipPathUnits",
                    "preserveAspectRatio",
                    "href",
                    "xlink:href",
                    "xmlns",
                    "xmlns:xlink",
                    "patternUnits",
                    "mask",
                    "vector-effect",
                    "paint-order",
                    "textLength",
                    "lengthAdjust");

    /** Attribute values may name only this figure's own parts: url(#id), never url(http:…). */
    private static final Pattern OUTSIDE_REFERENCE =
            Pattern.compile("(?i)url\\(\\s*['\"]?\\s*[^#'\"\\s)]");

    /** Reads and checks every figure under {@code content}. */
    public static Figures load(Path root, Path content, Problems problems) {
        Map<String, String> figures = new TreeMap<>();
        Set<String> rejected = new java.util.TreeSet<>();
        if (!Files.isDirectory(content)) {
            return none();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(content)) {
            files =
                    walk.filter(
                                    p ->
                                            Files.isRegularFile(p)
                                                    && p.getFileName().toString().endsWith(".svg"))
                            .sorted()
                            .toList();
        } catch (IOException e) {
            problems.add(
                    root.relativize(content).toString(),
                    0,
                    "cannot list the figures: " + e.getMessage());
            return none();
        }
        for (Path file : files) {
            String name =
                    root.relativize(file.toAbsolutePath().normalize())
                            .toString()
                            .replace('\\', '/');
            String svg = check(name, file, problems);
            if (svg != null) {
                figures.put(name, svg);
            } else {
                rejected.add(name);
            }
        }
        return new Figures(
                java.util.Collections.unmodifiableMap(figures),
                java.util.Collections.unmodifiableSet(rejected));
    }

    /** The checked SVG of the figure at {@code path} (from the repository root), or null. */
    public String svg(String path) {
        return byPath.get(path);
    }

    /**
     * The figure path an image of page {@code source} names, or null when the image is not a local
     * SVG.
     */
    static String pathOf(String source, String url) {
        if (url.contains(":")
                || url.startsWith("/")
                || url.startsWith("#")
                || !url.toLowerCase(java.util.Locale.ROOT).endsWith(".svg")) {
            return null;
        }
        return LinkPaths.resolve(source, url);
    }

    /**
     * Every figure a page shows exists, has alt text and is a paragraph of its own; each problem is
     * reported at the page's line.
     */
    public void check(List<org.nnwiki.generator.markdown.ParsedPage> pages, Problems problems) {
        for (var page : pages) {
            for (com.vladsch.flexmark.util.ast.Node node : page.document().getDescendants()) {
                if (!(node instanceof com.vladsch.flexmark.ast.Image image)) {
                    continue;
                }
                String path = pathOf(page.source(), image.getUrl().toString());
                if (path == null) {
                    continue;
                }
                int line = page.expanded().fileLine(image.getStartLineNumber() + 1);
                if (!byPath.containsKey(path)) {
                    problems.add(
                            page.source(),
                            line,
                            rejected.contains(path)
                                    ? "the figure "
                                            + path
                                            + " cannot be shown: see its own problems"
                                    : "no figure "
                                            + path
                                            + ": figures are SVG files under the content folder, named relative to the page");
                } else if (image.getText().toString().isBlank()) {
                    problems.add(
                            page.source(),
                            line,
                            "a figure needs alt text that says what it shows: ![a 3×3 filter sliding over the image]("
                                    + image.getUrl()
                                    + ")");
                } else if (!(image.getParent() instanceof com.vladsch.flexmark.ast.Paragraph para)
                        || para.getFirstChild() != image
                        || image.getNext() != null) {
                    problems.add(
                            page.source(),
                            line,
                            "a figure must be a paragraph of its own: put a blank line before and after it");
                }
            }
        }
    }

    private static String check(String name, Path file, Problems problems) {
        Document doc;
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            f.setXIncludeAware(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            doc = builder.parse(new ByteArrayInputStream(bytes));
        } catch (SAXParseException e) {
            problems.add(
                    name,
                    Math.max(e.getLineNumber(), 0),
                    "not a valid SVG file: "
                            + e.getMessage()
                            + (String.valueOf(e.getMessage()).contains("DOCTYPE")
                                    ? " (figures may not have a DOCTYPE: remove it)"
                                    : ""));
            return null;
        } catch (Exception e) {
            problems.add(name, 0, "cannot read the figure: " + e.getMessage());
            return null;
        }
        Element svg = doc.getDocumentElement();
        if (!svg.getTagName().equals("svg")) {
            problems.add(
                    name,
                    1,
                    "a figure's root element must be <svg>, not <" + svg.getTagName() + ">");
            return null;
        }
        if (!svg.hasAttribute("viewBox")) {
            problems.add(
                    name,
                    1,
                    "give the figure a viewBox (e.g. viewBox=\"0 0 480 240\"): the page scales it by that");
            return null;
        }
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        int before = problems.count();
        walk(svg, name, text, problems);
        if (problems.count() > before) {
            return null;
        }
        // The figure's ids become unique on the page: prefix them (and the references to them).
        String prefix =
                "fig-"
                        + file.getFileName()
                                .toString()
                                .replaceAll("\\.svg$", "")
                                .replaceAll("[^A-Za-z0-9_-]", "-")
                        + "-";
        prefixIds(svg, prefix);
        svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(svg), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            problems.add(name, 0, "cannot write the figure: " + e.getMessage());
            return null;
        }
    }

    private static void walk(Element e, String name, String text, Problems problems) {
        if (!ELEMENTS.contains(e.getTagName())) {
            problems.add(
                    name,
                    lineOf(text, "<" + e.getTagName()),
                    "<"
                            + e.getTagName()
                            + "> is not allowed in a figure (allowed: drawing"
                            + " elements such as path, rect, text, g, marker; no script, style, image, a or foreignObject)");
            return;
        }
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            String attr = a.getName();
            String value = a.getValue();
            if (!ATTRIBUTES.contains(attr)) {
                problems.add(
                        name,
                        lineOf(text, attr + "="),
                        "the attribute '"
                                + attr
                                + "' is not allowed in a figure"
                                + (attr.startsWith("on")
                                        ? " (no event handlers)"
                                        : attr.equals("style")
                                                ? " (use presentation attributes or the fig-* classes)"
                                                : ""));
            } else if ((attr.equals("href") || attr.equals("xlink:href"))
                    && !value.startsWith("#")) {
                problems.add(
                        name,
                        lineOf(text, value),
                        "'"
                                + attr
                                + "' may only point inside the figure (#id), not to '"
                                + value
                                + "'");
            } else if (OUTSIDE_REFERENCE.matcher(value).find()) {
                problems.add(
                        name,
                        lineOf(text, value),
                        "'" + attr + "' may only use url(#id) of this figure, not '" + value + "'");
            }
        }
        NodeList children = e.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            org.w3c.dom.Node c = children.item(i);
            if (c instanceof Element child) {
                walk(child, name, text, problems);
            } else if (c.getNodeType() == org.w3c.dom.Node.PROCESSING_INSTRUCTION_NODE) {
                problems.add(name, 0, "processing instructions are not allowed in a figure");
            }
        }
    }

    private static void prefixIds(Element e, String prefix) {
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (a.getName().equals("id")) {
                a.setValue(prefix + a.getValue());
            } else if ((a.getName().equals("href") || a.getName().equals("xlink:href"))
                    && a.getValue().startsWith("#")) {
                a.setValue("#" + prefix + a.getValue().substring(1));
            } else if (a.getValue().contains("url(#")) {
                a.setValue(a.getValue().replaceAll("url\\(#", "url(#" + prefix));
            }
        }
        NodeList children = e.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                prefixIds(child, prefix);
            }
        }
    }

    /** The 1-based line of the first occurrence of {@code needle} in {@code text}, or 0. */
    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        if (at < 0) {
            return 0;
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
