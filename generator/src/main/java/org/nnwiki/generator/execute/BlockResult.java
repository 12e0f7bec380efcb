package org.nnwiki.generator.execute;

import java.io.Serializable;
import java.util.List;

/**
 * What one {@code run} block did.
 *
 * @param ordinal the block's {@link org.nnwiki.generator.markdown.CodeBlock#ordinal()}
 * @param outputs what it showed, in order
 * @param failure why it failed, or null
 * @param millis wall-clock run time
 * @param peakHeapBytes the session heap's peak while the block ran (the sum of the heap pools'
 *     peaks; 0 when unknown)
 * @param shownExpression the source of the last expression whose value the page shows, or ""
 * @param provenance where and when it ran (null when it did not run)
 */
public record BlockResult(
        int ordinal,
        List<Output> outputs,
        Failure failure,
        long millis,
        long peakHeapBytes,
        String shownExpression,
        Provenance provenance)
        implements Serializable {

    /** A block that did not run. */
    public static BlockResult notRun(int ordinal, Failure failure) {
        return new BlockResult(ordinal, List.of(), failure, 0, 0, "", null);
    }

    public boolean failed() {
        return failure != null;
    }

    /** Printed text and values joined in order: what {@code expected} blocks compare against. */
    public String shownText() {
        StringBuilder sb = new StringBuilder();
        for (Output o : outputs) {
            if (o instanceof Output.Text t) {
                sb.append(t.text());
            } else if (o instanceof Output.Value v) {
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
                    sb.append('\n');
                }
                sb.append(v.text()).append('\n');
            }
        }
        return sb.toString();
    }
}
