package org.nnwiki.core.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The reductions ({@link Sums}) with the Vector API: sums and dot products as {@link Lanes#WIDTH}
 * partial sums per block of 256 elements, filled in {@link Lanes#WIDTH} / L passes, so that the
 * result has the bits of {@link PlainSums} whatever the lane count L; maxima; column sums. {@link
 * VectorKernel}'s small products reuse {@link #dotPass}.
 */
final class VectorSums implements Sums.Kernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    /**
     * Vectors per group of {@link Lanes#WIDTH} partial sums: 1 with 512-bit vectors, 2 with 256, 4
     * with 128.
     */
    private static final int G = Lanes.WIDTH / L;

    private static final int W = Lanes.WIDTH;

    /** Refused (the plain reductions are used) where the vectors hold more than 16 floats. */
    VectorSums() {
        if (Lanes.WIDTH % L != 0) {
            throw new UnsupportedOperationException(L + " lanes do not divide " + Lanes.WIDTH);
        }
    }

    /**
     * Partials [at + start, at + start + L) continue their chains over a[aAt + i]·b[bAt + i] for i
     * = start, start + W, … below len (a multiple of W): one pass of a dot product.
     */
    static void dotPass(
            float[] a, int aAt, float[] b, int bAt, int len, int start, float[] lanes, int at) {
        FloatVector acc = FloatVector.fromArray(S, lanes, at + start);
        for (int i = start; i < len; i += W) {
            acc =
                    FloatVector.fromArray(S, a, aAt + i)
                            .fma(FloatVector.fromArray(S, b, bAt + i), acc);
        }
        acc.intoArray(lanes, at + start);
    }

    /** The same pass of a plain sum. */
    private static void sumPass(float[] a, int aAt, int len, int start, float[] lanes) {
        FloatVector acc = FloatVector.fromArray(S, lanes, start);
        for (int i = start; i < len; i += W) {
            acc = acc.add(FloatVector.fromArray(S, a, aAt + i));
        }
        acc.intoArray(lanes, start);
    }

    /**
     * Elements per float block in {@link #sum} and {@link #dot}; block sums are added in double.
     */
    private static final int SUM_BLOCK = 256;

    @Override
    public double sum(float[] a, int off, int n) {
        float[] lanes = new float[W];
        double total = 0;
        for (int b0 = 0; b0 < n; b0 += SUM_BLOCK) {
            int len = Math.min(SUM_BLOCK, n - b0);
            int at = off + b0;
            int whole = Lanes.whole(len);
            java.util.Arrays.fill(lanes, 0f);
            for (int g = 0; g < G; g++) {
                sumPass(a, at, whole, g * L, lanes);
            }
            for (int i = whole; i < len; i++) {
                lanes[i - whole] += a[at + i];
            }
            total += Lanes.tree(lanes, 0);
        }
        return total;
    }

    @Override
    public double dot(float[] a, int aOff, float[] b, int bOff, int n) {
        float[] lanes = new float[W];
        double total = 0;
        for (int b0 = 0; b0 < n; b0 += SUM_BLOCK) {
            int len = Math.min(SUM_BLOCK, n - b0);
            int whole = Lanes.whole(len);
            java.util.Arrays.fill(lanes, 0f);
            for (int g = 0; g < G; g++) {
                dotPass(a, aOff + b0, b, bOff + b0, whole, g * L, lanes, 0);
            }
            for (int i = whole; i < len; i++) {
                lanes[i - whole] = Math.fma(a[aOff + b0 + i], b[bOff + b0 + i], lanes[i - whole]);
            }
            total += Lanes.tree(lanes, 0);
        }
        return total;
    }

    @Override
    public float max(float[] a, int off, int n) {
        int upper = S.loopBound(n);
        float max = Float.NEGATIVE_INFINITY;
        int i = 0;
        if (upper > 0) {
            FloatVector m = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
            for (; i < upper; i += L) {
                m = m.max(FloatVector.fromArray(S, a, off + i));
            }
            max = m.reduceLanes(VectorOperators.MAX); // max is exact: the order does not matter
        }
        for (; i < n; i++) {
            max = Math.max(max, a[off + i]);
        }
        return max;
    }

    /**
     * Each column is its own chain in row order, whatever the lane count: no reordering to define.
     */
    @Override
    public void addColumnSums(float[] a, float[] weights, int rows, int cols, float[] out) {
        int j = 0;
        for (int upper = S.loopBound(cols); j < upper; j += L) {
            FloatVector acc = FloatVector.zero(S);
            if (weights == null) {
                for (int o = j, r = 0; r < rows; r++, o += cols) {
                    acc = acc.add(FloatVector.fromArray(S, a, o));
                }
            } else {
                for (int o = j, r = 0; r < rows; r++, o += cols) {
                    acc =
                            acc.add(
                                    FloatVector.fromArray(S, a, o)
                                            .mul(FloatVector.fromArray(S, weights, o)));
                }
            }
            FloatVector.fromArray(S, out, j).add(acc).intoArray(out, j);
        }
        for (; j < cols; j++) {
            float acc = 0;
            for (int o = j, r = 0; r < rows; r++, o += cols) {
                acc += weights == null ? a[o] : a[o] * weights[o];
            }
            out[j] += acc;
        }
    }

    @Override
    public String name() {
        return "vector (" + L + " lanes)";
    }
}
