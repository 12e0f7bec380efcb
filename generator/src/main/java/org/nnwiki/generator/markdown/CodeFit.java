package org.nnwiki.generator.markdown;

import java.util.ArrayList;
import java.util.List;
import org.nnwiki.generator.Problem;

/**
 * Code that does not fit the page's column: a displayed line over {@link #MAX_LINE} characters
 * needs sideways scrolling, and a cell over {@link #MAX_LINES} lines is more than a reader holds at
 * once. These are warnings, not problems: the build goes on.
 */
public final class CodeFit {
    /** The longest code line that fits the column without scrolling. */
    public static final int MAX_LINE = 90;

    /** The most lines a displayed cell should have. */
    public static final int MAX_LINES = 30;

    private CodeFit() {}

    /** A warning at its {@code file:line} for every shown code line and cell that is too long. */
    public static List<Problem> check(ParsedPage page) {
        List<Problem> out = new ArrayList<>();
        for (CodeBlock b : page.blocks()) {
            if (b.info().isInline() || b.info().hide()) {
                continue;
            }
            String[] lines = b.code().split("\n", -1);
            boolean included = !b.info().include().isEmpty();
            for (int i = 0; i < lines.length; i++) {
                int length = lines[i].codePointCount(0, lines[i].length());
                if (length > MAX_LINE) {
                    out.add(
                            Problem.at(
                                    page.source(),
                                    included ? b.line() : b.line() + 1 + i,
                                    "code line of "
                                            + length
                                            + " characters (over "
                                            + MAX_LINE
                                            + " it scrolls sideways): break it, or move set-up into the examples module"
                                            + (included
                                                    ? " (line "
                                                            + (i + 1)
                                                            + " of "
                                                            + b.info().include()
                                                            + ")"
                                                    : "")));
                }
            }
            if (lines.length > MAX_LINES) {
                out.add(
                        Problem.at(
                                page.source(),
                                b.line(),
                                "a cell of "
                                        + lines.length
                                        + " lines (over "
                                        + MAX_LINES
                                        + "): split it with prose between the parts, or move set-up into the examples module or a 'run hide' block"));
            }
        }
        return out;
    }
}
