package org.nnwiki.generator.page;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Pages every site gets without writing them: the 404 page and the execution report. They go
 * through the same template as written pages but are not listed in the sidebar, search or sitemap.
 * A page in {@code content/} with the same output path wins.
 *
 * <pre>{@code
 * List<Page> all = GeneratedPages.addTo(scannedPages, config.content());
 * }</pre>
 */
public final class GeneratedPages {
    private GeneratedPages() {}

    public static final String NOT_FOUND = "404.html";
    public static final String REPORT = "report.html";

    /** The data file the report page and the run-time badges read, relative to the site root. */
    public static final String TIMINGS = "data/timings.js";

    private static final String NOT_FOUND_BODY =
            """
            The page you asked for is not here. It may have been renamed or moved.

            - Search for it with the box at the top (press <kbd>/</kbd>).
            - Start again from the [home page](index.html).
            """;

    private static final String REPORT_BODY =
            """
            Every example of the last build, with how long it ran, the session's peak heap while it ran,
            and whether its results came from the cache (then the times are those of the run that filled
            the cache). Pages are listed slowest first; click a page to see its examples.

            <div id="exec-report" class="exec-report">
            <p>This report is drawn by JavaScript from <a href="data/timings.js">data/timings.js</a>.
            CI reads the same results as JUnit XML from <code>target/nnwiki/examples-junit.xml</code>.</p>
            </div>
            """;

    /** {@code pages} plus the generated pages whose output path no written page takes. */
    public static List<Page> addTo(List<Page> pages, Path content) {
        List<Page> all = new ArrayList<>(pages);
        add(all, content, NOT_FOUND, "Page not found", "This page does not exist.", NOT_FOUND_BODY);
        add(
                all,
                content,
                REPORT,
                "Execution report",
                "How long every example of the wiki ran in the last build, slowest first.",
                REPORT_BODY);
        return List.copyOf(all);
    }

    private static void add(
            List<Page> all,
            Path content,
            String output,
            String title,
            String summary,
            String body) {
        if (all.stream().anyMatch(p -> p.outputPath().equals(output))) {
            return;
        }
        String stem = output.substring(0, output.length() - ".html".length());
        all.add(
                new Page(
                        "(generated) " + stem + ".md",
                        content.resolve(stem + ".md"),
                        output,
                        new FrontMatter(title, "", 0, summary, false, false, 0),
                        body,
                        1));
    }
}
