package org.nnwiki.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.nnwiki.generator.assets.VendorAssets;
import org.nnwiki.generator.cite.Bibliography;
import org.nnwiki.generator.execute.BlockExecutor;
import org.nnwiki.generator.execute.ExecutionReport;
import org.nnwiki.generator.execute.ExpectedFixer;
import org.nnwiki.generator.execute.PageResult;
import org.nnwiki.generator.execute.Sandbox;
import org.nnwiki.generator.execute.ScriptWriter;
import org.nnwiki.generator.execute.SessionSpec;
import org.nnwiki.generator.include.ExpandedPage;
import org.nnwiki.generator.include.IncludeExpander;
import org.nnwiki.generator.jbake.Baker;
import org.nnwiki.generator.jbake.Navigation;
import org.nnwiki.generator.markdown.MarkdownParser;
import org.nnwiki.generator.markdown.ParsedPage;
import org.nnwiki.generator.page.ApiIndex;
import org.nnwiki.generator.page.ContentScanner;
import org.nnwiki.generator.page.GeneratedPages;
import org.nnwiki.generator.page.Page;
import org.nnwiki.generator.postprocess.FinishedPages;
import org.nnwiki.generator.postprocess.PostProcessor;
import org.nnwiki.generator.render.Figures;
import org.nnwiki.generator.render.HtmlRenderer;
import org.nnwiki.generator.render.RenderedPage;

/**
 * One build of the site: the recipe of ARCHITECTURE.md#the-pipeline.
 *
 * <pre>{@code
 * SiteBuild.Report report = new SiteBuild(SiteConfig.load(root), SiteBuild.Options.DEFAULT).build();
 * }</pre>
 *
 * <p>Every stage adds what is wrong to one {@link Problems}; {@code site/} is replaced only when
 * the whole build had none, so a failed build leaves the previous site as it was.
 */
public final class SiteBuild {

    /**
     * @param fix rewrite {@code expected} blocks that differ instead of failing
     * @param drafts publish pages with {@code status: draft} too
     * @param force rebuild even when no input changed
     * @param repeat null for none; else run these pages' examples a second time in fresh sessions
     *     and report every block whose output differs (source paths; empty: every page)
     */
    public record Options(
            boolean fix,
            boolean drafts,
            boolean force,
            java.util.Set<String> repeat,
            Shard shard,
            boolean fromShards) {
        public static final Options DEFAULT = new Options(false, false, false);

        public Options(boolean fix, boolean drafts, boolean force) {
            this(fix, drafts, force, null);
        }

        public Options(boolean fix, boolean drafts, boolean force, java.util.Set<String> repeat) {
            this(fix, drafts, force, repeat, null, false);
        }
    }

    /**
     * {@code --shard K/N}: run only the examples of shard {@code index} of {@code count} (balanced
     * by the last recorded run times), store their results and copy them to {@code
     * <reports>/shard-K-of-N/}; no site is written. A later build with {@code --from-shards} and
     * the shards' results in its cache assembles the site and runs nothing.
     */
    public record Shard(int index, int count) {
        /** Parses {@code K/N} with 1 ≤ K ≤ N. */
        public static Shard parse(String spec) {
            String[] parts = spec.split("/");
            try {
                Shard s =
                        new Shard(
                                Integer.parseInt(parts[0].strip()),
                                Integer.parseInt(parts[1].strip()));
                if (parts.length == 2
                        && s.count() >= 1
                        && s.index() >= 1
                        && s.index() <= s.count()) {
                    return s;
                }
            } catch (RuntimeException e) {
                // reported below
            }
            throw new IllegalArgumentException(
                    "--shard takes K/N with 1 <= K <= N, e.g. --shard 2/4, not '" + spec + "'");
        }

        /** The folder, under the reports folder, that receives this shard's results. */
        public String folder() {
            return "shard-" + index + "-of-" + count;
        }
    }

    /**
     * What a build did.
     *
     * @param pages pages published
     * @param pagesRun pages whose examples ran
     * @param pagesCached pages whose examples came from the cache
     * @param fixed expected blocks rewritten by {@code --fix}
     * @param upToDate true when no input had changed and nothing was done
     * @param results each page's example results (empty when up to date)
     * @param pagesBaked pages baked and post-processed; the others were taken from the last build's
     *     site
     */
    public record Report(
            int pages,
            int pagesRun,
            int pagesCached,
            int fixed,
            boolean upToDate,
            Map<String, PageResult> results,
            int pagesBaked) {}

    private static final String TEMPLATE = "page.ftlh";

    private final SiteConfig config;
    private final Options options;

    public SiteBuild(SiteConfig config, Options options) {
        this.config = config;
        this.options = options;
    }

    private java.util.function.Consumer<org.nnwiki.generator.execute.Progress.Snapshot> progress =
            s -> {};

    private StageMemory memory;

    /**
     * Keeps each page's parse and rendering in {@code memory} and reuses them in later builds while
     * their inputs are equal (for the preview server, which builds again and again).
     */
    public SiteBuild remembering(StageMemory memory) {
        this.memory = memory;
        return this;
    }

    /**
     * Reports the execution stage's progress to {@code listener} (see {@link
     * org.nnwiki.generator.execute.Progress}).
     */
    public SiteBuild withProgress(
            java.util.function.Consumer<org.nnwiki.generator.execute.Progress.Snapshot> listener) {
        this.progress = listener;
        return this;
    }

    /** Builds {@code site/}; throws with every problem found, leaving {@code site/} untouched. */
    public Report build() throws BuildFailedException {
        Stopwatch watch = new Stopwatch();
        Problems problems = new Problems();
        SessionSpec spec = sessionSpec(problems);
        if (!Files.isDirectory(config.content())) {
            problems.add(
                    "nnwiki.yml",
                    0,
                    "the content folder "
                            + config.relative(config.content())
                            + "/ does not exist: create it or set 'content:'");
        }
        failIfAny(problems);
        BlockExecutor executor =
                new BlockExecutor(
                                spec,
                                config.cache(),
                                problems,
                                config.parallelism(),
                                options.fix(),
                                org.nnwiki.generator.execute.Provenance.commitOf(config.root()))
                        .onProgress(progress);

        List<Page> pages = scan(problems);
        List<ExpandedPage> expanded = expand(pages, problems);
        // Shared by every page's rendering, and part of the stamp: read once.
        Bibliography bibliography =
                Bibliography.load(config.root(), config.bibliography(), problems);
        Figures figures = Figures.load(config.root(), config.content(), problems);
        String stamp = stamp(expanded, executor.environment(), bibliography, figures);
        watch.lap("scan");
        // A build that remembers (the preview server) goes through once even when up to date, to
        // fill its memory.
        boolean remembered = memory == null || memory.filled();
        if (problems.isEmpty()
                && !options.force()
                && !options.fix()
                && options.repeat() == null
                && options.shard() == null
                && remembered
                && upToDate(stamp)) {
            return new Report(pages.size(), 0, 0, 0, true, Map.of(), 0);
        }
        List<ParsedPage> parsed = parse(expanded, problems);
        warnAboutCodeFit(parsed);
        watch.lap("parse");
        if (options.shard() != null) {
            return runShard(executor, parsed, pages.size(), problems, watch);
        }
        BlockExecutor.Executed executed = executor.execute(parsed, options.fromShards());
        watch.lap("execute");
        int fixed = options.fix() ? ExpectedFixer.fix(config.root(), executed.mismatches()) : 0;
        int pagesRun = executed.pagesRun();
        if (fixed > 0) {
            // The pages now hold the new expected text: read them again, so that the report, the
            // "output checked" lines and the stamp agree with the files (the results come from the
            // cache).
            Problems again = new Problems();
            pages = scan(again);
            expanded = expand(pages, again);
            stamp = stamp(expanded, executor.environment(), bibliography, figures);
            parsed = parse(expanded, again);
            executed = executor.execute(parsed, false);
            watch.lap("re-read fixed pages");
        }
        if (options.repeat() != null) {
            repeat(executor, parsed, executed, problems);
            watch.lap("repeat");
        }

        Map<String, PageResult> results = new LinkedHashMap<>(executed.pages());
        Page api = apiIndex(pages, parsed, results, spec);
        if (api != null) {
            ParsedPage parsedApi = parse(expand(List.of(api), problems), problems).get(0);
            pages =
                    java.util.stream.Stream.concat(pages.stream(), java.util.stream.Stream.of(api))
                            .toList();
            parsed =
                    java.util.stream.Stream.concat(
                                    parsed.stream(), java.util.stream.Stream.of(parsedApi))
                            .toList();
            results.put(api.source(), new PageResult(api.source(), Map.of(), false, 0));
        }
        Navigation nav = Navigation.of(pages, config.sections(), problems);

        Map<String, String> outputBySource = new LinkedHashMap<>();
        Map<String, String> sourceByOutput = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        pages.forEach(p -> outputBySource.put(p.source(), p.outputPath()));
        pages.forEach(p -> sourceByOutput.put(p.outputPath(), p.source()));
        pages.forEach(p -> titles.put(p.source(), p.front().title()));
        Set<String> listed = new TreeSet<>();
        pages.stream().filter(p -> p.front().listed()).forEach(p -> listed.add(p.outputPath()));
        List<ExecutionReport.Entry> report =
                ExecutionReport.entries(parsed, results, titles, outputBySource);
        // Written even when the build fails: CI shows which examples failed.
        writeFile(config.reports().resolve("examples-junit.xml"), ExecutionReport.junitXml(report));
        bibliography.check(parsed, problems);
        figures.check(parsed, problems);
        HtmlRenderer renderer = new HtmlRenderer(outputBySource, bibliography, figures);
        List<RenderedPage> rendered =
                parsed.parallelStream()
                        .map(
                                p ->
                                        memory == null
                                                ? renderer.render(p, results.get(p.source()))
                                                : memory.render(
                                                        p,
                                                        results.get(p.source()),
                                                        outputBySource,
                                                        List.of(bibliography, figures),
                                                        q ->
                                                                renderer.render(
                                                                        q,
                                                                        results.get(q.source()))))
                        .toList();

        watch.lap("render");
        Path out = freshFolder();
        int baked;
        try {
            int beforeBake = problems.count();
            Baker baker = new Baker(config, problems);
            String runCommand = runCommand("PAGE.jsh");
            // Only pages whose template model changed are baked and post-processed; the others are
            // taken from site/ as the last build finished them (see FinishedPages).
            Map<String, String> modelKeys = baker.modelKeys(rendered, nav, runCommand);
            String siteWide = finishedPagesKey();
            FinishedPages kept =
                    options.force() || options.fix()
                            ? FinishedPages.empty(config.cache(), siteWide)
                            : FinishedPages.load(config.cache(), siteWide);
            Map<String, PostProcessor.Finished> finished =
                    new java.util.concurrent.ConcurrentHashMap<>();
            rendered.parallelStream()
                    .forEach(
                            r -> {
                                String output = r.parsed().expanded().page().outputPath();
                                PostProcessor.Finished reused =
                                        kept.reuse(config.site(), output, modelKeys.get(output));
                                if (reused != null) {
                                    finished.put(output, reused);
                                }
                            });
            List<RenderedPage> toBake =
                    rendered.stream()
                            .filter(
                                    r ->
                                            !finished.containsKey(
                                                    r.parsed().expanded().page().outputPath()))
                            .toList();
            baked = toBake.size();
            watch.lap("reuse");
            baker.bake(toBake, nav, out, runCommand);
            watch.lap("bake");
            SiteFiles files = new SiteFiles(out, config.site());
            VendorAssets.copyInto(files);
            files.write(GeneratedPages.TIMINGS, ExecutionReport.timingsScript(report));
            final BlockExecutor.Executed ran = executed;
            parsed.parallelStream()
                    .filter(ScriptWriter::hasScript)
                    .forEach(
                            p -> {
                                String output = p.expanded().page().outputPath();
                                String script =
                                        output.substring(0, output.length() - ".html".length())
                                                + ".jsh";
                                files.write(
                                        script,
                                        ScriptWriter.script(
                                                p,
                                                ran.pages().get(p.source()),
                                                spec,
                                                p.expanded().page().front().title(),
                                                runCommand(
                                                        Path.of(script).getFileName().toString())));
                            });
            watch.lap("assets");
            // Links are checked even when examples failed, so one build reports everything; not
            // after a failed bake.
            if (problems.count() == beforeBake) {
                PostProcessor post = new PostProcessor(problems);
                toBake.parallelStream()
                        .forEach(
                                r -> {
                                    String output = r.parsed().expanded().page().outputPath();
                                    finished.put(
                                            output,
                                            PostProcessor.finish(
                                                    output, readFile(out.resolve(output))));
                                });
                post.complete(
                        out,
                        finished,
                        sourceByOutput,
                        config.relative(config.templates().resolve(TEMPLATE)),
                        listed,
                        config.baseUrl());
            }
            watch.lap("post-process");
            failIfAny(problems);
            swapInto(out, config.site());
            writeStamp(stamp);
            kept.save(config.site(), modelKeys, finished);
            watch.lap("swap");
        } finally {
            deleteTree(out);
        }
        int cached = (int) executed.pages().values().stream().filter(PageResult::cached).count();
        watch.report();
        return new Report(
                pages.size(),
                pagesRun,
                cached - (fixed > 0 ? pagesRun : 0),
                fixed,
                false,
                executed.pages(),
                baked);
    }

    /**
     * {@code --shard K/N}: the shard's pages run (or come from the cache), their results are copied
     * out; nothing is baked.
     */
    private Report runShard(
            BlockExecutor executor,
            List<ParsedPage> parsed,
            int pageCount,
            Problems problems,
            Stopwatch watch)
            throws BuildFailedException {
        Shard shard = options.shard();
        List<ParsedPage> mine = executor.shard(parsed, shard.index(), shard.count());
        BlockExecutor.Executed executed = executor.execute(mine, false);
        watch.lap("execute");
        Map<String, String> titles = new LinkedHashMap<>();
        mine.forEach(p -> titles.put(p.source(), p.expanded().page().front().title()));
        writeFile(
                config.reports().resolve(shard.folder() + "-examples-junit.xml"),
                ExecutionReport.junitXml(
                        ExecutionReport.entries(mine, executed.pages(), titles, Map.of())));
        executor.export(mine, config.reports().resolve(shard.folder()).resolve("results"));
        watch.report();
        failIfAny(problems);
        int cached = (int) executed.pages().values().stream().filter(PageResult::cached).count();
        return new Report(pageCount, executed.pagesRun(), cached, 0, false, executed.pages(), 0);
    }

    /**
     * The API index page (see {@link ApiIndex}), or null when none is configured or a written page
     * takes its place.
     */
    private Page apiIndex(
            List<Page> pages,
            List<ParsedPage> parsed,
            Map<String, PageResult> results,
            SessionSpec spec) {
        SiteConfig.ApiIndex c = config.apiIndex();
        if (c.packages().isEmpty()
                || pages.stream().anyMatch(p -> p.outputPath().equals(ApiIndex.OUTPUT))) {
            return null;
        }
        List<ApiIndex.PageUse> uses = new ArrayList<>();
        for (ParsedPage p : parsed) {
            PageResult r = results.get(p.source());
            if (r != null && !p.runBlocks().isEmpty()) {
                String code =
                        p.runBlocks().stream()
                                .map(b -> b.code())
                                .reduce("", (a, b) -> a + "\n" + b);
                uses.add(
                        new ApiIndex.PageUse(
                                p.source(),
                                p.expanded().page().front().title(),
                                r.used().all(),
                                r.used().own(),
                                code));
            }
        }
        return ApiIndex.page(
                c.title(),
                c.section(),
                c.order(),
                c.packages(),
                spec.classpath(),
                uses,
                spec.prelude(),
                config.content());
    }

    private List<Page> scan(Problems problems) {
        return GeneratedPages.addTo(
                new ContentScanner(config.root(), problems)
                        .scan(config.content(), options.drafts()),
                config.content());
    }

    private List<ExpandedPage> expand(List<Page> pages, Problems problems) {
        IncludeExpander expander =
                new IncludeExpander(
                        config.root(), problems, List.of(config.site(), config.cache()));
        return pages.stream().map(expander::expand).toList();
    }

    private List<ParsedPage> parse(List<ExpandedPage> expanded, Problems problems) {
        if (memory != null) {
            return expanded.parallelStream().map(e -> memory.parse(e, problems)).toList();
        }
        MarkdownParser parser = new MarkdownParser(problems);
        return expanded.stream().map(parser::parse).toList();
    }

    /**
     * {@code --repeat}: the named pages (all when none is named) run again; unknown names are
     * problems.
     */
    private void repeat(
            BlockExecutor executor,
            List<ParsedPage> parsed,
            BlockExecutor.Executed executed,
            Problems problems) {
        Set<String> wanted = options.repeat();
        List<ParsedPage> chosen =
                parsed.stream()
                        .filter(
                                p ->
                                        !p.runBlocks().isEmpty()
                                                && (wanted.isEmpty()
                                                        || wanted.contains(p.source())))
                        .toList();
        for (String name : new TreeSet<>(wanted)) {
            if (parsed.stream().noneMatch(p -> p.source().equals(name))) {
                problems.add(
                        name,
                        0,
                        "--repeat names this file, which is not a page of the site: give source paths such as content/fundamentals/optimizers.md");
            }
        }
        if (chosen.isEmpty()) {
            System.out.println("nnwiki: --repeat: no page with examples to run again");
            return;
        }
        List<String> varied = executor.repeat(chosen, executed.pages());
        System.out.println(
                "nnwiki: --repeat: ran the examples of "
                        + chosen.size()
                        + " page(s) again with "
                        + String.join(" ", varied));
    }

    /**
     * Code lines and cells too long for the column: the first ten here, all of them as GitHub
     * annotations.
     */
    private static void warnAboutCodeFit(List<ParsedPage> parsed) {
        List<Problem> warnings =
                parsed.stream()
                        .flatMap(p -> org.nnwiki.generator.markdown.CodeFit.check(p).stream())
                        .toList();
        if (warnings.isEmpty()) {
            return;
        }
        boolean github = "true".equals(System.getenv("GITHUB_ACTIONS"));
        long lines = warnings.stream().filter(w -> w.message().startsWith("code line")).count();
        System.out.println(
                "nnwiki: warning: "
                        + lines
                        + " code line(s) over "
                        + org.nnwiki.generator.markdown.CodeFit.MAX_LINE
                        + " characters and "
                        + (warnings.size() - lines)
                        + " cell(s) over "
                        + org.nnwiki.generator.markdown.CodeFit.MAX_LINES
                        + " lines"
                        + (warnings.size() > 10 ? " (the first 10):" : ":"));
        for (int i = 0; i < warnings.size(); i++) {
            Problem w = warnings.get(i);
            if (i < 10) {
                System.out.println("  " + w.location() + ": " + w.message());
            }
            if (github) {
                System.out.println(
                        "::warning file=" + w.file() + ",line=" + w.line() + "::" + w.message());
            }
        }
    }

    private static void failIfAny(Problems problems) throws BuildFailedException {
        if (!problems.isEmpty()) {
            throw new BuildFailedException(problems.sorted());
        }
    }

    /**
     * The jshell command line that runs a page's downloaded script like a session, in the folder
     * the script was saved in, with {@code NNWIKI} naming the clone of the repository.
     */
    String runCommand(String script) {
        SiteConfig.Session s = config.session();
        // Run from the folder the script was saved in: paths inside the repository start at
        // $NNWIKI, the clone.
        List<String> cp = new ArrayList<>();
        s.classpath().forEach(e -> cp.add(Path.of(e).isAbsolute() ? e : "$NNWIKI/" + e));
        s.classpathFiles()
                .forEach(
                        f ->
                                cp.add(
                                        "$(cat \""
                                                + (Path.of(f).isAbsolute() ? f : "$NNWIKI/" + f)
                                                + "\")"));
        StringBuilder sb = new StringBuilder("jshell");
        List<String> vm = s.vmOptions();
        for (int i = 0; i < vm.size(); i++) {
            if (vm.get(i).equals("--add-modules") && i + 1 < vm.size()) {
                sb.append(" --add-modules ").append(vm.get(i + 1));
            }
            sb.append(" -R").append(vm.get(i));
        }
        if (!cp.isEmpty()) {
            sb.append(" --class-path \"")
                    .append(String.join(java.io.File.pathSeparator, cp))
                    .append('"');
        }
        return sb.append(' ').append(script).toString();
    }

    /** Every template file, by name and content. */
    private void addTemplates(MessageDigest md, java.util.function.Consumer<String> add)
            throws IOException {
        try (Stream<Path> walk = Files.walk(config.templates())) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                add.accept(config.relative(f));
                md.update(Files.readAllBytes(f));
            }
        }
    }

    /**
     * What every finished page depends on besides its own template model: the templates, the
     * configuration, what is published, the vendored assets and the generator itself.
     */
    private String finishedPagesKey() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            java.util.function.Consumer<String> add =
                    s -> md.update((s + "\u0000").getBytes(StandardCharsets.UTF_8));
            add.accept(org.nnwiki.generator.execute.Fingerprint.generator());
            add.accept(VendorAssets.versions());
            add.accept(config.toString());
            add.accept("drafts " + options.drafts());
            addTemplates(md, add);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            return "unreadable " + System.nanoTime(); // reuses nothing
        }
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void writeFile(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The session settings, with the class path resolved against the root. */
    SessionSpec sessionSpec(Problems problems) {
        SiteConfig.Session s = config.session();
        List<String> classpath = new ArrayList<>();
        for (String entry : s.classpath()) {
            Path p = config.root().resolve(entry);
            if (!Files.exists(p)) {
                problems.add(
                        "nnwiki.yml",
                        0,
                        "session class path entry '"
                                + entry
                                + "' does not exist: build the core, display and examples modules first (./mvnw -q package -DskipTests)");
            }
            classpath.add(p.toString());
        }
        for (String file : s.classpathFiles()) {
            Path p = config.root().resolve(file);
            try {
                for (String entry : Files.readString(p).strip().split(java.io.File.pathSeparator)) {
                    if (!entry.isBlank()) {
                        classpath.add(entry.strip());
                    }
                }
            } catch (IOException e) {
                problems.add(
                        "nnwiki.yml",
                        0,
                        "session class path file '"
                                + file
                                + "' cannot be read: build the core, display and examples modules first (./mvnw -q package -DskipTests)");
            }
        }
        String prelude = "";
        if (!s.prelude().isEmpty()) {
            try {
                prelude =
                        Files.readString(
                                config.root().resolve(s.prelude()), StandardCharsets.UTF_8);
            } catch (IOException e) {
                problems.add(
                        "nnwiki.yml",
                        0,
                        "session prelude '" + s.prelude() + "' cannot be read: " + e.getMessage());
            }
        }
        return new SessionSpec(
                List.copyOf(classpath),
                prelude,
                s.prelude(),
                s.valueHook(),
                s.heap(),
                s.vmOptions(),
                s.timeout(),
                s.maxOutputChars(),
                confinement(problems));
    }

    /**
     * Whether sessions run in the sandbox ({@code session.sandbox}, which {@code --sandbox} and
     * {@code NNWIKI_SANDBOX} override). With {@code auto} and no working bwrap this says so once
     * per build; with {@code required} it is a problem of the build.
     */
    private SessionSpec.Confinement confinement(Problems problems) {
        SiteConfig.Session s = config.session();
        Sandbox.Mode mode = Sandbox.Mode.parse(s.sandbox());
        if (mode == Sandbox.Mode.OFF) {
            return SessionSpec.Confinement.NONE;
        }
        String why = Sandbox.unavailable();
        if (why != null) {
            if (mode == Sandbox.Mode.REQUIRED) {
                problems.add(
                        "nnwiki.yml",
                        SiteConfig.lineOf(config.root().resolve("nnwiki.yml"), "sandbox:"),
                        "the sandbox is required (session.sandbox, NNWIKI_SANDBOX or --sandbox) but examples"
                                + " cannot run in it: "
                                + why
                                + "; or set it to auto to run them without one");
            } else {
                System.out.println(
                        "nnwiki: examples run without a sandbox: "
                                + why
                                + " (each session still starts in an empty scratch folder and its processes end with it;"
                                + " set session.sandbox: off in nnwiki.yml to stop this notice)");
            }
            return SessionSpec.Confinement.NONE;
        }
        List<String> readable = new ArrayList<>();
        for (String p : s.sandboxPaths()) {
            Path abs = config.root().resolve(p).toAbsolutePath().normalize();
            if (!Files.exists(abs)) {
                problems.add(
                        "nnwiki.yml",
                        SiteConfig.lineOf(config.root().resolve("nnwiki.yml"), "sandboxPaths:"),
                        "session.sandboxPaths entry '" + p + "' does not exist");
            }
            readable.add(abs.toString());
        }
        return new SessionSpec.Confinement(true, List.copyOf(readable), s.scratchMegabytes() << 20);
    }

    /**
     * A hash of every input of the site: pages (with includes), templates, configuration,
     * environment.
     */
    private String stamp(
            List<ExpandedPage> pages,
            String environment,
            Bibliography bibliography,
            Figures figures) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            java.util.function.Consumer<String> add =
                    s -> md.update((s + "\u0000").getBytes(StandardCharsets.UTF_8));
            add.accept(environment);
            add.accept(VendorAssets.versions());
            add.accept(config.toString());
            add.accept(
                    "drafts "
                            + options.drafts()); // what is published; fix, force and repeat change
            // no output
            add.accept(bibliography.toString()); // what the pages can show of it
            add.accept(figures.toString());
            for (ExpandedPage p : pages) {
                add.accept(p.page().source());
                add.accept(p.page().front().toString());
                add.accept(p.markdown());
            }
            addTemplates(md, add);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            return "";
        }
    }

    private Path stampFile() {
        return config.cache().resolve("site.stamp");
    }

    private boolean upToDate(String stamp) {
        try {
            return !stamp.isEmpty()
                    && Files.isRegularFile(config.site().resolve("index.html"))
                    && Files.readString(stampFile()).equals(stamp + " " + siteSignature());
        } catch (IOException e) {
            return false;
        }
    }

    private void writeStamp(String stamp) {
        try {
            Files.createDirectories(config.cache());
            Files.writeString(stampFile(), stamp.isEmpty() ? "" : stamp + " " + siteSignature());
        } catch (IOException e) {
            // only costs a rebuild next time
        }
    }

    /** Names, sizes and times of the files in site/: a hand edit there forces a rebuild. */
    private String siteSignature() throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> walk = Files.walk(config.site())) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                sb.append(config.site().relativize(f))
                        .append(':')
                        .append(Files.size(f))
                        .append(':')
                        .append(Files.getLastModifiedTime(f).toMillis())
                        .append(';');
            }
        }
        return Integer.toHexString(sb.toString().hashCode()) + sb.length();
    }

    private Path freshFolder() {
        try {
            Files.createDirectories(config.cache());
            return Files.createTempDirectory(config.cache(), "bake-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a build folder in " + config.cache(), e);
        }
    }

    /**
     * Replaces {@code site} with {@code out}; the old site is removed only once the new one is in
     * place.
     */
    private static void swapInto(Path out, Path site) {
        try {
            Path old = site.resolveSibling(site.getFileName() + ".old");
            deleteTree(old);
            if (Files.exists(site)) {
                Files.move(site, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(out, site, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the new site into " + site, e);
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
