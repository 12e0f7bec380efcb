package org.nnwiki.core.kernel;

/**
 * The kernels in plain Java: the reference that {@link VectorKernel} matches bit for bit. Products
 * are chains of {@link Math#fma} along k, one per output element; reductions keep {@link
 * Lanes#WIDTH} partial sums, element i into partial i mod 16, combined by {@link Lanes#tree}.
 * Written for clarity rather than speed: the wiki's sessions always have the Vector API.
 */
final class PlainKernel implements Gemm.Kernel {
    private static final int W = 16;

    @Override
    public int panelWidth() {
        return W;
    }

    @Override
    public void rows(
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
            boolean accumulate) {
        float[] acc = new float[W];
        for (int i = i0; i < i1; i++) {
            for (int j0 = 0, pj = 0; j0 < n; j0 += W, pj++) {
                java.util.Arrays.fill(acc, 0f);
                int base = pj * k * W;
                for (int p = 0; p < k; p++) {
                    float aip = a[aOff + i * rowStride + p * colStride];
                    int row = base + p * W;
                    for (int jj = 0; jj < W; jj++) {
                        acc[jj] = Math.fma(aip, panels[row + jj], acc[jj]);
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
    public void dots(
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
        float[] lanes = new float[Lanes.WIDTH];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                java.util.Arrays.fill(lanes, 0f);
                int ai = aOff + i * k;
                int bj = bOff + j * k;
                for (int p = 0; p < k; p++) {
                    int l = p % Lanes.WIDTH;
                    lanes[l] = Math.fma(a[ai + p], b[bj + p], lanes[l]);
                }
                float sum = Lanes.tree(lanes, 0);
                c[cOff + i * n + j] = accumulate ? c[cOff + i * n + j] + sum : sum;
            }
        }
    }

    @Override
    public void shifted(
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
        for (int i = 0; i < m; i++) {
            int row = cOff + i * q;
            java.util.Arrays.fill(c, row, row + q, 0f);
            for (int p = 0; p < r; p++) {
                float aip = a[aOff + i * r + p];
                int src = bOff + offsets[p];
                for (int j = 0; j < q; j++) {
                    c[row + j] = Math.fma(aip, b[src + j], c[row + j]);
                }
            }
        }
    }

    @Override
    public void shiftedDots(
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
        float[] lanes = new float[Lanes.WIDTH];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < r; p++) {
                java.util.Arrays.fill(lanes, 0f);
                for (int n = 0; n < count; n++) {
                    int gi = gOff + n * gStride + i * q;
                    int bp = bOff + n * bStride + offsets[p];
                    for (int j = 0; j < q; j++) {
                        int l = j % Lanes.WIDTH;
                        lanes[l] = Math.fma(g[gi + j], b[bp + j], lanes[l]);
                    }
                }
                out[outOff + i * r + p] += Lanes.tree(lanes, 0);
            }
        }
    }

    @Override
    public String name() {
        return "plain Java";
    }
}
