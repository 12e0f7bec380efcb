package org.nnwiki.generator.page;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The API index, a generated page: every public top-level class of the configured packages, each
 * with the pages whose examples use it (the Sphinx-Gallery "examples using this" list, from what
 * the sessions really did). A page uses a class when its own blocks loaded it first (after the
 * prelude), or when its session loaded it and the page's code names it: the prelude's classes are
 * loaded by every session and would otherwise list every page.
 */
public final class ApiIndex {
    public static final String OUTPUT = "api.html";
    private static final Pattern WORD = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private ApiIndex() {}

    /**
     * What one page's sessions used ({@code +path} lines, see the execute stage) and its run code.
     */
    public record PageUse(
            String source, String title, Set<String> all, Set<String> own, String code) {}

    /**
     * The index page, or null when no package is configured.
     *
     * @param classpath the session class path, searched for the packages' classes
     */
    public static Page page(
            String title,
            String section,
            double order,
            List<String> packages,
            List<String> classpath,
            Collection<PageUse> uses,
            String prelude,
            Path content) {
        if (packages.isEmpty()) {
            return null;
        }
        Map<String, Set<String>> classes = publicClasses(packages, classpath);
        Map<String, Map<String, String>> pagesByClass = new TreeMap<>();
        Map<String, Set<String>> imported = staticImports(prelude);
        for (PageUse use : uses) {
            Set<String> words = new TreeSet<>();
            WORD.matcher(use.code()).results().forEach(m -> words.add(m.group()));
            Set<String> used = new TreeSet<>();
            use.own().stream()
                    .filter(l -> l.startsWith("+"))
                    .forEach(line -> used.add(topLevel(line)));
            // Named in the code: by its simple name, or by a member the prelude imports statically
            // (show(...)).
            use.all().stream()
                    .filter(l -> l.startsWith("+"))
                    .map(ApiIndex::topLevel)
                    .filter(
                            c ->
                                    words.contains(simpleName(c))
                                            || imported.getOrDefault(c, Set.of()).stream()
                                                    .anyMatch(words::contains))
                    .forEach(used::add);
            for (String c : used) {
                pagesByClass
                        .computeIfAbsent(c, k -> new TreeMap<>())
                        .put(use.title() + "\u0000" + use.source(), use.source());
            }
        }
        StringBuilder md =
                new StringBuilder(
                        """
                Every public class of the wiki's API, with the pages whose examples use it: the classes
                their sessions loaded or the code names. It is drawn from what the examples did in the
                last build, so a page appears here only once its examples really use the class.
                """);
        for (var pkg : classes.entrySet()) {
            md.append("\n## ").append(pkg.getKey()).append("\n\n");
            for (String c : pkg.getValue()) {
                md.append("- **").append(escape(simpleName(c))).append("**: ");
                Map<String, String> pages = pagesByClass.getOrDefault(c, Map.of());
                if (pages.isEmpty()) {
                    md.append("no example uses it yet");
                } else {
                    List<String> links = new ArrayList<>();
                    for (var e : pages.entrySet()) {
                        String t = e.getKey().substring(0, e.getKey().indexOf('\u0000'));
                        // The generated page's source has no folder: links name the full source
                        // path.
                        links.add("[" + escape(t) + "](" + e.getValue() + ")");
                    }
                    md.append(String.join(", ", links));
                }
                md.append('\n');
            }
        }
        String summary =
                "Every public class of the compute core and display API, with the pages whose examples use it.";
        return new Page(
                "(generated) api.md",
                content.resolve("api.md"),
                OUTPUT,
                new FrontMatter(title, section, order, summary, false, true, 0),
                md.toString(),
                1);
    }

    private static final Pattern STATIC_IMPORT =
            Pattern.compile("(?m)^\\s*import\\s+static\\s+([\\w.]+)\\.(\\w+)\\s*;");

    /**
     * The members each class of {@code import static C.member;} lines gives the code by its bare
     * name.
     */
    static Map<String, Set<String>> staticImports(String prelude) {
        Map<String, Set<String>> out = new TreeMap<>();
        STATIC_IMPORT
                .matcher(prelude)
                .results()
                .forEach(
                        m -> out.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2)));
        return out;
    }

    /** {@code +org/a/B$C.class} → {@code org.a.B}; other lines (resources) → "". */
    static String topLevel(String line) {
        String path = line.length() > 1 ? line.substring(1) : line;
        if (!path.endsWith(".class")) {
            return "";
        }
        String name = path.substring(0, path.length() - ".class".length()).replace('/', '.');
        int inner = name.indexOf('$');
        return inner < 0 ? name : name.substring(0, inner);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static String escape(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]<>|#])", "\\\\$1");
    }

    /** Public top-level classes of {@code packages} (and their sub-packages), by package. */
    static Map<String, Set<String>> publicClasses(List<String> packages, List<String> classpath) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (String entry : classpath) {
            Path root = Path.of(entry);
            try {
                if (Files.isDirectory(root)) {
                    try (Stream<Path> walk = Files.walk(root)) {
                        for (Path p : walk.filter(Files::isRegularFile).toList()) {
                            String rel = root.relativize(p).toString().replace('\\', '/');
                            if (wanted(rel, packages)) {
                                try (InputStream in = Files.newInputStream(p)) {
                                    add(out, rel, in);
                                }
                            }
                        }
                    }
                } else if (Files.isRegularFile(root) && entry.endsWith(".jar")) {
                    try (ZipFile zip = new ZipFile(root.toFile())) {
                        for (ZipEntry ze : java.util.Collections.list(zip.entries())) {
                            if (!ze.isDirectory() && wanted(ze.getName(), packages)) {
                                try (InputStream in = zip.getInputStream(ze)) {
                                    add(out, ze.getName(), in);
                                }
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static boolean wanted(String path, List<String> packages) {
        if (!path.endsWith(".class")
                || path.contains("$")
                || path.endsWith("package-info.class")
                || path.endsWith("module-info.class")) {
            return false;
        }
        String name = path.substring(0, path.length() - ".class".length()).replace('/', '.');
        return packages.stream().anyMatch(p -> name.startsWith(p + "."));
    }

    private static void add(Map<String, Set<String>> out, String path, InputStream in)
            throws IOException {
        if (isPublic(in)) {
            String name = path.substring(0, path.length() - ".class".length()).replace('/', '.');
            out.computeIfAbsent(name.substring(0, name.lastIndexOf('.')), k -> new TreeSet<>())
                    .add(name);
        }
    }

    /**
     * Reads a class file up to its access flags (past the constant pool) and tells whether it is
     * public.
     */
    static boolean isPublic(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        if (in.readInt() != 0xCAFEBABE) {
            return false;
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> in.skipNBytes(in.readUnsignedShort());
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++; // a long or double takes two entries
                }
                default -> {
                    return false;
                }
            }
        }
        return (in.readUnsignedShort() & 0x0001) != 0;
    }
}
