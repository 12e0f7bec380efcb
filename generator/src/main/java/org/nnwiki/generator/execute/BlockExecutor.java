package org.nnwiki.generator.execute;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.nnwiki.generator.Problem;
import org.nnwiki.generator.Problems;
import org.nnwiki.generator.markdown.CodeBlock;
import org.nnwiki.generator.markdown.ParsedPage;

/**
 * Runs the {@code run} blocks of every page, one JShell session per page (and per named session),
 * pages in parallel, reusing cached results where the key matches. Failures, {@code expect=error}
 * blocks that succeed and {@code expected} mismatches are reported to {@link Problems}.
 *
 * <pre>{@code
 * Executed done = new BlockExecutor(spec, cacheDir, problems, 2, false).execute(parsedPages);
 * }</pre>
 */
public final class BlockExecutor {
    private final SessionSpec spec;
    private final ResultCache cache;
    private final Problems problems;
    private final int parallelism;
    private final boolean fix;
    private final String environment;
    private final String commit;
    private final ClasspathContent content;
    private java.util.function.Consumer<Progress.Snapshot> progressListener = s -> {};
    private final String classpathStamp;

    /**
     * @param fix when true, {@code expected} mismatches are not problems but returned for rewriting
     * @param commit the repository's commit, recorded in each result's {@link Provenance}
     */
    public BlockExecutor(
            SessionSpec spec,
            java.nio.file.Path cacheDir,
            Problems problems,
            int parallelism,
            boolean fix,
            String commit) {
        this.spec = spec;
        this.commit = commit;
        this.cache = new ResultCache(cacheDir.resolve("results"));
        this.problems = problems;
        this.parallelism = Math.max(1, parallelism);
        this.fix = fix;
        this.environment = Fingerprint.of(spec);
        this.content = new ClasspathContent(spec.classpath());
        this.classpathStamp = Fingerprint.stamp(spec.classpath());
    }

    /**
     * The execution stage's product.
     *
     * @param pages each page's results by source path
     * @param mismatches expected blocks whose text differs (only collected in fix mode)
     */
    public record Executed(Map<String, PageResult> pages, List<Mismatch> mismatches) {
        public int pagesRun() {
            return (int)
                    pages.values().stream()
                            .filter(p -> !p.cached() && !p.byOrdinal().isEmpty())
                            .count();
        }
    }

    /** An expected block and the text the block really showed. */
    public record Mismatch(String source, CodeBlock.Expected expected, String actual) {}

    public Executed execute(List<ParsedPage> pages) {
        return execute(pages, false);
    }

    /**
     * Runs the pages' examples, reusing cached results. With {@code cachedOnly} (assembling the
     * site from shards' results) nothing runs: a page without cached results is a problem.
     */
    public Executed execute(List<ParsedPage> pages, boolean cachedOnly) {
        // Cached pages first (no session needed), then the rest, the slowest of the last run first.
        Map<String, PageResult> cachedResults = new HashMap<>();
        List<ParsedPage> toRun = new ArrayList<>();
        Map<String, Long> lastMillis = new HashMap<>();
        int sessionsNeeded = 0;
        for (ParsedPage page : pages) {
            ResultCache.Hit cached =
                    page.runBlocks().isEmpty()
                            ? new ResultCache.Hit(List.of(), PageResult.Usage.NONE)
                            : cache.load(page.source(), keyOf(page), content);
            if (cached != null) {
                cachedResults.put(
                        page.source(),
                        new PageResult(
                                page.source(),
                                byOrdinal(cached.results()),
                                !cached.results().isEmpty(),
                                0,
                                cached.used()));
            } else if (cachedOnly) {
                problems.add(
                        new Problem(
                                page.source(),
                                0,
                                "--from-shards: no shard's results for this page are in "
                                        + cache.folder()
                                        + " (its shard failed or did not run, or the page changed since): run its shard again",
                                ""));
                cachedResults.put(page.source(), new PageResult(page.source(), Map.of(), false, 0));
            } else {
                toRun.add(page);
                lastMillis.put(page.source(), cache.lastMillis(page.source()));
                sessionsNeeded += sessionsOf(page);
            }
        }
        toRun.sort(
                java.util.Comparator.comparingLong((ParsedPage p) -> -lastMillis.get(p.source())));
        // (LinkedHashMap: the progress line lists pages in this order.)
        SessionPool pool =
                SessionPool.shared(spec, commit, environment + " " + classpathStamp, parallelism);
        pool.expect(sessionsNeeded);
        Map<String, PageResult> ran;
        Progress progress = new Progress(lastMillis, parallelism, progressListener);
        try {
            ran =
                    runAll(
                            toRun,
                            page -> {
                                progress.started(page.source());
                                PageResult r = runPage(page, pool, true);
                                progress.finished(page.source(), r.millis());
                                return r;
                            });
        } finally {
            pool.idle();
            content.close();
        }
        if (Boolean.getBoolean("nnwiki.timings")) {
            printSessionTimes(ran.values());
        }
        Map<String, PageResult> results = new LinkedHashMap<>();
        for (ParsedPage page : pages) {
            results.put(
                    page.source(),
                    cachedResults.containsKey(page.source())
                            ? cachedResults.get(page.source())
                            : ran.get(page.source()));
        }
        List<Mismatch> mismatches = new ArrayList<>();
        for (ParsedPage page : pages) {
            check(page, results.get(page.source()), mismatches);
        }
        return new Executed(results, List.copyOf(mismatches));
    }

    /** Each page's results by source, pages run {@code parallelism} at a time. */
    private Map<String, PageResult> runAll(
            List<ParsedPage> pages, java.util.function.Function<ParsedPage, PageResult> run) {
        ExecutorService pool =
                Executors.newFixedThreadPool(
                        parallelism,
                        r -> {
                            Thread t = new Thread(r, "nnwiki-page");
                            t.setDaemon(true);
                            return t;
                        });
        try {
            Map<String, Future<PageResult>> futures = new LinkedHashMap<>();
            for (ParsedPage page : pages) {
                futures.put(page.source(), pool.submit(() -> run.apply(page)));
            }
            Map<String, PageResult> results = new LinkedHashMap<>();
            for (var e : futures.entrySet()) {
                try {
                    results.put(e.getKey(), e.getValue().get());
                } catch (ExecutionException ex) {
                    problems.add(
                            e.getKey(),
                            0,
                            "running the page's examples crashed the generator: " + ex.getCause());
                    results.put(e.getKey(), new PageResult(e.getKey(), Map.of(), false, 0));
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", ex);
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The pages of shard {@code index} (1-based) of {@code count}: the pages with examples,
     * balanced by their last recorded run times (longest first, each to the shard with the least
     * time so far), then the pages with no recorded time, by name. The same inputs give every shard
     * the same split, and a page added without a record never moves a recorded one.
     */
    public List<ParsedPage> shard(List<ParsedPage> pages, int index, int count) {
        List<ParsedPage> withBlocks = pages.stream().filter(p -> !p.runBlocks().isEmpty()).toList();
        Map<String, Long> last = new HashMap<>();
        withBlocks.forEach(p -> last.put(p.source(), cache.lastMillis(p.source())));
        List<ParsedPage> order = new ArrayList<>(withBlocks);
        order.sort(
                java.util.Comparator.comparingLong(
                                (ParsedPage p) -> last.get(p.source()) > 0 ? 0 : 1)
                        .thenComparingLong(p -> -last.get(p.source()))
                        .thenComparing(ParsedPage::source));
        long[] load = new long[count];
        int[] pagesIn = new int[count];
        List<ParsedPage> mine = new ArrayList<>();
        for (ParsedPage p : order) {
            int best = 0;
            for (int i = 1; i < count; i++) {
                if (load[i] < load[best] || (load[i] == load[best] && pagesIn[i] < pagesIn[best])) {
                    best = i;
                }
            }
            load[best] += Math.max(1, last.get(p.source()));
            pagesIn[best]++;
            if (best == index - 1) {
                mine.add(p);
            }
        }
        return mine;
    }

    /**
     * Copies the cached results of {@code pages} into {@code folder} (a shard's share, merged later
     * into a cache).
     */
    public void export(List<ParsedPage> pages, java.nio.file.Path folder) {
        for (ParsedPage p : pages) {
            cache.copy(p.source(), folder);
        }
    }

    /** Where the execution stage reports its progress (nowhere by default). */
    public BlockExecutor onProgress(java.util.function.Consumer<Progress.Snapshot> listener) {
        this.progressListener = listener;
        return this;
    }

    /**
     * Keeps {@code sessions} sessions started between builds of this process, so that the next
     * build's first pages find one ready (the preview server); 0, the default, closes them after
     * each build.
     */
    public static void keepSessionsWarm(int sessions) {
        SessionPool.keepWarm(sessions);
    }

    /** Closes every session kept warm (the preview server stops). */
    public static void closeSessions() {
        SessionPool.closeShared();
    }

    /**
     * With {@code -Dnnwiki.timings}: the medians of a run page's time outside its blocks (sessions)
     * and of a block's time.
     */
    private static void printSessionTimes(java.util.Collection<PageResult> ran) {
        List<Long> overhead = new ArrayList<>();
        List<Long> blocks = new ArrayList<>();
        for (PageResult p : ran) {
            if (p.cached() || p.byOrdinal().isEmpty()) {
                continue;
            }
            long inBlocks = p.byOrdinal().values().stream().mapToLong(BlockResult::millis).sum();
            overhead.add(p.millis() - inBlocks);
            p.byOrdinal().values().forEach(b -> blocks.add(b.millis()));
        }
        if (!overhead.isEmpty()) {
            System.out.println(
                    "nnwiki: session times (ms): pages="
                            + overhead.size()
                            + " overhead-median="
                            + median(overhead)
                            + " block-median="
                            + median(blocks));
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /**
     * {@code --repeat}: runs the given pages' examples again in fresh sessions, never from the
     * cache, with another thread count and a narrower vector width than the first run saw, and
     * reports every block whose outputs differ from {@code first} (blocks marked {@code varies}
     * excepted). Returns the options the repetition ran with.
     */
    public List<String> repeat(List<ParsedPage> pages, Map<String, PageResult> first) {
        List<String> varied = variedOptions(first.values());
        SessionSpec other = spec.withMoreVmOptions(varied);
        Map<String, PageResult> again;
        try (SessionPool pool = new SessionPool(other, commit, environment, parallelism)) {
            pool.expect(pages.stream().mapToInt(BlockExecutor::sessionsOf).sum());
            again = runAll(pages, page -> runPage(page, pool, false));
        }
        for (ParsedPage page : pages) {
            PageResult a = first.get(page.source());
            PageResult b = again.get(page.source());
            if (a == null || b == null) {
                continue;
            }
            for (CodeBlock block : page.runBlocks()) {
                BlockResult ra = a.byOrdinal().get(block.ordinal());
                BlockResult rb = b.byOrdinal().get(block.ordinal());
                if (ra == null || rb == null || block.info().varies() || ra.failed()) {
                    continue;
                }
                String diff = RepeatCheck.firstDifference(ra, rb);
                if (diff != null) {
                    problems.add(
                            new Problem(
                                    page.source(),
                                    block.line(),
                                    "the block's output changed when it ran again in a fresh session with "
                                            + String.join(" ", varied)
                                            + ": its results depend on the machine, the thread count or chance (seed every random"
                                            + " source, use StrictMath rather than Math for exp/log/pow/sin/cos, and do not print timings; a block that measures"
                                            + " time can say so with 'varies')",
                                    diff));
                }
            }
        }
        return varied;
    }

    /**
     * One thread when the first run had several (else three), and 128-bit vectors when it had wider
     * ones (else 64-bit): the repetition differs from the first run wherever this machine allows.
     */
    static List<String> variedOptions(java.util.Collection<PageResult> first) {
        int threads = 0;
        int bits = 0;
        for (PageResult p : first) {
            for (BlockResult r : p.byOrdinal().values()) {
                if (r.provenance() != null) {
                    threads = Math.max(threads, r.provenance().threads());
                    bits = Math.max(bits, r.provenance().vectorBits());
                }
            }
        }
        if (threads == 0) {
            threads = Runtime.getRuntime().availableProcessors();
        }
        List<String> out = new ArrayList<>();
        out.add("-XX:ActiveProcessorCount=" + (threads > 1 ? 1 : 3));
        if (bits != 0) {
            out.add("-XX:MaxVectorSize=" + (bits > 128 ? 16 : 8));
        }
        return out;
    }

    /**
     * The fingerprint of everything outside the pages that results depend on, with a stamp of the
     * class path's files (a page's cached results are keyed on what it used of them).
     */
    public String environment() {
        return environment + " " + classpathStamp;
    }

    /** The cache key of a page: its run blocks (code and options) in order, and the environment. */
    String keyOf(ParsedPage page) {
        List<String> parts = new ArrayList<>();
        parts.add(environment);
        for (CodeBlock b : page.runBlocks()) {
            parts.add(b.info().runOptions());
            parts.add(b.code());
        }
        return Fingerprint.of(parts);
    }

    private PageResult runPage(ParsedPage page, SessionPool pool, boolean store) {
        List<CodeBlock> blocks = page.runBlocks();
        if (blocks.isEmpty()) {
            return new PageResult(page.source(), Map.of(), false, 0);
        }
        String key = keyOf(page);
        long t0 = System.nanoTime();
        List<BlockResult> results = new ArrayList<>();
        Map<String, Session> sessions = new HashMap<>();
        try {
            for (CodeBlock block : blocks) {
                Session session = sessions.get(block.info().session());
                if (session == null) {
                    try {
                        session = pool.take();
                    } catch (IllegalStateException e) {
                        // The same message for every page: the build lists it once.
                        problems.add(
                                new Problem(
                                        "nnwiki.yml",
                                        0,
                                        "a session JVM did not start, so no example ran: check session.vmOptions,"
                                                + " session.heap and session.classpath in nnwiki.yml ("
                                                + brief(e)
                                                + ")",
                                        ""));
                        break;
                    }
                    sessions.put(block.info().session(), session);
                    String preludeFailure = session.preludeFailure();
                    if (preludeFailure != null) {
                        problems.add(
                                new Problem(
                                        spec.preludeFile(),
                                        0,
                                        "the session prelude failed (needed by "
                                                + page.source()
                                                + "): "
                                                + preludeFailure,
                                        ""));
                    }
                }
                // A fence's code starts on the line after it; an inline value's on its own line.
                results.add(
                        session.run(
                                block.ordinal(),
                                block.code(),
                                block.info().isInline() ? block.line() : block.line() + 1,
                                Session.timeoutOf(block.info().timeoutSeconds(), spec.timeout())));
            }
        } finally {
            sessions.values().forEach(Session::close);
        }
        java.util.Set<String> used = new java.util.TreeSet<>();
        java.util.Set<String> own = new java.util.TreeSet<>();
        boolean recorded = true;
        for (Session s : sessions.values()) {
            recorded &= s.used() != null;
            if (s.used() != null) {
                used.addAll(s.used());
                own.addAll(s.ownUsed());
            }
        }
        PageResult.Usage usage = new PageResult.Usage(used, own);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        boolean clean = true;
        clean &= results.size() == blocks.size();
        for (int i = 0; i < results.size(); i++) {
            clean &= blocks.get(i).info().expectError() == results.get(i).failed();
        }
        if (clean && store && recorded) {
            cache.store(page.source(), key, results, usage, content.digest(used));
        }
        return new PageResult(page.source(), byOrdinal(results), false, millis, usage);
    }

    /** How many sessions the page's run blocks use (the page's own and each named one). */
    private static int sessionsOf(ParsedPage page) {
        return (int) page.runBlocks().stream().map(b -> b.info().session()).distinct().count();
    }

    /** The first line of the innermost cause's message, at most 200 characters. */
    private static String brief(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        String m =
                c.getMessage() == null
                        ? c.toString()
                        : c.getMessage().lines().findFirst().orElse("");
        return m.length() > 200 ? m.substring(0, 199) + "…" : m;
    }

    private static Map<Integer, BlockResult> byOrdinal(List<BlockResult> results) {
        Map<Integer, BlockResult> map = new LinkedHashMap<>();
        results.forEach(r -> map.put(r.ordinal(), r));
        return map;
    }

    private void check(ParsedPage page, PageResult result, List<Mismatch> mismatches) {
        for (CodeBlock block : page.runBlocks()) {
            PortableMath.check(page.source(), block, problems);
            BlockResult r = result.byOrdinal().get(block.ordinal());
            if (r == null) {
                continue;
            }
            Failure f = r.failure();
            if (block.info().expectError()) {
                if (f == null) {
                    problems.add(
                            new Problem(
                                    page.source(),
                                    block.line(),
                                    "this block is marked expect=error but ran without an error: fix the code or remove expect=error",
                                    block.excerpt(0, 12)));
                } else if (f.kind() != Failure.Kind.COMPILE_ERROR
                        && f.kind() != Failure.Kind.EXCEPTION) {
                    problems.add(
                            new Problem(
                                    page.source(),
                                    block.line(),
                                    "expect=error accepts a compile error or an exception, but the block failed with a "
                                            + f.kind().label()
                                            + ": "
                                            + f.message(),
                                    block.excerpt(0, 12)));
                }
                continue;
            }
            if (f != null && block.info().isInline()) {
                problems.add(
                        new Problem(
                                page.source(),
                                block.line(),
                                "inline value `"
                                        + block.inlineExpression()
                                        + "` failed ("
                                        + f.kind().label()
                                        + "): "
                                        + f.message(),
                                f.detail().isEmpty() ? "" : f.detail().indent(4)));
                continue;
            }
            if (f != null) {
                int line = f.line() > 0 ? f.line() : block.line();
                String detail = f.detail().isEmpty() ? "" : f.detail().indent(4);
                problems.add(
                        new Problem(
                                page.source(),
                                line,
                                "example failed (" + f.kind().label() + "): " + f.message(),
                                block.excerpt(f.line(), 12) + detail));
                continue;
            }
            CodeBlock.Expected expected = block.expected();
            if (expected != null) {
                // --fix records the output exactly (the core gives the same bits everywhere, so a
                // difference within the tolerance is still a real change); the check uses the
                // tolerance.
                String diff =
                        ExpectedCheck.diff(
                                expected.text(), r.shownText(), fix ? 0.0 : expected.tolerance());
                if (diff != null) {
                    if (fix) {
                        mismatches.add(new Mismatch(page.source(), expected, r.shownText()));
                    } else {
                        problems.add(
                                new Problem(
                                        page.source(),
                                        expected.line(),
                                        "the output differs from the expected block (tol="
                                                + expected.tolerance()
                                                + "); run the build with --fix (./mvnw package -DskipTests -Pfix) to accept the new output",
                                        diff));
                    }
                }
            }
        }
    }
}
