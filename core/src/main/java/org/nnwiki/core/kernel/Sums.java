package org.nnwiki.core.kernel;

/**
 * Sums (and dot products and maxima) of float arrays: float partial sums over blocks of 256
 * elements (vectorized when the Vector API is present), the blocks' sums added in double, always in
 * the same order. A plain double loop is accurate but waits on one dependent add per element; here
 * the adds within a block run side by side.
 */
public final class Sums {
    private Sums() {}

    /**
     * The contract of an implementation ({@link PlainSums}, {@link VectorSums}): what the methods
     * below say.
     */
    interface Kernel {
        double sum(float[] a, int off, int n);

        double dot(float[] a, int aOff, float[] b, int bOff, int n);

        float max(float[] a, int off, int n);

        /** Column sums, weighted by {@code weights} element by element when it is not null. */
        void addColumnSums(float[] a, float[] weights, int rows, int cols, float[] out);

        String name();
    }

    private static final Kernel KERNEL =
            Implementations.vectorOr(Kernel.class, "VectorSums", new PlainSums());

    /** "vector (16 lanes)" or "plain Java": which implementation this JVM uses. */
    static String kernelName() {
        return KERNEL.name();
    }

    /** Σ a[off … off+n). */
    public static double sum(float[] a, int off, int n) {
        return KERNEL.sum(a, off, n);
    }

    /** Σ a[aOff + i] · b[bOff + i] for i &lt; n, summed the same way. */
    public static double dot(float[] a, int aOff, float[] b, int bOff, int n) {
        return KERNEL.dot(a, aOff, b, bOff, n);
    }

    /** max a[off … off+n), or −∞ for n = 0; NaN if any element is NaN. */
    public static float max(float[] a, int off, int n) {
        return KERNEL.max(a, off, n);
    }

    /**
     * out[j] += Σ_r a[r·cols + j] over rows r, the column sums of a row-major (rows × cols) matrix
     * (a bias gradient), each summed in row order.
     */
    public static void addColumnSums(float[] a, int rows, int cols, float[] out) {
        KERNEL.addColumnSums(a, null, rows, cols, out);
    }

    /** out[j] += Σ_r a[r·cols + j] · w[r·cols + j]: weighted column sums (a scale gradient). */
    public static void addColumnDots(float[] a, float[] w, int rows, int cols, float[] out) {
        KERNEL.addColumnSums(a, w, rows, cols, out);
    }
}
