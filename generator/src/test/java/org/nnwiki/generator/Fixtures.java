package org.nnwiki.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies a fixture site from {@code src/test/resources/fixture/NAME} into a temp folder to build it there. */
public final class Fixtures {
    public static final Path SOURCES = Path.of("src/test/resources/fixture");

    private Fixtures() {}

    public static Path copy(String name, Path into) {
        Path from = SOURCES.resolve(name);
        Path to = into.resolve(name);
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    public static SiteBuild.Report build(Path root, SiteBuild.Options options) throws BuildFailedException {
        return new SiteBuild(SiteConfig.load(root), options).build();
    }
}
