package org.nnwiki.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing a page starts outlives its session: children and grandchildren end with it. */
class ProcessTreeTest {
    @TempDir
    Path tmp;

    private static List<String> leftOver(String marker) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .toList();
    }

    /** Fails if processes whose command line contains {@code marker} are still running (ending them first). */
    private static void assertNoneLeft(String marker, String why) throws InterruptedException {
        Thread.sleep(200);
        List<String> left = leftOver(marker);
        left.forEach(l -> ProcessHandle.of(Long.parseLong(l.split(" ")[0])).ifPresent(ProcessHandle::destroyForcibly));
        assertEquals(List.of(), left, why);
    }

    @Test
    void childrenAndGrandchildrenEndWithTheSession() throws Exception {
        Path root = Fixtures.copy("good", tmp);
        Fixtures.addPage(root, "content/basics/spawn.md", "Spawn", "A page that starts processes and leaves them running.", """
                ```java run
                new ProcessBuilder("sleep", "5771").start();
                new ProcessBuilder("sh", "-c", "sleep 5772 & sleep 5773 & wait").start();
                Thread.sleep(300);
                System.out.println("started");
                ```
                """);
        Fixtures.build(root, SiteBuild.Options.DEFAULT);
        assertNoneLeft("sleep 577", "processes started by the page outlived its session");
    }

    @Test
    void aBuildThatIsKilledEndsItsSessionsProcesses() throws Exception {
        Path root = Fixtures.copy("good", tmp);
        Fixtures.addPage(root, "content/basics/spawn.md", "Spawn", "A page that starts a process and then takes its time.", """
                ```java run
                new ProcessBuilder("sleep", "5774").start();
                Thread.sleep(25_000);
                ```
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process build = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "build", "--root", root.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("build.log").toFile()).start();
        long deadline = System.currentTimeMillis() + 20_000;
        while (leftOver("sleep 5774").isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(1, leftOver("sleep 5774").size(), "the page's process should be running: " + Files.readString(tmp.resolve("build.log")));
        build.destroy(); // SIGTERM, as a CI runner or Ctrl-C in a terminal stops a build
        build.waitFor();
        assertNoneLeft("sleep 5774", "a stopped build left its sessions' processes running");
    }

    /** Starts the generator with {@code args} in a JVM of its own, waits until the page's {@code marker} process runs. */
    private Process startAndWaitFor(Path root, String marker, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--root", root.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("run.log").toFile()).start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (leftOver(marker).isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        if (leftOver(marker).isEmpty()) {
            p.destroyForcibly();
            org.junit.jupiter.api.Assertions.fail("the page's process should be running: " + Files.readString(tmp.resolve("run.log")));
        }
        return p;
    }

    private static java.util.Set<String> sessionFolders() throws java.io.IOException {
        try (java.util.stream.Stream<Path> list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return new java.util.TreeSet<>(list.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("nnwiki-session") || n.startsWith("nnwiki-ipc")).toList());
        }
    }

    @Test
    void stoppingThePreviewServerEndsItsSessionsAndDeletesTheirFolders() throws Exception {
        Path root = Fixtures.copy("good", tmp);
        Fixtures.addPage(root, "content/basics/spawn.md", "Spawn", "A page that starts a process and then takes its time.", """
                ```java run
                new ProcessBuilder("sleep", "5775").start();
                Thread.sleep(25_000);
                ```
                """);
        java.util.Set<String> before = sessionFolders();
        Process serve = startAndWaitFor(root, "sleep 5775", "serve", "--port", "0");
        serve.destroy(); // SIGTERM, as Ctrl-C in a terminal stops the preview server
        serve.waitFor();
        assertNoneLeft("sleep 5775", "a stopped preview server left its sessions' processes running");
        java.util.Set<String> added = sessionFolders();
        added.removeAll(before);
        assertEquals(java.util.Set.of(), added, "scratch and pipe folders of the stopped server's sessions are deleted");
    }

    @Test
    void aBuildKilledOutrightLeavesNoProcessInTheSandbox() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.nnwiki.generator.execute.Sandbox.unavailable() == null,
                "needs the sandbox: " + org.nnwiki.generator.execute.Sandbox.unavailable());
        Path root = Fixtures.copy("good", tmp);
        Fixtures.addPage(root, "content/basics/spawn.md", "Spawn", "A page that starts a process and then takes its time.", """
                ```java run
                new ProcessBuilder("sh", "-c", "trap '' TERM; sleep 5776").start();
                Thread.sleep(25_000);
                ```
                """);
        Process build = startAndWaitFor(root, "sleep 5776", "build", "--sandbox", "required");
        build.destroyForcibly(); // SIGKILL: no shutdown hook runs; bwrap ends the sandbox with its parent
        build.waitFor();
        assertNoneLeft("sleep 5776", "a killed build left its sandboxed sessions' processes running");
    }
}
