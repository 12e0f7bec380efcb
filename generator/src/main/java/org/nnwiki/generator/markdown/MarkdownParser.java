package org.nnwiki.generator.markdown;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.nnwiki.generator.Problems;
import org.nnwiki.generator.include.ExpandedPage;

/**
 * Parses pages with Flexmark and collects their code blocks.
 *
 * <pre>{@code
 * ParsedPage parsed = new MarkdownParser(problems).parse(expandedPage);
 * }</pre>
 */
public final class MarkdownParser {
    private final Parser parser = Parser.builder(MarkdownOptions.get()).build();
    private final Problems problems;

    public MarkdownParser(Problems problems) {
        this.problems = problems;
    }

    public ParsedPage parse(ExpandedPage page) {
        Document document = parser.parse(page.markdown());
        List<CodeBlock> blocks = new ArrayList<>();
        Map<Node, CodeBlock> blockOf = new IdentityHashMap<>();
        String source = page.page().source();
        CodeBlock previousRun = null;
        Node previousRunNode = null;
        for (Node node : document.getDescendants()) {
            if (node instanceof Code inline && isInlineValue(inline)) {
                // `{java} expr`: a value of the page's session, after the blocks above it.
                int line = page.fileLine(inline.getStartLineNumber() + 1);
                String expression = inline.getText().toString().substring(FenceInfo.INLINE.length()).strip();
                if (expression.isEmpty()) {
                    problems.add(source, line, "an inline value needs an expression: `" + FenceInfo.INLINE + " expr`, e.g. `"
                            + FenceInfo.INLINE + " \"%.3f\".formatted(accuracy)`");
                    continue;
                }
                if (expression.endsWith(";")) {
                    problems.add(source, line, "an inline value is one expression, without ';': `" + FenceInfo.INLINE + " "
                            + expression.substring(0, expression.length() - 1).strip() + "`");
                    continue;
                }
                CodeBlock block = new CodeBlock(blocks.size(), line, FenceInfo.inlineValue(), CodeBlock.inlineCode(expression), null);
                blocks.add(block);
                blockOf.put(inline, block);
                continue;
            }
            if (!(node instanceof FencedCodeBlock fence)) {
                continue;
            }
            int line = page.fileLine(fence.getStartLineNumber() + 1);
            List<String> errors = new ArrayList<>();
            FenceInfo info = FenceInfo.parse(fence.getInfo().toString(), errors);
            errors.forEach(e -> problems.add(source, line, e));
            String code = stripFinalNewline(fence.getContentChars().toString());
            if (info.isExpected()) {
                if (previousRun == null || previousRunNode.getNext() != fence) {
                    problems.add(source, line, "an expected block must come right after a 'java run' block (nothing in between)");
                } else if (previousRun.info().quiet()) {
                    problems.add(source, line, "an expected block cannot follow a 'quiet' block: its output is not shown");
                } else {
                    int close = fence.getClosingFence().isEmpty() ? fence.getEndLineNumber() + 2 : fence.getEndLineNumber() + 1;
                    int contentLine = page.fileLine(fence.getStartLineNumber() + 2);
                    CodeBlock.Expected expected = new CodeBlock.Expected(
                            code, info.tolerance(), line, contentLine, page.fileLine(close));
                    CodeBlock withExpected = new CodeBlock(previousRun.ordinal(), previousRun.line(), previousRun.info(), previousRun.code(), expected);
                    blocks.set(blocks.size() - 1, withExpected);
                    blockOf.put(previousRunNode, withExpected);
                }
                blockOf.put(fence, null);
                previousRun = null;
                continue;
            }
            CodeBlock block = new CodeBlock(blocks.size(), line, info, code, null);
            blocks.add(block);
            blockOf.put(fence, block);
            previousRun = errors.isEmpty() && info.run() ? block : null;
            previousRunNode = fence;
        }
        return new ParsedPage(page, document, List.copyOf(blocks), blockOf);
    }

    private static boolean isInlineValue(Code code) {
        String text = code.getText().toString();
        return text.startsWith(FenceInfo.INLINE) && (text.length() == FenceInfo.INLINE.length()
                || Character.isWhitespace(text.charAt(FenceInfo.INLINE.length())));
    }

    private static String stripFinalNewline(String s) {
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
