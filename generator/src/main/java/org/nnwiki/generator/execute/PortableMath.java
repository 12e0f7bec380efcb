package org.nnwiki.generator.execute;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nnwiki.generator.Problem;
import org.nnwiki.generator.Problems;
import org.nnwiki.generator.markdown.CodeBlock;

/**
 * Page code must print the same digits on every machine. {@link Math}'s exp, log, pow, sin, cos and
 * the other transcendental functions may differ in the last bit between CPUs, JDKs and the
 * interpreter and compiled code (the JDK allows it); {@link StrictMath}'s give the same bits
 * everywhere. So a run block that calls one of the former is a problem at its line, naming the
 * replacement. (sqrt, abs, min, max, floor, round and fma are exact and allowed.)
 */
final class PortableMath {
    private static final Pattern CALL =
            Pattern.compile(
                    "(?<![\\w.$])Math\\s*\\.\\s*(exp|expm1|log|log10|log1p|pow|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|cbrt|hypot)\\s*\\(");

    private PortableMath() {}

    /** Adds a problem for each such call in the block's code (line numbers of the page). */
    static void check(String source, CodeBlock block, Problems problems) {
        String[] lines = block.code().split("\n", -1);
        boolean included = !block.info().include().isEmpty();
        for (int i = 0; i < lines.length; i++) {
            Matcher m = CALL.matcher(stripComment(lines[i]));
            if (m.find()) {
                String f = m.group(1);
                int line = included ? block.line() : block.line() + 1 + i;
                problems.add(
                        new Problem(
                                source,
                                line,
                                "Math."
                                        + f
                                        + " may give other last bits on another CPU or JDK, so this page could print other digits there:"
                                        + " use StrictMath."
                                        + f
                                        + ", which gives the same bits everywhere",
                                block.excerpt(line, 5)));
            }
        }
    }

    /**
     * The line without a trailing // comment (a rough cut: good enough for code that names Math in
     * a comment).
     */
    private static String stripComment(String line) {
        int at = line.indexOf("//");
        return at < 0 ? line : line.substring(0, at);
    }
}
