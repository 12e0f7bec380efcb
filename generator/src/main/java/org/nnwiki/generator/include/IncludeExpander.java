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
 * <p>PATH is relative to the repository root and must stay inside it, also once every symbolic link
 * on the way is resolved (a link to {@code /etc/passwd} or to a folder outside is refused), and
 * must not lead into {@code .git/}, a {@code target/} folder or the folders the build writes (the
 * site and the cache). Without {@code #REGION} the whole file is included. Region marker lines of
 * other (nested) regions are dropped, and the common indentation is removed. An unclosed fence, an
 * unclosed region and a region defined twice are reported at their lines.
 */
public final class IncludeExpander {
    private static final Pattern INCLUDE = Pattern.compile("(?:^|\\s)include=(\\S+)");
    private static final Pattern REGION = Pattern.compile("^\\s*//\\s*region\\s+(\\S+)\\s*$");
    private static final Pattern END_REGION = Pattern.compile("^\\s*//\\s*endregion\\b.*$");

    private final Path root;
    private final Problems problems;
    private final List<Path> sealed;

    public IncludeExpander(Path root, Problems problems) {
        this(root, problems, List.of());
    }

    /**
     * {@code sealed}: folders whose files may not be included (the site and the cache), besides
     * {@code .git} and {@code target}.
     */
    public IncludeExpander(Path root, Problems problems, List<Path> sealed) {
        this.root = root.toAbsolutePath().normalize();
        this.problems = problems;
        this.sealed = sealed.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    public ExpandedPage expand(Page page) {
        String[] lines = page.markdown().split("\n", -1);
        StringBuilder out = new StringBuilder();
        List<Integer> origin = new ArrayList<>();
        Fence open = null;
        int openedAt = 0;
        boolean skippingBody = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int bodyLine = i + 1;
            if (open == null) {
                Fence f = Fence.open(line);
                append(out, origin, line, bodyLine);
                if (f != null) {
                    open = f;
                    openedAt = bodyLine;
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
                problems.add(
                        page.source(),
                        page.fileLine(bodyLine),
                        "an include fence must be empty: its code comes from the included file (move this line out of the fence)");
            }
        }
        if (open != null) {
            String marker = String.valueOf(open.marker).repeat(open.length);
            problems.add(
                    page.source(),
                    page.fileLine(openedAt),
                    "this "
                            + marker
                            + " fence is never closed: add a line with "
                            + marker
                            + " where the block ends (otherwise everything after it, to the end of the file, is its code)");
        }
        if (out.length() > 0) {
            out.setLength(out.length() - 1);
        }
        return new ExpandedPage(
                page, out.toString(), origin.stream().mapToInt(Integer::intValue).toArray());
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
        Path target;
        try {
            target = root.resolve(pathPart).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            problems.add(
                    page.source(),
                    fileLine,
                    "include path '"
                            + pathPart.replace("\0", "\\0")
                            + "' is not a file path ("
                            + e.getReason()
                            + "): give a path relative to the repository root");
            return List.of();
        }
        if (!target.startsWith(root) || Path.of(pathPart).isAbsolute()) {
            problems.add(
                    page.source(),
                    fileLine,
                    "include path '"
                            + pathPart
                            + "' leaves the repository: give a path relative to the repository root, e.g. examples/src/main/java/...");
            return List.of();
        }
        // From here on the path as the OS sees it: "link/.." goes wherever the link points, not
        // back here.
        target = root.resolve(pathPart);
        if (!Files.isRegularFile(target)) {
            problems.add(
                    page.source(),
                    fileLine,
                    "include file '"
                            + pathPart
                            + "' does not exist (paths are relative to the repository root)");
            return List.of();
        }
        String refused = sealedReason(target);
        if (refused != null) {
            problems.add(
                    page.source(),
                    fileLine,
                    "include path '"
                            + pathPart
                            + "' "
                            + refused
                            + ": include only the repository's own sources (examples/src/..., content/...)");
            return List.of();
        }
        List<String> fileLines;
        try {
            fileLines = Files.readAllLines(target, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(
                    page.source(),
                    fileLine,
                    "cannot read include file '" + pathPart + "': " + e.getMessage());
            return List.of();
        }
        if (region != null && !regionWellFormed(page, fileLine, pathPart, fileLines, region)) {
            return List.of();
        }
        List<String> picked =
                region == null ? withoutMarkers(fileLines) : region(fileLines, region);
        if (picked == null) {
            List<String> known = new ArrayList<>();
            for (String l : fileLines) {
                Matcher m = REGION.matcher(l);
                if (m.matches()) {
                    known.add(m.group(1));
                }
            }
            problems.add(
                    page.source(),
                    fileLine,
                    "region '"
                            + region
                            + "' not found in "
                            + pathPart
                            + " (regions there: "
                            + (known.isEmpty() ? "none" : String.join(", ", known))
                            + "); mark it with '// region "
                            + region
                            + "' and '// endregion'");
            return List.of();
        }
        return dedent(picked);
    }

    /**
     * Why {@code target} may not be included, or null: its real path (every symbolic link resolved)
     * must lie inside the real repository root, outside {@code .git}, any {@code target} folder and
     * the sealed folders.
     */
    private String sealedReason(Path target) {
        Path real;
        Path realRoot;
        try {
            real = target.toRealPath();
            realRoot = root.toRealPath();
        } catch (IOException e) {
            return "cannot be resolved (" + e.getMessage() + ")";
        }
        if (!real.startsWith(realRoot)) {
            return "leads out of the repository through a symbolic link (to " + real + ")";
        }
        for (Path part : realRoot.relativize(real)) {
            String name = part.toString();
            if (name.equals(".git") || name.equals("target")) {
                return "leads into " + name + "/, which holds no page sources";
            }
        }
        for (Path s : sealed) {
            Path realSealed;
            try {
                realSealed = s.toRealPath();
            } catch (IOException e) {
                continue; // not there yet: nothing inside it to include
            }
            if (real.startsWith(realSealed)) {
                return "leads into " + root.relativize(s) + "/, which the build writes";
            }
        }
        return null;
    }

    /** False, after reporting it, when the region is defined twice or never closed. */
    private boolean regionWellFormed(
            Page page, int fileLine, String pathPart, List<String> lines, String name) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = REGION.matcher(lines.get(i));
            if (m.matches() && m.group(1).equals(name)) {
                starts.add(i + 1);
            }
        }
        if (starts.size() > 1) {
            problems.add(
                    page.source(),
                    fileLine,
                    "region '"
                            + name
                            + "' is defined "
                            + starts.size()
                            + " times in "
                            + pathPart
                            + " (lines "
                            + starts.stream()
                                    .map(String::valueOf)
                                    .collect(java.util.stream.Collectors.joining(", "))
                            + "): give each region its own name");
            return false;
        }
        if (starts.size() == 1) {
            int depth = 0;
            for (int i = starts.get(0); i < lines.size(); i++) {
                if (REGION.matcher(lines.get(i)).matches()) {
                    depth++;
                } else if (END_REGION.matcher(lines.get(i)).matches() && depth-- == 0) {
                    return true;
                }
            }
            problems.add(
                    page.source(),
                    fileLine,
                    "region '"
                            + name
                            + "' opened at line "
                            + starts.get(0)
                            + " of "
                            + pathPart
                            + " is never closed: add '// endregion' where it ends");
            return false;
        }
        return true;
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
        return lines.stream()
                .filter(l -> !REGION.matcher(l).matches() && !END_REGION.matcher(l).matches())
                .toList();
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
