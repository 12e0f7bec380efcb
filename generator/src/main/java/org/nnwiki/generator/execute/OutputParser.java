package org.nnwiki.generator.execute;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Splits a block's captured output into {@link Output}s (see the package doc for the wire format)
 * and cuts printed text past the limit with a visible note.
 */
final class OutputParser {
    static final String DISPLAY = "\u001Enn-display ";

    private final int maxChars;

    OutputParser(int maxChars) {
        this.maxChars = maxChars;
    }

    List<Output> parse(String raw, long droppedBytes) {
        List<Output> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int kept = 0;
        long cut = 0;
        int pos = 0;
        while (pos < raw.length()) {
            int nl = raw.indexOf('\n', pos);
            int end = nl < 0 ? raw.length() : nl + 1;
            String line = raw.substring(pos, end);
            pos = end;
            if (line.startsWith(DISPLAY)) {
                Output item = decode(line.substring(DISPLAY.length()).strip());
                if (item != null) {
                    flush(out, text);
                    out.add(item);
                    continue;
                }
            }
            int room = maxChars - kept;
            if (room >= line.length()) {
                text.append(line);
                kept += line.length();
            } else {
                if (room > 0) {
                    text.append(line, 0, room);
                    kept += room;
                }
                cut += line.length() - Math.max(room, 0);
            }
        }
        flush(out, text);
        if (cut > 0 || droppedBytes > 0) {
            out.add(
                    new Output.Note(
                            "output truncated: "
                                    + String.format("%,d", cut + droppedBytes)
                                    + " more characters were printed than the page shows (limit "
                                    + String.format("%,d", maxChars)
                                    + ")"));
        }
        return out;
    }

    private static void flush(List<Output> out, StringBuilder text) {
        if (text.length() > 0) {
            out.add(new Output.Text(text.toString()));
            text.setLength(0);
        }
    }

    private Output decode(String spec) {
        int space = spec.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String kind = spec.substring(0, space);
        String payload;
        try {
            payload =
                    new String(
                            Base64.getDecoder().decode(spec.substring(space + 1)),
                            StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return switch (kind) {
            case "value" -> new Output.Value(truncate(payload));
            case "svg" -> new Output.Svg(payload);
            case "table" -> new Output.Table(table(payload));
            default -> null;
        };
    }

    String truncate(String value) {
        if (value.length() <= maxChars) {
            return value;
        }
        return value.substring(0, maxChars)
                + "\u2026 ("
                + String.format("%,d", value.length() - maxChars)
                + " more characters)";
    }

    private static List<List<String>> table(String tsv) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            rows.add(List.of(line.split("\t", -1)));
        }
        return List.copyOf(rows);
    }
}
