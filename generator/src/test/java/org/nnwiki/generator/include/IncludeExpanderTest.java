package org.nnwiki.generator.include;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnwiki.generator.Problems;
import org.nnwiki.generator.page.FrontMatter;
import org.nnwiki.generator.page.Page;

class IncludeExpanderTest {
    @TempDir Path root;

    private Page page(String markdown) {
        return new Page(
                "content/p.md",
                root.resolve("content/p.md"),
                "p.html",
                new FrontMatter("P", "", 0, "s", false, true, 0),
                markdown,
                6);
    }

    @Test
    void expandsRegionDedentedAndDropsNestedMarkers() throws Exception {
        Files.writeString(
                root.resolve("A.java"),
                "class A {\n    // region r\n    int f() {\n        // region inner\n        return 1;\n        // endregion\n    }\n    // endregion\n}\n");
        Problems problems = new Problems();
        ExpandedPage e =
                new IncludeExpander(root, problems)
                        .expand(page("text\n```java include=A.java#r\n```\nafter"));
        assertTrue(problems.isEmpty(), problems.sorted().toString());
        assertEquals(
                "text\n```java include=A.java#r\nint f() {\n    return 1;\n}\n```\nafter",
                e.markdown());
        // Included lines map to the fence's line; later lines keep their own page-file line.
        assertEquals(7, e.fileLine(2));
        assertEquals(7, e.fileLine(4));
        assertEquals(8, e.fileLine(6));
        assertEquals(9, e.fileLine(7));
    }

    /** Found by PageFuzzTest: a NUL in the path crashed the build instead of naming the line. */
    @Test
    void aPathTheFileSystemCannotNameIsAProblemAtItsLine() {
        Problems problems = new Problems();
        new IncludeExpander(root, problems)
                .expand(page("text\n```java include=src/\u0000Sample.java\n```"));
        assertEquals(1, problems.sorted().size(), problems.sorted().toString());
        assertEquals("content/p.md:7", problems.sorted().get(0).location());
        assertTrue(
                problems.sorted().get(0).message().contains("is not a file path"),
                problems.sorted().toString());
    }

    @Test
    void wholeFileWithoutRegion() throws Exception {
        Files.writeString(root.resolve("B.txt"), "one\ntwo\n");
        ExpandedPage e =
                new IncludeExpander(root, new Problems())
                        .expand(page("```text include=B.txt\n```"));
        assertEquals("```text include=B.txt\none\ntwo\n```", e.markdown());
    }

    @Test
    void reportsTextInsideAnIncludeFence() throws Exception {
        Files.writeString(root.resolve("B.txt"), "one\n");
        Problems problems = new Problems();
        new IncludeExpander(root, problems).expand(page("```text include=B.txt\nstray\n```"));
        assertEquals("content/p.md:7", problems.sorted().get(0).location());
    }

    private Problems expand(String markdown) {
        Problems problems = new Problems();
        new IncludeExpander(
                        root,
                        problems,
                        java.util.List.of(root.resolve("site"), root.resolve(".nnwiki-cache")))
                .expand(page(markdown));
        return problems;
    }

    private static String only(Problems problems) {
        assertEquals(1, problems.count(), problems.sorted().toString());
        return problems.sorted().get(0).toString();
    }

    @Test
    void symlinkToAFileOutsideIsRefused() throws Exception {
        Path outside = Files.createTempFile("secret", ".txt");
        Files.writeString(outside, "root:x:0:0:root:/root:/bin/bash\n");
        Files.createDirectories(root.resolve("examples"));
        Files.createSymbolicLink(root.resolve("examples/leak.txt"), outside);
        String p = only(expand("```text include=examples/leak.txt\n```"));
        assertTrue(
                p.startsWith(
                        "content/p.md:6: include path 'examples/leak.txt' leads out of the repository through a symbolic link"),
                p);
        Files.delete(outside);
    }

    @Test
    void symlinkToAFolderOutsideAndDotDotThroughASymlinkAreRefused() throws Exception {
        Path outsideDir = Files.createTempDirectory("outside");
        Files.writeString(outsideDir.resolve("key"), "secret\n");
        Files.createDirectories(outsideDir.resolve("deep/er"));
        Files.writeString(root.resolve("key"), "the repository's own file\n");
        Files.createSymbolicLink(root.resolve("linked"), outsideDir);
        Files.createSymbolicLink(root.resolve("deeplink"), outsideDir.resolve("deep/er"));
        assertTrue(
                only(expand("```text include=linked/key\n```"))
                        .contains("leads out of the repository"));
        // To the OS deeplink/.. is outsideDir/deep, not the repository root: "deeplink/../key" is
        // outsideDir/deep/key,
        // although read lexically it would be the repository's own key.
        Files.writeString(outsideDir.resolve("deep/key"), "secret too\n");
        assertTrue(
                only(expand("```text include=deeplink/../key\n```"))
                        .contains("leads out of the repository through a symbolic link"));
        // A link that stays inside is fine.
        Files.createSymbolicLink(root.resolve("alias"), root.resolve("key"));
        assertTrue(expand("```text include=alias\n```").isEmpty());
    }

    @Test
    void buildOutputsAndGitAreSealed() throws Exception {
        for (String dir :
                new String[] {".git", "examples/target/classes", "site", ".nnwiki-cache/results"}) {
            Files.createDirectories(root.resolve(dir));
            Files.writeString(root.resolve(dir).resolve("f.txt"), "x\n");
            String p = only(expand("```text include=" + dir + "/f.txt\n```"));
            assertTrue(p.contains("include path '" + dir + "/f.txt' leads into"), p);
        }
        // and through a link from a source folder into one of them
        Files.createSymbolicLink(root.resolve("sneaky.txt"), root.resolve(".git/f.txt"));
        assertTrue(only(expand("```text include=sneaky.txt\n```")).contains("leads into .git/"));
    }

    @Test
    void unclosedFenceIsReportedWhereItOpens() {
        String p =
                only(
                        expand(
                                "text\n\n```java run\nint x = 1;\nmore prose that the reader thinks is prose\n"));
        assertTrue(p.startsWith("content/p.md:8: this ``` fence is never closed"), p);
        assertTrue(
                only(expand("~~~~text\na\n~~~\n"))
                        .startsWith("content/p.md:6: this ~~~~ fence is never closed"));
    }

    @Test
    void regionsThatAreNeverClosedOrDefinedTwice() throws Exception {
        Files.writeString(
                root.resolve("R.java"), "// region a\nint x;\n// region b\nint y;\n// endregion\n");
        String p = only(expand("```java include=R.java#a\n```"));
        assertTrue(p.contains("region 'a' opened at line 1 of R.java is never closed"), p);
        assertTrue(
                expand("```java include=R.java#b\n```").isEmpty(),
                "a closed region inside an open one is fine");
        Files.writeString(
                root.resolve("D.java"),
                "// region a\nint x;\n// endregion\n// region a\nint y;\n// endregion\n");
        assertTrue(
                only(expand("```java include=D.java#a\n```"))
                        .contains("region 'a' is defined 2 times in D.java (lines 1, 4)"));
        assertTrue(
                only(expand("```java include=D.java#c\n```"))
                        .contains("region 'c' not found in D.java (regions there: a, a)"));
    }
}
