package org.nnwiki.core.kernel;

/** Matrix multiplication in plain Java (i-k-j order, which the JIT vectorizes a little). */
final class PlainKernel implements Gemm.Kernel {

    @Override
    public void rows(int i0, int i1, int n, int k, float[] a, float[] b, float[] c, int cOff, boolean accumulate) {
        for (int i = i0; i < i1; i++) {
            int ci = cOff + i * n;
            if (!accumulate) {
                java.util.Arrays.fill(c, ci, ci + n, 0f);
            }
            for (int p = 0; p < k; p++) {
                float aip = a[i * k + p];
                if (aip == 0f) {
                    continue;
                }
                int bp = p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aip * b[bp + j];
                }
            }
        }
    }

    @Override
    public String name() {
        return "plain Java";
    }
}
