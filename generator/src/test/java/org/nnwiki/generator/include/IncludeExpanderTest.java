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
    @TempDir
    Path root;

    private Page page(String markdown) {
        return new Page("content/p.md", root.resolve("content/p.md"), "p.html", new FrontMatter("P", "", 0, "s", false, true), markdown, 6);
    }

    @Test
    void expandsRegionDedentedAndDropsNestedMarkers() throws Exception {
        Files.writeString(root.resolve("A.java"), "class A {\n    // region r\n    int f() {\n        // region inner\n        return 1;\n        // endregion\n    }\n    // endregion\n}\n");
        Problems problems = new Problems();
        ExpandedPage e = new IncludeExpander(root, problems).expand(page("text\n```java include=A.java#r\n```\nafter"));
        assertTrue(problems.isEmpty(), problems.sorted().toString());
        assertEquals("text\n```java include=A.java#r\nint f() {\n    return 1;\n}\n```\nafter", e.markdown());
        // Included lines map to the fence's line; later lines keep their own page-file line.
        assertEquals(7, e.fileLine(2));
        assertEquals(7, e.fileLine(4));
        assertEquals(8, e.fileLine(6));
        assertEquals(9, e.fileLine(7));
    }

    @Test
    void wholeFileWithoutRegion() throws Exception {
        Files.writeString(root.resolve("B.txt"), "one\ntwo\n");
        ExpandedPage e = new IncludeExpander(root, new Problems()).expand(page("```text include=B.txt\n```"));
        assertEquals("```text include=B.txt\none\ntwo\n```", e.markdown());
    }

    @Test
    void reportsTextInsideAnIncludeFence() throws Exception {
        Files.writeString(root.resolve("B.txt"), "one\n");
        Problems problems = new Problems();
        new IncludeExpander(root, problems).expand(page("```text include=B.txt\nstray\n```"));
        assertEquals("content/p.md:7", problems.sorted().get(0).location());
    }
}
