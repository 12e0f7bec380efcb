package org.nnwiki.core.kernel;

/**
 * Single-precision matrix multiplication, {@code C (+)= op(A) · op(B)} with row-major storage.
 *
 * <pre>{@code
 * // C (m×n) = A (m×k) · B (k×n)
 * Gemm.multiply(false, false, m, n, k, a, 0, b, 0, c, 0, false);
 * }</pre>
 *
 * <p>With {@code transA}, A is stored as (k×m) and used transposed; likewise {@code transB} (B
 * stored as (n×k)). B is packed once into panels of the kernel's width, k-major, so that the kernel
 * streams through it; rows of C are then split over threads when the product is large enough to pay
 * for them.
 */
public final class Gemm {
    /** Multiply-adds below which one thread is faster than two. */
    private static final long PARALLEL_THRESHOLD = 1L << 20;

    private static final Kernel KERNEL = load();

    /**
     * The implementation's contract: rows [i0, i1) of C from A (row-major, row stride k) and packed
     * B.
     */
    interface Kernel {
        /** C (m×n) (+)= A (m×k) · B (n×k)ᵀ by dot products over k, for small m·n and long k. */
        void dots(
                int m,
                int n,
                int k,
                float[] a,
                int aOff,
                float[] b,
                int bOff,
                float[] c,
                int cOff,
                boolean accumulate);

        /** Columns per packed panel of B. */
        int panelWidth();

        /**
         * Rows [i0, i1) of C. A is read at {@code aOff + i·rowStride + p·colStride}: (1, k) strides
         * for row-major A, (m, 1) for A stored transposed, so no transposed copy is ever made.
         */
        void rows(
                int i0,
                int i1,
                int n,
                int k,
                float[] a,
                int aOff,
                int rowStride,
                int colStride,
                float[] panels,
                float[] c,
                int cOff,
                boolean accumulate);

        /** See {@link Gemm#multiplyShifted}. */
        void shifted(
                int m,
                int r,
                int q,
                float[] a,
                int aOff,
                float[] b,
                int bOff,
                int[] offsets,
                float[] c,
                int cOff);

        /** See {@link Gemm#dotsShifted}. */
        void shiftedDots(
                int m,
                int r,
                int q,
                int count,
                float[] g,
                int gOff,
                int gStride,
                float[] b,
                int bOff,
                int bStride,
                int[] offsets,
                float[] out,
                int outOff);

        String name();
    }

    static Kernel kernel() {
        return KERNEL;
    }

    private Gemm() {}

    private static Kernel load() {
        return Implementations.vectorOr(Kernel.class, "VectorKernel", new PlainKernel());
    }

    /** "vector (16 lanes)" or "plain Java": which kernel this JVM uses. */
    public static String implementation() {
        return KERNEL.name();
    }

    /**
     * C (m×n) (+)= A · Bᵀ with A (m×k) and B (n×k) both row-major, as m·n dot products over k, in
     * chunks of k that keep the rows in cache. For few outputs and a long k (a convolution's weight
     * gradient sums over every image position) it beats packing by far.
     */
    public static void multiplyDots(
            int m,
            int n,
            int k,
            float[] a,
            int aOff,
            float[] b,
            int bOff,
            float[] c,
            int cOff,
            boolean accumulate) {
        KERNEL.dots(m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
    }

    /**
     * C (m×q) = A (m×r) · B where row p of B is not stored but read in place as {@code b[bOff +
     * offsets[p] + j]}, j < q: the "shifted rows" of a stride-1 convolution, whose input windows
     * are the same padded image read from r different starting points. So the im2col matrix is
     * never built. Single-threaded: callers split over images.
     */
    public static void multiplyShifted(
            int m,
            int r,
            int q,
            float[] a,
            int aOff,
            float[] b,
            int bOff,
            int[] offsets,
            float[] c,
            int cOff) {
        KERNEL.shifted(m, r, q, a, aOff, b, bOff, offsets, c, cOff);
    }

    /**
     * out (m×r) += Σₙ Gₙ · Bₙᵀ over {@code count} images, with Gₙ (m×q) row-major at {@code gOff +
     * n·gStride} and row p of Bₙ read in place at {@code bOff + n·bStride + offsets[p]} (as in
     * {@link #multiplyShifted}): a stride-1 convolution's weight gradient. Single-threaded.
     */
    public static void dotsShifted(
            int m,
            int r,
            int q,
            int count,
            float[] g,
            int gOff,
            int gStride,
            float[] b,
            int bOff,
            int bStride,
            int[] offsets,
            float[] out,
            int outOff) {
        KERNEL.shiftedDots(
                m, r, q, count, g, gOff, gStride, b, bOff, bStride, offsets, out, outOff);
    }

    /**
     * A right-hand matrix (k×n) packed for the kernel, reusable while the matrix does not change.
     */
    public record Packed(float[] panels, int k, int n) {}

    /**
     * Packs B (k×n, or n×k when {@code transB}) once, for several {@link #multiply(boolean, int,
     * float[], int, Packed, float[], int, boolean)} calls.
     */
    public static Packed pack(float[] b, int bOff, boolean transB, int k, int n) {
        return new Packed(packPanels(b, bOff, transB, k, n, KERNEL.panelWidth()), k, n);
    }

    public static void multiply(
            boolean transA,
            boolean transB,
            int m,
            int n,
            int k,
            float[] a,
            int aOff,
            float[] b,
            int bOff,
            float[] c,
            int cOff,
            boolean accumulate) {
        if (m == 0 || n == 0) {
            return;
        }
        // A one-off packing goes into this thread's scratch buffer: allocating (and zeroing) a
        // fresh
        // array of B's size on every call cost a tenth of a 256×256 product.
        int w = KERNEL.panelWidth();
        int size = (n + w - 1) / w * k * w;
        float[] scratch = SCRATCH.get();
        if (scratch.length < size) {
            scratch = new float[size];
            if (size <= MAX_SCRATCH) {
                SCRATCH.set(scratch);
            }
        }
        packPanels(b, bOff, transB, k, n, w, scratch);
        multiply(transA, m, a, aOff, new Packed(scratch, k, n), c, cOff, accumulate);
    }

    /** Floats (16 MiB) above which a packing is not kept for the next call. */
    private static final int MAX_SCRATCH = 1 << 22;

    /** Per-thread space for one-off packings; a call only reads it until it returns. */
    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

    /** C (m×n) (+)= op(A) · B with B packed by {@link #pack}. */
    public static void multiply(
            boolean transA,
            int m,
            float[] a,
            int aOff,
            Packed b,
            float[] c,
            int cOff,
            boolean accumulate) {
        int n = b.n();
        int k = b.k();
        if (m == 0 || n == 0) {
            return;
        }
        int rowStride = transA ? 1 : k;
        int colStride = transA ? m : 1;
        float[] panels = b.panels();
        long work = (long) m * n * k;
        int threads = Runtime.getRuntime().availableProcessors();
        if (work < PARALLEL_THRESHOLD || threads == 1 || m < 16) {
            KERNEL.rows(0, m, n, k, a, aOff, rowStride, colStride, panels, c, cOff, accumulate);
            return;
        }
        // Whole blocks of four rows (the kernel's tile height) per chunk.
        int blocks = (m + 3) / 4;
        Parallel.split(
                blocks,
                Math.min(threads * 2, m / 8),
                (from, to) ->
                        KERNEL.rows(
                                from * 4,
                                Math.min(m, to * 4),
                                n,
                                k,
                                a,
                                aOff,
                                rowStride,
                                colStride,
                                panels,
                                c,
                                cOff,
                                accumulate));
    }

    /**
     * B (k×n, or n×k when transposed) as ⌈n/w⌉ panels of k rows × w columns, zero-padded: panel j,
     * row p, column jj at {@code (j·k + p)·w + jj}.
     */
    static float[] packPanels(float[] b, int off, boolean transposed, int k, int n, int w) {
        float[] out = new float[(n + w - 1) / w * k * w];
        packPanels(b, off, transposed, k, n, w, out);
        return out;
    }

    /**
     * {@link #packPanels(float[], int, boolean, int, int, int)} into {@code out}, which may hold
     * old values.
     */
    static void packPanels(
            float[] b, int off, boolean transposed, int k, int n, int w, float[] out) {
        int count = (n + w - 1) / w;
        // Panels are independent: large packings (convolution columns) are split over threads.
        Parallel.range(
                count,
                (long) k * w,
                (from, to) -> {
                    for (int j = from; j < to; j++) {
                        int j0 = j * w;
                        int width = Math.min(w, n - j0);
                        int base = j * k * w;
                        if (width < w) {
                            java.util.Arrays.fill(
                                    out,
                                    base,
                                    base + k * w,
                                    0f); // the last panel's padding columns
                        }
                        if (!transposed) {
                            for (int p = 0; p < k; p++) {
                                System.arraycopy(b, off + p * n + j0, out, base + p * w, width);
                            }
                        } else {
                            for (int jj = 0; jj < width; jj++) {
                                int src = off + (j0 + jj) * k;
                                for (int p = 0; p < k; p++) {
                                    out[base + p * w + jj] = b[src + p];
                                }
                            }
                        }
                    }
                });
    }
}
