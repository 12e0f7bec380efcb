package org.nnwiki.generator.execute.agent;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The session JVM's system class loader (installed with {@code -Djava.system.class.loader}): it
 * loads the session class path (the core, display and examples modules and their jars, from the
 * property {@code nnwiki.classpath}) and appends to the file named by {@code nnwiki.usageLog} every
 * class and resource of it that the session looked up, found ({@code +path}) or not ({@code
 * -path}). The generator keys a page's cached results on the bytes of exactly those, so that
 * editing a class re-runs the pages that used it and no others. Classes reached through reflection,
 * resources and service files are all lookups through this loader, so they are recorded too. Each
 * line is written at once: a session that ends with {@code System.exit} or is killed still leaves
 * its record.
 */
public final class UsageRecordingLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    /**
     * {@link SessionProbe}'s name, written out: naming its class would load it from the agent
     * folder, which does not hold it.
     */
    static final String PROBE = "org.nnwiki.generator.execute.agent.SessionProbe";

    private final Set<String> recorded = ConcurrentHashMap.newKeySet();
    private final OutputStream log;

    public UsageRecordingLoader(ClassLoader parent) {
        super(urls(System.getProperty("nnwiki.classpath", "")), parent);
        String file = System.getProperty("nnwiki.usageLog", "");
        try {
            log =
                    file.isEmpty()
                            ? OutputStream.nullOutputStream()
                            : new FileOutputStream(file, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL[] urls(String classpath) {
        String[] entries =
                classpath.isEmpty() ? new String[0] : classpath.split(File.pathSeparator);
        URL[] urls = new URL[entries.length];
        for (int i = 0; i < entries.length; i++) {
            try {
                urls[i] = new File(entries[i]).toURI().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(entries[i], e);
            }
        }
        return urls;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        // JShell's own snippet classes and the generator's probe are asked for here first; they are
        // never on the class path.
        boolean snippet = name.startsWith("REPL.") || name.equals(PROBE);
        try {
            Class<?> c = super.findClass(name);
            record('+', name.replace('.', '/') + ".class");
            return c;
        } catch (ClassNotFoundException e) {
            if (!snippet) {
                record('-', name.replace('.', '/') + ".class");
            }
            throw e;
        }
    }

    @Override
    public URL findResource(String name) {
        URL url = super.findResource(name);
        record(url == null ? '-' : '+', name);
        return url;
    }

    @Override
    public Enumeration<URL> findResources(String name) throws IOException {
        Enumeration<URL> urls = super.findResources(name);
        record('*', name);
        return urls;
    }

    private void record(char kind, String path) {
        if (path.startsWith("REPL/") || !recorded.add(kind + path)) {
            return;
        }
        byte[] line = (kind + path + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (log) {
            try {
                log.write(line);
                log.flush();
            } catch (IOException e) {
                // An incomplete record must not key a cache entry: without its file the generator
                // does not cache the page at all.
                new File(System.getProperty("nnwiki.usageLog", "")).delete();
            }
        }
    }
}
