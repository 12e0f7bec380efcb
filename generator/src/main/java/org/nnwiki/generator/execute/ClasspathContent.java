package org.nnwiki.generator.execute;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The session class path as the session JVM sees it, for keying cached results on what a page used:
 * {@link #digest} hashes the bytes of exactly the classes and resources a session looked up (a
 * session's record from {@code UsageRecordingLoader}), each resolved as a class loader resolves it
 * (the first entry that has it), and the absence of those it looked up and did not find. Adding a
 * class no page asked for changes no digest; editing one changes the digest of every page that used
 * it; a new class that shadows a used one, or appears where a page looked and found nothing,
 * changes it too. One instance serves one build; bytes are read once per path.
 */
final class ClasspathContent implements AutoCloseable {
    private final List<Path> entries = new ArrayList<>();
    private final Map<Path, ZipFile> jars = new ConcurrentHashMap<>();
    private final Map<String, String> hashes = new ConcurrentHashMap<>();

    ClasspathContent(List<String> classpath) {
        classpath.forEach(e -> entries.add(Path.of(e)));
    }

    /**
     * A SHA-256 over {@code used} ({@code +path}, {@code -path}, {@code *path} lines) and what each
     * names now.
     */
    String digest(Collection<String> used) {
        MessageDigest md = sha256();
        for (String line : new TreeSet<>(used)) {
            if (line.length() < 2) {
                continue;
            }
            char kind = line.charAt(0);
            String path = line.substring(1);
            String now =
                    kind == '*'
                            ? hashes.computeIfAbsent(line, k -> every(path))
                            : hashes.computeIfAbsent("+" + path, k -> first(path));
            md.update((line + "=" + now + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** The hash of the first copy of {@code path} on the class path, or "absent". */
    private String first(String path) {
        for (int i = 0; i < entries.size(); i++) {
            byte[] bytes = read(entries.get(i), path);
            if (bytes != null) {
                return i + ":" + HexFormat.of().formatHex(sha256().digest(bytes));
            }
        }
        return "absent";
    }

    /** The hashes of every copy of {@code path}, in class path order ({@code getResources}). */
    private String every(String path) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < entries.size(); i++) {
            byte[] bytes = read(entries.get(i), path);
            if (bytes != null) {
                sb.append(i)
                        .append(':')
                        .append(HexFormat.of().formatHex(sha256().digest(bytes)))
                        .append(' ');
            }
        }
        return sb.toString();
    }

    private byte[] read(Path entry, String path) {
        try {
            if (Files.isDirectory(entry)) {
                Path file = entry.resolve(path).normalize();
                return file.startsWith(entry) && Files.isRegularFile(file)
                        ? Files.readAllBytes(file)
                        : null;
            }
            if (!Files.isRegularFile(entry)) {
                return null;
            }
            ZipFile zip =
                    jars.computeIfAbsent(
                            entry,
                            p -> {
                                try {
                                    return new ZipFile(p.toFile());
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            });
            ZipEntry ze = zip.getEntry(path);
            if (ze == null || ze.isDirectory()) {
                return null;
            }
            try (InputStream in = zip.getInputStream(ze)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes the jars read so far (a later digest opens them again). */
    @Override
    public void close() {
        List<ZipFile> open = new ArrayList<>(jars.values());
        jars.clear();
        for (ZipFile z : open) {
            try {
                z.close();
            } catch (IOException e) {
                // read-only: nothing lost
            }
        }
    }
}
