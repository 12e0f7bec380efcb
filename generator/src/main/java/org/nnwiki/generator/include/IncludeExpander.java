package org.nnwiki.generator.include;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nnwiki.generator.Problems;
import org.nnwiki.generator.page.Page;

/**
 * Expands {@code include=PATH#REGION} fences.
 *
 * <pre>{@code
 * ExpandedPage expanded = new IncludeExpander(root, problems).expand(page);
 * }</pre>
 *
 * <p>PATH is relative to the repository root and must stay inside it. Without {@code #REGION} the
 * whole file is included. Region marker lines of other (nested) regions are dropped, and the common
 * indentation is removed.
 */
public final class IncludeExpander {
    private static final Pattern INCLUDE = Pattern.compile("(?:^|\\s)include=(\\S+)");
    private static final Pattern REGION = Pattern.compile("^\\s*//\\s*region\\s+(\\S+)\\s*$");
    private static final Pattern END_REGION = Pattern.compile("^\\s*//\\s*endregion\\b.*$");

    private final Path root;
    private final Problems problems;

    public IncludeExpander(Path root, Problems problems) {
        this.root = root.toAbsolutePath().normalize();
        this.problems = problems;
    }

    public ExpandedPage expand(Page page) {
        String[] lines = page.markdown().split("\n", -1);
        StringBuilder out = new StringBuilder();
        List<Integer> origin = new ArrayList<>();
        Fence open = null;
        boolean skippingBody = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int bodyLine = i + 1;
            if (open == null) {
                Fence f = Fence.open(line);
                append(out, origin, line, bodyLine);
                if (f != null) {
                    open = f;
                    Matcher m = INCLUDE.matcher(f.info);
                    if (m.find()) {
                        List<String> included = load(page, page.fileLine(bodyLine), m.group(1));
                        for (String inc : included) {
                            append(out, origin, inc, bodyLine);
                        }
                        skippingBody = true;
                    }
                }
            } else if (open.closedBy(line)) {
                append(out, origin, line, bodyLine);
                open = null;
                skippingBody = false;
            } else if (!skippingBody) {
                append(out, origin, line, bodyLine);
            } else if (!line.isBlank()) {
                problems.add(page.source(), page.fileLine(bodyLine),
                        "an include fence must be empty: its code comes from the included file (move this line out of the fence)");
            }
        }
        if (out.length() > 0) {
            out.setLength(out.length() - 1);
        }
        return new ExpandedPage(page, out.toString(), origin.stream().mapToInt(Integer::intValue).toArray());
    }

    private static void append(StringBuilder out, List<Integer> origin, String line, int bodyLine) {
        out.append(line).append('\n');
        origin.add(bodyLine);
    }

    /** The included lines, or an empty list after reporting why there are none. */
    List<String> load(Page page, int fileLine, String ref) {
        int hash = ref.indexOf('#');
        String pathPart = hash < 0 ? ref : ref.substring(0, hash);
        String region = hash < 0 ? null : ref.substring(hash + 1);
        Path target = root.resolve(pathPart).normalize();
        if (!target.startsWith(root) || Path.of(pathPart).isAbsolute()) {
            problems.add(page.source(), fileLine, "include path '" + pathPart
                    + "' leaves the repository: give a path relative to the repository root, e.g. examples/src/main/java/...");
            return List.of();
        }
        if (!Files.isRegularFile(target)) {
            problems.add(page.source(), fileLine, "include file '" + pathPart
                    + "' does not exist (paths are relative to the repository root)");
            return List.of();
        }
        List<String> fileLines;
        try {
            fileLines = Files.readAllLines(target, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(page.source(), fileLine, "cannot read include file '" + pathPart + "': " + e.getMessage());
            return List.of();
        }
        List<String> picked = region == null ? withoutMarkers(fileLines) : region(fileLines, region);
        if (picked == null) {
            List<String> known = new ArrayList<>();
            for (String l : fileLines) {
                Matcher m = REGION.matcher(l);
                if (m.matches()) {
                    known.add(m.group(1));
                }
            }
            problems.add(page.source(), fileLine, "region '" + region + "' not found in " + pathPart
                    + " (regions there: " + (known.isEmpty() ? "none" : String.join(", ", known))
                    + "); mark it with '// region " + region + "' and '// endregion'");
            return List.of();
        }
        return dedent(picked);
    }

    /** Lines inside the named region (markers of nested regions dropped), or null if absent. */
    private static List<String> region(List<String> lines, String name) {
        int depth = -1;
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            Matcher start = REGION.matcher(line);
            boolean isStart = start.matches();
            boolean isEnd = END_REGION.matcher(line).matches();
            if (depth < 0) {
                if (isStart && start.group(1).equals(name)) {
                    depth = 0;
                }
                continue;
            }
            if (isStart) {
                depth++;
            } else if (isEnd) {
                if (depth == 0) {
                    return out;
                }
                depth--;
            } else {
                out.add(line);
            }
        }
        return depth < 0 ? null : out;
    }

    private static List<String> withoutMarkers(List<String> lines) {
        return lines.stream().filter(l -> !REGION.matcher(l).matches() && !END_REGION.matcher(l).matches()).toList();
    }

    private static List<String> dedent(List<String> lines) {
        int indent = Integer.MAX_VALUE;
        for (String l : lines) {
            if (!l.isBlank()) {
                indent = Math.min(indent, l.length() - l.stripLeading().length());
            }
        }
        int cut = indent == Integer.MAX_VALUE ? 0 : indent;
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            out.add(l.isBlank() ? "" : l.substring(cut));
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        while (!out.isEmpty() && out.get(0).isEmpty()) {
            out.remove(0);
        }
        return out;
    }
}
