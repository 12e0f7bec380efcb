package org.nnwiki.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Copies a fixture site from {@code src/test/resources/fixture/NAME} into a temp folder to build it
 * there.
 */
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

    /**
     * Writes a page of the fixture's Basics section: five lines of front matter, so that the body's
     * first line is line 6 of the file.
     */
    public static void addPage(
            Path root, String source, String title, String summary, String body) {
        try {
            Files.writeString(
                    root.resolve(source),
                    "---\ntitle: "
                            + title
                            + "\nsection: Basics\nsummary: "
                            + summary
                            + "\n---\n"
                            + body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compiles class {@code pkg.name}, with {@code modifiers} and {@code body}, into the class
     * folder {@code lib}.
     */
    public static void compile(Path lib, String pkg, String modifiers, String name, String body) {
        try {
            Path src =
                    Files.createDirectories(
                                    lib.getParent().resolve(lib.getFileName() + "-src/" + pkg))
                            .resolve(name + ".java");
            Files.writeString(
                    src,
                    "package "
                            + pkg
                            + ";\n"
                            + modifiers
                            + " class "
                            + name
                            + " {\n    public "
                            + name
                            + "() {}\n    "
                            + body
                            + "\n}\n");
            int rc =
                    javax.tools.ToolProvider.getSystemJavaCompiler()
                            .run(
                                    null,
                                    null,
                                    null,
                                    "-cp",
                                    lib.toString(),
                                    "-d",
                                    lib.toString(),
                                    src.toString());
            if (rc != 0) {
                throw new IllegalStateException("does not compile: " + src);
            }
            Files.createDirectories(lib.resolve(pkg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SiteBuild.Report build(Path root, SiteBuild.Options options)
            throws BuildFailedException {
        return new SiteBuild(SiteConfig.load(root), options).build();
    }

    /** Running processes whose command line contains {@code marker}, as "pid command line". */
    public static java.util.List<String> processesMatching(String marker) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .toList();
    }

    /**
     * Fails if processes whose command line contains {@code marker} are still running (ending them
     * first).
     */
    public static void assertNoProcessLeft(String marker, String why) throws InterruptedException {
        Thread.sleep(200);
        java.util.List<String> left = processesMatching(marker);
        left.forEach(
                l ->
                        ProcessHandle.of(Long.parseLong(l.split(" ")[0]))
                                .ifPresent(ProcessHandle::destroyForcibly));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), left, why);
    }
}
