package org.nnwiki.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing a page starts outlives its session: children and grandchildren end with it. */
class ProcessTreeTest {
    @TempDir Path tmp;

    @Test
    void childrenAndGrandchildrenEndWithTheSession() throws Exception {
        Path root = Fixtures.copy("good", tmp);
        Fixtures.addPage(
                root,
                "content/basics/spawn.md",
                "Spawn",
                "A page that starts processes and leaves them running.",
                """
                ```java run
                new ProcessBuilder("sleep", "5771").start();
                new ProcessBuilder("sh", "-c", "sleep 5772 & sleep 5773 & wait").start();
                Thread.sleep(300);
                System.out.println("started");
                ```
                """);
        Fixtures.build(root, SiteBuild.Options.DEFAULT);
        Fixtures.assertNoProcessLeft(
                "sleep 577", "processes started by the page outlived its session");
    }

    @Test
    void aBuildThatIsKilledEndsItsSessionsProcesses() throws Exception {
        Path root = Fixtures.copy("good", tmp);
        Fixtures.addPage(
                root,
                "content/basics/spawn.md",
                "Spawn",
                "A page that starts a process and then takes its time.",
                """
                ```java run
                new ProcessBuilder("sleep", "5774").start();
                Thread.sleep(25_000);
                ```
                """);
        Process build = startAndWaitFor(root, "sleep 5774", "build");
        build.destroy(); // SIGTERM, as a CI runner or Ctrl-C in a terminal stops a build
        build.waitFor();
        Fixtures.assertNoProcessLeft(
                "sleep 5774", "a stopped build left its sessions' processes running");
    }

    /**
     * Starts the generator with {@code args} in a JVM of its own, waits until the page's {@code
     * marker} process runs.
     */
    private Process startAndWaitFor(Path root, String marker, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd =
                new java.util.ArrayList<>(
                        List.of(
                                java,
                                "-cp",
                                System.getProperty("java.class.path"),
                                Main.class.getName()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--root", root.toString()));
        Process p =
                new ProcessBuilder(cmd)
                        .redirectErrorStream(true)
                        .redirectOutput(tmp.resolve("run.log").toFile())
                        .start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (Fixtures.processesMatching(marker).isEmpty()
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        int running = Fixtures.processesMatching(marker).size();
        if (running != 1) {
            p.destroyForcibly();
        }
        assertEquals(
                1,
                running,
                "the page's process should be running: "
                        + Files.readString(tmp.resolve("run.log")));
        return p;
    }

    private static java.util.Set<String> sessionFolders() throws java.io.IOException {
        try (java.util.stream.Stream<Path> list =
                Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return new java.util.TreeSet<>(
                    list.map(p -> p.getFileName().toString())
                            .filter(
                                    n ->
                                            n.startsWith("nnwiki-session")
                                                    || n.startsWith("nnwiki-ipc"))
                            .toList());
        }
    }

    @Test
    void stoppingThePreviewServerEndsItsSessionsAndDeletesTheirFolders() throws Exception {
        Path root = Fixtures.copy("good", tmp);
        Fixtures.addPage(
                root,
                "content/basics/spawn.md",
                "Spawn",
                "A page that starts a process and then takes its time.",
                """
                ```java run
                new ProcessBuilder("sleep", "5775").start();
                Thread.sleep(25_000);
                ```
                """);
        java.util.Set<String> before = sessionFolders();
        Process serve = startAndWaitFor(root, "sleep 5775", "serve", "--port", "0");
        serve.destroy(); // SIGTERM, as Ctrl-C in a terminal stops the preview server
        serve.waitFor();
        Fixtures.assertNoProcessLeft(
                "sleep 5775", "a stopped preview server left its sessions' processes running");
        java.util.Set<String> added = sessionFolders();
        added.removeAll(before);
        assertEquals(
                java.util.Set.of(),
                added,
                "scratch and pipe folders of the stopped server's sessions are deleted");
    }

    @Test
    void aBuildKilledOutrightLeavesNoProcessInTheSandbox() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                org.nnwiki.generator.execute.Sandbox.unavailable() == null,
                "needs the sandbox: " + org.nnwiki.generator.execute.Sandbox.unavailable());
        Path root = Fixtures.copy("good", tmp);
        Fixtures.addPage(
                root,
                "content/basics/spawn.md",
                "Spawn",
                "A page that starts a process and then takes its time.",
                """
                ```java run
                new ProcessBuilder("sh", "-c", "trap '' TERM; exec sleep 5776").start();
                Thread.sleep(25_000);
                ```
                """);
        Process build = startAndWaitFor(root, "sleep 5776", "build", "--sandbox", "required");
        build.destroyForcibly(); // SIGKILL: no shutdown hook runs; bwrap ends the sandbox with
        // its parent
        build.waitFor();
        Fixtures.assertNoProcessLeft(
                "sleep 5776", "a killed build left its sandboxed sessions' processes running");
    }
}
