package org.nnwiki.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the fixture site that uses every fence option and compares each page with its stored HTML
 * snapshot. Regenerate the snapshots with {@code ./mvnw -q verify -Dnnwiki.updateSnapshots=true}.
 */
class FixtureSiteTest {
    static final Path SNAPSHOTS = Path.of("src/test/resources/snapshots/good");

    @TempDir static Path tmp;

    static Path root;
    static SiteBuild.Report report;

    @BeforeAll
    static void buildFixture() throws Exception {
        root = Fixtures.copy("good", tmp);
        report = Fixtures.build(root, SiteBuild.Options.DEFAULT);
    }

    @Test
    void pagesMatchTheirSnapshots() throws IOException {
        boolean update = Boolean.getBoolean("nnwiki.updateSnapshots");
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(root.resolve("site"))) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertEquals(6, pages.size(), "published pages (4 written, 404 and the report): " + pages);
        for (Path page : pages) {
            String rel = root.resolve("site").relativize(page).toString();
            String actual = Files.readString(page, StandardCharsets.UTF_8);
            Path snapshot = SNAPSHOTS.resolve(rel);
            if (update) {
                Files.createDirectories(snapshot.getParent());
                Files.writeString(snapshot, actual, StandardCharsets.UTF_8);
            } else {
                assertTrue(
                        Files.exists(snapshot),
                        "no snapshot for " + rel + ": run with -Dnnwiki.updateSnapshots=true");
                assertEquals(
                        Files.readString(snapshot, StandardCharsets.UTF_8),
                        actual,
                        rel
                                + " differs from its snapshot (if the change is intended, run with -Dnnwiki.updateSnapshots=true)");
            }
        }
    }

    @Test
    void draftsAreNotPublishedAndAssetsAreCopied() {
        assertFalse(Files.exists(root.resolve("site/basics/draft.html")));
        assertTrue(Files.exists(root.resolve("site/site.css")));
    }

    @Test
    void sharedSessionHiddenQuietAndValuesBehave() throws IOException {
        String html = Files.readString(root.resolve("site/basics/session.html"));
        assertTrue(html.contains("counter starts at 40"));
        assertTrue(html.contains("a hidden block still shows its output"));
        assertFalse(html.contains("counter += 2"), "hidden code must not be shown");
        assertTrue(
                html.contains("System.out.println(\"a quiet block's output is not shown\")"),
                "quiet code is shown");
        assertFalse(
                html.contains(">a quiet block's output is not shown"),
                "quiet output must not be shown");
        assertTrue(
                html.contains("<pre class=\"out-value\">value: 42</pre>"),
                "the hidden block changed the shared variable");
        assertTrue(
                html.contains("value: &lt;b&gt;escaped&lt;/b&gt; &amp; shown"),
                "values are escaped");
        assertTrue(html.contains("output truncated"), "long output is cut with a note");
        assertTrue(
                html.contains("<title>A tiny chart</title>")
                        && html.contains("aria-label=\"A tiny chart\""));
        assertTrue(html.contains("<td>alpha</td>"));
        assertTrue(html.contains("output checked"), "the expected block matched within tolerance");
    }

    @Test
    void namedSessionsAreSeparate() throws IOException {
        String html = Files.readString(root.resolve("site/basics/session.html"));
        assertTrue(html.contains("value: 2"));
        assertTrue(
                html.contains("Expected compile error") && html.contains("cannot find symbol"),
                html);
    }

    @Test
    void includesShowTheRegionAndRunIt() throws IOException {
        String html = Files.readString(root.resolve("site/basics/includes.html"));
        assertTrue(
                html.contains(
                        "String greet(String name) {\n    return \"Hello, \" + name + \"!\";\n}"),
                "indentation is kept");
        assertFalse(html.contains("region greet"), "region markers are not shown");
        assertTrue(html.contains("value: 42"));
    }

    @Test
    void linksBetweenPagesPointToOutputs() throws IOException {
        String html = Files.readString(root.resolve("site/index.html"));
        assertTrue(html.contains("href=\"basics/session.html#shared-state\""));
        assertTrue(html.contains("<span class=\"math math-inline\">a_i = b_i^2</span>"));
        assertTrue(html.contains("prices like $5 and $10 stay text"));
        assertFalse(html.contains("data-src-line"), "link lines are removed after the check");
    }

    @Test
    void generatedPagesAreBuiltButNotListed() throws IOException {
        String notFound = Files.readString(root.resolve("site/404.html"));
        assertTrue(
                notFound.contains("var root = \"/wiki/\""),
                "on a server the 404 page's links resolve from the site's root at any address");
        assertFalse(
                notFound.contains("https://example.org/edit/"),
                "generated pages have no source to edit");
        assertTrue(notFound.contains("<meta name=\"robots\" content=\"noindex\">"));
        String index = Files.readString(root.resolve("site/index.html"));
        assertFalse(
                index.contains(">Page not found<") || index.contains(">Execution report</a></li>"),
                "not in the sidebar");
        String sitemap = Files.readString(root.resolve("site/sitemap.xml"));
        assertTrue(
                sitemap.contains("<loc>https://example.org/wiki/</loc>")
                        && sitemap.contains(
                                "<loc>https://example.org/wiki/basics/session.html</loc>"),
                sitemap);
        assertFalse(sitemap.contains("404") || sitemap.contains("report.html"), sitemap);
    }

    @Test
    void searchIndexHoldsEverySectionOfListedPages() throws IOException {
        String index = Files.readString(root.resolve("site/search-index.js"));
        assertTrue(index.startsWith("window.NNWIKI_SEARCH = ["));
        assertTrue(
                index.contains(
                        "{\"u\":\"basics/session.html#shared-state\",\"t\":\"Sessions and outputs\",\"h\":\"Shared state\""),
                index);
        assertTrue(index.contains("int counter = 40;"), "code is searchable");
        assertFalse(index.contains("line 99"), "printed output is not indexed");
        assertFalse(index.contains("Page not found"), "generated pages are not searched");
    }

    @Test
    void browserLibrariesAreVendored() {
        for (String f :
                List.of(
                        "vendor/katex/katex.min.js",
                        "vendor/katex/katex.min.css",
                        "vendor/katex/fonts/KaTeX_Main-Regular.woff2",
                        "vendor/highlight/highlight.min.js",
                        "vendor/lunr/lunr.min.js")) {
            assertTrue(Files.isRegularFile(root.resolve("site").resolve(f)), f);
        }
    }

    @Test
    void theExecutionReportCoversEveryRunBlock() throws IOException {
        String junit =
                Files.readString(
                        root.resolve(".nnwiki-cache")
                                .resolveSibling("target/nnwiki/examples-junit.xml"));
        long runBlocks =
                report.results().values().stream().mapToLong(r -> r.byOrdinal().size()).sum();
        assertTrue(
                junit.contains(
                        "<testsuites name=\"nnwiki examples\" tests=\""
                                + runBlocks
                                + "\" failures=\"0\""),
                junit);
        assertTrue(
                junit.contains("classname=\"content/basics/session.md\" name=\"cell 1 (line 9)\""),
                junit);
        String timings = Files.readString(root.resolve("site/data/timings.js"));
        assertTrue(timings.startsWith("window.NNWIKI_TIMINGS = {\"pages\": ["));
        assertTrue(
                timings.matches("(?s).*\"peakHeapBytes\": [1-9][0-9]{5,}.*"),
                "peak heap is measured: " + timings);
        assertFalse(
                Files.readString(root.resolve("site/basics/session.html"))
                        .matches("(?s).*ran in [0-9].*"),
                "run times are not baked into pages (builds stay byte-identical)");
    }

    @Test
    void thePageScriptRunsInJshellAndPrintsWhatThePageShows() throws Exception {
        Path script = root.resolve("site/basics/session.jsh");
        String text = Files.readString(script);
        assertTrue(text.contains("void fixtureValue(Object x)"), "the prelude comes first");
        assertTrue(
                text.contains("fixtureValue(counter);"),
                "shown values are passed to the value hook");
        assertFalse(text.contains("int separate = 1;"), "blocks of other sessions are left out");
        Process p =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "jshell")
                                        .toString(),
                                script.getFileName().toString())
                        .directory(script.getParent().toFile())
                        .redirectErrorStream(true)
                        .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("counter starts at 40"), out);
        assertTrue(out.contains("a hidden block still shows its output"), out);
        assertTrue(
                out.contains(
                        "nn-display value "
                                + java.util.Base64.getEncoder()
                                        .encodeToString(
                                                "value: 42".getBytes(StandardCharsets.UTF_8))),
                out);
        assertTrue(out.contains("loss 0.1234568 after 10 steps"), out);
    }

    @Test
    void navigationFollowsSectionsAndOrder() throws IOException {
        String html = Files.readString(root.resolve("site/basics/session.html"));
        assertTrue(html.contains("<a rel=\"prev\" href=\"includes.html\">Includes</a>"));
        assertTrue(html.contains("<a rel=\"next\" href=\"errors.html\">Expected errors</a>"));
        assertTrue(html.indexOf(">Includes<") < html.indexOf(">Sessions and outputs<"));
    }
}
