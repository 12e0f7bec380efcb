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
 */
public record PageResult(String source, Map<Integer, BlockResult> byOrdinal, boolean cached, long millis) {

    public List<BlockResult> results() {
        return byOrdinal.values().stream().sorted(java.util.Comparator.comparingInt(BlockResult::ordinal)).toList();
    }
}
