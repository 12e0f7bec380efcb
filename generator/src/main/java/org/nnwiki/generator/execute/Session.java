package org.nnwiki.generator.execute;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * One JShell session: a separate JVM (launched by {@link SessionEngine}) with a heap cap, in which
 * a page's blocks run in order like notebook cells. Nothing a block does can take the build down:
 * an exception, a compile error, {@code System.exit}, an endless loop or an exhausted heap becomes
 * that block's {@link Failure}, and closing the session ends its JVM with any threads it left.
 */
final class Session implements AutoCloseable {
    private static final long BARRIER_WAIT_MS = 10_000;
    private static final long STOP_GRACE_MS = 3_000;
    private static final long CAPTURE_CAP = 16L << 20;

    private final SessionSpec spec;
    private final OutputCapture capture = new OutputCapture(CAPTURE_CAP);
    private final OutputParser parser;
    private final JShell shell;

    /**
     * The session JVM's engine: asks the session between blocks without compiling ({@link
     * SessionEngine#probe}).
     */
    private final SessionEngine engine;

    private final ExecutorService runner =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread t = new Thread(r, "nnwiki-session");
                        t.setDaemon(true);
                        return t;
                    });
    private volatile boolean ended;
    private volatile String shownExpression = "";
    private long peakHeapBytes;
    private volatile boolean stopping;
    private String endedBecause = "";
    private String preludeFailure;

    /**
     * The session JVM appends what it looked up on the class path here (see UsageRecordingLoader).
     */
    private final java.nio.file.Path usageLog;

    /**
     * The sandbox's pipe folder, holding the usage record too (null without a sandbox): deleted
     * with the session.
     */
    private final java.nio.file.Path ipc;

    /** The session JVM's working folder: fresh, and deleted with the session. */
    private final java.nio.file.Path scratch;

    private java.util.Set<String> used;
    private java.util.Set<String> preludeUsed = java.util.Set.of();

    /** What the compiler read of the class path (set while the shell is built). */
    private CompileRecorder compiled;

    /**
     * The file manager the session's compiler reads the class path through (shared with the pool's
     * other sessions).
     */
    private final CompileRecorder.Shared files;

    private final String commit;
    private Provenance provenance;

    /** The session's JVM: its descendants are ended with it. */
    private final ProcessHandle remote;

    /**
     * Sessions not yet closed: a build stopped by Ctrl-C or a kill ends their process trees on its
     * way out.
     */
    private static final java.util.Set<Session> LIVE =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Scratch folders, pipe folders and usage records of sessions not yet closed, started or not.
     */
    private static final java.util.Set<java.nio.file.Path> FOLDERS =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Set by the shutdown hook (under FOLDERS' lock): sessions starting from then on make no
     * folder.
     */
    private static boolean shuttingDown;

    /**
     * Makes a host folder or file of a session and registers it for the shutdown hook, unless the
     * generator is stopping.
     */
    private static java.nio.file.Path made(java.util.concurrent.Callable<java.nio.file.Path> make)
            throws java.io.IOException {
        synchronized (FOLDERS) {
            if (shuttingDown) {
                throw new java.io.IOException("the generator is stopping");
            }
            try {
                java.nio.file.Path p = make.call();
                FOLDERS.add(p);
                return p;
            } catch (java.io.IOException e) {
                throw e;
            } catch (Exception e) {
                throw new java.io.IOException(e);
            }
        }
    }

    static {
        // Processes, scratch folders, pipes and usage records of sessions still open (kept warm, or
        // a build stopped by Ctrl-C).
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    synchronized (FOLDERS) {
                                        shuttingDown =
                                                true; // no session starting now makes a folder
                                        // after the ones below are deleted
                                    }
                                    LIVE.forEach(Session::close);
                                    // Folders of sessions that were still starting.
                                    FOLDERS.forEach(SessionEngine.AgentFiles::deleteTree);
                                },
                                "nnwiki-session-cleanup"));
    }

    /**
     * @param files the pool's file manager for the session class path, which this session's
     *     compiler reads through (acquired here, released when the session closes); a closed one is
     *     replaced by one of the session's own
     */
    Session(SessionSpec spec, String commit, CompileRecorder.Shared files) {
        this.spec = spec;
        this.commit = commit;
        this.parser = new OutputParser(spec.maxOutputChars());
        PrintStream out = new PrintStream(capture, true, StandardCharsets.UTF_8);
        List<String> vm =
                new ArrayList<>(
                        List.of(
                                "-Xmx" + spec.heap(),
                                "-Xss4m",
                                "-XX:+UseSerialGC",
                                "-XX:TieredStopAtLevel=4",
                                // Compiles a method after three times the JVM's default number of
                                // calls and loops: a
                                // session of trivial blocks then spends about a fifth less CPU on
                                // the JIT for code it
                                // runs a few times (the agent, the protocol, class loading), while
                                // a training run
                                // reaches the same compiled code within its first second (measured:
                                // the same time
                                // for a 4 s and a 6 s run; a factor of 10 made the 4 s run 20-40 %
                                // slower). Results
                                // do not depend on it: the core gives the same bits interpreted or
                                // compiled.
                                "-XX:CompileThresholdScaling=3",
                                "-Djava.awt.headless=true",
                                "-Dfile.encoding=UTF-8",
                                "-Dstdout.encoding=UTF-8",
                                "-Dstderr.encoding=UTF-8",
                                "-Duser.language=en",
                                "-Duser.country=US",
                                "-Duser.timezone=UTC",
                                // Tells code that it runs inside a wiki build (the display API then
                                // emits figures for the page).
                                "-Dnnwiki.session=true"));
        vm.addAll(spec.vmOptions());
        // One class path for the session JVM and the compiler (28 addToClasspath calls cost 2.7 s
        // per
        // session). The session JVM loads it through the loader that records what the session used.
        String classpath = String.join(java.io.File.pathSeparator, spec.classpath());
        Sandbox sandbox = null;
        try {
            if (spec.sandbox().on()) {
                // The one host folder a sandboxed session can write: its pipes and its usage
                // record.
                ipc = made(() -> java.nio.file.Files.createTempDirectory("nnwiki-ipc"));
                usageLog = java.nio.file.Files.createFile(ipc.resolve("usage.txt"));
                List<String> readable = new ArrayList<>(spec.classpath());
                readable.addAll(spec.sandbox().readable());
                sandbox = new Sandbox(Sandbox.findBwrap(), readable, spec.sandbox().scratchBytes());
            } else {
                ipc = null;
                usageLog = made(() -> java.nio.file.Files.createTempFile("nnwiki-usage", ".txt"));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(
                    "cannot create the session's usage record: " + e.getMessage(), e);
        }
        vm.add(
                "-Djava.system.class.loader="
                        + org.nnwiki.generator.execute.agent.UsageRecordingLoader.class.getName());
        vm.add("-Dnnwiki.classpath=" + classpath);
        vm.add("-Dnnwiki.usageLog=" + usageLog);
        // The session sends at most half of what the generator keeps per block; it counts the rest.
        vm.add("-Dnnwiki.outputCap=" + CAPTURE_CAP / 2);
        // The compiler's class path is set once on the pool's shared file manager
        // (CompileRecorder), not
        // passed as an option: javac hands a --class-path option to the file manager for every
        // task,
        // which drops its index of the class path's jars and folders (two or three tasks per
        // snippet).
        List<String> compiler = new ArrayList<>();
        for (int i = 0; i < spec.vmOptions().size(); i++) {
            // Modules added to the session JVM must be visible to the compiler too.
            if (spec.vmOptions().get(i).equals("--add-modules")
                    && i + 1 < spec.vmOptions().size()) {
                compiler.add("--add-modules");
                compiler.add(spec.vmOptions().get(i + 1));
            } else if (spec.vmOptions().get(i).startsWith("--add-modules=")) {
                compiler.add(spec.vmOptions().get(i));
            }
        }
        try {
            scratch = made(() -> java.nio.file.Files.createTempDirectory("nnwiki-session"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(
                    "cannot create the session's scratch folder: " + e.getMessage(), e);
        }
        engine = new SessionEngine(scratch, sandbox, ipc);
        this.files = files.acquire() ? files : new CompileRecorder.Shared(spec.classpath());
        try {
            this.shell =
                    JShell.builder()
                            .executionEngine(engine, java.util.Map.of())
                            .fileManager(standard -> compiled = new CompileRecorder(this.files))
                            .out(out)
                            .err(out)
                            .in(new ByteArrayInputStream(new byte[0]))
                            .remoteVMOptions(vm.toArray(String[]::new))
                            .compilerOptions(compiler.toArray(String[]::new))
                            .build();
        } catch (RuntimeException | Error e) {
            // The session JVM did not start: nothing of it may stay behind.
            if (engine.process() != null) {
                engine.process().destroyForcibly();
            }
            deleteFolders();
            this.files.release();
            throw e;
        }
        shell.onShutdown(s -> ended = true);
        remote = engine.process() == null ? null : engine.process().toHandle();
        LIVE.add(this);
    }

    /**
     * Runs the prelude; returns its failure message or null (also kept: {@link #preludeFailure()}).
     */
    String start() {
        preludeFailure = runPrelude();
        preludeUsed = readUsed();
        return preludeFailure;
    }

    /** Why the prelude failed, or null. */
    String preludeFailure() {
        return preludeFailure;
    }

    private String runPrelude() {
        try {
            engine.loadProbe();
            provenance =
                    Provenance.parse(engine.probe("provenance"), commit, java.time.Instant.now());
        } catch (jdk.jshell.spi.ExecutionControl.ExecutionControlException | RuntimeException e) {
            ended = true;
            return "the session could not be asked where it runs: " + e;
        }
        if (spec.prelude().isBlank()) {
            return null;
        }
        BlockRun run = evalAll(spec.prelude(), 0, spec.timeout());
        return run.failure == null
                ? null
                : run.failure.message()
                        + (run.failure.detail().isEmpty() ? "" : "\n" + run.failure.detail());
    }

    boolean ended() {
        return ended;
    }

    /**
     * Runs one block. {@code firstLine} is the page-file line of the block's first code line, so
     * that failures can name page lines.
     */
    BlockResult run(int ordinal, String code, int firstLine, Duration timeout) {
        long t0 = System.nanoTime();
        if (ended) {
            return BlockResult.notRun(
                    ordinal,
                    new Failure(
                            Failure.Kind.NOT_RUN,
                            "not run: the session ended earlier (" + endedBecause + ")",
                            0,
                            ""));
        }
        shownExpression = "";
        BlockRun run = evalAll(code, firstLine, timeout);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        List<Output> outputs = parser.parse(run.drained.text(), run.drained.droppedBytes());
        Provenance where =
                provenance == null
                        ? null
                        : new Provenance(
                                provenance.jdk(),
                                provenance.os(),
                                provenance.vectorBits(),
                                provenance.threads(),
                                commit,
                                java.time.Instant.now());
        return new BlockResult(
                ordinal, outputs, run.failure, millis, peakHeapBytes, shownExpression, where);
    }

    private record BlockRun(Failure failure, OutputCapture.Drained drained) {}

    private BlockRun evalAll(String code, int firstLine, Duration timeout) {
        long barriersBefore = capture.barriers();
        stopping = false;
        Future<Failure> future = runner.submit(() -> evalSnippets(code, firstLine));
        Failure failure;
        try {
            failure = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            failure = stopAfterTimeout(future, timeout);
        } catch (ExecutionException e) {
            failure = sessionEnded(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new Failure(Failure.Kind.NOT_RUN, "interrupted", 0, "");
        }
        if (!ended) {
            try {
                // Everything the block printed is on its way once the barrier comes back.
                peakHeapBytes = parseLong(engine.probe("endOfBlock"));
                capture.awaitBarrier(barriersBefore, BARRIER_WAIT_MS);
            } catch (jdk.jshell.spi.ExecutionControl.ExecutionControlException
                    | IllegalStateException e) {
                ended = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (ended && failure == null) {
            failure = sessionEnded(null);
        }
        if (ended && endedBecause.isEmpty()) {
            endedBecause = failure.message();
        }
        return new BlockRun(failure, capture.drain());
    }

    private Failure stopAfterTimeout(Future<Failure> future, Duration timeout) {
        stopping = true;
        String message =
                "timed out after "
                        + timeout.toSeconds()
                        + " s: the block did not finish (an endless loop? raise it with timeout=SECONDS)";
        try {
            shell.stop();
            future.get(STOP_GRACE_MS, TimeUnit.MILLISECONDS);
            return new Failure(Failure.Kind.TIMEOUT, message, 0, "");
        } catch (Exception e) {
            // The block ignores stop requests: end its JVM.
            ended = true;
            endedBecause = "an earlier block timed out";
            future.cancel(true);
            endProcessTree();
            return new Failure(Failure.Kind.TIMEOUT, message, 0, "");
        }
    }

    private Failure sessionEnded(Throwable cause) {
        ended = true;
        String why =
                "the session's JVM ended while the block ran (System.exit, a crash or a killed process)";
        return new Failure(
                Failure.Kind.SESSION_ENDED,
                why,
                0,
                cause == null || cause.getMessage() == null ? "" : cause.getMessage());
    }

    /**
     * Splits {@code code} into snippets and evaluates them in order, stopping at the first failure.
     */
    private Failure evalSnippets(String code, int firstLine) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = code;
        SnippetEvent last = null;
        while (!remaining.isBlank() && !stopping) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            int offset = code.length() - remaining.length();
            int at = offset + leadingSpace(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            String source = info.source();
            if (!info.completeness().isComplete() || source == null) {
                if (info.completeness() == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE) {
                    return new Failure(
                            Failure.Kind.COMPILE_ERROR,
                            "incomplete code: a bracket, quote or statement is not closed",
                            lineAt(code, at, firstLine),
                            "");
                }
                source = remaining;
            }
            int snippetStart = locate(code, source, at);
            List<SnippetEvent> events;
            try {
                events = shell.eval(source);
            } catch (IllegalStateException e) {
                return sessionEnded(e);
            }
            for (SnippetEvent event : events) {
                if (event.causeSnippet() != null) {
                    continue;
                }
                Failure failure = failureOf(event, code, snippetStart, firstLine);
                if (failure != null) {
                    return failure;
                }
                last = event;
            }
            if (ended) {
                return sessionEnded(null);
            }
            remaining = info.remaining() == null ? "" : info.remaining();
        }
        return stopping ? null : showValue(last);
    }

    private Failure failureOf(SnippetEvent event, String code, int snippetStart, int firstLine) {
        Snippet snippet = event.snippet();
        if (event.status() == Snippet.Status.REJECTED) {
            List<Diag> diags = shell.diagnostics(snippet).filter(Diag::isError).toList();
            if (diags.isEmpty()) {
                return new Failure(
                        Failure.Kind.COMPILE_ERROR,
                        "the code does not compile",
                        lineAt(code, snippetStart, firstLine),
                        "");
            }
            Diag d = diags.get(0);
            int pos = d.getStartPosition() < 0 ? 0 : (int) d.getStartPosition();
            StringBuilder more = new StringBuilder();
            for (Diag other : diags.subList(1, diags.size())) {
                more.append(other.getMessage(Locale.ROOT)).append('\n');
            }
            return new Failure(
                    Failure.Kind.COMPILE_ERROR,
                    "compile error: " + diagMessage(d),
                    lineAt(code, snippetStart + pos, firstLine),
                    more.toString().strip());
        }
        if (event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
            String missing =
                    String.join(
                            ", ",
                            shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) snippet)
                                    .toList());
            return new Failure(
                    Failure.Kind.COMPILE_ERROR,
                    "cannot be defined: it needs " + missing + ", which no earlier block declares",
                    lineAt(code, snippetStart, firstLine),
                    "");
        }
        JShellException ex = event.exception();
        if (ex != null) {
            return exceptionFailure(ex, code, snippetStart, firstLine, snippet.id());
        }
        return null;
    }

    private Failure exceptionFailure(
            JShellException ex, String code, int snippetStart, int firstLine, String snippetId) {
        String name;
        if (ex instanceof EvalException ee) {
            name = ee.getExceptionClassName();
        } else if (ex instanceof UnresolvedReferenceException ure) {
            return new Failure(
                    Failure.Kind.EXCEPTION,
                    "cannot call "
                            + ure.getSnippet().toString().strip()
                            + ": it uses something no earlier block declares",
                    lineAt(code, snippetStart, firstLine),
                    "");
        } else {
            name = ex.getClass().getName();
        }
        String message = ex.getMessage() == null ? name : name + ": " + ex.getMessage();
        int line = lineAt(code, snippetStart, firstLine);
        boolean lineFound = false;
        StringBuilder trace = new StringBuilder();
        int shown = 0;
        for (StackTraceElement e : ex.getStackTrace()) {
            if (!lineFound && ("#" + snippetId).equals(e.getFileName()) && e.getLineNumber() > 0) {
                line += e.getLineNumber() - 1;
                lineFound = true;
            }
            // Frames in the page's own snippets are named by the line above; show where library
            // code failed.
            String file = e.getFileName();
            if (shown < 8 && (file == null || !file.startsWith("#"))) {
                trace.append("  at ").append(e).append('\n');
                shown++;
            }
        }
        Throwable cause = ex.getCause();
        if (cause != null) {
            trace.append("Caused by: ").append(cause.getMessage()).append('\n');
        }
        if (name.equals("java.lang.OutOfMemoryError")) {
            message +=
                    " (the session heap is "
                            + spec.heap()
                            + ": use less memory, or raise session.heap in nnwiki.yml)";
        }
        return new Failure(Failure.Kind.EXCEPTION, message, line, trace.toString().strip());
    }

    private Failure showValue(SnippetEvent last) {
        if (last == null || last.status() != Snippet.Status.VALID) {
            return null;
        }
        String name = null;
        Snippet s = last.snippet();
        if (s instanceof VarSnippet v
                && s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            // printf and format return their stream; a notebook would show "PrintStream@1b6d3586".
            name =
                    v.typeName().equals("PrintStream") || v.typeName().equals("java.io.PrintStream")
                            ? null
                            : v.name();
        } else if (s instanceof ExpressionSnippet e
                && s.subKind() == Snippet.SubKind.VAR_VALUE_SUBKIND) {
            name = e.name();
        }
        if (name == null) {
            return null;
        }
        shownExpression = s.source().strip();
        if (spec.valueHook().isEmpty()) {
            String value = last.value() == null ? "null" : last.value();
            print(
                    OutputParser.DISPLAY
                            + "value "
                            + java.util.Base64.getEncoder()
                                    .encodeToString(value.getBytes(StandardCharsets.UTF_8))
                            + "\n");
            return null;
        }
        // Shown without compiling a call where the hook allows it (SessionProbe.showValue); the
        // compiled call below is the fallback, and what the downloadable script does.
        try {
            if (engine.showValue(name, s instanceof VarSnippet, spec.valueHook())) {
                return null;
            }
        } catch (jdk.jshell.spi.ExecutionControl.RunException e) {
            return new Failure(
                    Failure.Kind.EXCEPTION,
                    "displaying the value failed: " + e.getMessage(),
                    0,
                    "");
        } catch (jdk.jshell.spi.ExecutionControl.ExecutionControlException e) {
            // the compiled call below says what is wrong
        }
        List<SnippetEvent> events = shell.eval(spec.valueHook() + "(" + name + ");");
        for (SnippetEvent event : events) {
            if (event.exception() != null) {
                return new Failure(
                        Failure.Kind.EXCEPTION,
                        "displaying the value failed: " + event.exception().getMessage(),
                        0,
                        "");
            }
            if (event.status() == Snippet.Status.REJECTED) {
                return new Failure(
                        Failure.Kind.COMPILE_ERROR,
                        "the value hook '"
                                + spec.valueHook()
                                + "' does not compile here (check nnwiki.yml and the prelude)",
                        0,
                        "");
            }
        }
        return null;
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void print(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        capture.write(bytes, 0, bytes.length);
    }

    /**
     * javac's message on one line, without JShell's nameless wrapper class ("location: class ").
     */
    private static String diagMessage(Diag d) {
        return d.getMessage(Locale.ROOT)
                .replaceAll("\\s*location: class\\s*$", "")
                .replaceAll("\\s*\\n\\s*", "; ")
                .strip();
    }

    private static int leadingSpace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * Where {@code source} (as JShell trimmed it) starts in {@code code}, searching from {@code
     * from}.
     */
    private static int locate(String code, String source, int from) {
        String head = source.strip();
        int nl = head.indexOf('\n');
        head = nl < 0 ? head : head.substring(0, nl);
        if (head.endsWith(";")) {
            head = head.substring(0, head.length() - 1);
        }
        int found = head.isEmpty() ? -1 : code.indexOf(head, from);
        return found < 0 ? from : found;
    }

    private static int lineAt(String code, int index, int firstLine) {
        int line = firstLine;
        for (int i = 0; i < Math.min(index, code.length()); i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private java.util.Set<String> readUsed() {
        try {
            java.util.Set<String> lines =
                    new java.util.TreeSet<>(
                            java.nio.file.Files.readAllLines(usageLog, StandardCharsets.UTF_8));
            lines.remove("");
            if (compiled != null) {
                lines.addAll(compiled.read());
            }
            return lines;
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return null;
        }
    }

    /**
     * What the session's blocks looked up beyond what the prelude had (empty when the record is
     * missing).
     */
    java.util.Set<String> ownUsed() {
        if (used == null) {
            return java.util.Set.of();
        }
        java.util.Set<String> own = new java.util.TreeSet<>(used);
        if (preludeUsed != null) {
            own.removeAll(preludeUsed);
        }
        return own;
    }

    /**
     * What the session looked up on its class path ({@code +path} found, {@code -path} not found,
     * {@code *path} every copy), read when it closed; null when the record is missing (do not
     * cache).
     */
    java.util.Set<String> used() {
        return used;
    }

    @Override
    public void close() {
        runner.shutdownNow();
        endProcessTree();
        LIVE.remove(this);
        used = readUsed();
        deleteFolders();
        if (compiled != null) {
            compiled.close();
        } else {
            files.release();
        }
    }

    /** Deletes the scratch folder and the usage record (with the pipe folder, in a sandbox). */
    private void deleteFolders() {
        java.nio.file.Path own = ipc == null ? usageLog : ipc;
        SessionEngine.AgentFiles.deleteTree(scratch);
        SessionEngine.AgentFiles.deleteTree(own);
        FOLDERS.remove(scratch);
        FOLDERS.remove(own);
    }

    /**
     * Ends the session's JVM and every process it started, children and grandchildren (a block that
     * ran {@code new ProcessBuilder("sleep", "600").start()} leaves nothing behind). The tree is
     * read before the JVM ends, because orphans are no longer its descendants afterwards, and read
     * again for anything started meanwhile.
     */
    private void endProcessTree() {
        List<ProcessHandle> tree = remote == null ? List.of() : remote.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        List<ProcessHandle> later = remote == null ? List.of() : remote.descendants().toList();
        try {
            shell.close();
        } catch (RuntimeException e) {
            // already gone
        }
        later.forEach(ProcessHandle::destroyForcibly);
        if (remote != null) {
            remote.destroyForcibly();
        }
    }

    static Duration timeoutOf(int seconds, Duration dflt) {
        return seconds > 0 ? Duration.ofSeconds(seconds) : dflt;
    }
}
