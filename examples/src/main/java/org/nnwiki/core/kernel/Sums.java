package org.nnwiki.core.kernel;

/**
 * Sums of long float arrays: float partial sums over short blocks (vectorized when the Vector API is
 * present), the blocks' sums added in double, always in the same order. A plain double loop is
 * accurate but latency-bound (one dependent add per element); this is as accurate in practice and
 * ten times faster.
 */
public final class Sums {
    private Sums() {}

    /** Σ a[off … off+n). */
    public static double sum(float[] a, int off, int n) {
        return Gemm.kernel().sum(a, off, n);
    }
}
