package org.nnwiki.sitecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

/**
 * Every page's downloadable {@code .jsh} script is read by the {@code jshell} tool snippet for
 * snippet as the page's session ran it. The tool ends a snippet at the first line break where the
 * text so far is complete, so a continuation line such as {@code .xLabel("epoch")} would otherwise
 * start a snippet of its own and fail ("illegal start of expression"). The session splits the whole
 * text at once; this test splits each script both ways with JShell's own analysis and compares.
 */
class ScriptSnippetsTest {

    @Test
    void theJshellToolReadsEveryScriptAsTheSessionRanIt() throws Exception {
        List<Path> scripts;
        try (Stream<Path> walk = Files.walk(BuiltSite.root())) {
            scripts = walk.filter(p -> p.toString().endsWith(".jsh")).sorted().toList();
        }
        assertFalse(scripts.isEmpty(), "the site has downloadable scripts");
        List<String> wrong = new ArrayList<>();
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
            for (Path script : scripts) {
                String text = Files.readString(script);
                String code = text.substring(0, text.lastIndexOf("/exit"));
                List<String> session = wholeText(analysis, code);
                List<String> tool = lineByLine(analysis, code);
                if (!session.equals(tool)) {
                    for (int i = 0; i < Math.min(session.size(), tool.size()); i++) {
                        if (!session.get(i).equals(tool.get(i))) {
                            wrong.add(
                                    BuiltSite.relative(script)
                                            + ": the session ran\n    "
                                            + session.get(i).replace("\n", "\n    ")
                                            + "\n  but the jshell tool reads\n    "
                                            + tool.get(i).replace("\n", "\n    "));
                            break;
                        }
                    }
                    if (wrong.isEmpty()
                            || !wrong.get(wrong.size() - 1)
                                    .startsWith(BuiltSite.relative(script))) {
                        wrong.add(
                                BuiltSite.relative(script)
                                        + ": "
                                        + session.size()
                                        + " snippets in the session, "
                                        + tool.size()
                                        + " in the tool");
                    }
                }
            }
        }
        assertEquals(List.of(), wrong, String.join("\n", wrong));
    }

    /** The snippets of {@code code} split as the session splits a block: the whole text at once. */
    static List<String> wholeText(SourceCodeAnalysis analysis, String code) {
        List<String> out = new ArrayList<>();
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            if (!info.completeness().isComplete()) {
                out.add(normal(remaining));
                break;
            }
            out.add(normal(info.source()));
            remaining = info.remaining();
        }
        return out;
    }

    /**
     * The snippets of {@code code} as the jshell tool reads a file: a line at a time, ending a
     * snippet as soon as it is complete.
     */
    static List<String> lineByLine(SourceCodeAnalysis analysis, String code) {
        List<String> out = new ArrayList<>();
        StringBuilder buffer = new StringBuilder();
        for (String line : code.split("\n", -1)) {
            buffer.append(line).append('\n');
            String pending = buffer.toString();
            while (!pending.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(pending);
                if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                    pending = "";
                    break;
                }
                if (!info.completeness().isComplete()) {
                    break;
                }
                out.add(normal(info.source()));
                pending = info.remaining();
            }
            buffer.setLength(0);
            buffer.append(pending);
        }
        if (!buffer.toString().isBlank()) {
            out.add(normal(buffer.toString()));
        }
        return out;
    }

    /**
     * A snippet without its comments and blank lines (the tool skips comments between snippets; the
     * session keeps them in front of the next one).
     */
    static String normal(String snippet) {
        String noBlockComments = snippet.replaceAll("(?s)/\\*.*?\\*/", "");
        return String.join(
                        "\n",
                        noBlockComments
                                .lines()
                                .map(ScriptSnippetsTest::withoutLineComment)
                                .filter(l -> !l.isBlank())
                                .map(String::stripTrailing)
                                .toList())
                .strip();
    }

    /** A line of Java without its {@code //} comment (outside string and character literals). */
    static String withoutLineComment(String line) {
        int comment = org.nnwiki.generator.execute.ScriptWriter.commentStart(line);
        return comment < 0 ? line : line.substring(0, comment);
    }
}
