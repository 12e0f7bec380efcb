package org.nnwiki.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nnwiki.generator.execute.Sandbox;

/**
 * Pages written to do harm, each run with the sandbox ({@code required}) and without it ({@code
 * off}). Every page prints {@code RESULT key=value ...}; the assertions say what each attack
 * achieves in each mode. Without the sandbox some attacks succeed: those assertions document what
 * the README says is not isolated there, so that a change in either direction is seen.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostilePagesTest {
    private static final String SECRET = "TOPSECRET-not-for-pages";

    private final Map<String, Built> builds = new HashMap<>();
    private ServerSocket listener;
    private Path work;

    /** One build of the hostile site in one mode, with what it left behind. */
    record Built(
            Path root,
            Map<String, String> results,
            Set<String> tempBefore,
            Set<String> tempAfter,
            long millis) {
        String result(String page) {
            String r = results.get(page);
            assertTrue(r != null, "no RESULT line on " + page + ": " + results);
            return r;
        }
    }

    @AfterAll
    void cleanUp() throws IOException {
        if (listener != null) {
            listener.close();
        }
        if (work != null) {
            try (Stream<Path> walk = Files.walk(work)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Set<String> nnwikiTempEntries() throws IOException {
        try (Stream<Path> list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return new TreeSet<>(
                    list.map(p -> p.getFileName().toString())
                            .filter(
                                    n ->
                                            n.startsWith("nnwiki-session")
                                                    || n.startsWith("nnwiki-ipc")
                                                    || n.startsWith("nnwiki-usage"))
                            .toList());
        }
    }

    /**
     * The hostile site built with {@code mode} (once per mode); skipped where bwrap cannot run,
     * unless CI requires it.
     */
    private synchronized Built built(String mode) throws Exception {
        assumeFalse(
                System.getProperty("os.name").startsWith("Windows"),
                "the hostile pages use a POSIX shell");
        if (mode.equals("required") && Sandbox.unavailable() != null) {
            if ("required".equals(System.getenv("NNWIKI_SANDBOX"))) {
                fail(
                        "NNWIKI_SANDBOX=required but the sandbox cannot run: "
                                + Sandbox.unavailable());
            }
            assumeFalse(true, "no sandbox here: " + Sandbox.unavailable());
        }
        Built b = builds.get(mode);
        if (b != null) {
            return b;
        }
        if (work == null) {
            work = Files.createTempDirectory("nnwiki-hostile");
            listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
            Thread accept =
                    new Thread(
                            () -> {
                                while (!listener.isClosed()) {
                                    try {
                                        listener.accept().close();
                                    } catch (IOException e) {
                                        return;
                                    }
                                }
                            },
                            "hostile-listener");
            accept.setDaemon(true);
            accept.start();
            Path ssh = Files.createDirectories(work.resolve("home/.ssh"));
            Files.writeString(ssh.resolve("id_rsa"), SECRET);
        }
        Path root = Fixtures.copy("good", Files.createTempDirectory(work, mode));
        Path lib = Files.createDirectories(root.resolve("lib/data"));
        Files.writeString(lib.resolve("hello.txt"), "from-the-class-path");
        Files.writeString(root.resolve("victim.txt"), "a file of the repository");
        Files.writeString(
                root.resolve("nnwiki.yml"),
                """
                title: Hostile
                sections: [Basics]
                session:
                  classpath: [lib]
                  prelude: prelude.jsh
                  heap: 256m
                  timeoutSeconds: 60
                  maxOutputChars: 300
                  sandbox: %s
                  scratchMegabytes: 8
                """
                        .formatted(mode));
        Map<String, String> vars =
                Map.of(
                        "ROOT",
                        root.toRealPath().toString(),
                        "SECRET",
                        work.resolve("home/.ssh/id_rsa").toString(),
                        "PORT",
                        Integer.toString(listener.getLocalPort()),
                        "LIB",
                        root.resolve("lib").toRealPath().toString());
        pages().forEach(
                        (name, code) -> {
                            String body = code;
                            for (Map.Entry<String, String> v : vars.entrySet()) {
                                body = body.replace("%" + v.getKey() + "%", v.getValue());
                            }
                            Fixtures.addPage(
                                    root,
                                    "content/basics/" + name + ".md",
                                    "Hostile " + name,
                                    "The " + name + " attack.",
                                    "\n" + body);
                        });
        Set<String> before = nnwikiTempEntries();
        long t0 = System.nanoTime();
        Fixtures.build(root, SiteBuild.Options.DEFAULT);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        Thread.sleep(300);
        Map<String, String> results = new HashMap<>();
        for (String name : pages().keySet()) {
            String html = Files.readString(root.resolve("site/basics/" + name + ".html"));
            Matcher m = Pattern.compile("RESULT ([^<\\n]*)").matcher(html);
            if (m.find()) {
                results.put(
                        name, org.jsoup.parser.Parser.unescapeEntities(m.group(1), false).strip());
            }
        }
        b = new Built(root, results, before, nnwikiTempEntries(), millis);
        System.out.println(
                "hostile pages, sandbox "
                        + mode
                        + ": built in "
                        + millis
                        + " ms; "
                        + new java.util.TreeMap<>(results));
        builds.put(mode, b);
        return b;
    }

    private static Map<String, String> pages() {
        Map<String, String> p = new java.util.LinkedHashMap<>();
        p.put(
                "write-outside",
                """
                ```java run
                String write, delete, classpath;
                try { java.nio.file.Files.writeString(java.nio.file.Path.of("%ROOT%/content/pwned.md"), "pwned"); write = "done"; }
                catch (Exception e) { write = "denied"; }
                try { java.nio.file.Files.delete(java.nio.file.Path.of("%ROOT%/victim.txt")); delete = "done"; }
                catch (Exception e) { delete = "denied"; }
                try { java.nio.file.Files.writeString(java.nio.file.Path.of("%LIB%/data/evil.txt"), "x"); classpath = "done"; }
                catch (Exception e) { classpath = "denied"; }
                java.nio.file.Files.writeString(java.nio.file.Path.of("mine.txt"), "the scratch folder is writable");
                System.out.println("RES" + "ULT write=" + write + " delete=" + delete + " classpath=" + classpath);
                ```
                """);
        p.put(
                "read-secrets",
                """
                ```java run
                String ssh;
                try { ssh = java.nio.file.Files.readString(java.nio.file.Path.of("%SECRET%")).strip(); }
                catch (Exception e) { ssh = "unreadable"; }
                String passwd = java.nio.file.Files.exists(java.nio.file.Path.of("/etc/passwd")) ? "visible" : "absent";
                String env = String.valueOf(System.getenv("NNWIKI_TEST_SECRET"));
                String data = new String(ClassLoader.getSystemResourceAsStream("data/hello.txt").readAllBytes()).strip();
                System.out.println("RES" + "ULT ssh=" + ssh + " passwd=" + passwd + " env=" + env + " data=" + data);
                ```
                """);
        p.put(
                "network",
                """
                ```java run
                String loopback;
                try (var s = new java.net.Socket()) {
                    s.connect(new java.net.InetSocketAddress("127.0.0.1", %PORT%), 2000);
                    loopback = "connected";
                } catch (Exception e) { loopback = "refused"; }
                long interfaces = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                        .filter(i -> { try { return i.isUp() && !i.isLoopback(); } catch (Exception e) { return false; } }).count();
                System.out.println("RES" + "ULT loopback=" + loopback + " interfaces=" + interfaces);
                ```
                """);
        p.put(
                "stubborn",
                """
                ```java run
                new ProcessBuilder("sh", "-c", "trap '' TERM HUP INT; (trap '' TERM HUP INT; sleep 5791) & sleep 5792 & wait").start();
                Thread.sleep(500);
                boolean generator = ProcessHandle.allProcesses()
                        .anyMatch(h -> h.info().commandLine().orElse("").contains("surefire"));
                System.out.println("RES" + "ULT started seesGenerator=" + generator);
                ```
                """);
        p.put(
                "fill-disk",
                """
                ```java run
                byte[] mb = new byte[1 << 20];
                int written = 0;
                String end = "all";
                try (var out = new java.io.FileOutputStream("fill.bin")) {
                    for (; written < 64; written++) out.write(mb);
                } catch (java.io.IOException e) { end = "full"; }
                System.out.println("RES" + "ULT disk=" + end + " mb=" + written);
                ```
                """);
        p.put(
                "huge-output",
                """
                ```java run
                System.out.println("RES" + "ULT printing");
                String chunk = "x".repeat(1_000_000);
                for (int i = 0; i < 1000; i++) System.out.print(chunk);
                ```
                """);
        p.put(
                "interrupted",
                """
                ```java run
                Thread.currentThread().interrupt();
                System.out.println("RES" + "ULT printed-after-interrupt");
                ```

                ```java run
                System.out.println("more");
                ```
                """);
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"required", "off"})
    void writingOutsideTheScratchFolder(String mode) throws Exception {
        Built b = built(mode);
        String r = b.result("write-outside");
        if (mode.equals("required")) {
            assertEquals("write=denied delete=denied classpath=denied", r);
            assertTrue(Files.exists(b.root().resolve("victim.txt")));
            assertFalse(Files.exists(b.root().resolve("content/pwned.md")));
            assertFalse(Files.exists(b.root().resolve("lib/data/evil.txt")));
        } else {
            // Without the sandbox a page can write wherever the build can, by absolute path.
            assertEquals("write=done delete=done classpath=done", r);
        }
        assertFalse(
                Files.exists(b.root().resolve("mine.txt")),
                "relative paths land in the scratch folder in both modes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"required", "off"})
    void readingSecrets(String mode) throws Exception {
        String r = built(mode).result("read-secrets");
        // The build's environment reaches no session in either mode; the class path's data does.
        assertTrue(r.contains(" env=null "), r);
        assertTrue(r.endsWith(" data=from-the-class-path"), r);
        if (mode.equals("required")) {
            assertEquals("ssh=unreadable passwd=absent env=null data=from-the-class-path", r);
        } else {
            assertTrue(r.startsWith("ssh=" + SECRET + " passwd=visible"), r);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"required", "off"})
    void openingASocket(String mode) throws Exception {
        String r = built(mode).result("network");
        assertEquals(
                mode.equals("required") ? "loopback=refused interfaces=0" : "loopback=connected",
                mode.equals("required") ? r : r.substring(0, r.indexOf(' ')));
    }

    @ParameterizedTest
    @ValueSource(strings = {"required", "off"})
    void aProcessThatIgnoresSigtermEndsWithItsSession(String mode) throws Exception {
        Built b = built(mode);
        String r = b.result("stubborn");
        assertTrue(r.startsWith("started"), r);
        if (mode.equals("required")) {
            assertEquals("started seesGenerator=false", r, "the sandbox has its own PID namespace");
        }
        Fixtures.assertNoProcessLeft(
                "sleep 579", "processes that ignore SIGTERM outlived their session");
    }

    @ParameterizedTest
    @ValueSource(strings = {"required", "off"})
    void fillingTheScratchDisk(String mode) throws Exception {
        Built b = built(mode);
        String r = b.result("fill-disk");
        if (mode.equals("required")) {
            Matcher m = Pattern.compile("disk=full mb=(\\d+)").matcher(r);
            assertTrue(m.matches(), r);
            assertTrue(
                    Integer.parseInt(m.group(1)) <= 8,
                    "the scratch folder holds scratchMegabytes (8): " + r);
        } else {
            assertEquals(
                    "disk=all mb=64",
                    r,
                    "without the sandbox the scratch folder is on the build's disk");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"required", "off"})
    void aBillionCharactersOfOutputAreCut(String mode) throws Exception {
        Built b = built(mode);
        assertEquals("printing", b.result("huge-output"));
        String html = Files.readString(b.root().resolve("site/basics/huge-output.html"));
        assertTrue(
                html.length() < 100_000,
                "the page keeps maxOutputChars of the output, not a billion: " + html.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"required", "off"})
    void aThreadThatInterruptsItselfCanStillPrint(String mode) throws Exception {
        Built b = built(mode);
        assertEquals("printed-after-interrupt", b.result("interrupted"));
        assertTrue(
                Files.readString(b.root().resolve("site/basics/interrupted.html")).contains("more"),
                "the session outlived the interrupt");
    }

    /**
     * Pages that make the build fail, each at its own {@code file:line}, while the previous site
     * stays: a block stopped for its time (the next block still runs), includes that leave the
     * repository through symbolic links, an unclosed fence and an unknown section.
     */
    @ParameterizedTest
    @ValueSource(strings = {"required", "off"})
    void attacksThatFailTheBuildNameTheirLineAndKeepTheSite(String mode) throws Exception {
        built(mode); // the sandbox check, and the shared folders
        Path root = Fixtures.copy("good", Files.createTempDirectory(work, mode + "-failing"));
        Files.writeString(
                root.resolve("nnwiki.yml"),
                Files.readString(root.resolve("nnwiki.yml")) + "  sandbox: " + mode + "\n");
        Files.createDirectories(root.resolve("site"));
        Files.writeString(root.resolve("site/index.html"), "the previous site");
        Path outside = Files.createDirectories(work.resolve("outside-" + mode));
        Files.writeString(outside.resolve("key"), SECRET);
        Files.createDirectories(root.resolve("examples"));
        Files.createSymbolicLink(root.resolve("examples/leak.txt"), outside.resolve("key"));
        Files.createSymbolicLink(root.resolve("examples/linked"), outside);
        Files.createSymbolicLink(
                root.resolve("examples/deeplink"),
                Files.createDirectories(outside.resolve("deep/er")));
        Files.writeString(outside.resolve("deep/key"), SECRET);
        Fixtures.addPage(
                root,
                "content/basics/loop.md",
                "Loop",
                "A block that never ends, then one that runs.",
                """

                ```java run timeout=2
                while (true) { }
                ```

                ```java run
                System.out.println("after the loop");
                ```
                """);
        Fixtures.addPage(
                root,
                "content/basics/leaks.md",
                "Leaks",
                "Includes through symbolic links.",
                """

                ```text include=examples/leak.txt
                ```

                ```text include=examples/linked/key
                ```

                ```text include=examples/deeplink/../key
                ```
                """);
        Fixtures.addPage(
                root,
                "content/basics/unclosed.md",
                "Unclosed",
                "A fence that never closes.",
                """

                ```java run
                System.out.println("never");
                """);
        Fixtures.addPage(
                root,
                "content/basics/orphan.md",
                "Orphan",
                "An expected block with no run block before it.",
                """

                Some text.

                ```expected
                42
                ```
                """);
        Files.writeString(
                root.resolve("content/basics/nowhere.md"),
                "---\ntitle: Nowhere\nsummary: An unknown section.\nsection: Nowhere\n---\nText.\n");
        BuildFailedException e =
                org.junit.jupiter.api.Assertions.assertThrows(
                        BuildFailedException.class,
                        () -> Fixtures.build(root, SiteBuild.Options.DEFAULT));
        List<String> problems =
                e.problems().stream().map(p -> p.location() + ": " + p.message()).sorted().toList();
        String all = String.join("\n", problems);
        assertTrue(
                all.contains(
                        "content/basics/leaks.md:7: include path 'examples/leak.txt' leads out of the repository"),
                all);
        assertTrue(
                all.contains(
                        "content/basics/leaks.md:10: include path 'examples/linked/key' leads out of the repository"),
                all);
        assertTrue(
                all.contains(
                        "content/basics/leaks.md:13: include path 'examples/deeplink/../key' leads out of the repository"),
                all);
        assertTrue(
                all.contains("content/basics/unclosed.md:7: this ``` fence is never closed"), all);
        assertTrue(all.contains("content/basics/nowhere.md:4: unknown section 'Nowhere'"), all);
        assertTrue(
                all.contains(
                        "content/basics/orphan.md:9: an expected block must come right after a 'java run' block"),
                all);
        assertFalse(all.contains(SECRET), "nothing of the linked file reaches a message");
        assertEquals("the previous site", Files.readString(root.resolve("site/index.html")));
        assertEquals(
                1,
                problems.stream().filter(p -> p.startsWith("content/basics/loop.md")).count(),
                "the block after the stopped one ran: " + all);
        assertTrue(
                all.contains(
                        "content/basics/loop.md:7: example failed (timeout): timed out after 2 s"),
                all);
    }

    @ParameterizedTest
    @ValueSource(strings = {"required", "off"})
    void nothingIsLeftInTheTempFolder(String mode) throws Exception {
        Built b = built(mode);
        Set<String> added = new TreeSet<>(b.tempAfter());
        added.removeAll(b.tempBefore());
        assertEquals(
                Set.of(),
                added,
                "scratch folders, socket folders and usage records are deleted with their sessions");
    }
}
