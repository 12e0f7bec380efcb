package org.nnwiki.generator.execute;

import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.nnwiki.generator.StoredObjects;

/**
 * Per-page example results on disk, under a key that covers everything a result depends on (see
 * {@link BlockExecutor#keyOf}). One file per page holds its latest key and results; a different key
 * is a miss, so a result can never be served stale.
 */
final class ResultCache {
    private static final ObjectInputFilter FILTER =
            ObjectInputFilter.Config.createFilter(
                    "org.nnwiki.generator.execute.*;java.lang.*;java.util.*;java.time.*;maxdepth=20;!*");

    /**
     * @param key the page's code, options and environment
     * @param used what the page's sessions looked up on the class path (see {@link
     *     ClasspathContent})
     * @param usedDigest the digest of {@code used} when the results were computed
     */
    private record Entry(
            String key,
            List<BlockResult> results,
            java.util.TreeSet<String> used,
            java.util.TreeSet<String> own,
            String usedDigest)
            implements Serializable {}

    /** A hit: the results and what the page used. */
    record Hit(List<BlockResult> results, PageResult.Usage used) {}

    private final Path dir;

    ResultCache(Path dir) {
        this.dir = dir;
    }

    /**
     * The stored results of {@code source} if they were stored under {@code key} and what they used
     * of the class path is unchanged ({@code content} gives the same digest now), else null.
     */
    Hit load(String source, String key, ClasspathContent content) {
        Entry e = read(source);
        try {
            return e != null
                            && e.key().equals(key)
                            && e.usedDigest().equals(content.digest(e.used()))
                    ? new Hit(e.results(), new PageResult.Usage(e.used(), e.own()))
                    : null;
        } catch (RuntimeException unreadable) {
            return null; // a class path file that cannot be read now: run again
        }
    }

    /**
     * How long the stored results of {@code source} took to run, whatever their key (0 when none):
     * for scheduling.
     */
    long lastMillis(String source) {
        Entry e = read(source);
        return e == null ? 0 : e.results().stream().mapToLong(BlockResult::millis).sum();
    }

    /** The stored entry of {@code source}, or null when there is none or it cannot be read. */
    private Entry read(String source) {
        // Unreadable or from another generator version: null, and the page runs again.
        return StoredObjects.read(fileOf(source), FILTER, Entry.class);
    }

    void store(
            String source,
            String key,
            List<BlockResult> results,
            PageResult.Usage used,
            String usedDigest) {
        try {
            StoredObjects.write(
                    fileOf(source),
                    new Entry(
                            key,
                            List.copyOf(results),
                            new java.util.TreeSet<>(used.all()),
                            new java.util.TreeSet<>(used.own()),
                            usedDigest));
        } catch (IOException e) {
            // A cache that cannot be written only costs time on the next build.
        }
    }

    /** The folder, for messages. */
    String folder() {
        return dir.toString();
    }

    /**
     * Copies the stored results of {@code source} (if any) into {@code folder}, under the same file
     * name.
     */
    void copy(String source, Path folder) {
        Path file = fileOf(source);
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            Files.createDirectories(folder);
            Files.copy(
                    file, folder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(
                    "cannot copy the results of "
                            + source
                            + " to "
                            + folder
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private Path fileOf(String source) {
        return dir.resolve(source.replaceAll("[^A-Za-z0-9._-]", "_") + ".bin");
    }
}
