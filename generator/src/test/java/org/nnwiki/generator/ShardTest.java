package org.nnwiki.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --shard K/N} and {@code --from-shards}: the CI path for wikis that one machine builds too
 * slowly.
 */
class ShardTest {
    @TempDir Path tmp;

    @Test
    void shardsAndMergeGiveTheSameSiteAsOneBuild() throws Exception {
        Path single = Fixtures.copy("good", tmp.resolve("single"));
        SiteBuild.Report one = Fixtures.build(single, SiteBuild.Options.DEFAULT);

        // Each shard is a clean checkout of its own, as on a CI runner.
        int run = 0;
        Path merged = Fixtures.copy("good", tmp.resolve("merged"));
        Path mergedResults = Files.createDirectories(merged.resolve(".nnwiki-cache/results"));
        for (int k = 1; k <= 2; k++) {
            Path root = Fixtures.copy("good", tmp.resolve("shard" + k));
            SiteBuild.Report r = Fixtures.build(root, options(new SiteBuild.Shard(k, 2), false));
            assertTrue(r.pagesRun() > 0, "shard " + k + " of 2 has pages to run");
            run += r.pagesRun();
            assertFalse(Files.exists(root.resolve("site")), "a shard writes no site");
            try (Stream<Path> files =
                    Files.list(root.resolve("target/nnwiki/shard-" + k + "-of-2/results"))) {
                for (Path f : files.toList()) {
                    Files.copy(f, mergedResults.resolve(f.getFileName()));
                }
            }
        }
        assertEquals(one.pagesRun(), run, "the shards split the pages: each runs once");

        SiteBuild.Report assembled = Fixtures.build(merged, options(null, true));
        assertEquals(0, assembled.pagesRun(), "the assembling build runs nothing");
        Map<String, String> a = files(single.resolve("site"));
        Map<String, String> b = files(merged.resolve("site"));
        assertEquals(a.keySet(), b.keySet());
        for (String name : a.keySet()) {
            // The run-time data says when and where each example ran, which differs by nature.
            if (!name.equals("data/timings.js")) {
                assertEquals(a.get(name), b.get(name), name + " is the same as one build's");
            }
        }
    }

    @Test
    void fromShardsReportsAPageWithoutResults() throws Exception {
        Path root = Fixtures.copy("good", tmp);
        BuildFailedException e =
                assertThrows(
                        BuildFailedException.class,
                        () -> Fixtures.build(root, options(null, true)));
        assertTrue(
                e.getMessage()
                        .contains("content/basics/session.md: --from-shards: no shard's results"),
                e.getMessage());
    }

    @Test
    void shardSpecIsChecked() {
        assertEquals(new SiteBuild.Shard(2, 3), SiteBuild.Shard.parse("2/3"));
        for (String bad : new String[] {"0/3", "4/3", "3", "a/b", "1/0"}) {
            assertThrows(IllegalArgumentException.class, () -> SiteBuild.Shard.parse(bad), bad);
        }
    }

    private static SiteBuild.Options options(SiteBuild.Shard shard, boolean fromShards) {
        return new SiteBuild.Options(false, false, false, null, shard, fromShards);
    }

    private static Map<String, String> files(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(
                        dir.relativize(p).toString().replace('\\', '/'),
                        java.util.HexFormat.of()
                                .formatHex(
                                        java.security.MessageDigest.getInstance("SHA-256")
                                                .digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }
}
