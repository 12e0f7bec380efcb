package org.nnwiki.generator.render;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ext.admonition.AdmonitionBlock;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.LinkResolverFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.html.MutableAttributes;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.nnwiki.generator.Xml;
import org.nnwiki.generator.cite.Bibliography;
import org.nnwiki.generator.execute.BlockResult;
import org.nnwiki.generator.execute.PageResult;
import org.nnwiki.generator.markdown.Citation;
import org.nnwiki.generator.markdown.CodeBlock;
import org.nnwiki.generator.markdown.FenceInfo;
import org.nnwiki.generator.markdown.MarkdownOptions;
import org.nnwiki.generator.markdown.ParsedPage;

/**
 * Renders page bodies.
 *
 * <pre>{@code
 * RenderedPage html = new HtmlRenderer(outputPathBySource, bibliography).render(parsed, pageResult);
 * }</pre>
 */
public final class HtmlRenderer {
    /** Attribute carrying a link's page-file line to the link check; removed before writing. */
    public static final String SOURCE_LINE = "data-src-line";

    private final Map<String, String> outputBySource;
    private final Bibliography bibliography;
    private final Figures figures;

    /**
     * @param outputBySource every page's output path by its source path (for links between pages)
     * @param bibliography the entries that {@code [@key]} citations name
     * @param figures the drawn figures that {@code ![alt](name.svg)} shows inline
     */
    public HtmlRenderer(
            Map<String, String> outputBySource, Bibliography bibliography, Figures figures) {
        this.outputBySource = outputBySource;
        this.bibliography = bibliography;
        this.figures = figures;
    }

    public RenderedPage render(ParsedPage parsed, PageResult result) {
        String pageSource = parsed.source();
        String pageOutput = outputBySource.getOrDefault(pageSource, "");
        com.vladsch.flexmark.html.HtmlRenderer renderer =
                com.vladsch.flexmark.html.HtmlRenderer.builder(MarkdownOptions.get())
                        .nodeRendererFactory(
                                options -> new CellRenderer(parsed, result, bibliography, figures))
                        .linkResolverFactory(new PageLinks(pageSource, pageOutput))
                        .attributeProviderFactory(
                                new IndependentAttributeProviderFactory() {
                                    @Override
                                    public AttributeProvider apply(
                                            com.vladsch.flexmark.html.renderer.LinkResolverContext
                                                    context) {
                                        return new SourceLines(parsed);
                                    }
                                })
                        .build();
        String body = renderer.render(parsed.document());
        return new RenderedPage(
                parsed, result, parsed.citations().isEmpty() ? body : body + referenceList(parsed));
    }

    /** The entries the page cites, numbered in the order of their first citation. */
    static Map<String, Integer> citationNumbers(ParsedPage parsed) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (Citation c : parsed.citations()) {
            for (Citation.Item item : c.items()) {
                numbers.putIfAbsent(item.key(), numbers.size() + 1);
            }
        }
        return numbers;
    }

    /** The numbered list of the page's references, appended to its body. */
    private String referenceList(ParsedPage parsed) {
        StringBuilder html =
                new StringBuilder(
                        "\n<section class=\"references\">\n<h2 id=\"reference-list\">References</h2>\n<ol>\n");
        for (String key : citationNumbers(parsed).keySet()) {
            Bibliography.Reference r = bibliography.entries().get(key);
            if (r == null) {
                continue; // reported by Bibliography.check; the build fails
            }
            html.append("<li id=\"ref-")
                    .append(Xml.attr(key))
                    .append("\"><span class=\"ref-authors\">")
                    .append(Xml.text(r.authors()))
                    .append("</span> (")
                    .append(Xml.text(r.year()))
                    .append("). <cite>")
                    .append(Xml.text(r.title()))
                    .append("</cite>");
            if (!r.venue().isEmpty()) {
                html.append(". ").append(Xml.text(r.venue()));
            }
            html.append('.');
            if (!r.url().isEmpty()) {
                html.append(" <a href=\"")
                        .append(Xml.attr(r.url()))
                        .append("\">")
                        .append(Xml.text(r.linkText()))
                        .append("</a>");
            }
            html.append("</li>\n");
        }
        return html.append("</ol>\n</section>\n").toString();
    }

    /** Adds the page-file line to every link and image. */
    private static final class SourceLines implements AttributeProvider {
        private final ParsedPage parsed;

        SourceLines(ParsedPage parsed) {
            this.parsed = parsed;
        }

        @Override
        public void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
            if ((node instanceof Link || node instanceof Image)
                    && (part == AttributablePart.LINK || part == AttributablePart.NODE)) {
                attributes.addValue(
                        SOURCE_LINE,
                        Integer.toString(
                                parsed.expanded().fileLine(node.getStartLineNumber() + 1)));
            }
        }
    }

    /** Links to {@code other.md} (relative to this page's file) become links to its output. */
    private final class PageLinks implements LinkResolverFactory {
        private final String pageSource;
        private final String pageOutput;

        PageLinks(String pageSource, String pageOutput) {
            this.pageSource = pageSource;
            this.pageOutput = pageOutput;
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }

        @Override
        public LinkResolver apply(LinkResolverBasicContext context) {
            return (node, ctx, link) -> {
                String url = link.getUrl();
                if (url.contains(":") || url.startsWith("/") || url.startsWith("#")) {
                    return link;
                }
                int hash = url.indexOf('#');
                String path = hash < 0 ? url : url.substring(0, hash);
                String anchor = hash < 0 ? "" : url.substring(hash);
                if (!path.endsWith(".md")) {
                    return link;
                }
                String target = LinkPaths.resolve(pageSource, path);
                String output = outputBySource.get(target);
                if (output == null) {
                    return link;
                }
                return link.withStatus(LinkStatus.VALID)
                        .withUrl(LinkPaths.relative(pageOutput, output) + anchor);
            };
        }
    }

    /** Renders fenced code blocks: code, then what the block showed. */
    private static final class CellRenderer implements NodeRenderer {
        private static final Map<String, String> BOX_TITLES =
                Map.of(
                        "note",
                        "Note",
                        "tip",
                        "Tip",
                        "warning",
                        "Warning",
                        "key-ideas",
                        "Key ideas");

        private final ParsedPage parsed;
        private final PageResult result;
        private final Bibliography bibliography;
        private final Figures figures;
        private final Map<Node, Citation> citations = new IdentityHashMap<>();
        private final Map<String, Integer> citationNumbers;
        private int exercises;
        private boolean inExercise;

        CellRenderer(
                ParsedPage parsed, PageResult result, Bibliography bibliography, Figures figures) {
            this.parsed = parsed;
            this.result = result;
            this.bibliography = bibliography;
            this.figures = figures;
            parsed.citations().forEach(c -> citations.put(c.node(), c));
            this.citationNumbers = citationNumbers(parsed);
        }

        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(
                    new NodeRenderingHandler<>(FencedCodeBlock.class, this::render),
                    new NodeRenderingHandler<>(Code.class, this::renderInline),
                    new NodeRenderingHandler<>(AdmonitionBlock.class, this::renderBox),
                    new NodeRenderingHandler<>(LinkRef.class, this::renderCitation),
                    new NodeRenderingHandler<>(
                            com.vladsch.flexmark.ast.Paragraph.class, this::renderParagraph));
        }

        /**
         * A paragraph that is one image of a figure of the content folder: the figure's SVG,
         * inlined so that it follows the theme, with the alt text as its accessible name and the
         * image's title (or the alt text) as its caption.
         */
        private void renderParagraph(
                com.vladsch.flexmark.ast.Paragraph node,
                NodeRendererContext context,
                HtmlWriter html) {
            String svg =
                    node.getFirstChild() instanceof Image image && image.getNext() == null
                            ? figureOf(image)
                            : null;
            if (svg == null) {
                context.delegateRender();
                return;
            }
            Image image = (Image) node.getFirstChild();
            String alt = image.getText().toString().strip();
            String caption = image.getTitle().toString().strip();
            html.line();
            html.raw(
                    "<figure class=\"figure\">"
                            + svg.replaceFirst(
                                    "<svg",
                                    "<svg role=\"img\" aria-label=\"" + Xml.attr(alt) + "\"")
                            + "<figcaption>"
                            + Xml.text(caption.isEmpty() ? alt : caption)
                            + "</figcaption></figure>");
            html.line();
        }

        private String figureOf(Image image) {
            String path = Figures.pathOf(parsed.source(), image.getUrl().toString());
            return path == null || image.getText().toString().isBlank() ? null : figures.svg(path);
        }

        /**
         * A box ({@code !!! KIND "Title"}). An exercise is numbered, and its solution (the run
         * block right after it) is drawn inside it, folded.
         */
        private void renderBox(AdmonitionBlock node, NodeRendererContext context, HtmlWriter html) {
            String kind = node.getInfo().toString();
            String title = node.getTitle().toString().strip();
            html.line();
            if (kind.equals("exercise")) {
                exercises++;
                String name = "Exercise " + exercises;
                html.raw(
                        "<section class=\"box box-exercise\" id=\"exercise-"
                                + exercises
                                + "\" aria-label=\""
                                + name
                                + "\">");
                html.raw(
                        "<p class=\"box-title\">"
                                + name
                                + (title.isEmpty() ? "" : ": " + Xml.text(title))
                                + "</p>");
                context.renderChildren(node);
                Node next = node.getNext();
                if (next instanceof FencedCodeBlock fence
                        && parsed.blockOf().get(fence) != null
                        && parsed.blockOf().get(fence).info().solution()) {
                    inExercise = true;
                    context.render(fence);
                    inExercise = false;
                }
                html.raw("</section>");
            } else {
                String cssKind = BOX_TITLES.containsKey(kind) ? kind : "note";
                html.raw("<aside class=\"box box-" + cssKind + "\">");
                html.raw(
                        "<p class=\"box-title\">"
                                + Xml.text(
                                        title.isEmpty()
                                                ? BOX_TITLES.getOrDefault(kind, kind)
                                                : title)
                                + "</p>");
                context.renderChildren(node);
                html.raw("</aside>");
            }
            html.line();
        }

        /** {@code [@key; @other, p. 3]}: numbers that link to the page's reference list. */
        private void renderCitation(LinkRef node, NodeRendererContext context, HtmlWriter html) {
            Citation citation = citations.get(node);
            if (citation == null) {
                context.delegateRender();
                return;
            }
            StringBuilder sb = new StringBuilder("<span class=\"cite\">[");
            for (int i = 0; i < citation.items().size(); i++) {
                Citation.Item item = citation.items().get(i);
                Bibliography.Reference r = bibliography.entries().get(item.key());
                sb.append(i == 0 ? "" : "; ")
                        .append("<a href=\"#ref-")
                        .append(Xml.attr(item.key()))
                        .append('"');
                if (r != null) {
                    sb.append(" title=\"").append(Xml.attr(r.label())).append('"');
                }
                sb.append('>').append(citationNumbers.get(item.key())).append("</a>");
                if (!item.locator().isEmpty()) {
                    sb.append(", ").append(Xml.text(item.locator()));
                }
            }
            html.raw(sb.append("]</span>").toString());
        }

        /** An inline value: the text its expression printed, with the expression as a tooltip. */
        private void renderInline(Code node, NodeRendererContext context, HtmlWriter html) {
            CodeBlock block = parsed.blockOf().get(node);
            if (block == null) {
                context.delegateRender();
                return;
            }
            BlockResult r = result.byOrdinal().get(block.ordinal());
            String expression = block.inlineExpression();
            if (r == null || r.failed()) {
                html.raw(
                        "<code class=\"inline-value inline-value-failed\" id=\"cell-"
                                + (block.ordinal() + 1)
                                + "\">"
                                + Xml.text(expression)
                                + "</code>");
                return;
            }
            StringBuilder text = new StringBuilder();
            for (org.nnwiki.generator.execute.Output o : r.outputs()) {
                if (o instanceof org.nnwiki.generator.execute.Output.Text t) {
                    text.append(t.text());
                }
            }
            // The id is the execution report's link target, as a cell's is; a named value also gets
            // an
            // anchor of its name, which other pages link to when they quote it (PostProcessor
            // checks the quote).
            FenceInfo.InlineParts parts = FenceInfo.inlineParts(node.getText().toString());
            String anchor =
                    parts != null && parts.name() != null
                            ? "<a id=\"" + Xml.attr(parts.name()) + "\"></a>"
                            : "";
            html.raw(
                    "<span class=\"inline-value\" id=\"cell-"
                            + (block.ordinal() + 1)
                            + "\" title=\""
                            + Xml.attr(expression)
                            + "\">"
                            + anchor
                            + Xml.text(text.toString().strip())
                            + "</span>");
        }

        private void render(FencedCodeBlock node, NodeRendererContext context, HtmlWriter html) {
            if (!parsed.blockOf().containsKey(node)) {
                context.delegateRender();
                return;
            }
            CodeBlock block = parsed.blockOf().get(node);
            if (block == null) {
                return; // an expected block: its check is shown on the output it checks
            }
            boolean solution =
                    block.info().solution(); // the parser checked that it follows its exercise
            if (solution && !inExercise) {
                return; // drawn inside its exercise
            }
            BlockResult r = block.info().run() ? result.byOrdinal().get(block.ordinal()) : null;
            html.line();
            if (solution) {
                html.raw("<details class=\"solution\"><summary>Solution</summary>");
            }
            html.raw(
                    "<div class=\"cell"
                            + (block.info().run() ? " cell-run" : "")
                            + "\" id=\"cell-"
                            + (block.ordinal() + 1)
                            + "\">");
            if (!block.info().hide()) {
                if (!block.info().include().isEmpty()) {
                    html.raw("<div class=\"cell-source\">");
                    html.text(block.info().include());
                    html.raw("</div>");
                }
                String lang = block.info().language().isEmpty() ? "text" : block.info().language();
                // Pre mode keeps Flexmark's writer from re-indenting the code's lines.
                html.openPre();
                html.raw("<pre class=\"code\"><code class=\"language-" + Xml.attr(lang) + "\">");
                html.raw(Xml.text(block.code()));
                html.raw("</code></pre>");
                html.closePre();
            }
            if (r != null && (!block.info().quiet() || r.failed())) {
                html.openPre();
                html.raw(Outputs.html(r, block));
                html.closePre();
            }
            html.raw("</div>");
            if (solution) {
                html.raw("</details>");
            }
            html.line();
        }
    }
}
