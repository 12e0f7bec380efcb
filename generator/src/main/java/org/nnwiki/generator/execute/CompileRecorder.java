package org.nnwiki.generator.execute;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.ForwardingJavaFileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * The session compiler's file manager, recording each class file of the session class path that the
 * compiler read. The session JVM's own record ({@code UsageRecordingLoader}) misses what only the
 * compiler needs: a constant ({@code static final int N = 3}) is copied into the snippet, and its
 * class is never loaded when the snippet runs. Recorded as {@code +path} lines like the JVM's.
 */
final class CompileRecorder extends ForwardingJavaFileManager<StandardJavaFileManager> implements StandardJavaFileManager {
    private final Set<String> read = ConcurrentHashMap.newKeySet();

    /**
     * @param classpath the compiler's class path, set here once for every task of the session (as an
     *     option it would be handed to the file manager again by each task, which re-indexes it)
     */
    CompileRecorder(StandardJavaFileManager standard, List<String> classpath) {
        super(standard);
        try {
            standard.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath.stream().map(Path::of).toList());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot set the session compiler's class path: " + e.getMessage(), e);
        }
    }

    /** The value of the last {@code --multi-release} option handed on (each compiler task sets it). */
    private String multiRelease;

    /**
     * Hands options on, except a {@code --multi-release} equal to the one already set. javac sets that
     * option on the file manager for every task, and the JDK's file manager drops its index of the class
     * path on every file-manager option, so each of JShell's two or three tasks per snippet would list
     * every jar and folder of the class path again (a quarter of the generator's time on a wiki of
     * trivial pages).
     */
    @Override
    public boolean handleOption(String current, java.util.Iterator<String> remaining) {
        if (current.equals("--multi-release") && remaining.hasNext()) {
            String value = remaining.next();
            synchronized (this) {
                if (value.equals(multiRelease)) {
                    return true;
                }
                multiRelease = value;
            }
            return super.handleOption(current, List.of(value).iterator());
        }
        return super.handleOption(current, remaining);
    }

    /** {@code +path} of every class path class file read so far. */
    Set<String> read() {
        return Set.copyOf(read);
    }

    @Override
    public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds, boolean recurse)
            throws IOException {
        Iterable<JavaFileObject> files = super.list(location, packageName, kinds, recurse);
        if (location != StandardLocation.CLASS_PATH) {
            return files;
        }
        List<JavaFileObject> out = new ArrayList<>();
        for (JavaFileObject f : files) {
            out.add(f.getKind() == JavaFileObject.Kind.CLASS ? new Recorded(f, super.inferBinaryName(location, f)) : f);
        }
        return out;
    }

    @Override
    public JavaFileObject getJavaFileForInput(Location location, String className, JavaFileObject.Kind kind) throws IOException {
        JavaFileObject f = super.getJavaFileForInput(location, className, kind);
        return f != null && location == StandardLocation.CLASS_PATH && kind == JavaFileObject.Kind.CLASS ? new Recorded(f, className) : f;
    }

    @Override
    public String inferBinaryName(Location location, JavaFileObject file) {
        return super.inferBinaryName(location, unwrap(file));
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
        return super.isSameFile(unwrap(a), unwrap(b));
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
            this.path = "+" + (binaryName == null ? inner.getName() : binaryName.replace('.', '/') + ".class");
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

    // The rest of StandardJavaFileManager, passed through.

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromFiles(Iterable<? extends File> files) {
        return fileManager.getJavaFileObjectsFromFiles(files);
    }

    @Override
    @SuppressWarnings("deprecation")
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(Iterable<? extends Path> paths) {
        return fileManager.getJavaFileObjectsFromPaths(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(Collection<? extends Path> paths) {
        return fileManager.getJavaFileObjectsFromPaths(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(File... files) {
        return fileManager.getJavaFileObjects(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(Path... paths) {
        return fileManager.getJavaFileObjects(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromStrings(Iterable<String> names) {
        return fileManager.getJavaFileObjectsFromStrings(names);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(String... names) {
        return fileManager.getJavaFileObjects(names);
    }

    @Override
    public void setLocation(Location location, Iterable<? extends File> files) throws IOException {
        fileManager.setLocation(location, files);
    }

    @Override
    public void setLocationFromPaths(Location location, Collection<? extends Path> paths) throws IOException {
        fileManager.setLocationFromPaths(location, paths);
    }

    @Override
    public void setLocationForModule(Location location, String moduleName, Collection<? extends Path> paths) throws IOException {
        fileManager.setLocationForModule(location, moduleName, paths);
    }

    @Override
    public Iterable<? extends File> getLocation(Location location) {
        return fileManager.getLocation(location);
    }

    @Override
    public Iterable<? extends Path> getLocationAsPaths(Location location) {
        return fileManager.getLocationAsPaths(location);
    }

    @Override
    public Path asPath(FileObject file) {
        return fileManager.asPath(unwrap(file));
    }

    @Override
    public void setPathFactory(PathFactory f) {
        fileManager.setPathFactory(f);
    }
}
