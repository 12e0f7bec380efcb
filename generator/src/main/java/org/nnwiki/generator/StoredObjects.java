package org.nnwiki.generator;

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
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The build's own files of serialized records (cached example results, finished pages), read
 * through a filter that admits only the classes they are made of, written atomically, and
 * remembered for the life of the JVM: the preview server reads a file again only when it is another
 * file (its identity, size or modification time changed), since every write replaces the file by a
 * new one.
 *
 * <pre>{@code
 * StoredObjects.write(file, entry);
 * Entry e = StoredObjects.read(file, FILTER, Entry.class); // null when missing, unreadable or another type
 * }</pre>
 *
 * <p>What is read must be treated as immutable: the same object may be handed out again.
 */
public final class StoredObjects {
    private record Remembered(Object fileKey, long size, long modified, Object value) {}

    private static final Map<Path, Remembered> MEMORY = new ConcurrentHashMap<>();

    private StoredObjects() {}

    /**
     * The object in {@code file} if it is a {@code type}, else null (missing, damaged, from another
     * version).
     */
    public static <T> T read(Path file, ObjectInputFilter filter, Class<T> type) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException missing) {
            MEMORY.remove(file);
            return null;
        }
        if (!attrs.isRegularFile()) {
            return null;
        }
        Remembered r = MEMORY.get(file);
        if (r != null
                && r.size() == attrs.size()
                && r.modified() == attrs.lastModifiedTime().toMillis()
                && attrs.fileKey() != null
                && attrs.fileKey().equals(r.fileKey())) {
            return type.isInstance(r.value()) ? type.cast(r.value()) : null;
        }
        try (InputStream in = Files.newInputStream(file);
                ObjectInputStream ois = new ObjectInputStream(in)) {
            ois.setObjectInputFilter(filter);
            Object value = ois.readObject();
            remember(file, attrs, value);
            return type.isInstance(value) ? type.cast(value) : null;
        } catch (IOException | ClassNotFoundException | RuntimeException unreadable) {
            return null;
        }
    }

    /**
     * Replaces {@code file} by a new file holding {@code value} (written beside it, then moved over
     * it).
     */
    public static void write(Path file, Serializable value) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp);
                    ObjectOutputStream oos = new ObjectOutputStream(out)) {
                oos.writeObject(value);
            }
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        remember(file, Files.readAttributes(file, BasicFileAttributes.class), value);
    }

    /** Keeps {@code value} for {@code file} while the file keeps this identity, size and time. */
    private static void remember(Path file, BasicFileAttributes attrs, Object value) {
        if (attrs.fileKey() != null) {
            MEMORY.put(
                    file,
                    new Remembered(
                            attrs.fileKey(),
                            attrs.size(),
                            attrs.lastModifiedTime().toMillis(),
                            value));
        }
    }

    /** Deletes {@code file} and forgets it. */
    public static void delete(Path file) throws IOException {
        MEMORY.remove(file);
        Files.deleteIfExists(file);
    }
}
