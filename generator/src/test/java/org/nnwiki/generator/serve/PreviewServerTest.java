package org.nnwiki.generator.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnwiki.generator.Fixtures;
import org.nnwiki.generator.SiteBuild;
import org.nnwiki.generator.SiteConfig;

/**
 * The preview server on loopback: serves pages with the reload script, rebuilds on edits, says so.
 */
class PreviewServerTest {
    @TempDir Path tmp;

    @Test
    void servesOnLoopbackAndReloadsAfterAnEdit() throws Exception {
        Path root = Fixtures.copy("good", tmp);
        try (PreviewServer server =
                new PreviewServer(SiteConfig.load(root), SiteBuild.Options.DEFAULT, 0)) {
            int port = server.start();
            HttpURLConnection page =
                    (HttpURLConnection)
                            URI.create("http://127.0.0.1:" + port + "/index.html")
                                    .toURL()
                                    .openConnection();
            String html = new String(page.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(200, page.getResponseCode());
            assertTrue(
                    html.contains("EventSource('/__nnwiki/events')"),
                    "pages get the reload script");
            assertTrue(
                    !Files.readString(root.resolve("site/index.html")).contains("EventSource"),
                    "the built files do not");

            HttpURLConnection events =
                    (HttpURLConnection)
                            URI.create("http://127.0.0.1:" + port + "/__nnwiki/events")
                                    .toURL()
                                    .openConnection();
            BufferedReader reader =
                    new BufferedReader(
                            new InputStreamReader(events.getInputStream(), StandardCharsets.UTF_8));
            assertEquals(": connected", reader.readLine());
            CompletableFuture<String> event =
                    CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    for (String line; (line = reader.readLine()) != null; ) {
                                        if (line.startsWith("event: ")) {
                                            return line;
                                        }
                                    }
                                    return "closed";
                                } catch (Exception e) {
                                    return e.toString();
                                }
                            });
            Path index = root.resolve("content/index.md");
            Files.writeString(index, Files.readString(index) + "\nAn edit while serving.\n");
            assertEquals("event: reload", event.get(60, TimeUnit.SECONDS));
            assertTrue(
                    Files.readString(root.resolve("site/index.html"))
                            .contains("An edit while serving."));

            HttpURLConnection missing =
                    (HttpURLConnection)
                            URI.create("http://127.0.0.1:" + port + "/nope.html")
                                    .toURL()
                                    .openConnection();
            assertEquals(404, missing.getResponseCode());
        }
    }

    /**
     * An edit under core/src, display/src or examples/src recompiles those modules: each class-path
     * folder MODULE/target/classes with a pom.xml.
     */
    @Test
    void theModulesToRecompileAreTheRepositorysClassPathFolders() throws Exception {
        Path root = Fixtures.copy("good", tmp);
        Path yml = root.resolve("nnwiki.yml");
        Files.writeString(
                yml,
                Files.readString(yml)
                        .replace(
                                "session:\n",
                                "session:\n  classpath: [core/target/classes, display/target/classes, lib/classes, target/classes, nopom/target/classes]\n"));
        for (String module : new String[] {"core", "display"}) {
            Files.createDirectories(root.resolve(module));
            Files.writeString(root.resolve(module).resolve("pom.xml"), "<project/>");
        }
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.createDirectories(root.resolve("nopom/target/classes"));
        PreviewServer server =
                new PreviewServer(SiteConfig.load(root), SiteBuild.Options.DEFAULT, 0);
        assertEquals(
                java.util.List.of("core", "display"),
                server.modules(),
                "not a folder outside a module, not the root's own target/classes, not a folder without a POM");
    }
}
