package org.nnwiki.generator.execute;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Per-page example results on disk, under a key that covers everything a result depends on (see
 * {@link BlockExecutor#keyOf}). One file per page holds its latest key and results; a different key
 * is a miss, so a result can never be served stale.
 */
final class ResultCache {
    private static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(
            "org.nnwiki.generator.execute.*;java.lang.*;java.util.*;java.time.*;maxdepth=20;!*");

    private record Entry(String key, List<BlockResult> results) implements Serializable {}

    private final Path dir;

    ResultCache(Path dir) {
        this.dir = dir;
    }

    /** The stored results of {@code source} if they were stored under {@code key}, else null. */
    List<BlockResult> load(String source, String key) {
        Path file = fileOf(source);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file); ObjectInputStream ois = new ObjectInputStream(in)) {
            ois.setObjectInputFilter(FILTER);
            Object o = ois.readObject();
            return o instanceof Entry e && e.key().equals(key) ? e.results() : null;
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            return null; // unreadable or from another generator version: run again
        }
    }

    void store(String source, String key, List<BlockResult> results) {
        try {
            Files.createDirectories(dir);
            Path file = fileOf(source);
            Path tmp = Files.createTempFile(dir, "entry", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp); ObjectOutputStream oos = new ObjectOutputStream(out)) {
                oos.writeObject(new Entry(key, List.copyOf(results)));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // A cache that cannot be written only costs time on the next build.
        }
    }

    private Path fileOf(String source) {
        return dir.resolve(source.replaceAll("[^A-Za-z0-9._-]", "_") + ".bin");
    }
}
