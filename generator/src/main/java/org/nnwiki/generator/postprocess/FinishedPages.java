package org.nnwiki.generator.postprocess;

import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.nnwiki.generator.StoredObjects;

/**
 * The finished pages of the last successful build, so that a build bakes and post-processes only
 * the pages whose template model changed (a prose edit: one page, not all of them).
 *
 * <p>A page's finished HTML is a function of its template model (which holds its rendered body, its
 * navigation and its links to the previous and next page) and of everything this store is keyed on
 * as a whole: the templates, the configuration, the generator's code and libraries. For each page
 * the store keeps a file with that site-wide key, the digest of its model, the digest of the HTML
 * written to {@code site/}, and its {@link PostProcessor.Facts}; the HTML itself is read back from
 * {@code site/} and used only when its bytes still have that digest, so a hand-edited or missing
 * file is baked again.
 *
 * <pre>{@code
 * FinishedPages kept = FinishedPages.load(cacheDir, siteWideKey);
 * PostProcessor.Finished page = kept.reuse(siteDir, "cnn.html", modelKey); // null: bake it
 * ...
 * kept.save(siteDir, modelKeys, finishedPages); // after the new site is in place
 * }</pre>
 */
public final class FinishedPages {
    private static final String FOLDER = "finished-pages";
    private static final ObjectInputFilter FILTER =
            ObjectInputFilter.Config.createFilter(
                    "org.nnwiki.generator.postprocess.*;java.lang.*;java.util.*;maxdepth=20;!*");

    /**
     * One page's record, in a file of its own: a prose edit rewrites one small file. {@code file}
     * is what the file system said of the HTML file when the record was saved, or null.
     */
    private record Entry(
            String siteKey,
            String output,
            String modelKey,
            String htmlDigest,
            PostProcessor.Facts facts,
            FileStat file)
            implements Serializable {}

    /**
     * A file's size, modification time and identity (its inode where the file system has one), and
     * when they were read. Files with the same stat hold the same bytes unless the file was written
     * again within the file system's clock tick: a file modified less than {@link #RACY_MILLIS}
     * before the stat was taken is read and digested instead (git calls such entries "racily
     * clean").
     */
    private record FileStat(long size, long modifiedNanos, String identity, long takenMillis)
            implements Serializable {
        static FileStat of(Path file) throws IOException {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            Object key = a.fileKey();
            return new FileStat(
                    a.size(),
                    a.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                    key == null ? null : key.toString(),
                    System.currentTimeMillis());
        }

        boolean vouchesFor(FileStat now) {
            return identity != null
                    && size == now.size
                    && modifiedNanos == now.modifiedNanos
                    && identity.equals(now.identity)
                    && modifiedNanos / 1_000_000 < takenMillis - RACY_MILLIS;
        }
    }

    /**
     * Two seconds: coarser than any file system's modification-time tick (FAT's is two seconds).
     */
    private static final long RACY_MILLIS = 2_000;

    private final Path folder;
    private final String key;
    private final boolean reuse;
    private final java.util.Set<String> reused = ConcurrentHashMap.newKeySet();

    /**
     * Reused pages whose bytes were digested: their records are saved again with the file's new
     * stat.
     */
    private final java.util.Set<String> restat = ConcurrentHashMap.newKeySet();

    private FinishedPages(Path folder, String key, boolean reuse) {
        this.folder = folder;
        this.key = key;
        this.reuse = reuse;
    }

    /**
     * The store in {@code cacheDir}; records written under another site-wide key are never reused.
     */
    public static FinishedPages load(Path cacheDir, String key) {
        return new FinishedPages(cacheDir.resolve(FOLDER), key, true);
    }

    /**
     * A store that reuses nothing (for {@code --force}); {@link #save} still writes it for the next
     * build.
     */
    public static FinishedPages empty(Path cacheDir, String key) {
        return new FinishedPages(cacheDir.resolve(FOLDER), key, false);
    }

    /**
     * The finished page at {@code output} if the last build finished it from a model with digest
     * {@code modelKey} and {@code site} still holds the HTML it wrote; else null.
     */
    public PostProcessor.Finished reuse(Path site, String output, String modelKey) {
        Entry e = reuse ? StoredObjects.read(fileOf(output), FILTER, Entry.class) : null;
        if (e == null
                || !e.siteKey().equals(key)
                || !e.output().equals(output)
                || !e.modelKey().equals(modelKey)) {
            return null;
        }
        Path page = site.resolve(output);
        try {
            if (!Files.isRegularFile(page)) {
                return null;
            }
            // Digesting every page's HTML was a third of a prose-edit rebuild: a file whose stat is
            // unchanged since the record was saved is not digested again.
            boolean unchanged = e.file() != null && e.file().vouchesFor(FileStat.of(page));
            byte[] bytes = Files.readAllBytes(page);
            if (!unchanged && !digest(bytes).equals(e.htmlDigest())) {
                return null;
            }
            (unchanged ? reused : restat).add(output);
            return new PostProcessor.Finished(
                    new String(bytes, StandardCharsets.UTF_8), e.facts(), page);
        } catch (IOException unreadable) {
            return null;
        }
    }

    /**
     * Stores this build's finished pages, now in {@code site}, each under its model's digest (pages
     * without one are not kept); records of pages reused unchanged are not written again.
     */
    public void save(
            Path site,
            Map<String, String> modelKeys,
            Map<String, PostProcessor.Finished> finished) {
        finished.entrySet().parallelStream()
                .forEach(
                        en -> {
                            String output = en.getKey();
                            String modelKey = modelKeys.get(output);
                            if (modelKey == null || reused.contains(output)) {
                                return;
                            }
                            String html =
                                    digest(en.getValue().html().getBytes(StandardCharsets.UTF_8));
                            try {
                                FileStat stat = FileStat.of(site.resolve(output));
                                StoredObjects.write(
                                        fileOf(output),
                                        new Entry(
                                                key,
                                                output,
                                                modelKey,
                                                html,
                                                en.getValue().facts(),
                                                stat));
                            } catch (IOException e) {
                                // only costs baking this page again next time
                            }
                        });
    }

    private Path fileOf(String output) {
        return folder.resolve(output.replaceAll("[^A-Za-z0-9._-]", "_") + ".bin");
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
