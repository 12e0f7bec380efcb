package org.nnwiki.core.kernel;

import java.util.stream.IntStream;

/**
 * Splits a loop over [0, n) into chunks run on the common fork-join pool (plus the calling thread)
 * when there is enough work to pay for it; below {@link #MIN_WORK} elements it runs inline.
 *
 * <pre>{@code
 * Parallel.range(rows, rowLength, (from, to) -> { for (int r = from; r < to; r++) ... });
 * }</pre>
 */
public final class Parallel {
    /** Elements of work below which threads cost more than they save. */
    public static final long MIN_WORK = 1L << 16;

    /** A body over a half-open range of indices. */
    @FunctionalInterface
    public interface Body {
        void run(int from, int to);
    }

    private Parallel() {}

    /**
     * Runs {@code body} over [0, n); {@code costPerIndex} (elements touched per index) decides whether
     * to split. Bodies must write disjoint memory for disjoint ranges.
     */
    public static void range(int n, long costPerIndex, Body body) {
        int threads = Runtime.getRuntime().availableProcessors();
        if (threads == 1 || n < 2 || (long) n * costPerIndex < MIN_WORK) {
            body.run(0, n);
            return;
        }
        int chunks = Math.min(n, threads * 4);
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            body.run(from, to);
        });
    }
}
