package org.nnwiki.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Vector API kernel and the plain-Java kernel against the definitions, on sizes that exercise
 * every block and tail (rows not a multiple of 4, lengths not a multiple of the vector width).
 */
class KernelTest {

    static Stream<Gemm.Kernel> kernels() {
        return Stream.of(new PlainKernel(), vectorKernel());
    }

    /**
     * Loaded by name, as the core loads it: only VectorKernel's own compilation sees the incubator
     * module.
     */
    static Gemm.Kernel vectorKernel() {
        Gemm.Kernel k = Implementations.vectorOr(Gemm.Kernel.class, "VectorKernel", null);
        if (k == null) {
            throw new IllegalStateException(
                    "the Vector API kernel did not load: the tests run with --add-modules jdk.incubator.vector");
        }
        return k;
    }

    static Stream<Arguments> shiftedSizes() {
        return kernels()
                .flatMap(
                        k ->
                                Stream.of(
                                        Arguments.of(k, 1, 1, 1, 1),
                                        Arguments.of(k, 4, 4, 64, 2),
                                        Arguments.of(k, 7, 9, 100, 3),
                                        Arguments.of(k, 8, 9, 848, 1),
                                        Arguments.of(k, 16, 72, 224, 8),
                                        Arguments.of(k, 5, 6, 13, 2)));
    }

    private static float[] random(Random rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rnd.nextGaussian();
        }
        return a;
    }

    /** Offsets spread over a buffer, not sorted, some rows overlapping. */
    private static int[] offsets(Random rnd, int r, int span) {
        int[] off = new int[r];
        for (int p = 0; p < r; p++) {
            off[p] = rnd.nextInt(span);
        }
        return off;
    }

    @ParameterizedTest(name = "{0}: m={1} r={2} q={3} images={4}")
    @MethodSource("shiftedSizes")
    void shiftedRowsAndTheirDots(Gemm.Kernel kernel, int m, int r, int q, int images) {
        Random rnd = new Random(m * 31 + r * 7 + q);
        int span = 50;
        int image = span + q;
        float[] b = random(rnd, images * image + 3);
        int[] off = offsets(rnd, r, span);
        float[] a = random(rnd, m * r + 2);

        float[] c = new float[m * q + 5];
        kernel.shifted(m, r, q, a, 2, b, 3, off, c, 5);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < q; j++) {
                double sum = 0;
                for (int p = 0; p < r; p++) {
                    sum += (double) a[2 + i * r + p] * b[3 + off[p] + j];
                }
                assertEquals(
                        sum,
                        c[5 + i * q + j],
                        1e-4 * (1 + Math.abs(sum)),
                        "C[" + i + "," + j + "]");
            }
        }

        float[] g = random(rnd, images * m * q + 1);
        float[] out = random(rnd, m * r + 4);
        float[] before = out.clone();
        kernel.shiftedDots(m, r, q, images, g, 1, m * q, b, 3, image, off, out, 4);
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < r; p++) {
                double sum = before[4 + i * r + p];
                for (int n = 0; n < images; n++) {
                    for (int j = 0; j < q; j++) {
                        sum +=
                                (double) g[1 + n * m * q + i * q + j]
                                        * b[3 + n * image + off[p] + j];
                    }
                }
                assertEquals(
                        sum,
                        out[4 + i * r + p],
                        1e-4 * (1 + Math.abs(sum)) * Math.sqrt(q * images),
                        "out[" + i + "," + p + "]");
            }
        }
    }

    static Stream<Sums.Kernel> sumKernels() {
        Sums.Kernel vector = Implementations.vectorOr(Sums.Kernel.class, "VectorSums", null);
        if (vector == null) {
            throw new IllegalStateException(
                    "the Vector API reductions did not load: the tests run with --add-modules jdk.incubator.vector");
        }
        return Stream.of(new PlainSums(), vector);
    }

    /**
     * The reductions give the same bits with and without the Vector API, at every length's tail.
     */
    @Test
    void vectorAndPlainReductionsGiveTheSameBits() {
        Random rnd = new Random(6);
        float[] a = random(rnd, 5000), b = random(rnd, 5000);
        List<Sums.Kernel> both = sumKernels().toList();
        for (int n : new int[] {0, 1, 15, 16, 17, 255, 256, 257, 1000, 4999}) {
            assertEquals(both.get(0).sum(a, 1, n), both.get(1).sum(a, 1, n), "sum of " + n);
            assertEquals(
                    both.get(0).dot(a, 0, b, 1, n), both.get(1).dot(a, 0, b, 1, n), "dot of " + n);
            assertEquals(both.get(0).max(a, 1, n), both.get(1).max(a, 1, n), "max of " + n);
        }
    }

    @ParameterizedTest
    @MethodSource("sumKernels")
    void sumsMatchDoubleSums(Sums.Kernel kernel) {
        Random rnd = new Random(5);
        float[] a = random(rnd, 100_003);
        for (int[] range : new int[][] {{0, 0}, {3, 1}, {7, 15}, {1, 1000}, {2, 100_000}}) {
            double expected = 0;
            for (int i = 0; i < range[1]; i++) {
                expected += a[range[0] + i];
            }
            assertEquals(
                    expected,
                    kernel.sum(a, range[0], range[1]),
                    1e-6 * Math.sqrt(range[1]) + 1e-7,
                    "sum of " + range[1]);
        }
    }

    @ParameterizedTest
    @MethodSource("sumKernels")
    void columnSumsAndColumnDots(Sums.Kernel kernel) {
        Random rnd = new Random(8);
        for (int[] size : new int[][] {{1, 1}, {3, 16}, {50, 37}, {2048, 64}}) {
            int rows = size[0], cols = size[1];
            float[] a = random(rnd, rows * cols);
            float[] w = random(rnd, rows * cols);
            float[] sums = random(rnd, cols);
            float[] dots = sums.clone();
            float[] start = sums.clone();
            kernel.addColumnSums(a, null, rows, cols, sums);
            kernel.addColumnSums(a, w, rows, cols, dots);
            for (int j = 0; j < cols; j++) {
                double s = start[j], d = start[j];
                for (int r = 0; r < rows; r++) {
                    s += a[r * cols + j];
                    d += (double) a[r * cols + j] * w[r * cols + j];
                }
                assertEquals(
                        s,
                        sums[j],
                        1e-5 * Math.sqrt(rows) + 1e-6,
                        "column sum " + j + " of " + rows + "×" + cols);
                assertEquals(
                        d,
                        dots[j],
                        1e-5 * Math.sqrt(rows) + 1e-6,
                        "column dot " + j + " of " + rows + "×" + cols);
            }
        }
    }

    @Test
    void theTwoKernelsAgreeOnAMatrixProduct() {
        Random rnd = new Random(9);
        int m = 13, n = 70, k = 33;
        float[] a = random(rnd, m * k);
        float[] b = random(rnd, k * n);
        float[][] results =
                kernels()
                        .map(
                                kernel -> {
                                    float[] panels =
                                            Gemm.packPanels(b, 0, false, k, n, kernel.panelWidth());
                                    float[] c = new float[m * n];
                                    kernel.rows(0, m, n, k, a, 0, k, 1, panels, c, 0, false);
                                    return c;
                                })
                        .toArray(float[][]::new);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += (double) a[i * k + p] * b[p * n + j];
                }
                for (float[] c : results) {
                    assertEquals(sum, c[i * n + j], 1e-4 * (1 + Math.abs(sum)));
                }
            }
        }
    }

    @Test
    void vectorGeluGivesTheScalarDefinitionsBits() {
        Random rnd = new Random(3);
        int n = 1003;
        float[] x = random(rnd, n);
        x[0] = -0f;
        x[1] = 0f;
        x[2] = 30f;
        x[3] = -30f;
        x[4] = Float.NaN;
        float[][] vector = {new float[n], new float[n], new float[n]};
        new VectorGelu().forward(x, vector[0], vector[1], vector[2], 1, n);
        float[][] scalar = {new float[n], new float[n], new float[n]};
        for (int i = 1; i < n; i++) {
            Gelu.scalar(x, scalar[0], scalar[1], scalar[2], i, Exp.exp(-0.5f * x[i] * x[i]));
        }
        for (int k = 0; k < 3; k++) {
            for (int i = 1; i < n; i++) {
                assertEquals(
                        Float.floatToIntBits(scalar[k][i]),
                        Float.floatToIntBits(vector[k][i]),
                        "output " + k + " at x = " + x[i]);
            }
        }
        // And the definition itself: x·Φ(x) with Φ from a double-precision erf series, to 1e-6.
        for (int i = 5; i < n; i++) {
            double cdf = 0.5 * (1 + erf(x[i] / Math.sqrt(2)));
            assertEquals(
                    x[i] * cdf, vector[0][i], 1e-6 * (1 + Math.abs(x[i])), "GELU(" + x[i] + ")");
            assertEquals(
                    Math.exp(-0.5 * x[i] * x[i]) / Math.sqrt(2 * Math.PI),
                    vector[2][i],
                    1e-7,
                    "φ(" + x[i] + ")");
        }
    }

    /**
     * erf by its Taylor series (|z| ≤ 3 here, where 60 terms give double precision) or ±1 beyond.
     */
    private static double erf(double z) {
        if (Math.abs(z) > 5) {
            return Math.signum(z);
        }
        double sum = 0, term = z;
        for (int k = 0; k < 200; k++) {
            sum += term / (2 * k + 1);
            term *= -z * z / (k + 1);
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }
}
