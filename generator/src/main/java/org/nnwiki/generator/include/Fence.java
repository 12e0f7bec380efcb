package org.nnwiki.generator.include;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises CommonMark fence lines (``` or ~~~, indented at most three spaces). */
final class Fence {
    private static final Pattern OPEN = Pattern.compile("^ {0,3}(`{3,}|~{3,})(.*)$");

    final char marker;
    final int length;
    final String info;

    private Fence(char marker, int length, String info) {
        this.marker = marker;
        this.length = length;
        this.info = info;
    }

    /** The fence opened by {@code line}, or null. */
    static Fence open(String line) {
        Matcher m = OPEN.matcher(line);
        if (!m.matches()) {
            return null;
        }
        String info = m.group(2).strip();
        if (m.group(1).charAt(0) == '`' && info.contains("`")) {
            return null;
        }
        return new Fence(m.group(1).charAt(0), m.group(1).length(), info);
    }

    boolean closedBy(String line) {
        String s = line.stripLeading();
        if (line.length() - s.length() > 3) {
            return false;
        }
        int n = 0;
        while (n < s.length() && s.charAt(n) == marker) {
            n++;
        }
        return n >= length && s.substring(n).isBlank();
    }
}
