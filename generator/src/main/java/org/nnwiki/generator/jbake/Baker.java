package org.nnwiki.generator.jbake;

import freemarker.core.ParseException;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jbake.app.Oven;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.jbake.parser.Engines;
import org.nnwiki.generator.Problem;
import org.nnwiki.generator.Problems;
import org.nnwiki.generator.SiteConfig;
import org.nnwiki.generator.page.Page;
import org.nnwiki.generator.render.RenderedPage;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Bakes rendered pages into a folder with JBake: one document per page through {@code
 * templates/page.ftlh}, plus the static files of {@code templates/assets/}.
 *
 * <pre>{@code
 * new Baker(config, problems).bake(renderedPages, navigation, freshTempDir);
 * }</pre>
 */
public final class Baker {
    private static final Object ONE_BAKE_AT_A_TIME = new Object();
    static final String PAGE_TEMPLATE = "page.ftlh";

    static {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        // JBake keeps its documents in an in-memory OrientDB database created for each bake, and
        // OrientDB hashes its default users' passwords with 65,536 PBKDF2 rounds when it creates
        // one:
        // about 2 s of every bake, measured with JFR on a prose edit of a 200-page wiki. The
        // database lives for one bake in memory, so one round is enough. (OrientDB reads this
        // setting
        // from the system properties when it first loads, which is after this class.)
        if (System.getProperty("security.userPasswordSaltIterations") == null) {
            System.setProperty("security.userPasswordSaltIterations", "1");
        }
    }

    private final SiteConfig config;
    private final Problems problems;

    public Baker(SiteConfig config, Problems problems) {
        this.config = config;
        this.problems = problems;
    }

    /**
     * A digest of each page's template model, by output path. The template sees nothing else of a
     * page, so two pages with equal digests bake to equal files (with the same templates). The
     * sidebar enters as the digest of its folder's sidebar and the page's path (the page it marks).
     */
    public Map<String, String> modelKeys(
            List<RenderedPage> pages, Navigation nav, String runCommand) {
        // The sidebar is the same for every page of a folder but for the mark on the page itself:
        // it
        // is digested once per folder, and the page's own path stands for the mark.
        Map<String, String> sidebars = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, String> keys = new java.util.concurrent.ConcurrentHashMap<>();
        pages.parallelStream()
                .forEach(
                        rendered -> {
                            Page page = rendered.parsed().expanded().page();
                            String folder =
                                    java.util.Objects.toString(
                                            Path.of(page.outputPath()).getParent(), "");
                            String sidebar =
                                    sidebars.computeIfAbsent(
                                            folder,
                                            f ->
                                                    digest(
                                                            Map.of(
                                                                    "nav",
                                                                    PageModel.sidebar(
                                                                            nav, page, null))));
                            Map<String, Object> model =
                                    new java.util.LinkedHashMap<>(
                                            PageModel.withoutNav(
                                                    config, nav, rendered, runCommand));
                            model.put("nav", List.of(sidebar, page.outputPath()));
                            keys.put(page.outputPath(), digest(model));
                        });
        return keys;
    }

    /**
     * SHA-256 of a model in a form where no two models read the same: every value says its type and
     * length.
     */
    static String digest(Map<String, Object> model) {
        StringBuilder sb = new StringBuilder();
        canonical(model, sb);
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256")
                                    .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void canonical(Object value, StringBuilder sb) {
        if (value instanceof Map<?, ?> map) {
            sb.append("m").append(map.size()).append('{');
            map.forEach(
                    (k, v) -> {
                        canonical(String.valueOf(k), sb);
                        canonical(v, sb);
                    });
            sb.append('}');
        } else if (value instanceof List<?> list) {
            sb.append("l").append(list.size()).append('[');
            list.forEach(v -> canonical(v, sb));
            sb.append(']');
        } else if (value instanceof String str) {
            sb.append("s").append(str.length()).append(':').append(str);
        } else if (value == null) {
            sb.append('n');
        } else {
            String str = value.toString();
            sb.append(value.getClass().getSimpleName())
                    .append(str.length())
                    .append(':')
                    .append(str);
        }
    }

    /**
     * @param runCommand how to run a page's downloaded script, with {@code PAGE.jsh} standing for
     *     its name
     */
    public void bake(List<RenderedPage> pages, Navigation nav, Path out, String runCommand) {
        if (!Files.isRegularFile(config.templates().resolve(PAGE_TEMPLATE))) {
            problems.add(
                    config.relative(config.templates()), 0, "missing template " + PAGE_TEMPLATE);
            return;
        }
        if (pages.isEmpty()) {
            // Nothing to render: all JBake would do is copy the assets, after a second or more of
            // starting its database in a fresh JVM.
            copyAssets(config.templates().resolve("assets"), out);
            return;
        }
        Path staging = null;
        try {
            staging = Files.createTempDirectory("nnwiki-bake");
            Path content = Files.createDirectories(staging.resolve("content"));
            Map<String, String> titles = new HashMap<>();
            Map<String, Map<String, Object>> models = new HashMap<>();
            for (RenderedPage rendered : pages) {
                Page page = rendered.parsed().expanded().page();
                String stem =
                        page.outputPath()
                                .substring(0, page.outputPath().length() - ".html".length());
                Path file = content.resolve(stem + ".md");
                Files.createDirectories(file.getParent());
                Files.writeString(file, page.source() + "\n", StandardCharsets.UTF_8);
                titles.put(file.toFile().getAbsolutePath(), page.front().title());
                models.put(page.outputPath(), PageModel.of(config, nav, rendered, runCommand));
            }
            synchronized (ONE_BAKE_AT_A_TIME) {
                runOven(staging, content, out, new BakeInput(titles, models));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(staging);
        }
    }

    /**
     * Runs JBake once on no pages, so that the next bake in this JVM does not pay for JBake's first
     * start (its database and engines: over a second). The preview server calls it in the
     * background after its first build, which usually bakes nothing.
     */
    public void warmUp() {
        Path staging = null;
        try {
            staging = Files.createTempDirectory("nnwiki-warm");
            Path content = Files.createDirectories(staging.resolve("content"));
            Path out = Files.createDirectories(staging.resolve("out"));
            synchronized (ONE_BAKE_AT_A_TIME) {
                runOven(staging, content, out, new BakeInput(Map.of(), Map.of()));
            }
        } catch (IOException | RuntimeException e) {
            // only the first real bake is slower
        } finally {
            deleteTree(staging);
        }
    }

    private void runOven(Path staging, Path content, Path out, BakeInput input) {
        DefaultJBakeConfiguration cfg =
                new JBakeConfigurationFactory()
                        .createDefaultJbakeConfiguration(staging.toFile(), out.toFile(), true);
        cfg.setContentFolder(content.toFile());
        cfg.setTemplateFolder(config.templates().toFile());
        cfg.setAssetFolder(config.templates().resolve("assets").toFile());
        cfg.setProperty("template.page.file", PAGE_TEMPLATE);
        for (String off :
                List.of(
                        "render.index",
                        "render.feed",
                        "render.archive",
                        "render.tags",
                        "render.tagsindex",
                        "render.sitemap",
                        "render.error404")) {
            cfg.setProperty(off, false);
        }
        cfg.setProperty("db.store", "memory");
        cfg.setProperty("db.path", "nnwiki");
        cfg.setProperty("uri.noExtension", false);
        cfg.setProperty("asset.ignore", true);
        // Registered per bake: JBake's own engine may claim "md" from the class path
        // (ARCHITECTURE.md#facts-about-the-libraries).
        Engines.register("md", new PageEngine());
        BakeInput.set(input);
        try {
            Oven oven = new Oven(cfg);
            oven.bake();
            for (Throwable t : oven.getErrors()) {
                problems.add(problemOf(t));
            }
        } finally {
            BakeInput.set(null);
        }
    }

    /** A template error as {@code templates/page.ftlh:LINE: message}. */
    private Problem problemOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof TemplateException te) {
                String file =
                        config.relative(
                                config.templates()
                                        .resolve(
                                                te.getTemplateSourceName() == null
                                                        ? PAGE_TEMPLATE
                                                        : te.getTemplateSourceName()));
                int line = te.getLineNumber() == null ? 0 : te.getLineNumber();
                return Problem.at(
                        file,
                        line,
                        "template error: "
                                + te.getMessageWithoutStackTop().lines().findFirst().orElse(""));
            }
            if (c instanceof ParseException pe) {
                String file =
                        config.relative(
                                config.templates()
                                        .resolve(
                                                pe.getTemplateName() == null
                                                        ? PAGE_TEMPLATE
                                                        : pe.getTemplateName()));
                return Problem.at(
                        file,
                        pe.getLineNumber(),
                        "template syntax error: " + pe.getEditorMessage());
            }
        }
        return Problem.at(config.relative(config.templates()), 0, "bake failed: " + t);
    }

    /**
     * Copies the template assets as JBake's asset step does with {@code asset.ignore}: every file
     * and folder but hidden ones and folders holding a {@code .jbakeignore}, in name order.
     */
    static void copyAssets(Path from, Path to) {
        java.io.File[] entries =
                from.toFile()
                        .listFiles(
                                f ->
                                        !f.isHidden()
                                                && (f.isFile()
                                                        || !new java.io.File(f, ".jbakeignore")
                                                                .exists()));
        if (entries == null) {
            return;
        }
        java.util.Arrays.sort(entries);
        try {
            for (java.io.File entry : entries) {
                Path target = to.resolve(entry.getName());
                if (entry.isFile()) {
                    Files.createDirectories(to);
                    Files.copy(
                            entry.toPath(),
                            target,
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } else {
                    copyAssets(entry.toPath(), target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the template assets into " + to, e);
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover temp folder is harmless
        }
    }
}
