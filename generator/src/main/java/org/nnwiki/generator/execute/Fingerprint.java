package org.nnwiki.generator.execute;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A SHA-256 over everything outside a page that its results depend on, except the content of the
 * session class path: the session settings (the class path's entries by name) and prelude, the JDK,
 * and the generator's own code. What a page used of the class path is keyed per page (see {@link
 * ClasspathContent}).
 */
public final class Fingerprint {
    private static volatile String generator;
    private static volatile String generatorCode;
    private final MessageDigest digest;

    private Fingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String of(SessionSpec spec) {
        Fingerprint f = new Fingerprint();
        f.add("jdk " + Runtime.version() + " " + System.getProperty("java.vendor"));
        f.add(spec.toString().replace(spec.prelude(), ""));
        f.add(spec.prelude());
        // The class path's entries by name only: what a page used of their content keys its own
        // results.
        spec.classpath().forEach(f::add);
        f.add(generatorCodeDigest());
        return f.hex();
    }

    /**
     * A cheap stamp of the class path's content (every file's name, size and modification time):
     * the session pool starts afresh when it changes, since a started session has loaded classes.
     */
    static String stamp(List<String> classpath) {
        Fingerprint f = new Fingerprint();
        for (String entry : classpath) {
            Path root = Path.of(entry);
            if (!Files.exists(root)) {
                f.add("missing " + entry);
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    f.add(p + " " + Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return f.hex();
    }

    /**
     * The generator's own code (its jar or classes folder) and its libraries (the class path's
     * entries, whose names carry their versions): what every stage's output may depend on. Read
     * once per JVM, since loaded classes do not change.
     */
    public static String generator() {
        String g = generator;
        if (g == null) {
            Fingerprint f = new Fingerprint();
            f.add(generatorCodeDigest());
            f.add(System.getProperty("java.class.path", ""));
            generator = g = f.hex();
        }
        return g;
    }

    /**
     * The digest of the generator's code alone (not its class path, whose spelling differs between
     * launchers), read once per JVM like {@link #generator()}: a preview server's rebuilds do not
     * hash its jar again.
     */
    private static String generatorCodeDigest() {
        String g = generatorCode;
        if (g == null) {
            Fingerprint f = new Fingerprint();
            f.addTree(generatorCode());
            generatorCode = g = f.hex();
        }
        return g;
    }

    static String of(List<String> parts) {
        Fingerprint f = new Fingerprint();
        parts.forEach(f::add);
        return f.hex();
    }

    private void add(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(bytes);
    }

    private void addTree(Path path) {
        if (path == null || !Files.exists(path)) {
            add("missing " + path);
            return;
        }
        if (Files.isRegularFile(path)) {
            addFile(path, path.getFileName().toString());
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                addFile(p, path.relativize(p).toString().replace('\\', '/'));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void addFile(Path p, String name) {
        add(name);
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(p)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                digest.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The jar or classes folder the generator runs from: editing the generator re-runs pages. */
    private static Path generatorCode() {
        try {
            return Path.of(
                    Fingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
