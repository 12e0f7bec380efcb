package org.nnwiki.generator.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnwiki.generator.Problems;
import org.nnwiki.generator.include.IncludeExpander;
import org.nnwiki.generator.page.ContentScanner;

/**
 * Code lines over 90 characters and cells over 30 lines are warned about at their lines; hidden
 * code is not shown, so not counted.
 */
class CodeFitTest {
    @TempDir Path root;

    @Test
    void longLinesAndLongCellsAreWarnedAboutAtTheirLines() throws Exception {
        String longLine = "int x = " + "1 + ".repeat(21) + "1;"; // 94 characters
        String fits = "int y = " + "1 + ".repeat(20) + "1;"; // 90 characters
        StringBuilder tall = new StringBuilder();
        for (int i = 0; i < 31; i++) {
            tall.append("int v").append(i).append(" = ").append(i).append(";\n");
        }
        Files.createDirectories(root.resolve("content"));
        Files.writeString(
                root.resolve("content/p.md"),
                "---\ntitle: T\nsummary: S.\n---\n"
                        + "```java\n"
                        + fits
                        + "\n"
                        + longLine
                        + "\n```\n\n" // lines 5-8: the long line is line 7
                        + "```java run hide\n"
                        + longLine
                        + "\n"
                        + tall
                        + "```\n\n" // hidden: not shown, not counted
                        + "```java run\n"
                        + tall
                        + "```\n" // a cell of 31 lines
                        + "Inline: `{java} "
                        + longLine.replace(";", "")
                        + "`.\n");
        Problems problems = new Problems();
        var page = new ContentScanner(root, problems).scan(root.resolve("content"), true).get(0);
        ParsedPage parsed =
                new MarkdownParser(problems)
                        .parse(new IncludeExpander(root, problems).expand(page));
        List<String> warnings =
                CodeFit.check(parsed).stream()
                        .map(
                                w ->
                                        w.location()
                                                + ": "
                                                + w.message()
                                                        .substring(0, w.message().indexOf(" (")))
                        .toList();
        int tallCell = 45; // front matter 1-4, first fence 5-8, blank, hidden fence 10-43, blank
        assertEquals(
                List.of(
                        "content/p.md:7: code line of 94 characters",
                        "content/p.md:" + tallCell + ": a cell of 31 lines"),
                warnings);
    }
}
