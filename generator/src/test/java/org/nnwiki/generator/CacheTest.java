package org.nnwiki.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example cache: what re-runs after which edit. */
class CacheTest {
    @TempDir
    Path tmp;

    @Test
    void rebuildsRunOnlyWhatChanged() throws Exception {
        Path root = Fixtures.copy("good", tmp);
        SiteBuild.Report first = Fixtures.build(root, SiteBuild.Options.DEFAULT);
        assertEquals(3, first.pagesRun(), "three fixture pages have run blocks");

        SiteBuild.Report unchanged = Fixtures.build(root, SiteBuild.Options.DEFAULT);
        assertTrue(unchanged.upToDate(), "nothing changed: nothing is done");

        Path session = root.resolve("content/basics/session.md");
        Files.writeString(session, Files.readString(session).replace("## Named sessions", "## Named sessions\n\nNew prose."));
        SiteBuild.Report prose = Fixtures.build(root, SiteBuild.Options.DEFAULT);
        assertEquals(0, prose.pagesRun(), "a prose edit runs no example");
        assertEquals(3, prose.pagesCached());
        assertTrue(Files.readString(root.resolve("site/basics/session.html")).contains("New prose."));

        Files.writeString(session, Files.readString(session).replace("int counter = 40;", "int counter = 50;"));
        SiteBuild.Report code = Fixtures.build(root, SiteBuild.Options.DEFAULT);
        assertEquals(1, code.pagesRun(), "a code edit re-runs that page only");
        assertTrue(Files.readString(root.resolve("site/basics/session.html")).contains("counter starts at 50"));

        // The session prelude stands for the examples module here: it is part of every page's key.
        Path prelude = root.resolve("prelude.jsh");
        Files.writeString(prelude, Files.readString(prelude) + "\nint addedLater = 1;\n");
        SiteBuild.Report environment = Fixtures.build(root, SiteBuild.Options.DEFAULT);
        assertEquals(3, environment.pagesRun(), "a change to what sessions load re-runs every page");
    }

    @Test
    void classPathChangesRerunPages() throws Exception {
        Path root = Fixtures.copy("good", tmp);
        Path lib = Files.createDirectories(root.resolve("lib"));
        Files.writeString(lib.resolve("Marker.class"), "v1");
        Files.writeString(root.resolve("nnwiki.yml"), Files.readString(root.resolve("nnwiki.yml")).replace("session:", "session:\n  classpath: [lib]"));
        Fixtures.build(root, SiteBuild.Options.DEFAULT);
        Files.writeString(lib.resolve("Marker.class"), "v2");
        SiteBuild.Report again = Fixtures.build(root, SiteBuild.Options.DEFAULT);
        assertEquals(3, again.pagesRun(), "a changed class in the session class path re-runs the pages");
    }

    @Test
    void fixRewritesExpectedBlocks() throws Exception {
        Path root = Fixtures.copy("good", tmp);
        Path session = root.resolve("content/basics/session.md");
        Files.writeString(session, Files.readString(session).replace("loss 0.1235 after 10 steps", "loss 9.9 after 10 steps"));
        SiteBuild.Report fixed = Fixtures.build(root, new SiteBuild.Options(true, false, false));
        assertEquals(1, fixed.fixed());
        assertTrue(Files.readString(session).contains("```expected tol=1e-3\nloss 0.1234568 after 10 steps\n```"), Files.readString(session));
        // Report, cache and pages agree with the rewritten files at once, not only after the next build.
        String xml = Files.readString(root.resolve("target/nnwiki/examples-junit.xml"));
        assertFalse(xml.contains("<failure"), "after --fix no example is reported failed: " + xml);
        assertFalse(Files.readString(root.resolve("site/data/timings.js")).contains("\"passed\": false"));
        long expectedBlocks = Files.readString(session).lines().filter(l -> l.startsWith("```expected")).count();
        String html = Files.readString(root.resolve("site/basics/session.html"));
        assertEquals(expectedBlocks, html.split("out-checked", -1).length - 1, "every expected block is shown as checked");
        SiteBuild.Report after = Fixtures.build(root, SiteBuild.Options.DEFAULT);
        assertTrue(after.upToDate(), "the fix build left nothing to do: fixing expected text runs nothing again");
    }
}
