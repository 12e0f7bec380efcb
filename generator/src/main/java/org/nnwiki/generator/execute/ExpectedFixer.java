package org.nnwiki.generator.execute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code --fix}: rewrites {@code expected} blocks in the page files with the output the blocks
 * really showed.
 */
public final class ExpectedFixer {
    private ExpectedFixer() {}

    /** Rewrites every mismatching block; returns the number of blocks rewritten. */
    public static int fix(Path root, List<BlockExecutor.Mismatch> mismatches) {
        Map<String, List<BlockExecutor.Mismatch>> bySource =
                mismatches.stream().collect(Collectors.groupingBy(BlockExecutor.Mismatch::source));
        for (var e : bySource.entrySet()) {
            Path file = root.resolve(e.getKey());
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
                List<BlockExecutor.Mismatch> sorted = new ArrayList<>(e.getValue());
                // Bottom-up, so earlier line numbers stay valid.
                sorted.sort(
                        Comparator.comparingInt(
                                        (BlockExecutor.Mismatch m) -> m.expected().contentLine())
                                .reversed());
                for (BlockExecutor.Mismatch m : sorted) {
                    int from = m.expected().contentLine() - 1;
                    int to = Math.min(m.expected().closeLine() - 1, lines.size());
                    lines.subList(from, to).clear();
                    lines.addAll(from, actualLines(m.actual()));
                }
                Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot rewrite " + file, ex);
            }
        }
        return mismatches.size();
    }

    private static List<String> actualLines(String actual) {
        List<String> out = new ArrayList<>();
        for (String l : actual.split("\n", -1)) {
            out.add(l.stripTrailing());
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
