package org.nnwiki.generator.execute;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.ForwardingJavaFileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * The session compiler's file manager, recording each class file of the session class path that the
 * compiler read. The session JVM's own record ({@code UsageRecordingLoader}) misses what only the
 * compiler needs: a constant ({@code static final int N = 3}) is copied into the snippet, and its
 * class is never loaded when the snippet runs. Recorded as {@code +path} lines like the JVM's.
 *
 * <p>Every session of a pool reads the class path through one {@link Shared} file manager: opening
 * the class path's jars and indexing their folders was a fifth of the generator's time per session
 * on a wiki of trivial pages. The record stays per session: the file objects this class hands out
 * record their own reads, and no compiler state is shared. The shared manager is not thread-safe,
 * so every call to it holds its lock; the file objects are read outside it (reading a jar entry or
 * a file is).
 */
final class CompileRecorder extends ForwardingJavaFileManager<StandardJavaFileManager>
        implements StandardJavaFileManager {
    private final Set<String> read = ConcurrentHashMap.newKeySet();
    private final Shared shared;
    private boolean released;

    /**
     * A JDK file manager with the session class path set, shared by the compilers of a pool's
     * sessions and closed when the pool and every session that used it are done ({@link #acquire},
     * {@link #release}).
     */
    static final class Shared {
        private final StandardJavaFileManager manager;
        private int users = 1;

        /**
         * The value of the last {@code --multi-release} option handed on (each compiler task sets
         * it).
         */
        private String multiRelease;

        /**
         * Class path listings by package, kinds and recursion, each file with its binary name. The
         * pool that owns this manager lives only while the class path's files keep their names,
         * sizes and times ({@code Fingerprint.stamp}), so a listing cannot go stale (a folder's
         * listing was otherwise read from the disk again for every package the compiler looked
         * into).
         */
        private final java.util.Map<String, List<Listed>> listings = new java.util.HashMap<>();

        /** A manager for {@code classpath}, held once by its creator (the pool). */
        Shared(List<String> classpath) {
            manager =
                    ToolProvider.getSystemJavaCompiler()
                            .getStandardFileManager(
                                    null,
                                    java.util.Locale.ROOT,
                                    java.nio.charset.StandardCharsets.UTF_8);
            try {
                manager.setLocationFromPaths(
                        StandardLocation.CLASS_PATH, classpath.stream().map(Path::of).toList());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(
                        "cannot set the session compiler's class path: " + e.getMessage(), e);
            }
        }

        /** One more user (a session); false once the manager is closed. */
        synchronized boolean acquire() {
            if (users == 0) {
                return false;
            }
            users++;
            return true;
        }

        /** One user fewer; the last one closes the manager (its open jars). */
        void release() {
            synchronized (this) {
                if (users == 0 || --users > 0) {
                    return;
                }
            }
            synchronized (manager) {
                try {
                    manager.close();
                } catch (IOException e) {
                    // its jars are closed as far as they can be
                }
            }
        }
    }

    /** A class path file and its binary name (null for a file that is not a class file). */
    private record Listed(JavaFileObject file, String binaryName) {}

    /**
     * Records what the compiler reads through {@code shared}, which it holds (acquired) until
     * {@link #close}.
     */
    CompileRecorder(Shared shared) {
        super(shared.manager);
        this.shared = shared;
    }

    /** {@code +path} of every class path class file read so far. */
    Set<String> read() {
        return Set.copyOf(read);
    }

    /**
     * Hands options on, except a {@code --multi-release} equal to the one already set. javac sets
     * that option on the file manager for every task, and the JDK's file manager drops its index of
     * the class path on every file-manager option, so each of JShell's two or three tasks per
     * snippet would list every jar and folder of the class path again (a quarter of the generator's
     * time on a wiki of trivial pages).
     */
    @Override
    public boolean handleOption(String current, Iterator<String> remaining) {
        synchronized (fileManager) {
            if (current.equals("--multi-release") && remaining.hasNext()) {
                String value = remaining.next();
                if (value.equals(shared.multiRelease)) {
                    return true;
                }
                shared.multiRelease = value;
                return fileManager.handleOption(current, List.of(value).iterator());
            }
            return fileManager.handleOption(current, remaining);
        }
    }

    @Override
    public Iterable<JavaFileObject> list(
            Location location, String packageName, Set<JavaFileObject.Kind> kinds, boolean recurse)
            throws IOException {
        List<Listed> listed;
        synchronized (fileManager) {
            if (location != StandardLocation.CLASS_PATH) {
                return fileManager.list(location, packageName, kinds, recurse);
            }
            String key = packageName + "\n" + new java.util.TreeSet<>(kinds) + "\n" + recurse;
            listed = shared.listings.get(key);
            if (listed == null) {
                listed = new ArrayList<>();
                for (JavaFileObject f : fileManager.list(location, packageName, kinds, recurse)) {
                    listed.add(
                            new Listed(
                                    f,
                                    f.getKind() == JavaFileObject.Kind.CLASS
                                            ? fileManager.inferBinaryName(location, f)
                                            : null));
                }
                shared.listings.put(key, List.copyOf(listed));
            }
        }
        List<JavaFileObject> out = new ArrayList<>(listed.size());
        for (Listed l : listed) {
            out.add(
                    l.file().getKind() == JavaFileObject.Kind.CLASS
                            ? new Recorded(l.file(), l.binaryName())
                            : l.file());
        }
        return out;
    }

    @Override
    public JavaFileObject getJavaFileForInput(
            Location location, String className, JavaFileObject.Kind kind) throws IOException {
        synchronized (fileManager) {
            JavaFileObject f = fileManager.getJavaFileForInput(location, className, kind);
            return f != null
                            && location == StandardLocation.CLASS_PATH
                            && kind == JavaFileObject.Kind.CLASS
                    ? new Recorded(f, className)
                    : f;
        }
    }

    @Override
    public String inferBinaryName(Location location, JavaFileObject file) {
        synchronized (fileManager) {
            return fileManager.inferBinaryName(location, unwrap(file));
        }
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
        synchronized (fileManager) {
            return fileManager.isSameFile(unwrap(a), unwrap(b));
        }
    }

    @Override
    public ClassLoader getClassLoader(Location location) {
        synchronized (fileManager) {
            return fileManager.getClassLoader(location);
        }
    }

    @Override
    public int isSupportedOption(String option) {
        synchronized (fileManager) {
            return fileManager.isSupportedOption(option);
        }
    }

    @Override
    public boolean hasLocation(Location location) {
        synchronized (fileManager) {
            return fileManager.hasLocation(location);
        }
    }

    @Override
    public JavaFileObject getJavaFileForOutput(
            Location location, String className, JavaFileObject.Kind kind, FileObject sibling)
            throws IOException {
        synchronized (fileManager) {
            return fileManager.getJavaFileForOutput(location, className, kind, unwrap(sibling));
        }
    }

    @Override
    public FileObject getFileForInput(Location location, String packageName, String relativeName)
            throws IOException {
        synchronized (fileManager) {
            return fileManager.getFileForInput(location, packageName, relativeName);
        }
    }

    @Override
    public FileObject getFileForOutput(
            Location location, String packageName, String relativeName, FileObject sibling)
            throws IOException {
        synchronized (fileManager) {
            return fileManager.getFileForOutput(
                    location, packageName, relativeName, unwrap(sibling));
        }
    }

    @Override
    public Location getLocationForModule(Location location, String moduleName) throws IOException {
        synchronized (fileManager) {
            return fileManager.getLocationForModule(location, moduleName);
        }
    }

    @Override
    public Location getLocationForModule(Location location, JavaFileObject fo) throws IOException {
        synchronized (fileManager) {
            return fileManager.getLocationForModule(location, unwrap(fo));
        }
    }

    @Override
    public <S> java.util.ServiceLoader<S> getServiceLoader(Location location, Class<S> service)
            throws IOException {
        synchronized (fileManager) {
            return fileManager.getServiceLoader(location, service);
        }
    }

    @Override
    public String inferModuleName(Location location) throws IOException {
        synchronized (fileManager) {
            return fileManager.inferModuleName(location);
        }
    }

    @Override
    public Iterable<Set<Location>> listLocationsForModules(Location location) throws IOException {
        synchronized (fileManager) {
            return fileManager.listLocationsForModules(location);
        }
    }

    @Override
    public boolean contains(Location location, FileObject fo) throws IOException {
        synchronized (fileManager) {
            return fileManager.contains(location, unwrap(fo));
        }
    }

    /** Nothing to write: the compiler's output stays in JShell's own memory. */
    @Override
    public void flush() {}

    /** Lets go of the shared manager (the last user closes it). */
    @Override
    public void close() {
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
        }
        shared.release();
    }

    private static <F extends FileObject> F unwrap(F file) {
        @SuppressWarnings("unchecked")
        F inner = file instanceof Recorded r ? (F) r.inner() : file;
        return inner;
    }

    /** A class file that records its binary name when the compiler opens it. */
    private final class Recorded extends ForwardingJavaFileObject<JavaFileObject> {
        private final String path;

        Recorded(JavaFileObject inner, String binaryName) {
            super(inner);
            this.path =
                    "+"
                            + (binaryName == null
                                    ? inner.getName()
                                    : binaryName.replace('.', '/') + ".class");
        }

        JavaFileObject inner() {
            return fileObject;
        }

        @Override
        public InputStream openInputStream() throws IOException {
            read.add(path);
            return super.openInputStream();
        }
    }

    // The rest of StandardJavaFileManager, passed through under the lock.

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromFiles(
            Iterable<? extends File> files) {
        synchronized (fileManager) {
            return fileManager.getJavaFileObjectsFromFiles(files);
        }
    }

    @Override
    @SuppressWarnings("deprecation")
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(
            Iterable<? extends Path> paths) {
        synchronized (fileManager) {
            return fileManager.getJavaFileObjectsFromPaths(paths);
        }
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(
            Collection<? extends Path> paths) {
        synchronized (fileManager) {
            return fileManager.getJavaFileObjectsFromPaths(paths);
        }
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(File... files) {
        synchronized (fileManager) {
            return fileManager.getJavaFileObjects(files);
        }
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(Path... paths) {
        synchronized (fileManager) {
            return fileManager.getJavaFileObjects(paths);
        }
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromStrings(
            Iterable<String> names) {
        synchronized (fileManager) {
            return fileManager.getJavaFileObjectsFromStrings(names);
        }
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(String... names) {
        synchronized (fileManager) {
            return fileManager.getJavaFileObjects(names);
        }
    }

    /** The shared manager's locations are fixed: a session cannot move them for the others. */
    @Override
    public void setLocation(Location location, Iterable<? extends File> files) {
        throw new UnsupportedOperationException("the session compilers share one class path");
    }

    @Override
    public void setLocationFromPaths(Location location, Collection<? extends Path> paths) {
        throw new UnsupportedOperationException("the session compilers share one class path");
    }

    @Override
    public void setLocationForModule(
            Location location, String moduleName, Collection<? extends Path> paths) {
        throw new UnsupportedOperationException("the session compilers share one class path");
    }

    @Override
    public Iterable<? extends File> getLocation(Location location) {
        synchronized (fileManager) {
            return fileManager.getLocation(location);
        }
    }

    @Override
    public Iterable<? extends Path> getLocationAsPaths(Location location) {
        synchronized (fileManager) {
            return fileManager.getLocationAsPaths(location);
        }
    }

    @Override
    public Path asPath(FileObject file) {
        synchronized (fileManager) {
            return fileManager.asPath(unwrap(file));
        }
    }

    @Override
    public void setPathFactory(PathFactory f) {
        throw new UnsupportedOperationException("the session compilers share one file manager");
    }
}
