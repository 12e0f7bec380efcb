package org.nnwiki.generator.markdown;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;

/**
 * {@code $…$} (inline) and {@code $$…$$} (display) math. Flexmark's GitLab extension only knows
 * {@code ```math} and {@code $`x`$} (ARCHITECTURE.md#facts-about-the-libraries), so this small
 * parser keeps TeX away from emphasis and escaping, and emits it untouched in {@code <span
 * class="math …">} for KaTeX in the browser. Display math may span lines inside one paragraph (no
 * blank line inside it).
 *
 * <p>An inline {@code $} opens only before a non-space character and closes only after one, and not
 * before a digit, so prices like "$5 and $10" stay text.
 */
final class MathExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    static MathExtension create() {
        return new MathExtension();
    }

    /** A piece of TeX found in the text. */
    static final class MathNode extends Node {
        final boolean display;
        final String tex;

        MathNode(BasedSequence chars, boolean display, String tex) {
            super(chars);
            this.display = display;
            this.tex = tex;
        }

        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }

    @Override
    public void parserOptions(MutableDataHolder options) {}

    @Override
    public void rendererOptions(MutableDataHolder options) {}

    @Override
    public void extend(Parser.Builder builder) {
        builder.customInlineParserExtensionFactory(
                new InlineParserExtensionFactory() {
                    @Override
                    public Set<Class<?>> getAfterDependents() {
                        return null;
                    }

                    @Override
                    public CharSequence getCharacters() {
                        return "$";
                    }

                    @Override
                    public Set<Class<?>> getBeforeDependents() {
                        return null;
                    }

                    @Override
                    public InlineParserExtension apply(LightInlineParser inlineParser) {
                        return new MathParser();
                    }

                    @Override
                    public boolean affectsGlobalScope() {
                        return false;
                    }
                });
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.nodeRendererFactory(options -> new MathRenderer());
    }

    private static final class MathParser implements InlineParserExtension {
        @Override
        public void finalizeDocument(InlineParser inlineParser) {}

        @Override
        public void finalizeBlock(InlineParser inlineParser) {}

        @Override
        public boolean parse(LightInlineParser p) {
            BasedSequence in = p.getInput();
            int start = p.getIndex();
            boolean display = start + 1 < in.length() && in.charAt(start + 1) == '$';
            int open = start + (display ? 2 : 1);
            int end = display ? closeDisplay(in, open) : closeInline(in, open);
            if (end < 0) {
                return false;
            }
            String tex = in.subSequence(open, end).toString().strip();
            int after = end + (display ? 2 : 1);
            p.flushTextNode();
            p.getBlock().appendChild(new MathNode(in.subSequence(start, after), display, tex));
            p.setIndex(after);
            return true;
        }

        private static int closeDisplay(BasedSequence in, int from) {
            for (int i = from; i + 1 < in.length(); i++) {
                if (in.charAt(i) == '\\') {
                    i++;
                } else if (in.charAt(i) == '$' && in.charAt(i + 1) == '$') {
                    return i > from ? i : -1;
                }
            }
            return -1;
        }

        private static int closeInline(BasedSequence in, int from) {
            if (from >= in.length()
                    || Character.isWhitespace(in.charAt(from))
                    || in.charAt(from) == '$') {
                return -1;
            }
            for (int i = from; i < in.length(); i++) {
                char c = in.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '$') {
                    boolean spaceBefore = Character.isWhitespace(in.charAt(i - 1));
                    boolean digitAfter = i + 1 < in.length() && Character.isDigit(in.charAt(i + 1));
                    return spaceBefore || digitAfter ? -1 : i;
                }
            }
            return -1;
        }
    }

    private static final class MathRenderer implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(MathNode.class, this::render));
        }

        private void render(MathNode node, NodeRendererContext context, HtmlWriter html) {
            html.raw(
                    "<span class=\"math "
                            + (node.display ? "math-display" : "math-inline")
                            + "\">");
            html.text(node.tex);
            html.raw("</span>");
        }
    }
}
