package org.nnwiki.generator.include;

import org.nnwiki.generator.page.Page;

/**
 * A page whose include fences hold the included code.
 *
 * @param page the page as scanned
 * @param markdown the body with includes expanded
 * @param originLines for each 1-based line {@code n} of {@code markdown}, {@code originLines[n-1]}
 *     is the line of the page body it came from (an included line maps to its fence's line)
 */
public record ExpandedPage(Page page, String markdown, int[] originLines) {

    /** The page-file line of the expanded markdown's 1-based line {@code n}. */
    public int fileLine(int n) {
        int clamped = Math.max(1, Math.min(n, originLines.length));
        return originLines.length == 0 ? page.bodyLine() : page.fileLine(originLines[clamped - 1]);
    }
}
