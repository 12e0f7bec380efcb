package org.nnwiki.generator.page;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.nnwiki.generator.Problems;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Finds every {@code *.md} page under the content folder and parses its front matter.
 *
 * <pre>{@code
 * List<Page> pages = new ContentScanner(root, problems).scan(root.resolve("content"), false);
 * }</pre>
 */
public final class ContentScanner {
    static final Set<String> KEYS = Set.of("title", "section", "order", "summary", "status");
    private static final String FENCE = "---";

    private final Path root;
    private final Problems problems;

    public ContentScanner(Path root, Problems problems) {
        this.root = root.toAbsolutePath().normalize();
        this.problems = problems;
    }

    /** Reads all pages, sorted by path; drafts are left out unless {@code includeDrafts}. */
    public List<Page> scan(Path contentDir, boolean includeDrafts) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(contentDir)) {
            files =
                    walk.filter(
                                    p ->
                                            Files.isRegularFile(p)
                                                    && p.getFileName().toString().endsWith(".md"))
                            .sorted()
                            .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + contentDir, e);
        }
        List<Page> pages = new ArrayList<>();
        Map<String, String> byOutput = new HashMap<>();
        for (Path file : files) {
            Page page = read(file, outputPath(contentDir, file));
            if (page == null || (page.front().draft() && !includeDrafts)) {
                continue;
            }
            String clash = byOutput.putIfAbsent(page.outputPath(), page.source());
            if (clash != null) {
                problems.add(
                        page.source(),
                        1,
                        "this page and "
                                + clash
                                + " both become site/"
                                + page.outputPath()
                                + " (output paths are lower-case): rename one of them");
                continue;
            }
            pages.add(page);
        }
        return pages;
    }

    /** {@code content/CNN/Intro.md} becomes {@code cnn/intro.html}. */
    static String outputPath(Path contentDir, Path file) {
        String rel = contentDir.relativize(file).toString().replace('\\', '/');
        return rel.substring(0, rel.length() - ".md".length()).toLowerCase(Locale.ROOT) + ".html";
    }

    /** Parses one file, or reports why it cannot and returns null. */
    Page read(Path file, String outputPath) {
        String source =
                root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(source, 0, "cannot read the file: " + e.getMessage());
            return null;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals(FENCE)) {
            problems.add(
                    source,
                    1,
                    "missing front matter: start the file with a '---' line, then 'title:' and 'summary:', then '---'");
            return null;
        }
        int close = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals(FENCE)) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            problems.add(
                    source, 1, "front matter is not closed: add a '---' line after the header");
            return null;
        }
        StringBuilder yaml = new StringBuilder();
        for (int i = 1; i < close; i++) {
            yaml.append(lines[i]).append('\n');
        }
        FrontMatter front = parseFront(source, yaml.toString(), close + 1);
        if (front == null) {
            return null;
        }
        StringBuilder body = new StringBuilder();
        for (int i = close + 1; i < lines.length; i++) {
            body.append(lines[i]);
            if (i < lines.length - 1) {
                body.append('\n');
            }
        }
        return new Page(
                source,
                file.toAbsolutePath().normalize(),
                outputPath,
                front,
                body.toString(),
                close + 2);
    }

    /** The YAML between the fences starts on file line 2. Returns null after reporting problems. */
    private FrontMatter parseFront(String source, String yaml, int closeLine) {
        Node node;
        try {
            node = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            // The context mark is where the broken construct starts (e.g. an unclosed '['), the
            // problem mark where parsing gave up.
            var mark = e.getContextMark() != null ? e.getContextMark() : e.getProblemMark();
            int line = mark == null ? 2 : mark.getLine() + 2;
            problems.add(
                    source,
                    line,
                    "malformed front matter: " + e.getProblem() + " (write 'key: value' lines)");
            return null;
        } catch (YAMLException e) {
            problems.add(source, 2, "malformed front matter: " + e.getMessage());
            return null;
        }
        if (!(node instanceof MappingNode mapping)) {
            problems.add(source, 2, "malformed front matter: expected 'key: value' lines");
            return null;
        }
        Map<String, String> values = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        boolean ok = true;
        for (NodeTuple t : mapping.getValue()) {
            int line = t.getKeyNode().getStartMark().getLine() + 2;
            String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
            if (!KEYS.contains(key)) {
                problems.add(
                        source,
                        line,
                        "unknown front matter key '"
                                + key
                                + "' (known: "
                                + String.join(", ", KEYS.stream().sorted().toList())
                                + ")");
                ok = false;
                continue;
            }
            if (!(t.getValueNode() instanceof ScalarNode v)) {
                problems.add(
                        source,
                        line,
                        "'" + key + "' must be a single value, not a list or mapping");
                ok = false;
                continue;
            }
            if (values.put(key, v.getValue().strip()) != null) {
                problems.add(source, line, "'" + key + "' is given twice");
                ok = false;
            }
            lineOf.put(key, line);
        }
        for (String required : List.of("title", "summary")) {
            if (values.getOrDefault(required, "").isEmpty()) {
                problems.add(
                        source,
                        closeLine,
                        "incomplete front matter: '" + required + ":' is missing or empty");
                ok = false;
            }
        }
        double order = 0;
        if (values.containsKey("order")) {
            try {
                order = Double.parseDouble(values.get("order"));
                if (!Double.isFinite(order)) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                problems.add(
                        source,
                        lineOf.get("order"),
                        "'order' must be a number (like 10 or 2.5), not '"
                                + values.get("order")
                                + "'");
                ok = false;
            }
        }
        String status = values.getOrDefault("status", "published");
        if (!status.equals("published") && !status.equals("draft")) {
            problems.add(
                    source,
                    lineOf.get("status"),
                    "'status' must be 'published' or 'draft', not '" + status + "'");
            ok = false;
        }
        if (!ok) {
            return null;
        }
        return new FrontMatter(
                values.get("title"),
                values.getOrDefault("section", ""),
                order,
                values.get("summary"),
                status.equals("draft"),
                true,
                lineOf.getOrDefault("section", 0));
    }
}
