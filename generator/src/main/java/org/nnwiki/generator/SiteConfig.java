package org.nnwiki.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The site's configuration, read from {@code nnwiki.yml} at the repository root. Every key is
 * optional; the defaults are written next to each field.
 *
 * @param root the repository root (every other path is resolved against it)
 * @param title site title, shown in the header and in {@code <title>}
 * @param description one sentence for the home page's meta description
 * @param editUrl prefix of "edit this page" links; the page's source path is appended ("" hides
 *     them)
 * @param baseUrl the published site's absolute URL ending in {@code /}, for {@code sitemap.xml} and
 *     the 404 page ("" writes no sitemap and a 404 page with relative links)
 * @param sections sidebar sections in display order; a page naming another section is an error
 * @param content the pages ({@code content})
 * @param templates Freemarker templates and {@code assets/} ({@code templates})
 * @param site the output ({@code site})
 * @param cache per-page example results ({@code .nnwiki-cache})
 * @param reports machine-readable reports of the last build, e.g. the examples as JUnit XML ({@code
 *     target/nnwiki})
 * @param session how example sessions run
 * @param apiIndex the generated API index page ({@code api.html}; none when no package is named)
 * @param bibliography the BibTeX file that {@code [@key]} citations name ({@code
 *     content/references.bib})
 */
public record SiteConfig(
        Path root,
        String title,
        String description,
        String editUrl,
        String baseUrl,
        List<String> sections,
        Path content,
        Path templates,
        Path site,
        Path cache,
        Path reports,
        Session session,
        ApiIndex apiIndex,
        Path bibliography) {

    /**
     * The API index: every public class of {@code packages} (and their sub-packages) on the session
     * class path, with the pages whose examples use it.
     *
     * @param title its title ({@code API index})
     * @param section the sidebar section it is listed in ({@code ""}: top level)
     * @param order its place in that section ({@code 1000})
     * @param packages package names; empty writes no index
     */
    public record ApiIndex(String title, String section, double order, List<String> packages) {}

    /**
     * How example blocks run.
     *
     * @param classpath class path entries of every session (the core, display and examples
     *     modules), relative to root
     * @param classpathFiles files holding more entries separated by the path separator (Maven's
     *     {@code dependency:build-classpath} output); a missing file is an error
     * @param prelude a JShell script run first in every session: imports, seed ({@code ""} = none)
     * @param valueHook a method the prelude defines that displays a block's last value; when empty
     *     the value's {@code toString()} is shown
     * @param heap the session JVM's {@code -Xmx} ({@code 768m})
     * @param vmOptions more options for the session JVM
     * @param timeout a block's default time limit ({@code 120 s})
     * @param maxOutputChars printed text kept per block before it is cut with a note ({@code
     *     20000})
     * @param parallelism pages run at once; 0 means one per processor
     * @param sandbox {@code auto}, {@code required} or {@code off}: whether session JVMs run under
     *     bwrap (see {@link org.nnwiki.generator.execute.Sandbox}); the environment variable {@code
     *     NNWIKI_SANDBOX} overrides it
     * @param sandboxPaths more paths, relative to the root, that sandboxed sessions may read (data
     *     that is not on the class path)
     * @param scratchMegabytes size of a sandboxed session's writable {@code /tmp} and of its
     *     scratch folder
     */
    public record Session(
            List<String> classpath,
            List<String> classpathFiles,
            String prelude,
            String valueHook,
            String heap,
            List<String> vmOptions,
            Duration timeout,
            int maxOutputChars,
            int parallelism,
            String sandbox,
            List<String> sandboxPaths,
            long scratchMegabytes) {}

    private static final Set<String> TOP_KEYS =
            Set.of(
                    "title",
                    "description",
                    "editUrl",
                    "baseUrl",
                    "sections",
                    "content",
                    "templates",
                    "site",
                    "cache",
                    "reports",
                    "session",
                    "apiIndex",
                    "bibliography");
    private static final Set<String> API_INDEX_KEYS =
            Set.of("title", "section", "order", "packages");
    private static final Set<String> SESSION_KEYS =
            Set.of(
                    "classpath",
                    "classpathFiles",
                    "prelude",
                    "valueHook",
                    "heap",
                    "vmOptions",
                    "timeoutSeconds",
                    "maxOutputChars",
                    "parallelism",
                    "sandbox",
                    "sandboxPaths",
                    "scratchMegabytes");

    /** Reads {@code nnwiki.yml} under {@code root} (all defaults when the file does not exist). */
    public static SiteConfig load(Path root) throws BuildFailedException {
        Path file = root.resolve("nnwiki.yml");
        Map<String, Object> top = new LinkedHashMap<>();
        if (Files.exists(file)) {
            try {
                Object loaded =
                        new Yaml(new SafeConstructor(new LoaderOptions()))
                                .load(Files.readString(file));
                if (loaded instanceof Map<?, ?> map) {
                    map.forEach((k, v) -> top.put(String.valueOf(k), v));
                } else if (loaded != null) {
                    throw fail("nnwiki.yml: expected a mapping of keys to values");
                }
            } catch (IOException | RuntimeException e) {
                throw fail("nnwiki.yml: cannot read it: " + e.getMessage());
            }
        }
        checkKeys(top, TOP_KEYS, "nnwiki.yml");
        Map<String, Object> s = map(top.get("session"));
        checkKeys(s, SESSION_KEYS, "nnwiki.yml (session)");
        Session session =
                new Session(
                        strings(s.get("classpath")),
                        strings(s.get("classpathFiles")),
                        str(s, "prelude", ""),
                        str(s, "valueHook", ""),
                        str(s, "heap", "768m"),
                        strings(s.get("vmOptions")),
                        Duration.ofSeconds(num(s, "timeoutSeconds", 120)),
                        (int) num(s, "maxOutputChars", 20_000),
                        (int) num(s, "parallelism", 0),
                        // YAML reads a bare off as false.
                        Boolean.FALSE.equals(s.get("sandbox")) ? "off" : str(s, "sandbox", "auto"),
                        strings(s.get("sandboxPaths")),
                        num(
                                s,
                                "scratchMegabytes",
                                org.nnwiki.generator.execute.Sandbox.DEFAULT_SCRATCH_BYTES >> 20));
        if (org.nnwiki.generator.execute.Sandbox.Mode.parse(session.sandbox()) == null) {
            throw new BuildFailedException(
                    List.of(
                            Problem.at(
                                    "nnwiki.yml",
                                    lineOf(file, "sandbox:"),
                                    "session.sandbox must be auto, required or off, not '"
                                            + session.sandbox()
                                            + "'")));
        }
        Map<String, Object> api = map(top.get("apiIndex"));
        checkKeys(api, API_INDEX_KEYS, "nnwiki.yml (apiIndex)");
        Object order = api.getOrDefault("order", 1000);
        if (!(order instanceof Number)) {
            throw fail("nnwiki.yml: 'apiIndex.order' must be a number, not '" + order + "'");
        }
        ApiIndex apiIndex =
                new ApiIndex(
                        str(api, "title", "API index"),
                        str(api, "section", ""),
                        ((Number) order).doubleValue(),
                        strings(api.get("packages")));
        Path abs = root.toAbsolutePath().normalize();
        return new SiteConfig(
                abs,
                str(top, "title", "nnwiki"),
                str(top, "description", ""),
                str(top, "editUrl", ""),
                slash(str(top, "baseUrl", "")),
                strings(top.get("sections")),
                abs.resolve(str(top, "content", "content")),
                abs.resolve(str(top, "templates", "templates")),
                abs.resolve(str(top, "site", "site")),
                abs.resolve(str(top, "cache", ".nnwiki-cache")),
                abs.resolve(str(top, "reports", "target/nnwiki")),
                session,
                apiIndex,
                abs.resolve(str(top, "bibliography", "content/references.bib")));
    }

    /**
     * The same configuration with {@code session.sandbox} replaced (by {@code --sandbox} or {@code
     * NNWIKI_SANDBOX}); {@code from} names the source for the message when the mode is not one.
     */
    public SiteConfig withSandbox(String mode, String from) throws BuildFailedException {
        if (org.nnwiki.generator.execute.Sandbox.Mode.parse(mode) == null) {
            throw new BuildFailedException(
                    List.of(
                            Problem.at(
                                    "(command line)",
                                    0,
                                    from + " must be auto, required or off, not '" + mode + "'")));
        }
        Session s = session;
        Session changed =
                new Session(
                        s.classpath(),
                        s.classpathFiles(),
                        s.prelude(),
                        s.valueHook(),
                        s.heap(),
                        s.vmOptions(),
                        s.timeout(),
                        s.maxOutputChars(),
                        s.parallelism(),
                        mode,
                        s.sandboxPaths(),
                        s.scratchMegabytes());
        return new SiteConfig(
                root,
                title,
                description,
                editUrl,
                baseUrl,
                sections,
                content,
                templates,
                site,
                cache,
                reports,
                changed,
                apiIndex,
                bibliography);
    }

    /**
     * The same configuration with the published locations replaced where the arguments are not
     * null.
     */
    public SiteConfig withUrls(String newBaseUrl, String newEditUrl) {
        return new SiteConfig(
                root,
                title,
                description,
                newEditUrl == null ? editUrl : newEditUrl,
                newBaseUrl == null ? baseUrl : slash(newBaseUrl),
                sections,
                content,
                templates,
                site,
                cache,
                reports,
                session,
                apiIndex,
                bibliography);
    }

    private static String slash(String url) {
        return url.isEmpty() || url.endsWith("/") ? url : url + "/";
    }

    /** Number of pages run at once. */
    public int parallelism() {
        return session.parallelism() > 0
                ? session.parallelism()
                : Runtime.getRuntime().availableProcessors();
    }

    /** Path of {@code p} relative to the root, with forward slashes, for messages and links. */
    public String relative(Path p) {
        return root.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private static BuildFailedException fail(String message) {
        return new BuildFailedException(List.of(Problem.at("nnwiki.yml", 0, message)));
    }

    private static void checkKeys(Map<String, Object> map, Set<String> known, String where)
            throws BuildFailedException {
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                throw fail(
                        where
                                + ": unknown key '"
                                + key
                                + "' (known: "
                                + String.join(", ", known.stream().sorted().toList())
                                + ")");
            }
        }
    }

    private static Map<String, Object> map(Object o) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
        }
        return out;
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            l.forEach(x -> out.add(String.valueOf(x)));
        } else if (o != null) {
            out.add(String.valueOf(o));
        }
        return List.copyOf(out);
    }

    /**
     * The 1-based line of the first line of {@code file} that starts (after spaces) with {@code
     * prefix}; 0 when none.
     */
    static int lineOf(Path file, String prefix) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).stripLeading().startsWith(prefix)) {
                    return i + 1;
                }
            }
        } catch (IOException | RuntimeException e) {
            // no line to name
        }
        return 0;
    }

    private static String str(Map<String, Object> m, String key, String dflt) {
        Object v = m.get(key);
        return v == null ? dflt : String.valueOf(v);
    }

    private static long num(Map<String, Object> m, String key, long dflt)
            throws BuildFailedException {
        Object v = m.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        throw fail("nnwiki.yml: '" + key + "' must be a number, not '" + v + "'");
    }
}
