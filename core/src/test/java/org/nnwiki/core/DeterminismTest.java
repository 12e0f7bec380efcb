package org.nnwiki.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core computes the same bits on every machine: {@link DeterminismWorkload} runs in child JVMs
 * under every configuration this machine can imitate — vector widths 128 and 256 bits and the
 * machine's own, no Vector API at all, 1 to 16 threads, C1 only, the interpreter (on the small
 * part), and JDK 25 when one is installed — and every run must print the hash committed in {@code
 * determinism.txt}. The committed hash makes a machine of another kind (AVX2, ARM) compare against
 * the machine that recorded it, not only against itself.
 *
 * <p>A deliberate change of the core's arithmetic changes the hash: run {@code ./mvnw -q -pl core
 * test -Dtest=DeterminismTest -Dnnwiki.updateDeterminism=true}, which rewrites the file when every
 * configuration agrees, and say why in the commit.
 */
class DeterminismTest {
    private static final Path EXPECTED =
            Path.of("src/test/resources/org/nnwiki/core/determinism.txt");
    private static final String VECTOR = "--add-modules=jdk.incubator.vector";

    /**
     * One child JVM: a name for the report, the java launcher, its options and the workload part.
     */
    record Config(String name, String java, List<String> options, String part) {}

    @Test
    void everyConfigurationComputesTheCommittedHash() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Config> configs = new ArrayList<>();
        // Three repetitions in one JVM: the first runs interpreted, the last compiled by C2.
        configs.add(new Config("default", java, List.of(VECTOR), "full 3"));
        configs.add(
                new Config(
                        "128-bit vectors", java, List.of(VECTOR, "-XX:MaxVectorSize=16"), "full"));
        configs.add(
                new Config(
                        "256-bit vectors", java, List.of(VECTOR, "-XX:MaxVectorSize=32"), "full"));
        configs.add(new Config("no Vector API", java, List.of(), "full"));
        for (int threads : new int[] {1, 2, 3, 8, 16}) {
            configs.add(
                    new Config(
                            threads + " threads",
                            java,
                            List.of(VECTOR, "-XX:ActiveProcessorCount=" + threads),
                            "full"));
        }
        configs.add(
                new Config("C1 only", java, List.of(VECTOR, "-XX:TieredStopAtLevel=1"), "full"));
        configs.add(new Config("default", java, List.of(VECTOR), "small"));
        configs.add(new Config("interpreter", java, List.of(VECTOR, "-Xint"), "small"));
        configs.add(new Config("interpreter, no Vector API", java, List.of("-Xint"), "small"));
        Optional<String> jdk25 = jdk25();
        jdk25.ifPresent(
                j -> {
                    configs.add(new Config("JDK 25", j, List.of(VECTOR), "full"));
                    configs.add(
                            new Config(
                                    "JDK 25, 128-bit vectors",
                                    j,
                                    List.of(VECTOR, "-XX:MaxVectorSize=16"),
                                    "full"));
                });

        Map<Config, Map<String, String>> results = runAll(configs);
        Map<String, String> expected = readExpected();
        StringBuilder report = new StringBuilder();
        Map<String, Map<String, List<String>>> byPart = new TreeMap<>();
        results.forEach(
                (c, hashes) -> {
                    String part = c.part().split(" ")[0];
                    byPart.computeIfAbsent(part, k -> new TreeMap<>())
                            .computeIfAbsent(hashes.get("total"), k -> new ArrayList<>())
                            .add(c.name());
                    report.append(String.format("%-32s %-6s %s%n", c.name(), part, hashes));
                });
        for (var e : byPart.entrySet()) {
            if (e.getValue().size() != 1) {
                fail(
                        "configurations disagree on part '"
                                + e.getKey()
                                + "': "
                                + e.getValue()
                                + "\n"
                                + report);
            }
        }
        Map<String, String> measured = new TreeMap<>();
        byPart.forEach((part, hashes) -> measured.put(part, hashes.keySet().iterator().next()));
        if (Boolean.getBoolean("nnwiki.updateDeterminism")) {
            StringBuilder file =
                    new StringBuilder(
                            "# DeterminismWorkload's hash per part; see DeterminismTest. Same on every machine.\n");
            measured.forEach(
                    (part, hash) -> file.append(part).append(' ').append(hash).append('\n'));
            Files.writeString(EXPECTED, file, StandardCharsets.UTF_8);
            return;
        }
        jdk25.ifPresentOrElse(
                j -> {},
                () ->
                        System.out.println(
                                "DeterminismTest: no JDK 25 found (set -Dnnwiki.jdk25=PATH/bin/java to add it)"));
        assertEquals(
                expected,
                measured,
                "the core's results differ from the committed hashes in "
                        + EXPECTED
                        + " (a change in the arithmetic, or this machine computes other bits than the one that recorded them)\n"
                        + report);
    }

    private static Map<String, String> readExpected() throws IOException {
        Map<String, String> m = new TreeMap<>();
        for (String line : Files.readAllLines(EXPECTED, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] kv = line.trim().split("\\s+");
                m.put(kv[0], kv[1]);
            }
        }
        return m;
    }

    /**
     * Runs the configurations two at a time (they use every core anyway); section → hash for each.
     */
    private static Map<Config, Map<String, String>> runAll(List<Config> configs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Map<Config, Future<Map<String, String>>> futures = new LinkedHashMap<>();
            for (Config c : configs) {
                futures.put(c, pool.submit(() -> run(c)));
            }
            Map<Config, Map<String, String>> out = new LinkedHashMap<>();
            for (var e : futures.entrySet()) {
                out.put(e.getKey(), e.getValue().get(10, TimeUnit.MINUTES));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, String> run(Config c) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(c.java());
        cmd.addAll(c.options());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(DeterminismWorkload.class.getName());
        cmd.addAll(List.of(c.part().split(" ")));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            fail(c.name() + " (" + String.join(" ", c.options()) + ") failed:\n" + output);
        }
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            String[] kv = line.split("\t");
            if (kv.length == 2 && kv[1].matches("[0-9a-f]{64}")) {
                hashes.put(kv[0], kv[1].substring(0, 16));
            }
        }
        if (!hashes.containsKey("total")) {
            fail(c.name() + " printed no hash:\n" + output);
        }
        return hashes;
    }

    /** A JDK 25 launcher: -Dnnwiki.jdk25, else the first /usr/lib/jvm/*25* with bin/java. */
    static Optional<String> jdk25() throws IOException {
        String explicit = System.getProperty("nnwiki.jdk25", "");
        if (!explicit.isEmpty()) {
            return Optional.of(explicit);
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(jvms)) {
            return dirs.filter(d -> d.getFileName().toString().contains("25"))
                    .map(d -> d.resolve("bin/java"))
                    .filter(Files::isExecutable)
                    .sorted()
                    .map(Path::toString)
                    .findFirst();
        }
    }
}
