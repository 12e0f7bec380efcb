package org.nnwiki.generator.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.nnwiki.generator.BuildFailedException;
import org.nnwiki.generator.Json;
import org.nnwiki.generator.SiteBuild;
import org.nnwiki.generator.SiteConfig;
import org.nnwiki.generator.execute.Progress;

/**
 * Serves the site at {@code http://127.0.0.1:PORT/} and rebuilds when {@code content/}, {@code
 * templates/}, {@code nnwiki.yml} or the sources of a module on the session class path change; open
 * pages reload when a rebuild succeeds and show the problems when it fails. A module is a
 * class-path folder {@code MODULE/target/classes} of the repository ({@code core}, {@code display},
 * {@code examples}): a change under {@code MODULE/src} first recompiles those modules with the
 * Maven Wrapper.
 */
public final class PreviewServer implements AutoCloseable {
    private static final String EVENTS = "/__nnwiki/events";
    private static final String RELOAD_SCRIPT =
            "<script>(function(){var s=new EventSource('"
                    + EVENTS
                    + "');"
                    + "s.addEventListener('reload',function(){location.reload();});"
                    + "s.addEventListener('failed',function(e){var d=document.getElementById('nnwiki-problems')||document.body.appendChild(document.createElement('pre'));"
                    + "d.id='nnwiki-problems';d.style.cssText='position:fixed;left:0;right:0;bottom:0;max-height:50vh;overflow:auto;margin:0;padding:1em;background:#400;color:#fdd;z-index:99;white-space:pre-wrap';"
                    + "d.textContent=JSON.parse(e.data);});"
                    // The execution stage's progress, in a line at the bottom of the open page
                    // while examples run.
                    + "s.addEventListener('progress',function(e){var p=JSON.parse(e.data);var d=document.getElementById('nnwiki-progress');"
                    + "if(!d){d=document.body.appendChild(document.createElement('div'));d.id='nnwiki-progress';"
                    + "d.style.cssText='position:fixed;right:0;bottom:0;max-width:100%;padding:.3em .8em;background:#123;color:#def;font:13px monospace;z-index:98';}"
                    + "d.textContent='running examples: '+p.line;d.hidden=p.done;});})();</script>";
    private static final Map<String, String> TYPES =
            Map.of(
                    "html",
                    "text/html; charset=utf-8",
                    "css",
                    "text/css; charset=utf-8",
                    "js",
                    "text/javascript; charset=utf-8",
                    "svg",
                    "image/svg+xml",
                    "png",
                    "image/png",
                    "json",
                    "application/json",
                    "xml",
                    "application/xml",
                    "woff2",
                    "font/woff2",
                    "jsh",
                    "text/plain; charset=utf-8",
                    "txt",
                    "text/plain; charset=utf-8");

    private final SiteConfig config;
    private final SiteBuild.Options options;
    private final int port;
    private final List<HttpExchange> listeners = new CopyOnWriteArrayList<>();

    /**
     * Each page's parse and rendering, kept between rebuilds: a prose edit parses and renders one
     * page.
     */
    private final org.nnwiki.generator.StageMemory memory = new org.nnwiki.generator.StageMemory();

    private HttpServer server;
    private Thread watcher;
    private volatile boolean closed;

    public PreviewServer(SiteConfig config, SiteBuild.Options options, int port) {
        this.config = config;
        this.options = options;
        this.port = port;
    }

    /** Builds, serves and watches until the process is stopped. */
    public void run() throws IOException, InterruptedException {
        start();
        watcher.join();
    }

    /**
     * Builds once, starts serving on 127.0.0.1 and watching in the background; returns the port
     * (useful with port 0, which picks a free one).
     */
    public int start() throws IOException {
        // An edit to a page's code then finds a session started, its prelude run, instead of
        // waiting for one.
        org.nnwiki.generator.execute.BlockExecutor.keepSessionsWarm(
                Math.min(2, config.parallelism()));
        rebuild(false);
        server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::serveFile);
        server.createContext(EVENTS, this::subscribe);
        server.start();
        int bound = server.getAddress().getPort();
        WatchService ws = FileSystems.getDefault().newWatchService();
        List<Path> sources =
                modules().stream().map(m -> config.root().resolve(m).resolve("src")).toList();
        for (Path dir :
                java.util.stream.Stream.concat(
                                Stream.of(config.content(), config.templates()), sources.stream())
                        .toList()) {
            registerTree(ws, dir);
        }
        config.root()
                .register(
                        ws,
                        StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_CREATE);
        watcher = new Thread(() -> watch(ws, sources), "nnwiki-watch");
        watcher.setDaemon(true);
        watcher.start();
        // The first edit after starting then does not wait for JBake's first start.
        Thread warm =
                new Thread(
                        () ->
                                new org.nnwiki.generator.jbake.Baker(
                                                config, new org.nnwiki.generator.Problems())
                                        .warmUp(),
                        "nnwiki-warm-jbake");
        warm.setDaemon(true);
        warm.start();
        System.out.println("nnwiki: serving http://127.0.0.1:" + bound + "/ (Ctrl+C stops)");
        return bound;
    }

    @Override
    public void close() {
        closed = true;
        if (watcher != null) {
            watcher.interrupt();
        }
        listeners.forEach(HttpExchange::close);
        if (server != null) {
            server.stop(0);
        }
        org.nnwiki.generator.execute.BlockExecutor.keepSessionsWarm(0);
        org.nnwiki.generator.execute.BlockExecutor.closeSessions();
    }

    private void rebuild(boolean examplesChanged) {
        if (examplesChanged && !compileExamples()) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            java.util.function.Consumer<Progress.Snapshot> console =
                    Progress.console(System.out, System.console() != null);
            SiteBuild.Report r =
                    new SiteBuild(config, options)
                            .remembering(memory)
                            .withProgress(
                                    s -> {
                                        console.accept(s);
                                        send(
                                                "progress",
                                                "{\"line\": "
                                                        + Json.string(s.line())
                                                        + ", \"done\": "
                                                        + (s.done() == s.total())
                                                        + "}");
                                    })
                            .build();
            System.out.println(
                    "nnwiki: rebuilt in "
                            + (System.nanoTime() - t0) / 1_000_000
                            + " ms (examples run on "
                            + r.pagesRun()
                            + " pages, "
                            + r.pagesBaked()
                            + " baked)");
            send("reload", "{}");
        } catch (BuildFailedException e) {
            System.err.println(e.getMessage());
            send("failed", Json.string(e.getMessage()));
        } catch (RuntimeException e) {
            System.err.println("nnwiki: rebuild crashed: " + e);
            send("failed", Json.string(e.toString()));
        }
    }

    /**
     * The repository's Maven modules on the session class path, as folder names: each class-path
     * entry {@code MODULE/target/classes} inside the root whose {@code MODULE} has a {@code
     * pom.xml}.
     */
    List<String> modules() {
        List<String> out = new java.util.ArrayList<>();
        for (String entry : config.session().classpath()) {
            Path classes = config.root().resolve(entry).normalize();
            Path module = classes.getParent() == null ? null : classes.getParent().getParent();
            if (module != null
                    && classes.endsWith(Path.of("target", "classes"))
                    && module.startsWith(config.root())
                    && !module.equals(config.root())
                    && Files.isRegularFile(module.resolve("pom.xml"))) {
                out.add(config.root().relativize(module).toString().replace('\\', '/'));
            }
        }
        return out;
    }

    private boolean compileExamples() {
        Path mvnw =
                config.root()
                        .resolve(
                                System.getProperty("os.name").startsWith("Windows")
                                        ? "mvnw.cmd"
                                        : "mvnw");
        try {
            Process p =
                    new ProcessBuilder(
                                    mvnw.toString(),
                                    "-q",
                                    "-o",
                                    "-pl",
                                    String.join(",", modules()),
                                    "process-classes")
                            .directory(config.root().toFile())
                            .inheritIO()
                            .start();
            if (p.waitFor() != 0) {
                send(
                        "failed",
                        Json.string(
                                "compiling "
                                        + String.join(", ", modules())
                                        + " failed: see the terminal"));
                return false;
            }
            return true;
        } catch (IOException e) {
            send("failed", Json.string("cannot run " + mvnw + ": " + e.getMessage()));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void watch(WatchService service, List<Path> sources) {
        try (WatchService ws = service) {
            while (!closed) {
                WatchKey key = ws.take();
                boolean relevant = false;
                boolean examplesChanged = false;
                // Collect a burst of events (editors write several times) before rebuilding once.
                do {
                    Path dir = (Path) key.watchable();
                    for (var event : key.pollEvents()) {
                        if (!(event.context() instanceof Path name)) {
                            continue;
                        }
                        Path changed = dir.resolve(name);
                        if (dir.equals(config.root()) && !name.toString().equals("nnwiki.yml")) {
                            continue;
                        }
                        relevant = true;
                        examplesChanged |= sources.stream().anyMatch(changed::startsWith);
                        if (Files.isDirectory(changed)) {
                            registerTree(ws, changed);
                        }
                    }
                    key.reset();
                    key = ws.poll(100, TimeUnit.MILLISECONDS);
                } while (key != null);
                if (relevant && !closed) {
                    rebuild(examplesChanged);
                }
            }
        } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
            // closed
        } catch (IOException e) {
            System.err.println("nnwiki: watching stopped: " + e.getMessage());
        }
    }

    private static void registerTree(WatchService ws, Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path d : walk.filter(Files::isDirectory).toList()) {
                d.register(
                        ws,
                        StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void serveFile(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            Path file = config.site().resolve(path.substring(1)).normalize();
            if (!file.startsWith(config.site())) {
                respond(ex, 403, "text/plain", "forbidden".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!Files.isRegularFile(file)) {
                Path notFound = config.site().resolve("404.html");
                byte[] body =
                        Files.isRegularFile(notFound)
                                ? inject(Files.readAllBytes(notFound))
                                : "not found".getBytes(StandardCharsets.UTF_8);
                respond(ex, 404, "text/html; charset=utf-8", body);
                return;
            }
            String name = file.getFileName().toString();
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
            byte[] body = Files.readAllBytes(file);
            respond(
                    ex,
                    200,
                    TYPES.getOrDefault(ext, "application/octet-stream"),
                    ext.equals("html") ? inject(body) : body);
        }
    }

    private static byte[] inject(byte[] html) {
        String s = new String(html, StandardCharsets.UTF_8);
        int at = s.lastIndexOf("</body>");
        s = at < 0 ? s + RELOAD_SCRIPT : s.substring(0, at) + RELOAD_SCRIPT + s.substring(at);
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange ex, int status, String type, byte[] body)
            throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private void subscribe(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, 0);
        ex.getResponseBody().write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
        ex.getResponseBody().flush();
        listeners.add(ex);
    }

    private void send(String event, String data) {
        byte[] msg =
                ("event: " + event + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
        for (HttpExchange ex : listeners) {
            try {
                ex.getResponseBody().write(msg);
                ex.getResponseBody().flush();
            } catch (IOException e) {
                listeners.remove(ex);
                ex.close();
            }
        }
    }
}
