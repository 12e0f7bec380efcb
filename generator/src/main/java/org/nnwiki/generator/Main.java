package org.nnwiki.generator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nnwiki.generator.serve.PreviewServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line: {@code build} writes {@code site/}; {@code serve} previews it on 127.0.0.1 and
 * rebuilds on every change. Maven runs it (see the README); exit code 1 means the input has
 * problems.
 */
@Command(
        name = "nnwiki",
        mixinStandardHelpOptions = true,
        subcommands = {Main.Build.class, Main.Serve.class, Main.NewPage.class},
        description = "Builds the nnwiki site, running every example block.")
public final class Main {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    abstract static class Common implements Callable<Integer> {
        @Option(
                names = "--root",
                description = "Repository root (default: the current folder).",
                defaultValue = ".")
        Path root;

        @Option(names = "--drafts", description = "Publish draft pages too.")
        boolean drafts;

        @Option(
                names = "--failure-marker",
                description =
                        "A file written when the build has problems and deleted when it has none (for Maven).")
        Path failureMarker;

        @Option(
                names = "--base-url",
                description = "The published site's address (overrides baseUrl in nnwiki.yml).")
        String baseUrl;

        @Option(
                names = "--edit-url",
                description = "Prefix of 'edit this page' links (overrides editUrl in nnwiki.yml).")
        String editUrl;

        @Option(
                names = "--sandbox",
                paramLabel = "MODE",
                description =
                        "auto, required or off: run each session JVM under bwrap"
                                + " (overrides NNWIKI_SANDBOX and session.sandbox in nnwiki.yml).")
        String sandbox;

        @Override
        public final Integer call() throws Exception {
            int code;
            try {
                SiteConfig config = SiteConfig.load(root).withUrls(baseUrl, editUrl);
                String env = System.getenv("NNWIKI_SANDBOX");
                if (sandbox != null) {
                    config = config.withSandbox(sandbox, "--sandbox");
                } else if (env != null && !env.isBlank()) {
                    config = config.withSandbox(env.strip(), "NNWIKI_SANDBOX");
                }
                code = run(config);
            } catch (BuildFailedException e) {
                code = report(e);
            }
            if (failureMarker != null) {
                if (code == 0) {
                    Files.deleteIfExists(failureMarker);
                } else {
                    Files.createDirectories(failureMarker.toAbsolutePath().getParent());
                    Files.writeString(
                            failureMarker, "the site build failed; its problems were printed\n");
                }
            }
            return code;
        }

        abstract int run(SiteConfig config) throws Exception;
    }

    @Command(name = "build", description = "Build site/ from content/.")
    static final class Build extends Common {
        @Option(names = "--fix", description = "Rewrite expected blocks whose output changed.")
        boolean fix;

        @Option(
                names = "--force",
                description =
                        "Rebuild even if no input changed (examples still come from the cache).")
        boolean force;

        @Option(
                names = "--repeat",
                arity = "0..1",
                fallbackValue = "",
                paramLabel = "PAGES",
                description =
                        "Run the examples again in fresh sessions (another thread count and vector width) and report every block"
                                + " whose output differs. PAGES: comma-separated source paths (default: every page).")
        String repeat;

        @Option(
                names = "--shard",
                paramLabel = "K/N",
                description =
                        "Run only the examples of shard K of N (balanced by the last run times) and copy their results to"
                                + " <reports>/shard-K-of-N/results; write no site. See --from-shards.")
        String shard;

        @Option(
                names = "--from-shards",
                description =
                        "Assemble the site from the shards' results merged into the cache;"
                                + " run no example (a page without results is a problem).")
        boolean fromShards;

        @Override
        int run(SiteConfig config) throws BuildFailedException {
            long t0 = System.nanoTime();
            SiteBuild.Shard sharded;
            try {
                sharded = shard == null ? null : SiteBuild.Shard.parse(shard);
            } catch (IllegalArgumentException e) {
                throw new BuildFailedException(
                        java.util.List.of(Problem.at("(command line)", 0, e.getMessage())));
            }
            java.util.Set<String> pages = repeat == null ? null : new java.util.TreeSet<>();
            if (repeat != null) {
                for (String p : repeat.split(",")) {
                    if (!p.isBlank()) {
                        pages.add(p.strip().replace('\\', '/'));
                    }
                }
            }
            SiteBuild.Report r =
                    new SiteBuild(
                                    config,
                                    new SiteBuild.Options(
                                            fix, drafts, force, pages, sharded, fromShards))
                            .withProgress(
                                    org.nnwiki.generator.execute.Progress.console(
                                            System.out, System.console() != null))
                            .build();
            long millis = (System.nanoTime() - t0) / 1_000_000;
            System.out.println(
                    sharded == null
                            ? summary(config, r, millis)
                            : "nnwiki: shard "
                                    + shard
                                    + ": examples run on "
                                    + r.pagesRun()
                                    + " pages, cached on "
                                    + r.pagesCached()
                                    + "; results in "
                                    + config.relative(
                                            config.reports()
                                                    .resolve(sharded.folder())
                                                    .resolve("results"))
                                    + "/ ("
                                    + millis
                                    + " ms)");
            return 0;
        }
    }

    @Command(
            name = "serve",
            description = "Preview on http://127.0.0.1:PORT/, rebuilding and reloading on changes.")
    static final class Serve extends Common {
        @Option(
                names = "--port",
                description = "Port on 127.0.0.1 (default ${DEFAULT-VALUE}).",
                defaultValue = "8000")
        int port;

        @Override
        int run(SiteConfig config) throws Exception {
            new PreviewServer(config, new SiteBuild.Options(false, drafts, false), port).run();
            return 0;
        }
    }

    @Command(
            name = "new",
            description = "Create a page from the template, with valid front matter, as a draft.")
    static final class NewPage extends Common {
        @picocli.CommandLine.Parameters(
                index = "0",
                description = "The new file, e.g. content/convnets/adversarial.md.")
        Path file;

        @Option(names = "--title", required = true, description = "The page title.")
        String title;

        @Option(
                names = "--section",
                defaultValue = "",
                description = "A section from nnwiki.yml (default: a top-level page).")
        String section;

        @Option(
                names = "--summary",
                defaultValue = "",
                description = "One sentence for search results and the meta description.")
        String summary;

        @Override
        int run(SiteConfig config) throws BuildFailedException {
            Path created = NewPageWriter.create(config, file, title, section, summary);
            System.out.println(
                    "nnwiki: created "
                            + config.relative(created)
                            + " (status: draft). Preview it with"
                            + " ./mvnw -q package -DskipTests -Pserve -Dnnwiki.args=--drafts, and remove the status line to publish it.");
            return 0;
        }
    }

    static String summary(SiteConfig config, SiteBuild.Report r, long millis) {
        if (r.upToDate()) {
            return "nnwiki: "
                    + config.relative(config.site())
                    + "/ is up to date ("
                    + r.pages()
                    + " pages; no input changed) in "
                    + millis
                    + " ms";
        }
        return "nnwiki: built "
                + config.relative(config.site())
                + "/ ("
                + r.pages()
                + " pages; examples run on "
                + r.pagesRun()
                + " pages, cached on "
                + r.pagesCached()
                + "; "
                + r.pagesBaked()
                + " baked, the others unchanged"
                + (r.fixed() > 0 ? "; " + r.fixed() + " expected blocks rewritten" : "")
                + ") in "
                + millis
                + " ms";
    }

    /** Prints every problem, as GitHub annotations too when running in GitHub Actions. */
    static int report(BuildFailedException e) {
        boolean github = "true".equals(System.getenv("GITHUB_ACTIONS"));
        System.err.println(
                "nnwiki: the build failed; site/ was left as it was. "
                        + e.problems().size()
                        + " problem(s):");
        for (Problem p : e.problems()) {
            System.err.println();
            System.err.println(p);
            if (github) {
                System.err.println(
                        "::error file="
                                + p.file()
                                + (p.line() > 0 ? ",line=" + p.line() : "")
                                + "::"
                                + p.message()
                                        .replace("%", "%25")
                                        .replace("\r", "%0D")
                                        .replace("\n", "%0A"));
            }
        }
        return 1;
    }
}
