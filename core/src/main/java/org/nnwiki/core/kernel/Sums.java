package org.nnwiki.core.kernel;

/**
 * Sums (and dot products and maxima) of float arrays: float partial sums over blocks of 256
 * elements (vectorized when the Vector API is present), the blocks' sums added in double, always in
 * the same order. A plain double loop is accurate but waits on one dependent add per element; here
 * the adds within a block run side by side.
 */
public final class Sums {
    private Sums() {}

    /** Σ a[off … off+n). */
    public static double sum(float[] a, int off, int n) {
        return Gemm.kernel().sum(a, off, n);
    }

    /** Σ a[aOff + i] · b[bOff + i] for i &lt; n, summed the same way. */
    public static double dot(float[] a, int aOff, float[] b, int bOff, int n) {
        return Gemm.kernel().dot(a, aOff, b, bOff, n);
    }

    /** max a[off … off+n), or −∞ for n = 0; NaN if any element is NaN. */
    public static float max(float[] a, int off, int n) {
        return Gemm.kernel().max(a, off, n);
    }

    /**
     * out[j] += Σ_r a[r·cols + j] over rows r, the column sums of a row-major (rows × cols) matrix
     * (a bias gradient), each summed in row order.
     */
    public static void addColumnSums(float[] a, int rows, int cols, float[] out) {
        Gemm.kernel().addColumnSums(a, null, rows, cols, out);
    }

    /** out[j] += Σ_r a[r·cols + j] · w[r·cols + j]: weighted column sums (a scale gradient). */
    public static void addColumnDots(float[] a, float[] w, int rows, int cols, float[] out) {
        Gemm.kernel().addColumnSums(a, w, rows, cols, out);
    }
}
