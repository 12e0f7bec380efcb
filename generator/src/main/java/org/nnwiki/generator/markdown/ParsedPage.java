package org.nnwiki.generator.markdown;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.List;
import java.util.Map;
import org.nnwiki.generator.include.ExpandedPage;

/**
 * A page parsed into a Flexmark document, with its code blocks found and validated.
 *
 * @param expanded the page with includes expanded (it knows the line map)
 * @param document the Flexmark document (read by the renderer only)
 * @param blocks the page's code blocks in order (expected blocks are attached, not listed)
 * @param blockOf the code block of each fence node, for the renderer
 * @param citations the page's citations in reading order (their keys are checked against the
 *     bibliography)
 */
public record ParsedPage(
        ExpandedPage expanded,
        Document document,
        List<CodeBlock> blocks,
        Map<Node, CodeBlock> blockOf,
        List<Citation> citations) {

    /** The blocks that run, in page order. */
    public List<CodeBlock> runBlocks() {
        return blocks.stream().filter(b -> b.info().run()).toList();
    }

    public String source() {
        return expanded.page().source();
    }
}
