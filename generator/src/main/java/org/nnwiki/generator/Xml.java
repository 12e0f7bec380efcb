package org.nnwiki.generator;

/**
 * Escaping for HTML and XML, one way for every file the generator writes: pages, the JUnit report,
 * the sitemap.
 */
public final class Xml {
    private Xml() {}

    /**
     * {@code s} as text content: {@code & < >} escaped, control characters other than newline and
     * tab (which XML 1.0 forbids) replaced by U+FFFD.
     */
    public static String text(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        sb.append("&#xFFFD;");
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** {@code s} as an attribute value in double or single quotes. */
    public static String attr(String s) {
        return text(s).replace("\"", "&quot;").replace("'", "&#39;");
    }
}
