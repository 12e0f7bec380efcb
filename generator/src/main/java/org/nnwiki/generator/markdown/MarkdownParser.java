package org.nnwiki.generator.markdown;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ext.admonition.AdmonitionBlock;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    /** The kinds of box ({@code !!! KIND "Title"}) a page may use. */
    public static final List<String> BOX_KINDS =
            List.of("note", "tip", "warning", "key-ideas", "exercise");

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
        List<Citation> citations = new ArrayList<>();
        Set<String> sessionsWithSolution = new HashSet<>();
        Set<String> valueNames = new HashSet<>();
        for (Node node : document.getDescendants()) {
            if (node instanceof AdmonitionBlock box) {
                checkBox(box, page, source);
                continue;
            }
            if (node instanceof LinkRef ref && !ref.isDefined()) {
                List<String> errors = new ArrayList<>();
                String chars = ref.getChars().toString();
                List<Citation.Item> items =
                        chars.startsWith("[") && chars.endsWith("]") && !chars.contains("][")
                                ? Citation.parse(chars.substring(1, chars.length() - 1), errors)
                                : null;
                int line = page.fileLine(ref.getStartLineNumber() + 1);
                errors.forEach(e -> problems.add(source, line, e));
                if (items != null && !items.isEmpty()) {
                    citations.add(new Citation(ref, items, line));
                }
                continue;
            }
            FenceInfo.InlineParts parts =
                    node instanceof Code c ? FenceInfo.inlineParts(c.getText().toString()) : null;
            if (node instanceof Code inline && parts != null) {
                // `{java} expr`: a value of the page's session, after the blocks above it.
                int line = page.fileLine(inline.getStartLineNumber() + 1);
                String expression = parts.expression();
                if (parts.name() != null && !FenceInfo.VALUE_NAME.matcher(parts.name()).matches()) {
                    problems.add(
                            source,
                            line,
                            "'"
                                    + parts.name()
                                    + "' cannot name an inline value: use lower-case letters,"
                                    + " digits and '-', starting with a letter, e.g. `{java #test-accuracy} acc`");
                    continue;
                }
                if (parts.name() != null && !valueNames.add(parts.name())) {
                    problems.add(
                            source,
                            line,
                            "another inline value on this page is already named '"
                                    + parts.name()
                                    + "': give each a name of its own");
                    continue;
                }
                if (expression.isEmpty()) {
                    problems.add(
                            source,
                            line,
                            "an inline value needs an expression: `"
                                    + FenceInfo.INLINE
                                    + " expr`, e.g. `"
                                    + FenceInfo.INLINE
                                    + " \"%.3f\".formatted(accuracy)`");
                    continue;
                }
                if (expression.endsWith(";")) {
                    problems.add(
                            source,
                            line,
                            "an inline value is one expression, without ';': `"
                                    + FenceInfo.INLINE
                                    + " "
                                    + expression.substring(0, expression.length() - 1).strip()
                                    + "`");
                    continue;
                }
                CodeBlock block =
                        new CodeBlock(
                                blocks.size(),
                                line,
                                FenceInfo.inlineValue(),
                                CodeBlock.inlineCode(expression),
                                null);
                checkAfterSolutions(block, sessionsWithSolution, source);
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
                    problems.add(
                            source,
                            line,
                            "an expected block must come right after a 'java run' block (nothing in between)");
                } else if (previousRun.info().quiet()) {
                    problems.add(
                            source,
                            line,
                            "an expected block cannot follow a 'quiet' block: its output is not shown");
                } else {
                    int close =
                            fence.getClosingFence().isEmpty()
                                    ? fence.getEndLineNumber() + 2
                                    : fence.getEndLineNumber() + 1;
                    int contentLine = page.fileLine(fence.getStartLineNumber() + 2);
                    CodeBlock.Expected expected =
                            new CodeBlock.Expected(
                                    code,
                                    info.tolerance(),
                                    line,
                                    contentLine,
                                    page.fileLine(close));
                    CodeBlock withExpected =
                            new CodeBlock(
                                    previousRun.ordinal(),
                                    previousRun.line(),
                                    previousRun.info(),
                                    previousRun.code(),
                                    expected);
                    blocks.set(blocks.size() - 1, withExpected);
                    blockOf.put(previousRunNode, withExpected);
                }
                blockOf.put(fence, null);
                previousRun = null;
                continue;
            }
            CodeBlock block = new CodeBlock(blocks.size(), line, info, code, null);
            if (info.solution()) {
                if (!(fence.getPrevious() instanceof AdmonitionBlock box
                        && box.getInfo().toString().equals("exercise"))) {
                    problems.add(
                            source,
                            line,
                            "a solution must come right after its exercise: write the exercise as"
                                    + " !!! exercise \"Title\" (its text indented by four spaces), then this block");
                }
                sessionsWithSolution.add(info.session());
            } else if (info.run()) {
                checkAfterSolutions(block, sessionsWithSolution, source);
            }
            blocks.add(block);
            blockOf.put(fence, block);
            previousRun = errors.isEmpty() && info.run() ? block : null;
            previousRunNode = fence;
        }
        return new ParsedPage(page, document, List.copyOf(blocks), blockOf, List.copyOf(citations));
    }

    /** A box's kind must be known, and an exercise must be followed by its solution. */
    private void checkBox(AdmonitionBlock box, ExpandedPage page, String source) {
        String kind = box.getInfo().toString();
        int line = page.fileLine(box.getStartLineNumber() + 1);
        if (!BOX_KINDS.contains(kind)) {
            problems.add(
                    source,
                    line,
                    "unknown box '!!! " + kind + "' (known: " + String.join(", ", BOX_KINDS) + ")");
        } else if (kind.equals("exercise")
                && !(box.getNext() instanceof FencedCodeBlock next
                        && FenceInfo.parse(next.getInfo().toString(), new ArrayList<>())
                                .solution())) {
            problems.add(
                    source,
                    line,
                    "this exercise has no solution: put a ```java run solution block right after it"
                            + " (it runs at build time, and the reader sees it folded)");
        }
    }

    /** Solutions run last in their session, so that no block of the page sees what they changed. */
    private void checkAfterSolutions(
            CodeBlock block, Set<String> sessionsWithSolution, String source) {
        if (sessionsWithSolution.contains(block.info().session())) {
            problems.add(
                    source,
                    block.line(),
                    "this block runs after an exercise's solution in the same session, and would see"
                            + " what the solution changed: move the exercises to the end of the page, or give this block"
                            + " or the solutions a session of their own (session=NAME)");
        }
    }

    private static String stripFinalNewline(String s) {
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
