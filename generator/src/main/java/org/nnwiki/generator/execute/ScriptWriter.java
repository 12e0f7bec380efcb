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
    public static String script(ParsedPage page, PageResult result, SessionSpec spec, String title, String howToRun) {
        StringBuilder sb = new StringBuilder();
        sb.append("// ").append(title).append(" — the code of ").append(page.source()).append(", as the wiki ran it.\n");
        sb.append("// Run it from the repository root after building the examples module (./mvnw -q package -DskipTests):\n");
        sb.append("//   ").append(howToRun).append('\n');
        sb.append("// Charts are written as SVG files into nnwiki-charts/; printed text appears in the terminal.\n\n");
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
            sb.append("\n// ---- ").append(page.source()).append(':').append(block.line()).append(" ----\n");
            String code = block.code().strip();
            if (block.info().expectError()) {
                sb.append("// This block fails on purpose (the page shows its error); remove the slashes to see it.\n");
                code.lines().forEach(l -> sb.append("// ").append(l).append('\n'));
                continue;
            }
            BlockResult r = result == null ? null : result.byOrdinal().get(block.ordinal());
            String shown = r == null ? "" : r.shownExpression();
            if (!shown.isEmpty() && code.endsWith(shown)) {
                String head = code.substring(0, code.length() - shown.length());
                String expr = shown.endsWith(";") ? shown.substring(0, shown.length() - 1) : shown;
                code = head + (spec.valueHook().isEmpty() ? "System.out.println" : spec.valueHook()) + "(" + expr + ");";
            }
            sb.append(code).append('\n');
        }
        if (skippedSessions) {
            sb.append("\n// Blocks of this page that run in a separate session (session=...) are not included.\n");
        }
        sb.append("\n/exit\n");
        return sb.toString();
    }
}
