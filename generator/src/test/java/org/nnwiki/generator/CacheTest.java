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
    @TempDir Path tmp;

    @Test
    void rebuildsRunOnlyWhatChanged() throws Exception {
        Path root = Fixtures.copy("good", tmp);
        SiteBuild.Report first = Fixtures.build(root, SiteBuild.Options.DEFAULT);
        assertEquals(3, first.pagesRun(), "three fixture pages have run blocks");

        SiteBuild.Report unchanged = Fixtures.build(root, SiteBuild.Options.DEFAULT);
        assertTrue(unchanged.upToDate(), "nothing changed: nothing is done");

        Path session = root.resolve("content/basics/session.md");
        Files.writeString(
                session,
                Files.readString(session)
                        .replace("## Named sessions", "## Named sessions\n\nNew prose."));
        SiteBuild.Report prose = Fixtures.build(root, SiteBuild.Options.DEFAULT);
        assertEquals(0, prose.pagesRun(), "a prose edit runs no example");
        assertEquals(3, prose.pagesCached());
        assertTrue(
                Files.readString(root.resolve("site/basics/session.html")).contains("New prose."));

        Files.writeString(
                session,
                Files.readString(session).replace("int counter = 40;", "int counter = 50;"));
        SiteBuild.Report code = Fixtures.build(root, SiteBuild.Options.DEFAULT);
        assertEquals(1, code.pagesRun(), "a code edit re-runs that page only");
        assertTrue(
                Files.readString(root.resolve("site/basics/session.html"))
                        .contains("counter starts at 50"));

        // The session prelude stands for the examples module here: it is part of every page's key.
        Path prelude = root.resolve("prelude.jsh");
        Files.writeString(prelude, Files.readString(prelude) + "\nint addedLater = 1;\n");
        SiteBuild.Report environment = Fixtures.build(root, SiteBuild.Options.DEFAULT);
        assertEquals(
                3, environment.pagesRun(), "a change to what sessions load re-runs every page");
    }

    /**
     * A page's cached results are keyed on the classes and resources its session looked up: editing
     * one re-runs exactly the pages that used it, whether they reached it directly, through
     * reflection or as a resource; adding a class no page asked for re-runs nothing; a class that
     * appears where a page looked and found nothing re-runs that page; a constant the compiler
     * copied into a snippet counts although its class never loads.
     */
    @Test
    void cacheKnowsWhatEachPageUsed() throws Exception {
        Path root = Fixtures.copy("good", tmp);
        Path lib = Files.createDirectories(root.resolve("lib"));
        compile(lib, "Direct", "public static String value() { return \"direct v1\"; }");
        compile(lib, "ByReflection", "public String toString() { return \"reflected v1\"; }");
        compile(lib, "Unused", "public static int value() { return 1; }");
        compile(lib, "Constants", "public static final int N = 3;");
        Files.writeString(lib.resolve("used/data.txt"), "resource v1");
        Files.writeString(
                root.resolve("nnwiki.yml"),
                Files.readString(root.resolve("nnwiki.yml"))
                        .replace("session:", "session:\n  classpath: [lib]"));
        page(root, "direct", "used.Direct.value()");
        page(
                root,
                "reflection",
                "Class.forName(\"used.By\" + \"Reflection\").getConstructor().newInstance().toString()");
        page(
                root,
                "resource",
                "new String(ClassLoader.getSystemResourceAsStream(\"used/data.txt\").readAllBytes())");
        page(
                root,
                "absent",
                "String found; try { Class.forName(\"used.Later\"); found = \"later found\"; } catch (ClassNotFoundException e) { found = \"later absent\"; }\nfound");
        // The compiler copies a constant into the snippet: its class is read by the compiler only.
        page(root, "constant", "\"constant \" + (used.Constants.N * 2)");
        // A second page reads the same class through the file manager the build's sessions share:
        // its own compile record must still name it.
        page(root, "constant-again", "\"again \" + (used.Constants.N + 1)");
        assertEquals(9, Fixtures.build(root, SiteBuild.Options.DEFAULT).pagesRun());
        assertShows(root, "absent", "later absent");

        compile(lib, "Direct", "public static String value() { return \"direct v2\"; }");
        assertRerun(root, "direct", "direct v2");
        compile(lib, "ByReflection", "public String toString() { return \"reflected v2\"; }");
        assertRerun(root, "reflection", "reflected v2");
        Files.writeString(lib.resolve("used/data.txt"), "resource v2");
        assertRerun(root, "resource", "resource v2");
        compile(lib, "Constants", "public static final int N = 4;");
        SiteBuild.Report constants = Fixtures.build(root, SiteBuild.Options.DEFAULT);
        assertEquals(
                2,
                constants.pagesRun(),
                "both pages that compiled the constant run again, and no other");
        assertShows(root, "constant", "constant 8");
        assertShows(root, "constant-again", "again 5");

        compile(lib, "Added", "public static int value() { return 2; }");
        compile(lib, "Unused", "public static int value() { return 3; }");
        SiteBuild.Report none = Fixtures.build(root, SiteBuild.Options.DEFAULT);
        assertEquals(
                0,
                none.pagesRun(),
                "a new class and a changed class that no page loaded re-run nothing");

        compile(lib, "Later", "");
        assertRerun(root, "absent", "later found");
    }

    private static void page(Path root, String name, String code) {
        Fixtures.addPage(
                root,
                "content/basics/" + name + ".md",
                "Uses " + name,
                "A page that uses the class path " + name + ".",
                "\n```java run\n" + code + "\n```\n");
    }

    private static void assertRerun(Path root, String page, String shows) throws Exception {
        SiteBuild.Report r = Fixtures.build(root, SiteBuild.Options.DEFAULT);
        assertEquals(1, r.pagesRun(), "only the page that used what changed runs again");
        assertFalse(
                r.results().get("content/basics/" + page + ".md").cached(), page + " ran again");
        assertShows(root, page, shows);
    }

    private static void assertShows(Path root, String page, String text) throws Exception {
        String html = Files.readString(root.resolve("site/basics/" + page + ".html"));
        assertTrue(html.contains(text), page + " shows " + text);
    }

    private static void compile(Path lib, String name, String body) {
        Fixtures.compile(lib, "used", "public", name, body);
    }

    @Test
    void fixRewritesExpectedBlocks() throws Exception {
        Path root = Fixtures.copy("good", tmp);
        Path session = root.resolve("content/basics/session.md");
        Files.writeString(
                session,
                Files.readString(session)
                        .replace("loss 0.1235 after 10 steps", "loss 9.9 after 10 steps"));
        SiteBuild.Report fixed = Fixtures.build(root, new SiteBuild.Options(true, false, false));
        assertEquals(1, fixed.fixed());
        assertTrue(
                Files.readString(session)
                        .contains("```expected tol=1e-3\nloss 0.1234568 after 10 steps\n```"),
                Files.readString(session));
        // Report, cache and pages agree with the rewritten files at once, not only after the next
        // build.
        String xml = Files.readString(root.resolve("target/nnwiki/examples-junit.xml"));
        assertFalse(xml.contains("<failure"), "after --fix no example is reported failed: " + xml);
        assertFalse(
                Files.readString(root.resolve("site/data/timings.js"))
                        .contains("\"passed\": false"));
        long expectedBlocks =
                Files.readString(session).lines().filter(l -> l.startsWith("```expected")).count();
        String html = Files.readString(root.resolve("site/basics/session.html"));
        assertEquals(
                expectedBlocks,
                html.split("out-checked", -1).length - 1,
                "every expected block is shown as checked");
        SiteBuild.Report after = Fixtures.build(root, SiteBuild.Options.DEFAULT);
        assertTrue(
                after.upToDate(),
                "the fix build left nothing to do: fixing expected text runs nothing again");
    }
}
