package org.nnwiki.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnwiki.generator.page.ContentScanner;
import org.nnwiki.generator.page.Page;

class NewPageWriterTest {
    @TempDir Path tmp;

    @Test
    void theNewPageHasValidFrontMatterAndComesLastInItsSection() throws Exception {
        Path root = Fixtures.copy("good", tmp);
        SiteConfig config = SiteConfig.load(root);
        Path created =
                NewPageWriter.create(
                        config,
                        Path.of("content/basics/new-idea.md"),
                        "A \"new\" idea: colons",
                        "Basics",
                        "");
        Problems problems = new Problems();
        List<Page> pages = new ContentScanner(root, problems).scan(config.content(), true);
        assertTrue(problems.isEmpty(), problems.sorted().toString());
        Page page = pages.stream().filter(p -> p.file().equals(created)).findFirst().orElseThrow();
        assertEquals("A \"new\" idea: colons", page.front().title());
        assertEquals("Basics", page.front().section());
        assertTrue(page.front().draft(), "new pages start as drafts");
        double lastBefore =
                pages.stream()
                        .filter(p -> p != page && p.front().section().equals("Basics"))
                        .mapToDouble(p -> p.front().order())
                        .max()
                        .orElseThrow();
        assertTrue(page.front().order() > lastBefore);
        assertTrue(
                Files.readString(created).contains("```java run"),
                "it starts with an example to edit");
    }

    @Test
    void badRequestsAreRefusedWithTheReason() throws Exception {
        Path root = Fixtures.copy("good", tmp);
        SiteConfig config = SiteConfig.load(root);
        BuildFailedException unknown =
                assertThrows(
                        BuildFailedException.class,
                        () ->
                                NewPageWriter.create(
                                        config, Path.of("content/x.md"), "X", "Nope", ""));
        assertTrue(
                unknown.problems()
                        .get(0)
                        .toString()
                        .contains("unknown section 'Nope' (sections in nnwiki.yml: Basics)"));
        BuildFailedException exists =
                assertThrows(
                        BuildFailedException.class,
                        () ->
                                NewPageWriter.create(
                                        config, Path.of("content/index.md"), "X", "", ""));
        assertTrue(exists.problems().get(0).toString().contains("exists already"));
        assertThrows(
                BuildFailedException.class,
                () -> NewPageWriter.create(config, Path.of("notes/x.md"), "X", "", ""));
    }
}
