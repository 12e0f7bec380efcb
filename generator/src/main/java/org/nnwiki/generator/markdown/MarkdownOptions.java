package org.nnwiki.generator.markdown;

import com.vladsch.flexmark.ext.admonition.AdmonitionExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;

/** The one place that configures Flexmark, shared by the parser and the HTML renderer. */
public final class MarkdownOptions {
    private static final DataHolder OPTIONS =
            new MutableDataSet()
                    .set(
                            Parser.EXTENSIONS,
                            List.of(
                                    TablesExtension.create(),
                                    StrikethroughExtension.create(),
                                    TaskListExtension.create(),
                                    FootnoteExtension.create(),
                                    new AdmonitionSyntax(),
                                    MathExtension.create()))
                    // Flexmark 0.64 does not generate heading ids unless told to
                    // (ARCHITECTURE.md#facts-about-the-libraries).
                    .set(HtmlRenderer.GENERATE_HEADER_ID, true)
                    .set(HtmlRenderer.RENDER_HEADER_ID, true)
                    .set(HtmlRenderer.HEADER_ID_GENERATOR_RESOLVE_DUPES, true)
                    .set(TablesExtension.CLASS_NAME, "table")
                    .set(HtmlRenderer.FENCED_CODE_LANGUAGE_CLASS_PREFIX, "language-")
                    .toImmutable();

    private MarkdownOptions() {}

    /**
     * Flexmark's admonition syntax without its HTML renderer: render/HtmlRenderer draws the boxes,
     * and the extension's renderer would also put an icon sprite (an unstyled 300 × 150 SVG) at the
     * top of every page that has a box.
     */
    private static final class AdmonitionSyntax implements Parser.ParserExtension {
        private final AdmonitionExtension syntax = AdmonitionExtension.create();

        @Override
        public void parserOptions(com.vladsch.flexmark.util.data.MutableDataHolder options) {
            syntax.parserOptions(options);
        }

        @Override
        public void extend(Parser.Builder builder) {
            syntax.extend(builder);
        }
    }

    public static DataHolder get() {
        return OPTIONS;
    }
}
