package org.nnwiki.core.kernel;

import java.util.stream.IntStream;

/**
 * Single-precision matrix multiplication, {@code C (+)= op(A) · op(B)} with row-major storage.
 *
 * <pre>{@code
 * // C (m×n) = A (m×k) · B (k×n)
 * Gemm.multiply(false, false, m, n, k, a, 0, b, 0, c, 0, false);
 * }</pre>
 *
 * <p>With {@code transA}, A is stored as (k×m) and used transposed; likewise {@code transB}. The
 * work is split over threads by blocks of rows once it is large enough to pay for them.
 */
public final class Gemm {
    /** Multiply-adds below which one thread is faster than two. */
    private static final long PARALLEL_THRESHOLD = 1L << 18;

    private static final Kernel KERNEL = load();

    /** The implementation's contract: rows [i0, i1) of C from packed A (m×k) and B (k×n). */
    interface Kernel {
        void rows(int i0, int i1, int n, int k, float[] a, float[] b, float[] c, int cOff, boolean accumulate);

        String name();
    }

    private Gemm() {}

    private static Kernel load() {
        if (Boolean.getBoolean("nnwiki.plainKernels") || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return new PlainKernel();
        }
        try {
            return (Kernel) Class.forName("org.nnwiki.core.kernel.VectorKernel").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return new PlainKernel();
        }
    }

    /** "vector (16 lanes)" or "plain Java": which kernel this JVM uses. */
    public static String implementation() {
        return KERNEL.name();
    }

    public static void multiply(boolean transA, boolean transB, int m, int n, int k,
            float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        if (m == 0 || n == 0) {
            return;
        }
        float[] pa = transA || aOff != 0 ? pack(a, aOff, transA, m, k) : a;
        float[] pb = transB || bOff != 0 ? pack(b, bOff, transB, k, n) : b;
        long work = (long) m * n * k;
        int threads = Runtime.getRuntime().availableProcessors();
        if (work < PARALLEL_THRESHOLD || threads == 1 || m < 8) {
            KERNEL.rows(0, m, n, k, pa, pb, c, cOff, accumulate);
            return;
        }
        int chunks = Math.min(threads * 2, (m + 3) / 4);
        int per = ((m + chunks - 1) / chunks + 3) / 4 * 4;
        IntStream.range(0, (m + per - 1) / per).parallel().forEach(t -> {
            int i0 = t * per;
            KERNEL.rows(i0, Math.min(m, i0 + per), n, k, pa, pb, c, cOff, accumulate);
        });
    }

    /** A row-major (rows×cols) copy of a matrix stored at {@code off}, transposed from (cols×rows) if asked. */
    private static float[] pack(float[] src, int off, boolean transposed, int rows, int cols) {
        float[] out = new float[rows * cols];
        if (!transposed) {
            System.arraycopy(src, off, out, 0, rows * cols);
            return out;
        }
        // src is (cols×rows): blocked transpose for cache friendliness.
        int bs = 32;
        for (int r0 = 0; r0 < rows; r0 += bs) {
            for (int c0 = 0; c0 < cols; c0 += bs) {
                for (int c = c0; c < Math.min(cols, c0 + bs); c++) {
                    for (int r = r0; r < Math.min(rows, r0 + bs); r++) {
                        out[r * cols + c] = src[off + c * rows + r];
                    }
                }
            }
        }
        return out;
    }
}
