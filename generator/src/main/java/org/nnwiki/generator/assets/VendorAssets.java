package org.nnwiki.generator.assets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.nnwiki.generator.SiteFiles;

/**
 * The browser libraries the site uses, copied out of their Maven webjars into {@code site/vendor/}
 * at build time: no CDN, so the site works offline and from {@code file://}. The versions are the
 * webjars' own (pinned in the POM).
 *
 * <pre>{@code
 * VendorAssets.copyInto(new SiteFiles(bakedSite, oldSite)); // vendor/katex/katex.min.js, vendor/lunr/lunr.min.js, ...
 * }</pre>
 */
public final class VendorAssets {
    private VendorAssets() {}

    /**
     * A file or folder ({@code from} ending in '/') of a webjar, and where it goes under {@code
     * vendor/}.
     */
    private record Asset(String group, String webjar, String from, String to) {}

    private static final List<Asset> ASSETS =
            List.of(
                    new Asset(
                            "org.webjars.npm", "katex", "dist/katex.min.js", "katex/katex.min.js"),
                    new Asset(
                            "org.webjars.npm",
                            "katex",
                            "dist/katex.min.css",
                            "katex/katex.min.css"),
                    new Asset("org.webjars.npm", "katex", "dist/fonts/", "katex/fonts/"),
                    new Asset("org.webjars.npm", "katex", "LICENSE", "katex/LICENSE"),
                    new Asset(
                            "org.webjars",
                            "highlightjs",
                            "highlight.min.js",
                            "highlight/highlight.min.js"),
                    new Asset("org.webjars.npm", "lunr", "lunr.min.js", "lunr/lunr.min.js"),
                    new Asset("org.webjars.npm", "lunr", "LICENSE", "lunr/LICENSE"));

    /** "katex 0.16.47, highlightjs 11.11.1, lunr 2.3.9": part of the site's build stamp. */
    public static String versions() {
        return String.join(
                ", ", ASSETS.stream().map(a -> a.webjar() + " " + version(a)).distinct().toList());
    }

    /** Writes every asset under {@code vendor/} in the new site. */
    public static void copyInto(SiteFiles site) {
        files().forEach((path, bytes) -> site.write("vendor/" + path, bytes));
    }

    /**
     * The assets' bytes by their path under {@code vendor/}, read once per JVM: the webjars do not
     * change under it.
     */
    private static volatile Map<String, byte[]> files;

    private static Map<String, byte[]> files() {
        Map<String, byte[]> f = files;
        if (f == null) {
            f = new LinkedHashMap<>();
            for (Asset a : ASSETS) {
                String base = "META-INF/resources/webjars/" + a.webjar() + "/" + version(a) + "/";
                try {
                    if (a.from().endsWith("/")) {
                        for (String name : list(base + a.from(), pomOf(a))) {
                            f.put(a.to() + name.substring((base + a.from()).length()), read(name));
                        }
                    } else {
                        f.put(a.to(), read(base + a.from()));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(
                            "cannot read " + a.webjar() + " from its webjar", e);
                }
            }
            files = f = java.util.Collections.unmodifiableMap(f);
        }
        return f;
    }

    private static String pomOf(Asset a) {
        return "META-INF/maven/" + a.group() + "/" + a.webjar() + "/pom.properties";
    }

    private static String version(Asset a) {
        String pom = pomOf(a);
        try (InputStream in = loader().getResourceAsStream(pom)) {
            if (in == null) {
                throw new IllegalStateException(
                        "the webjar "
                                + a.group()
                                + ":"
                                + a.webjar()
                                + " is not on the generator's class path");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = loader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            return in.readAllBytes();
        }
    }

    /**
     * The files under a resource folder, from a jar or a class-path directory. Jars need not list
     * folders, so the jar is found through {@code anchor}, a file in the same jar.
     */
    private static List<String> list(String folder, String anchor) throws IOException {
        URL url = loader().getResource(anchor);
        if (url == null) {
            throw new IOException("missing resource " + anchor);
        }
        List<String> names = new ArrayList<>();
        if (url.getProtocol().equals("jar")) {
            JarURLConnection conn = (JarURLConnection) url.openConnection();
            conn.setUseCaches(false);
            try (JarFile jar = conn.getJarFile()) {
                for (JarEntry e : java.util.Collections.list(jar.entries())) {
                    if (!e.isDirectory() && e.getName().startsWith(folder)) {
                        names.add(e.getName());
                    }
                }
            }
        } else {
            URL dir = loader().getResource(folder);
            if (dir == null) {
                throw new IOException("missing resource folder " + folder);
            }
            try (Stream<Path> walk = Files.walk(Path.of(dir.toURI()))) {
                Path root = Path.of(dir.toURI());
                walk.filter(Files::isRegularFile)
                        .forEach(
                                p ->
                                        names.add(
                                                folder
                                                        + root.relativize(p)
                                                                .toString()
                                                                .replace('\\', '/')));
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        }
        names.sort(null);
        return names;
    }

    private static ClassLoader loader() {
        return VendorAssets.class.getClassLoader();
    }
}
