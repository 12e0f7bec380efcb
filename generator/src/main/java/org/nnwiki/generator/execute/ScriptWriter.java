package org.nnwiki.generator.execute;

import java.util.List;
import org.nnwiki.generator.markdown.CodeBlock;
import org.nnwiki.generator.markdown.ParsedPage;

/**
 * A page's code as one runnable JShell script: the session prelude, then every block of the page's
 * main session in order. Values the page shows are passed to the value hook (JShell prints no
 * values when it runs a file), blocks that are meant to fail are kept as comments, and the script
 * ends with {@code /exit}.
 *
 * <pre>{@code
 * String jsh = ScriptWriter.script(parsedPage, pageResult, spec, "jshell --class-path ... page.jsh");
 * }</pre>
 */
public final class ScriptWriter {
    private ScriptWriter() {}

    /** True when the page has code a script can hold. */
    public static boolean hasScript(ParsedPage page) {
        return page.runBlocks().stream().anyMatch(b -> b.info().session().isEmpty());
    }

    /**
     * @param result the page's results (for the expressions whose values the page shows), or null
     * @param howToRun the command line printed in the script's header
     */
    public static String script(
            ParsedPage page, PageResult result, SessionSpec spec, String title, String howToRun) {
        StringBuilder sb = new StringBuilder();
        sb.append("// ")
                .append(title)
                .append(" — the code of ")
                .append(page.source())
                .append(", as the wiki ran it.\n");
        sb.append(
                "// Build the modules once in a clone of the repository (./mvnw -q package -DskipTests), set NNWIKI\n");
        sb.append(
                "// to that clone (export NNWIKI=~/nnwiki), and run it in the folder you saved it in:\n");
        sb.append("//   ").append(howToRun).append('\n');
        sb.append(
                "// Charts are written as SVG files into nnwiki-charts/; printed text appears in the terminal.\n\n");
        if (!spec.prelude().isBlank()) {
            sb.append("\n// ---- session prelude (").append(spec.preludeFile()).append(") ----\n");
            sb.append(spec.prelude().strip()).append('\n');
        }
        List<CodeBlock> blocks = page.runBlocks();
        boolean skippedSessions = false;
        for (CodeBlock block : blocks) {
            if (!block.info().session().isEmpty()) {
                skippedSessions = true;
                continue;
            }
            if (block.info().isInline()) {
                // A value the prose shows: printed on a line of its own.
                sb.append("System.out.println(\"")
                        .append(page.source())
                        .append(':')
                        .append(block.line())
                        .append(": \" + java.util.Objects.toString(")
                        .append(block.inlineExpression())
                        .append("));\n");
                continue;
            }
            sb.append("\n// ---- ")
                    .append(page.source())
                    .append(':')
                    .append(block.line())
                    .append(" ----\n");
            String code = block.code().strip();
            if (block.info().expectError()) {
                sb.append(
                        "// This block fails on purpose (the page shows its error); remove the slashes to see it.\n");
                code.lines().forEach(l -> sb.append("// ").append(l).append('\n'));
                continue;
            }
            BlockResult r = result == null ? null : result.byOrdinal().get(block.ordinal());
            String shown = r == null ? "" : r.shownExpression();
            if (!shown.isEmpty() && code.endsWith(shown)) {
                String head = code.substring(0, code.length() - shown.length());
                String expr = shown.endsWith(";") ? shown.substring(0, shown.length() - 1) : shown;
                code =
                        head
                                + (spec.valueHook().isEmpty()
                                        ? "System.out.println"
                                        : spec.valueHook())
                                + "("
                                + expr
                                + ");";
            }
            sb.append(forLineReader(code)).append('\n');
        }
        if (skippedSessions) {
            sb.append(
                    "\n// Blocks of this page that run in a separate session (session=...) are not included.\n");
        }
        sb.append("\n/exit\n");
        return sb.toString();
    }

    /**
     * The code, written so that the {@code jshell} tool reads it as the session ran it. The tool
     * ends a snippet at the first line break where the text so far is complete, so a continuation
     * line that starts with {@code .} (a fluent call such as {@code .xLabel("epoch")}) or with a
     * binary operator ({@code + b}, {@code && ok}, {@code ? x : y}) would become a snippet of its
     * own: the dot or operator moves to the end of the line before (ahead of a {@code //} comment).
     */
    static String forLineReader(String code) {
        List<String> lines = new java.util.ArrayList<>(List.of(code.split("\n", -1)));
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            String stripped = line.stripLeading();
            String lead = leadingContinuation(stripped);
            if (lead == null) {
                continue;
            }
            int prev = i - 1;
            while (prev >= 0 && lines.get(prev).isBlank()) {
                prev--;
            }
            if (prev < 0) {
                continue;
            }
            String before = lines.get(prev);
            int comment = commentStart(before);
            String head =
                    comment < 0
                            ? before.stripTrailing()
                            : before.substring(0, comment).stripTrailing();
            String tail = comment < 0 ? "" : " " + before.substring(comment);
            lines.set(prev, head + (lead.equals(".") ? "." : " " + lead) + tail);
            String rest = stripped.substring(lead.length());
            lines.set(
                    i,
                    line.substring(0, line.length() - stripped.length())
                            + (lead.equals(".") ? rest : rest.stripLeading()));
        }
        return String.join("\n", lines);
    }

    private static final java.util.regex.Pattern BINARY_OPERATOR =
            java.util.regex.Pattern.compile("^(&&|\\|\\||[+\\-*/%?:&|^])(?=\\s)");

    /**
     * The dot or binary operator a continuation line starts with, or null when it starts a
     * statement.
     */
    private static String leadingContinuation(String stripped) {
        if (stripped.startsWith(".") && !stripped.startsWith("..")) {
            return ".";
        }
        java.util.regex.Matcher m = BINARY_OPERATOR.matcher(stripped);
        return m.find() ? m.group(1) : null;
    }

    /**
     * Where a {@code //} comment starts on a line of Java, outside string and character literals;
     * -1 if none.
     */
    public static int commentStart(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                return i;
            }
        }
        return -1;
    }
}
