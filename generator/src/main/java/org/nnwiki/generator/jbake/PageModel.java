package org.nnwiki.generator.jbake;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnwiki.generator.SiteConfig;
import org.nnwiki.generator.execute.ScriptWriter;
import org.nnwiki.generator.page.GeneratedPages;
import org.nnwiki.generator.page.Page;
import org.nnwiki.generator.render.RenderedPage;

/**
 * The data a page template sees, as plain maps and lists (Freemarker's default wrapper reads them
 * without reflection). Keys: {@code site}, {@code page}, {@code nav}, {@code prev}, {@code next}.
 * Every URL is relative to the page, so the site works from {@code file://} and any sub-path.
 */
final class PageModel {
    private PageModel() {}

    /** Everything the template sees of a page except the sidebar ({@code nav}). */
    static Map<String, Object> withoutNav(
            SiteConfig config, Navigation nav, RenderedPage rendered, String runCommand) {
        Page page = rendered.parsed().expanded().page();
        String root = rootOf(page.outputPath());
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("title", config.title());
        site.put("description", config.description());
        site.put("timings", root + GeneratedPages.TIMINGS);

        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", page.front().title());
        p.put("summary", page.front().summary());
        p.put("section", page.front().section());
        p.put("source", page.source());
        p.put("url", page.outputPath());
        p.put("root", root);
        p.put(
                "editUrl",
                config.editUrl().isEmpty()
                                || !page.front().listed()
                                || page.source().startsWith("(generated) ")
                        ? ""
                        : config.editUrl() + page.source());
        p.put("body", rendered.body());
        p.put("runBlocks", rendered.parsed().runBlocks().size());
        p.put("listed", page.front().listed());
        // The downloadable script sits beside the page: cnn.html -> cnn.jsh.
        String name = Path.of(page.outputPath()).getFileName().toString();
        String script =
                ScriptWriter.hasScript(rendered.parsed())
                        ? name.substring(0, name.length() - ".html".length()) + ".jsh"
                        : "";
        p.put("script", script);
        p.put("runCommand", runCommand.replace("PAGE.jsh", script));
        // The 404 page is served at any missing address: its links resolve against the site's root
        // path.
        p.put(
                "base",
                page.outputPath().equals(GeneratedPages.NOT_FOUND) && !config.baseUrl().isEmpty()
                        ? java.net.URI.create(config.baseUrl()).getPath()
                        : "");

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("site", site);
        model.put("page", p);
        Page prev = nav.previous(page);
        Page next = nav.next(page);
        if (prev != null) {
            model.put("prev", link(page, prev));
        }
        if (next != null) {
            model.put("next", link(page, next));
        }
        return model;
    }

    /** The model of {@link #withoutNav} with the sidebar of {@code nav} as seen from the page. */
    static Map<String, Object> of(
            SiteConfig config, Navigation nav, RenderedPage rendered, String runCommand) {
        Map<String, Object> model = withoutNav(config, nav, rendered, runCommand);
        Page page = rendered.parsed().expanded().page();
        model.put("nav", sidebar(nav, page, page));
        return model;
    }

    /**
     * The sidebar's sections, with links relative to the folder of {@code from} and the page {@code
     * current} marked (none when null). Pages in one folder see the same sidebar but for that mark,
     * which is what lets {@link Baker#modelKeys} digest it once per folder.
     */
    static List<Map<String, Object>> sidebar(Navigation nav, Page from, Page current) {
        List<Map<String, Object>> sections = new ArrayList<>();
        for (Navigation.Section s : nav.sections()) {
            List<Map<String, Object>> links = new ArrayList<>();
            for (Page other : s.pages()) {
                Map<String, Object> link = link(from, other);
                link.put("current", other.equals(current));
                links.add(link);
            }
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("title", s.title());
            section.put("pages", links);
            sections.add(section);
        }
        return sections;
    }

    private static Map<String, Object> link(Page from, Page to) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("title", to.front().title());
        Path dir = Path.of(from.outputPath()).getParent();
        link.put(
                "href",
                dir == null
                        ? to.outputPath()
                        : dir.relativize(Path.of(to.outputPath())).toString().replace('\\', '/'));
        return link;
    }

    /** "" for pages at the top, "../" for pages one folder down, and so on. */
    static String rootOf(String outputPath) {
        int depth = outputPath.split("/").length - 1;
        return "../".repeat(depth);
    }
}
