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
    public String name() {
        return "plain Java";
    }
}
