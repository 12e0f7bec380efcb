package org.nnwiki.generator;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.nnwiki.generator.execute.PageResult;
import org.nnwiki.generator.include.ExpandedPage;
import org.nnwiki.generator.markdown.MarkdownParser;
import org.nnwiki.generator.markdown.ParsedPage;
import org.nnwiki.generator.render.RenderedPage;

/**
 * What a long-lived process (the preview server) keeps of each page between builds: its parse and
 * its rendering, each reused only while everything it was made from is equal, so that a prose edit
 * parses and renders one page instead of all of them. A build without one (the command line) does
 * every page.
 *
 * <pre>{@code
 * StageMemory memory = new StageMemory();
 * new SiteBuild(config, options).remembering(memory).build(); // again and again
 * }</pre>
 */
public final class StageMemory {
    /** A page's parse and the problems the parser reported for it. */
    private record Parsed(ExpandedPage from, ParsedPage page, List<Problem> problems) {}

    /**
     * A page's rendering, from that parse (the same object), those results and those link targets.
     */
    private record Rendered(
            ParsedPage parsed,
            PageResult result,
            Map<String, String> outputBySource,
            List<Object> shared,
            RenderedPage page) {}

    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();
    private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();

    /**
     * The page parsed, or its last parse when its file, front matter and expanded text are all
     * equal.
     */
    ParsedPage parse(ExpandedPage page, Problems problems) {
        String key = page.page().file().toAbsolutePath().toString();
        Parsed last = parsed.get(key);
        if (last == null || !same(last.from(), page)) {
            Problems own = new Problems();
            last = new Parsed(page, new MarkdownParser(own).parse(page), own.sorted());
            parsed.put(key, last);
        }
        last.problems().forEach(problems::add);
        return last.page();
    }

    /**
     * The page rendered by {@code render}, or its last rendering from the same parse, results, link
     * targets and shared inputs ({@code shared}: the bibliography, the figures; compared by
     * equals).
     */
    RenderedPage render(
            ParsedPage page,
            PageResult result,
            Map<String, String> outputBySource,
            List<Object> shared,
            Function<ParsedPage, RenderedPage> render) {
        String key = page.expanded().page().file().toAbsolutePath().toString();
        Rendered last = rendered.get(key);
        if (last == null
                || last.parsed() != page
                || !java.util.Objects.equals(last.result(), result)
                || !last.outputBySource().equals(outputBySource)
                || !last.shared().equals(shared)) {
            last =
                    new Rendered(
                            page,
                            result,
                            Map.copyOf(outputBySource),
                            List.copyOf(shared),
                            render.apply(page));
            rendered.put(key, last);
        }
        return last.page();
    }

    /**
     * Whether a build has gone through it (else the next build must, even with nothing changed).
     */
    boolean filled() {
        return !rendered.isEmpty();
    }

    private static boolean same(ExpandedPage a, ExpandedPage b) {
        return a.page().equals(b.page())
                && a.markdown().equals(b.markdown())
                && Arrays.equals(a.originLines(), b.originLines());
    }
}
