package org.nnwiki.core.kernel;

/** Matrix multiplication in plain Java over packed panels of B (the JIT vectorizes the inner loop a little). */
final class PlainKernel implements Gemm.Kernel {
    private static final int W = 16;

    @Override
    public int panelWidth() {
        return W;
    }

    @Override
    public void rows(int i0, int i1, int n, int k, float[] a, int aOff, int rowStride, int colStride, float[] panels,
            float[] c, int cOff, boolean accumulate) {
        float[] acc = new float[W];
        for (int i = i0; i < i1; i++) {
            for (int j0 = 0, pj = 0; j0 < n; j0 += W, pj++) {
                java.util.Arrays.fill(acc, 0f);
                int base = pj * k * W;
                for (int p = 0; p < k; p++) {
                    float aip = a[aOff + i * rowStride + p * colStride];
                    int row = base + p * W;
                    for (int jj = 0; jj < W; jj++) {
                        acc[jj] += aip * panels[row + jj];
                    }
                }
                int width = Math.min(W, n - j0);
                int dst = cOff + i * n + j0;
                for (int jj = 0; jj < width; jj++) {
                    c[dst + jj] = accumulate ? c[dst + jj] + acc[jj] : acc[jj];
                }
            }
        }
    }

    @Override
    public void dots(int m, int n, int k, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                int ai = aOff + i * k;
                int bj = bOff + j * k;
                for (int p = 0; p < k; p++) {
                    sum += a[ai + p] * b[bj + p];
                }
                c[cOff + i * n + j] = (float) (accumulate ? c[cOff + i * n + j] + sum : sum);
            }
        }
    }

    @Override
    public void shifted(int m, int r, int q, float[] a, int aOff, float[] b, int bOff, int[] offsets, float[] c, int cOff) {
        for (int i = 0; i < m; i++) {
            int row = cOff + i * q;
            java.util.Arrays.fill(c, row, row + q, 0f);
            for (int p = 0; p < r; p++) {
                float aip = a[aOff + i * r + p];
                int src = bOff + offsets[p];
                for (int j = 0; j < q; j++) {
                    c[row + j] += aip * b[src + j];
                }
            }
        }
    }

    @Override
    public void shiftedDots(int m, int r, int q, int count, float[] g, int gOff, int gStride, float[] b, int bOff, int bStride,
            int[] offsets, float[] out, int outOff) {
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < r; p++) {
                double sum = 0;
                for (int n = 0; n < count; n++) {
                    int gi = gOff + n * gStride + i * q;
                    int bp = bOff + n * bStride + offsets[p];
                    for (int j = 0; j < q; j++) {
                        sum += g[gi + j] * b[bp + j];
                    }
                }
                out[outOff + i * r + p] += (float) sum;
            }
        }
    }

    @Override
    public double sum(float[] a, int off, int n) {
        // Eight independent partial sums, so that the adds do not wait for each other.
        double total = 0;
        int block = 256;
        for (int b0 = 0; b0 < n; b0 += block) {
            int end = Math.min(n, b0 + block);
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
            int i = b0;
            for (; i + 8 <= end; i += 8) {
                s0 += a[off + i]; s1 += a[off + i + 1]; s2 += a[off + i + 2]; s3 += a[off + i + 3];
                s4 += a[off + i + 4]; s5 += a[off + i + 5]; s6 += a[off + i + 6]; s7 += a[off + i + 7];
            }
            for (; i < end; i++) {
                s0 += a[off + i];
            }
            total += (double) (((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)));
        }
        return total;
    }

    @Override
    public double dot(float[] a, int aOff, float[] b, int bOff, int n) {
        double total = 0;
        int block = 256;
        for (int b0 = 0; b0 < n; b0 += block) {
            int end = Math.min(n, b0 + block);
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int i = b0;
            for (; i + 4 <= end; i += 4) {
                s0 += a[aOff + i] * b[bOff + i]; s1 += a[aOff + i + 1] * b[bOff + i + 1];
                s2 += a[aOff + i + 2] * b[bOff + i + 2]; s3 += a[aOff + i + 3] * b[bOff + i + 3];
            }
            for (; i < end; i++) {
                s0 += a[aOff + i] * b[bOff + i];
            }
            total += (double) ((s0 + s1) + (s2 + s3));
        }
        return total;
    }

    @Override
    public float max(float[] a, int off, int n) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, a[off + i]);
        }
        return max;
    }

    @Override
    public void addColumnSums(float[] a, float[] weights, int rows, int cols, float[] out) {
        float[] acc = new float[cols];
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            if (weights == null) {
                for (int j = 0; j < cols; j++) {
                    acc[j] += a[o + j];
                }
            } else {
                for (int j = 0; j < cols; j++) {
                    acc[j] += a[o + j] * weights[o + j];
                }
            }
        }
        for (int j = 0; j < cols; j++) {
            out[j] += acc[j];
        }
    }

    @Override
    public String name() {
        return "plain Java";
    }
}
