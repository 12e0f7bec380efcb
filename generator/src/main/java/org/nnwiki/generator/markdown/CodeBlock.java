package org.nnwiki.generator.markdown;

/**
 * A fenced code block of a page.
 *
 * @param ordinal 0-based position among the page's code blocks
 * @param line the page-file line of the opening fence
 * @param info the validated info string
 * @param code the code (included code for include fences), without a trailing newline
 * @param expected the {@code expected} block that follows it, or null
 */
public record CodeBlock(int ordinal, int line, FenceInfo info, String code, Expected expected) {

    /** The code an inline value runs: it prints the expression's text (null prints "null"). */
    public static String inlineCode(String expression) {
        return "System.out.print(java.util.Objects.toString(" + expression + "));";
    }

    /** The expression of an inline value (see {@link #inlineCode}). */
    public String inlineExpression() {
        String prefix = "System.out.print(java.util.Objects.toString(";
        return code.startsWith(prefix) && code.endsWith("));")
                ? code.substring(prefix.length(), code.length() - 3)
                : code;
    }

    /**
     * An {@code expected} block.
     *
     * @param text the expected output
     * @param tolerance relative tolerance for numbers
     * @param line the page-file line of its opening fence
     * @param contentLine the page-file line of its first content line
     * @param closeLine the page-file line of its closing fence ({@code --fix} replaces lines in
     *     {@code [contentLine, closeLine)})
     */
    public record Expected(
            String text, double tolerance, int line, int contentLine, int closeLine) {}

    /** The code's lines as an excerpt with the page-file line numbers, marking {@code markLine}. */
    public String excerpt(int markLine, int maxLines) {
        String[] lines = code.split("\n", -1);
        int first = line + 1;
        int from = 0;
        int to = lines.length;
        if (lines.length > maxLines) {
            int centre = markLine > 0 ? markLine - first : 0;
            from = Math.max(0, Math.min(centre - maxLines / 2, lines.length - maxLines));
            to = from + maxLines;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            int n = first + i;
            sb.append(n == markLine ? "  > " : "    ")
                    .append(String.format("%4d | ", n))
                    .append(lines[i])
                    .append('\n');
        }
        return sb.toString();
    }
}
