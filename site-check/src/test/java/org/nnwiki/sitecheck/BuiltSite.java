package org.nnwiki.sitecheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The site the generator module built into {@code site/} earlier in the same Maven run. */
final class BuiltSite {
    private BuiltSite() {}

    static Path root() {
        Path site =
                Path.of(System.getProperty("nnwiki.root", ".."))
                        .resolve("site")
                        .toAbsolutePath()
                        .normalize();
        if (!Files.isRegularFile(site.resolve("index.html"))) {
            throw new IllegalStateException(
                    site
                            + "/index.html does not exist: build the site first (./mvnw -q package -DskipTests)");
        }
        return site;
    }

    /** Every HTML page of the site, sorted. */
    static List<Path> pages() {
        try (Stream<Path> walk = Files.walk(root())) {
            return walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String relative(Path page) {
        return root().relativize(page).toString().replace('\\', '/');
    }
}
