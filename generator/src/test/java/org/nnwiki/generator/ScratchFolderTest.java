package org.nnwiki.generator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Page code runs in a fresh scratch folder, not the repository root, and the folder is gone
 * afterwards.
 */
class ScratchFolderTest {
    @TempDir Path tmp;

    @Test
    void pageCodeStartsInAScratchFolderThatIsDeletedAfterwards() throws Exception {
        assumeFalse(
                System.getProperty("os.name").startsWith("Windows"),
                "the scratch folder needs a POSIX shell");
        Path root = Fixtures.copy("good", tmp);
        Fixtures.addPage(
                root,
                "content/basics/cwd.md",
                "Where am I",
                "A page that looks at its working folder.",
                """

                ```java run
                String here = new java.io.File(".").getCanonicalPath();
                java.nio.file.Files.writeString(java.nio.file.Path.of("careless.txt"), "written by a page");
                java.nio.file.Files.createDirectories(java.nio.file.Path.of("out/deeper"));
                System.out.println("cwd=" + here + "|");
                System.out.println("sees content/: " + java.nio.file.Files.exists(java.nio.file.Path.of("content")));
                ```
                """);
        Fixtures.build(root, SiteBuild.Options.DEFAULT);
        String html = Files.readString(root.resolve("site/basics/cwd.html"));
        Matcher m = Pattern.compile("cwd=(/[^|]+)\\|").matcher(html);
        assertTrue(m.find(), html);
        Path cwd = Path.of(m.group(1));
        assertFalse(cwd.startsWith(root.toRealPath()), "not the repository: " + cwd);
        assertTrue(cwd.getFileName().toString().startsWith("nnwiki-session"), cwd.toString());
        assertTrue(
                html.contains("sees content/: false"),
                "relative paths do not reach the repository");
        assertFalse(
                Files.exists(root.resolve("careless.txt")),
                "the page's file did not land in the repository");
        assertFalse(Files.exists(cwd), "the scratch folder is deleted with the session: " + cwd);
    }
}
