package org.nnwiki.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build bakes and post-processes only the pages whose template model changed and takes the others
 * from the last build's site; the result is the site a full build writes, byte for byte, and links
 * into a reused page are still checked against the pages of this build.
 */
class IncrementalBakeTest {
    private static final String TIMINGS =
            org.nnwiki.generator.page.GeneratedPages.TIMINGS; // run times differ between builds

    @TempDir Path tmp;

    @Test
    void aProseEditBakesOnePageAndWritesTheSiteAFullBuildWrites() throws Exception {
        Path root = Fixtures.copy("good", tmp.resolve("a"));
        SiteBuild.Report first = Fixtures.build(root, SiteBuild.Options.DEFAULT);
        assertEquals(first.pages(), first.pagesBaked(), "the first build bakes every page");

        Path session = root.resolve("content/basics/session.md");
        Files.writeString(
                session,
                Files.readString(session)
                        .replace("## Named sessions", "## Named sessions\n\nNew prose."));
        SiteBuild.Report prose = Fixtures.build(root, SiteBuild.Options.DEFAULT);
        assertEquals(1, prose.pagesBaked(), "a prose edit bakes its page only");
        Map<String, String> incremental = files(root.resolve("site"));
        assertTrue(incremental.get("basics/session.html").contains("New prose."));

        SiteBuild.Report full = Fixtures.build(root, new SiteBuild.Options(false, false, true));
        assertEquals(full.pages(), full.pagesBaked(), "--force bakes every page");
        assertEquals(
                files(root.resolve("site")),
                incremental,
                "the reused pages are what a full build writes");
    }

    /**
     * The preview server also keeps each page's parse and rendering: they are reused only while
     * equal.
     */
    @Test
    void buildsThatRememberParsesAndRenderingsWriteTheSameSite() throws Exception {
        Path root = Fixtures.copy("good", tmp.resolve("m"));
        StageMemory memory = new StageMemory();
        SiteConfig config = SiteConfig.load(root);
        new SiteBuild(config, SiteBuild.Options.DEFAULT).remembering(memory).build();
        Path session = root.resolve("content/basics/session.md");
        Files.writeString(
                session,
                Files.readString(session)
                        .replace("## Named sessions", "## Named sessions\n\nRemembered prose."));
        Path includes = root.resolve("content/basics/includes.md");
        Files.writeString(
                includes,
                Files.readString(includes).replaceFirst("title: .*", "title: Includes, renamed"));
        SiteBuild.Report again =
                new SiteBuild(config, SiteBuild.Options.DEFAULT).remembering(memory).build();
        assertEquals(again.pages(), again.pagesBaked(), "the new title is in every sidebar");
        Map<String, String> remembered = files(root.resolve("site"));
        assertTrue(remembered.get("basics/session.html").contains("Remembered prose."));
        assertTrue(remembered.get("index.html").contains("Includes, renamed"));

        Fixtures.build(root, new SiteBuild.Options(false, false, true));
        assertEquals(files(root.resolve("site")), remembered, "what a build without memory writes");
    }

    @Test
    void aChangeThatEveryPageShowsBakesEveryPage() throws Exception {
        Path root = Fixtures.copy("good", tmp.resolve("b"));
        int pages = Fixtures.build(root, SiteBuild.Options.DEFAULT).pages();

        // A title is in every page's sidebar.
        Path includes = root.resolve("content/basics/includes.md");
        Files.writeString(
                includes,
                Files.readString(includes).replaceFirst("title: .*", "title: Includes, renamed"));
        assertEquals(
                pages,
                Fixtures.build(root, SiteBuild.Options.DEFAULT).pagesBaked(),
                "a new title is in every sidebar");
        assertTrue(Files.readString(root.resolve("site/index.html")).contains("Includes, renamed"));

        Path template = root.resolve("templates/page.ftlh");
        Files.writeString(
                template, Files.readString(template).replace("</body>", "<!-- changed --></body>"));
        assertEquals(
                pages,
                Fixtures.build(root, SiteBuild.Options.DEFAULT).pagesBaked(),
                "a template change bakes every page");
        assertTrue(
                Files.readString(root.resolve("site/basics/session.html"))
                        .contains("<!-- changed -->"));
    }

    @Test
    void aPageChangedInSiteIsBakedAgain() throws Exception {
        Path root = Fixtures.copy("good", tmp.resolve("c"));
        Fixtures.build(root, SiteBuild.Options.DEFAULT);
        Path page = root.resolve("site/basics/session.html");
        String original = Files.readString(page);
        Files.writeString(page, original.replace("</body>", "hand edit</body>"));
        SiteBuild.Report again = Fixtures.build(root, SiteBuild.Options.DEFAULT);
        assertEquals(
                1, again.pagesBaked(), "only the page whose file no longer holds what was written");
        assertEquals(original, Files.readString(page));

        Files.delete(page);
        assertEquals(1, Fixtures.build(root, SiteBuild.Options.DEFAULT).pagesBaked());
        assertEquals(original, Files.readString(page));

        // A hand edit outside the pages rebuilds the site with no page to bake: the assets are
        // copied
        // as JBake copies them, and the site is again the one a full build writes.
        Path css = root.resolve("site/site.css");
        assertTrue(Files.isRegularFile(css), "the fixture's template asset");
        Files.writeString(css, "/* hand edit */");
        SiteBuild.Report none = Fixtures.build(root, SiteBuild.Options.DEFAULT);
        assertEquals(0, none.pagesBaked());
        Map<String, String> rebuilt = files(root.resolve("site"));
        Fixtures.build(root, new SiteBuild.Options(false, false, true));
        assertEquals(
                files(root.resolve("site")), rebuilt, "what a build that bakes every page writes");
    }

    /**
     * A page's file is not digested again while its size, time and inode are those recorded, unless
     * it was modified so soon before the record that a same-size edit in the same clock tick could
     * hide.
     */
    @Test
    void aSameSizeEditWithinTheClockTickIsStillSeen() throws Exception {
        Path root = Fixtures.copy("good", tmp.resolve("r"));
        Fixtures.build(root, SiteBuild.Options.DEFAULT);
        Path page = root.resolve("site/basics/session.html");
        String original = Files.readString(page);
        java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(page);
        String edited = original.replace("</body>", "</BODY>");
        assertEquals(original.length(), edited.length());
        Files.writeString(page, edited);
        Files.setLastModifiedTime(page, time);
        // A prose edit elsewhere, so that the build goes past its up-to-date check, which sees only
        // names, sizes and times.
        Path index = root.resolve("content/index.md");
        Files.writeString(
                index,
                Files.readString(index).replace("The fixture exercises", "The fixture shows"));
        assertEquals(
                2,
                Fixtures.build(root, SiteBuild.Options.DEFAULT).pagesBaked(),
                "the home page, and the page with other bytes");
        assertEquals(original, Files.readString(page));
    }

    /**
     * Unchanged files (scripts, vendored libraries) are linked from the last site; a changed one is
     * written.
     */
    @Test
    void unchangedFilesAreLinkedAndAHandEditedOneIsWrittenAgain() throws Exception {
        Path root = Fixtures.copy("good", tmp.resolve("v"));
        Fixtures.build(root, SiteBuild.Options.DEFAULT);
        Path lunr = root.resolve("site/vendor/lunr/lunr.min.js");
        Path script = root.resolve("site/basics/session.jsh");
        assertTrue(Files.isRegularFile(script), "the fixture page has a script");
        String lunrText = Files.readString(lunr);
        Object scriptKey =
                Files.readAttributes(script, java.nio.file.attribute.BasicFileAttributes.class)
                        .fileKey();
        Files.writeString(lunr, "/* hand edit */");
        Path index = root.resolve("content/index.md");
        Files.writeString(
                index,
                Files.readString(index).replace("The fixture exercises", "The fixture shows"));
        assertEquals(1, Fixtures.build(root, SiteBuild.Options.DEFAULT).pagesBaked());
        assertEquals(lunrText, Files.readString(lunr), "the hand-edited library is written again");
        if (scriptKey != null) {
            assertEquals(
                    scriptKey,
                    Files.readAttributes(script, java.nio.file.attribute.BasicFileAttributes.class)
                            .fileKey(),
                    "the unchanged script is the same file, linked");
        }
    }

    @Test
    void linksIntoAReusedPageAreCheckedAgainstThisBuild() throws Exception {
        Path root = Fixtures.copy("good", tmp.resolve("d"));
        Fixtures.build(root, SiteBuild.Options.DEFAULT);
        // index.md links to basics/session.md#shared-state; only session.md changes, and loses the
        // anchor.
        Path session = root.resolve("content/basics/session.md");
        String text = Files.readString(session);
        assertTrue(
                text.contains("## Shared state"),
                "the fixture has the heading the home page links to");
        Files.writeString(session, text.replace("## Shared state", "## State that is shared"));
        BuildFailedException e =
                assertThrows(
                        BuildFailedException.class,
                        () -> Fixtures.build(root, SiteBuild.Options.DEFAULT));
        assertTrue(
                e.getMessage()
                        .contains("content/index.md:6: link to a missing anchor '#shared-state'"),
                e.getMessage());
        assertTrue(
                Files.readString(root.resolve("site/basics/session.html")).contains("Shared state"),
                "the failed build left site/ alone");

        Files.writeString(session, text);
        assertTrue(
                Fixtures.build(root, SiteBuild.Options.DEFAULT).upToDate(),
                "the failed build changed nothing");
        Files.writeString(
                session, text.replace("## Shared state", "## Shared state\n\nNew prose."));
        assertEquals(
                1,
                Fixtures.build(root, SiteBuild.Options.DEFAULT).pagesBaked(),
                "the other pages are still reusable");
        assertFalse(Files.exists(root.resolve("site.old")));
    }

    private static Map<String, String> files(Path site) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                String name = site.relativize(f).toString().replace('\\', '/');
                if (!name.equals(TIMINGS)) {
                    out.put(
                            name,
                            new String(
                                    Files.readAllBytes(f),
                                    java.nio.charset.StandardCharsets.ISO_8859_1));
                }
            }
        }
        return out;
    }
}
