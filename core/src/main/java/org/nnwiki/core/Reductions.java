package org.nnwiki.core;

import org.nnwiki.core.kernel.Exp;
import org.nnwiki.core.kernel.Parallel;
import org.nnwiki.core.kernel.Sums;

/**
 * Reductions over an axis, and the two fused, numerically stable normalizations softmax and
 * log-softmax. An axis splits a shape into (outer, n, inner): element (o, k, i) sits at {@code (o *
 * n + k) * inner + i}.
 */
final class Reductions {
    private Reductions() {}

    private static int[] split(int[] shape, int axis) {
        int outer = 1;
        int inner = 1;
        for (int d = 0; d < axis; d++) {
            outer *= shape[d];
        }
        for (int d = axis + 1; d < shape.length; d++) {
            inner *= shape[d];
        }
        return new int[] {outer, shape[axis], inner};
    }

    private static int[] reducedShape(int[] shape, int axis, boolean keepDim) {
        if (keepDim) {
            int[] s = shape.clone();
            s[axis] = 1;
            return s;
        }
        int[] s = new int[shape.length - 1];
        for (int d = 0, j = 0; d < shape.length; d++) {
            if (d != axis) {
                s[j++] = shape[d];
            }
        }
        return s;
    }

    // out = Σ x;  dx = g (the same for every element)
    static Tensor sumAll(Tensor a) {
        double s = 0;
        for (float v : a.data) {
            s += v;
        }
        return Tensor.result(
                "sum",
                new float[] {(float) s},
                new int[0],
                g -> {
                    float[] d = new float[a.data.length];
                    java.util.Arrays.fill(d, g[0]);
                    a.addFreshGrad(d);
                },
                a);
    }

    // out[o, i] = Σ_k x[o, k, i];  dx[o, k, i] = g[o, i]
    static Tensor sum(Tensor a, int axis, boolean keepDim) {
        int ax = Shapes.axis(axis, a.shape.length, "sum");
        int[] s = split(a.shape, ax);
        int outer = s[0], n = s[1], inner = s[2];
        float[] r = new float[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < n; k++) {
                int base = (o * n + k) * inner;
                for (int i = 0; i < inner; i++) {
                    r[o * inner + i] += a.data[base + i];
                }
            }
        }
        return Tensor.result(
                "sum",
                r,
                reducedShape(a.shape, ax, keepDim),
                g -> {
                    float[] d = new float[a.data.length];
                    for (int o = 0; o < outer; o++) {
                        for (int k = 0; k < n; k++) {
                            System.arraycopy(g, o * inner, d, (o * n + k) * inner, inner);
                        }
                    }
                    a.addFreshGrad(d);
                },
                a);
    }

    // out[o, i] = max_k x[o, k, i];  dx = g at the (first) arg-max, 0 elsewhere
    static Tensor max(Tensor a, int axis, boolean keepDim) {
        int ax = Shapes.axis(axis, a.shape.length, "max");
        int[] s = split(a.shape, ax);
        int outer = s[0], n = s[1], inner = s[2];
        float[] r = new float[outer * inner];
        int[] arg = new int[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                float best = Float.NEGATIVE_INFINITY;
                int bestK = 0;
                for (int k = 0; k < n; k++) {
                    float v = a.data[(o * n + k) * inner + i];
                    if (v > best) {
                        best = v;
                        bestK = k;
                    }
                }
                r[o * inner + i] = best;
                arg[o * inner + i] = bestK;
            }
        }
        return Tensor.result(
                "max",
                r,
                reducedShape(a.shape, ax, keepDim),
                g -> {
                    float[] d = new float[a.data.length];
                    for (int o = 0; o < outer; o++) {
                        for (int i = 0; i < inner; i++) {
                            d[(o * n + arg[o * inner + i]) * inner + i] = g[o * inner + i];
                        }
                    }
                    a.addFreshGrad(d);
                },
                a);
    }

    /**
     * y = e^(x - max) / Σ e^(x - max) along the axis. Fused for stability (subtracting the max
     * keeps e^x finite) and speed. dx = y ⊙ (g - Σ_k g_k y_k).
     */
    static Tensor softmax(Tensor a, int axis) {
        int ax = Shapes.axis(axis, a.shape.length, "softmax");
        int[] s = split(a.shape, ax);
        int outer = s[0], n = s[1], inner = s[2];
        float[] y = new float[a.data.length];
        Parallel.range(
                outer,
                (long) n * inner,
                (from, to) -> {
                    for (int o = from; o < to; o++) {
                        for (int i = 0; i < inner; i++) {
                            int base = o * n * inner + i;
                            shiftedExp(a.data, base, n, inner, y);
                            float inv = (float) (1 / sum(y, base, n, inner));
                            for (int k = 0; k < n; k++) {
                                y[base + k * inner] *= inv;
                            }
                        }
                    }
                });
        return Tensor.result(
                "softmax",
                y,
                a.shape,
                g -> {
                    float[] d = new float[g.length];
                    Parallel.range(
                            outer,
                            (long) n * inner,
                            (from, to) -> {
                                for (int o = from; o < to; o++) {
                                    for (int i = 0; i < inner; i++) {
                                        int base = o * n * inner + i;
                                        float dot =
                                                (float)
                                                        (inner == 1
                                                                ? Sums.dot(g, base, y, base, n)
                                                                : strided(g, y, base, n, inner));
                                        for (int k = 0; k < n; k++) {
                                            int j = base + k * inner;
                                            d[j] = y[j] * (g[j] - dot);
                                        }
                                    }
                                }
                            });
                    a.addFreshGrad(d);
                },
                a);
    }

    /**
     * y = x - max - log Σ e^(x - max) along the axis (the log-sum-exp trick). dx = g - softmax(x) Σ
     * g.
     */
    static Tensor logSoftmax(Tensor a, int axis) {
        int ax = Shapes.axis(axis, a.shape.length, "logSoftmax");
        int[] s = split(a.shape, ax);
        int outer = s[0], n = s[1], inner = s[2];
        float[] y = new float[a.data.length];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                float max = shiftedExp(a.data, base, n, inner, y);
                float lse = (float) (max + StrictMath.log(sum(y, base, n, inner)));
                for (int k = 0; k < n; k++) {
                    y[base + k * inner] = a.data[base + k * inner] - lse;
                }
            }
        }
        return Tensor.result(
                "logSoftmax",
                y,
                a.shape,
                g -> {
                    float[] d = new float[g.length];
                    for (int o = 0; o < outer; o++) {
                        for (int i = 0; i < inner; i++) {
                            int base = o * n * inner + i;
                            float gs = (float) sum(g, base, n, inner);
                            if (inner == 1) {
                                Exp.exp(y, base, d, base, n); // softmax(x) = e^y
                                for (int j = base; j < base + n; j++) {
                                    d[j] = g[j] - d[j] * gs;
                                }
                            } else {
                                for (int k = 0; k < n; k++) {
                                    int j = base + k * inner;
                                    d[j] = g[j] - Exp.exp(y[j]) * gs;
                                }
                            }
                        }
                    }
                    a.addFreshGrad(d);
                },
                a);
    }

    /**
     * Σ over one axis slice (elements base, base + inner, …): vectorized when the slice is
     * contiguous.
     */
    private static double sum(float[] x, int base, int n, int inner) {
        if (inner == 1) {
            return Sums.sum(x, base, n);
        }
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += x[base + k * inner];
        }
        return s;
    }

    /** Σ a·b over one strided axis slice. */
    private static double strided(float[] a, float[] b, int base, int n, int inner) {
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += a[base + k * inner] * b[base + k * inner];
        }
        return s;
    }

    /**
     * e^(x − max) along one axis slice (elements base, base + inner, …) into out, returning the
     * max: the stable core of softmax and log-softmax.
     */
    private static float shiftedExp(float[] x, int base, int n, int inner, float[] out) {
        float max = Float.NEGATIVE_INFINITY;
        if (inner == 1) {
            max = Sums.max(x, base, n);
        } else {
            for (int k = 0; k < n; k++) {
                max = Math.max(max, x[base + k * inner]);
            }
        }
        for (int k = 0; k < n; k++) {
            out[base + k * inner] = x[base + k * inner] - max;
        }
        if (inner == 1) {
            Exp.exp(out, base, out, base, n);
        } else {
            for (int k = 0; k < n; k++) {
                out[base + k * inner] = Exp.exp(out[base + k * inner]);
            }
        }
        return max;
    }

    static int[] argmaxLast(Tensor a) {
        int n = a.shape[a.shape.length - 1];
        int rows = a.data.length / n;
        int[] out = new int[rows];
        for (int r = 0; r < rows; r++) {
            int best = 0;
            for (int k = 1; k < n; k++) {
                if (a.data[r * n + k] > a.data[r * n + best]) {
                    best = k;
                }
            }
            out[r] = best;
        }
        return out;
    }
}
