package org.nnwiki.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session JVM that cannot start is one clear problem in nnwiki.yml, not a crash per page. */
class SessionStartTest {
    @TempDir Path tmp;

    @Test
    void aBadVmOptionIsReportedOnceAtTheConfiguration() throws Exception {
        Path root = Fixtures.copy("good", tmp);
        Files.writeString(
                root.resolve("nnwiki.yml"),
                Files.readString(root.resolve("nnwiki.yml"))
                        .replace("session:", "session:\n  vmOptions: [-XX:+NoSuchOptionAnywhere]"));
        BuildFailedException e =
                assertThrows(
                        BuildFailedException.class,
                        () -> Fixtures.build(root, SiteBuild.Options.DEFAULT));
        List<Problem> atConfig =
                e.problems().stream().filter(p -> p.file().equals("nnwiki.yml")).toList();
        assertEquals(1, atConfig.size(), "three pages, one problem: " + e.problems());
        assertTrue(
                atConfig.get(0)
                        .message()
                        .contains(
                                "a session JVM did not start, so no example ran: check session.vmOptions"),
                atConfig.get(0).message());
        assertTrue(
                atConfig.get(0).message().length() < 600,
                "short enough to read: " + atConfig.get(0).message());
        assertTrue(
                e.problems().stream().noneMatch(p -> p.message().contains("crashed the generator")),
                e.problems().toString());
    }
}
