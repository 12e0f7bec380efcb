package org.nnwiki.generator.render;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
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
import java.util.Map;
import java.util.Set;
import org.nnwiki.generator.execute.BlockResult;
import org.nnwiki.generator.execute.PageResult;
import org.nnwiki.generator.markdown.CodeBlock;
import org.nnwiki.generator.markdown.MarkdownOptions;
import org.nnwiki.generator.markdown.ParsedPage;

/**
 * Renders page bodies.
 *
 * <pre>{@code
 * RenderedPage html = new HtmlRenderer(outputPathBySource).render(parsed, pageResult);
 * }</pre>
 */
public final class HtmlRenderer {
    /** Attribute carrying a link's page-file line to the link check; removed before writing. */
    public static final String SOURCE_LINE = "data-src-line";

    private final Map<String, String> outputBySource;

    /** @param outputBySource every page's output path by its source path (for links between pages) */
    public HtmlRenderer(Map<String, String> outputBySource) {
        this.outputBySource = outputBySource;
    }

    public RenderedPage render(ParsedPage parsed, PageResult result) {
        String pageSource = parsed.source();
        String pageOutput = outputBySource.getOrDefault(pageSource, "");
        com.vladsch.flexmark.html.HtmlRenderer renderer = com.vladsch.flexmark.html.HtmlRenderer.builder(MarkdownOptions.get())
                .nodeRendererFactory(options -> new CellRenderer(parsed, result))
                .linkResolverFactory(new PageLinks(pageSource, pageOutput))
                .attributeProviderFactory(new IndependentAttributeProviderFactory() {
                    @Override
                    public AttributeProvider apply(com.vladsch.flexmark.html.renderer.LinkResolverContext context) {
                        return new SourceLines(parsed);
                    }
                })
                .build();
        return new RenderedPage(parsed, result, renderer.render(parsed.document()));
    }

    /** Adds the page-file line to every link and image. */
    private static final class SourceLines implements AttributeProvider {
        private final ParsedPage parsed;

        SourceLines(ParsedPage parsed) {
            this.parsed = parsed;
        }

        @Override
        public void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
            if ((node instanceof Link || node instanceof Image) && (part == AttributablePart.LINK || part == AttributablePart.NODE)) {
                attributes.addValue(SOURCE_LINE, Integer.toString(parsed.expanded().fileLine(node.getStartLineNumber() + 1)));
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
                return link.withStatus(LinkStatus.VALID).withUrl(LinkPaths.relative(pageOutput, output) + anchor);
            };
        }
    }

    /** Renders fenced code blocks: code, then what the block showed. */
    private static final class CellRenderer implements NodeRenderer {
        private final ParsedPage parsed;
        private final PageResult result;

        CellRenderer(ParsedPage parsed, PageResult result) {
            this.parsed = parsed;
            this.result = result;
        }

        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(FencedCodeBlock.class, this::render),
                    new NodeRenderingHandler<>(Code.class, this::renderInline));
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
                html.raw("<code class=\"inline-value inline-value-failed\" id=\"cell-" + (block.ordinal() + 1) + "\">" + Escape.text(expression) + "</code>");
                return;
            }
            StringBuilder text = new StringBuilder();
            for (org.nnwiki.generator.execute.Output o : r.outputs()) {
                if (o instanceof org.nnwiki.generator.execute.Output.Text t) {
                    text.append(t.text());
                }
            }
            // The id is the execution report's link target, as a cell's is.
            html.raw("<span class=\"inline-value\" id=\"cell-" + (block.ordinal() + 1) + "\" title=\"" + Escape.attr(expression) + "\">"
                    + Escape.text(text.toString().strip()) + "</span>");
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
            BlockResult r = block.info().run() ? result.byOrdinal().get(block.ordinal()) : null;
            html.line();
            html.raw("<div class=\"cell" + (block.info().run() ? " cell-run" : "") + "\" id=\"cell-" + (block.ordinal() + 1) + "\">");
            if (!block.info().hide()) {
                if (!block.info().include().isEmpty()) {
                    html.raw("<div class=\"cell-source\">");
                    html.text(block.info().include());
                    html.raw("</div>");
                }
                String lang = block.info().language().isEmpty() ? "text" : block.info().language();
                // Pre mode keeps Flexmark's writer from re-indenting the code's lines.
                html.openPre();
                html.raw("<pre class=\"code\"><code class=\"language-" + Escape.attr(lang) + "\">");
                html.raw(Escape.text(block.code()));
                html.raw("</code></pre>");
                html.closePre();
            }
            if (r != null && (!block.info().quiet() || r.failed())) {
                html.openPre();
                html.raw(Outputs.html(r, block));
                html.closePre();
            }
            html.raw("</div>");
            html.line();
        }
    }


}
