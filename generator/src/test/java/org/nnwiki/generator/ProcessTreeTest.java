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
}
