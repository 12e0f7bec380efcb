package org.nnwiki.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the broken fixture once: every kind of error must be reported together, each at its {@code
 * file:line}, and the previous {@code site/} must stay as it was.
 */
class BuildErrorsTest {
    @TempDir static Path tmp;

    static Path root;
    static List<Problem> problems;

    @BeforeAll
    static void buildBrokenFixture() throws Exception {
        root = Fixtures.copy("broken", tmp);
        Files.createDirectories(root.resolve("site"));
        Files.writeString(root.resolve("site/index.html"), "previous site");
        BuildFailedException e =
                assertThrows(
                        BuildFailedException.class,
                        () -> Fixtures.build(root, SiteBuild.Options.DEFAULT));
        problems = e.problems();
    }

    private static Problem at(String location) {
        List<Problem> found = problems.stream().filter(p -> p.location().equals(location)).toList();
        assertEquals(1, found.size(), "one problem at " + location + " among:\n" + all());
        return found.get(0);
    }

    private static String all() {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    private static void assertMessage(String location, String... fragments) {
        Problem p = at(location);
        for (String f : fragments) {
            assertTrue(
                    p.toString().contains(f),
                    location + " should mention '" + f + "' but says:\n" + p);
        }
    }

    @Test
    void previousSiteIsLeftUntouched() throws Exception {
        assertEquals("previous site", Files.readString(root.resolve("site/index.html")));
        try (var files = Files.list(root.resolve("site"))) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void reportsFailingBlockWithPageLineAndExcerpt() {
        assertMessage(
                "content/throws.md:10",
                "exception",
                "java.lang.ArithmeticException: / by zero",
                ">   10 | System.out.println(x / y);");
    }

    @Test
    void reportsCompileErrorAtItsLine() {
        assertMessage("content/compile.md:9", "compile error", "incompatible types");
    }

    @Test
    void reportsEndlessLoopAsTimeout() {
        assertMessage("content/loop.md:7", "timed out after 2 s");
    }

    @Test
    void reportsSystemExitAsSessionEnd() {
        assertMessage("content/exit.md:7", "session's JVM ended");
        assertMessage("content/exit.md:11", "not run");
    }

    @Test
    void reportsHeapExhaustion() {
        assertMessage("content/oom.md:9", "OutOfMemoryError", "session heap is 96m");
    }

    @Test
    void reportsUnknownFenceOption() {
        assertMessage(
                "content/options.md:7", "unknown fence option 'hidden'", "known: run, hide, quiet");
    }

    @Test
    void reportsBrokenIncludes() {
        assertMessage("content/includes.md:7", "include file 'src/Missing.java' does not exist");
        assertMessage(
                "content/includes.md:10",
                "region 'nope' not found",
                "regions there: greet, outer, inner");
        assertMessage("content/includes.md:13", "leaves the repository");
    }

    @Test
    void reportsFrontMatterProblems() {
        assertMessage("content/malformed.md:2", "malformed front matter");
        assertMessage("content/incomplete.md:4", "incomplete front matter", "'summary:'");
        assertMessage("content/order.md:4", "'order' must be a number", "'ten'");
        assertMessage("content/nofront.md:1", "missing front matter");
    }

    @Test
    void reportsUnknownSectionAtItsLine() {
        assertMessage(
                "content/section.md:4",
                "unknown section 'Nowhere'",
                "sections in nnwiki.yml: Errors");
    }

    @Test
    void reportsTwoPagesWithOneOutputPath() {
        assertMessage("content/dup.md:1", "content/Dup.md", "site/dup.html");
    }

    @Test
    void reportsMissingPagesAndAnchors() {
        assertTrue(
                all().contains("content/index.md:5: link to a missing page or file 'nowhere.md'"),
                all());
        assertTrue(all().contains("content/index.md:5: link to a missing anchor '#nope'"), all());
        assertTrue(
                all().contains(
                                "content/index.md:6: link to a missing anchor '#missing' in throws.html"),
                all());
    }

    @Test
    void reportsExpectedMismatchWithDiff() {
        assertMessage(
                "content/expected.md:10",
                "differs from the expected block",
                "- expected: answer 42",
                "+ actual:   answer 43",
                "--fix");
    }

    @Test
    void reportsExpectErrorBlockThatSucceeds() {
        assertMessage("content/succeeds.md:7", "marked expect=error but ran without an error");
    }
}
