package org.nnwiki.generator.execute;

import java.util.List;
import java.util.Map;

/**
 * The results of a page's run blocks.
 *
 * @param source the page's source path
 * @param byOrdinal the result of each run block by its ordinal
 * @param cached true when the results came from the cache and nothing ran
 * @param millis time spent running (0 when cached)
 * @param used class path files the page's sessions looked up ({@code +path} lines; see {@link
 *     ClasspathContent}), and of those, the ones the page's own blocks looked up first (after the
 *     prelude)
 */
public record PageResult(
        String source,
        Map<Integer, BlockResult> byOrdinal,
        boolean cached,
        long millis,
        Usage used) {

    /**
     * What a page used of the session class path: all of it, and what its own blocks added to the
     * prelude's.
     */
    public record Usage(java.util.Set<String> all, java.util.Set<String> own)
            implements java.io.Serializable {
        public static final Usage NONE = new Usage(java.util.Set.of(), java.util.Set.of());
    }

    public PageResult(
            String source, Map<Integer, BlockResult> byOrdinal, boolean cached, long millis) {
        this(source, byOrdinal, cached, millis, Usage.NONE);
    }

    public List<BlockResult> results() {
        return byOrdinal.values().stream()
                .sorted(java.util.Comparator.comparingInt(BlockResult::ordinal))
                .toList();
    }
}
