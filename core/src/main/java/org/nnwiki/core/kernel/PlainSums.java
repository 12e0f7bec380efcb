package org.nnwiki.core.kernel;

/**
 * The reductions ({@link Sums}) in plain Java: the reference that {@link VectorSums} matches bit
 * for bit. Sums and dot products keep {@link Lanes#WIDTH} partial sums per block of 256 elements.
 */
final class PlainSums implements Sums.Kernel {
    /**
     * Blocks of 256 elements (each a {@link Lanes} reduction in float), the blocks' sums added in
     * double.
     */
    private static final int BLOCK = 256;

    @Override
    public double sum(float[] a, int off, int n) {
        float[] lanes = new float[Lanes.WIDTH];
        double total = 0;
        for (int b0 = 0; b0 < n; b0 += BLOCK) {
            java.util.Arrays.fill(lanes, 0f);
            for (int i = 0, len = Math.min(BLOCK, n - b0); i < len; i++) {
                lanes[i % Lanes.WIDTH] += a[off + b0 + i];
            }
            total += Lanes.tree(lanes, 0);
        }
        return total;
    }

    @Override
    public double dot(float[] a, int aOff, float[] b, int bOff, int n) {
        float[] lanes = new float[Lanes.WIDTH];
        double total = 0;
        for (int b0 = 0; b0 < n; b0 += BLOCK) {
            java.util.Arrays.fill(lanes, 0f);
            for (int i = 0, len = Math.min(BLOCK, n - b0); i < len; i++) {
                int l = i % Lanes.WIDTH;
                lanes[l] = Math.fma(a[aOff + b0 + i], b[bOff + b0 + i], lanes[l]);
            }
            total += Lanes.tree(lanes, 0);
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
