package org.nnwiki.core;

import org.nnwiki.core.kernel.Exp;
import org.nnwiki.core.kernel.Gelu;
import org.nnwiki.core.kernel.Parallel;

/**
 * Element-wise operations, each forward next to its backward. Binary operations broadcast like
 * numpy; their backward passes sum the gradient over the broadcast dimensions ({@link #reduceTo}).
 */
final class Elementwise {
    private Elementwise() {}

    @FunctionalInterface
    private interface BinaryFn {
        float apply(float a, float b);
    }

    /** Applies {@code f} over the broadcast of a and b. */
    private static float[] broadcastApply(Tensor a, Tensor b, int[] out, BinaryFn f) {
        float[] r = new float[Shapes.size(out)];
        float[] x = a.data;
        float[] y = b.data;
        if (Shapes.same(a.shape, b.shape)) {
            for (int i = 0; i < r.length; i++) {
                r[i] = f.apply(x[i], y[i]);
            }
        } else if (Shapes.same(a.shape, out) && isSuffix(b.shape, out)) {
            // (…, N) with (N): the bias-add pattern, one tight loop per row.
            int n = y.length;
            for (int i = 0; i < r.length; i++) {
                r[i] = f.apply(x[i], y[i % n]);
            }
        } else if (b.data.length == 1) {
            float c = y[0];
            for (int i = 0; i < r.length; i++) {
                r[i] = f.apply(x[i % x.length], c);
            }
        } else {
            int[] sa = Shapes.broadcastStrides(a.shape, out);
            int[] sb = Shapes.broadcastStrides(b.shape, out);
            int[] idx = new int[out.length];
            int ia = 0;
            int ib = 0;
            for (int i = 0; i < r.length; i++) {
                r[i] = f.apply(x[ia], y[ib]);
                for (int d = out.length - 1; d >= 0; d--) {
                    idx[d]++;
                    ia += sa[d];
                    ib += sb[d];
                    if (idx[d] < out[d]) {
                        break;
                    }
                    ia -= sa[d] * out[d];
                    ib -= sb[d] * out[d];
                    idx[d] = 0;
                }
            }
        }
        return r;
    }

    /** True when {@code small} equals the trailing dimensions of {@code big}. */
    private static boolean isSuffix(int[] small, int[] big) {
        if (small.length > big.length) {
            return false;
        }
        for (int i = 1; i <= small.length; i++) {
            if (small[small.length - i] != big[big.length - i]) {
                return false;
            }
        }
        return true;
    }

    /** Sums an {@code out}-shaped gradient down to {@code shape} (undoing a broadcast). */
    static float[] reduceTo(float[] g, int[] out, int[] shape) {
        if (Shapes.same(out, shape)) {
            return g;
        }
        float[] r = new float[Shapes.size(shape)];
        if (r.length == 1) {
            double s = 0;
            for (float v : g) {
                s += v;
            }
            r[0] = (float) s;
            return r;
        }
        if (isSuffix(shape, out) && Shapes.size(shape) == r.length) {
            int n = r.length;
            for (int i = 0; i < g.length; i++) {
                r[i % n] += g[i];
            }
            return r;
        }
        int[] s = Shapes.broadcastStrides(shape, out);
        int[] idx = new int[out.length];
        int j = 0;
        for (int i = 0; i < g.length; i++) {
            r[j] += g[i];
            for (int d = out.length - 1; d >= 0; d--) {
                idx[d]++;
                j += s[d];
                if (idx[d] < out[d]) {
                    break;
                }
                j -= s[d] * out[d];
                idx[d] = 0;
            }
        }
        return r;
    }

    // out = a + b;  da = g, db = g (each summed over its broadcast dimensions)
    static Tensor add(Tensor a, Tensor b) {
        int[] out = Shapes.broadcast("add", a.shape, b.shape);
        float[] r;
        if (Shapes.same(a.shape, b.shape)) {
            // Written out: the lambda of broadcastApply is a megamorphic call the JIT cannot
            // inline.
            r = new float[a.data.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = a.data[i] + b.data[i];
            }
        } else {
            r =
                    a.data.length >= b.data.length
                            ? broadcastApply(a, b, out, Float::sum)
                            : broadcastApply(b, a, out, Float::sum);
        }
        return Tensor.result(
                "add",
                r,
                out,
                g -> {
                    a.addGrad(reduceTo(g, out, a.shape));
                    b.addGrad(reduceTo(g, out, b.shape));
                },
                a,
                b);
    }

    // out = a - b;  da = g, db = -g
    static Tensor sub(Tensor a, Tensor b) {
        int[] out = Shapes.broadcast("sub", a.shape, b.shape);
        float[] r = broadcastApply(a, b, out, (x, y) -> x - y);
        return Tensor.result(
                "sub",
                r,
                out,
                g -> {
                    a.addGrad(reduceTo(g, out, a.shape));
                    float[] nb = reduceTo(g, out, b.shape).clone();
                    for (int i = 0; i < nb.length; i++) {
                        nb[i] = -nb[i];
                    }
                    b.addFreshGrad(nb);
                },
                a,
                b);
    }

    // out = a * b;  da = g * b, db = g * a
    static Tensor mul(Tensor a, Tensor b) {
        if (Shapes.same(a.shape, b.shape)) {
            return mulSameShape(a, b);
        }
        int[] out = Shapes.broadcast("mul", a.shape, b.shape);
        float[] r =
                a.data.length >= b.data.length
                        ? broadcastApply(a, b, out, (x, y) -> x * y)
                        : broadcastApply(b, a, out, (x, y) -> x * y);
        return Tensor.result(
                "mul",
                r,
                out,
                g -> {
                    Tensor gt = new Tensor(g, out);
                    if (a.isRequiringGrad()) {
                        a.addGrad(
                                reduceTo(
                                        broadcastApply(gt, b, out, (x, y) -> x * y), out, a.shape));
                    }
                    if (b.isRequiringGrad()) {
                        b.addGrad(
                                reduceTo(
                                        broadcastApply(gt, a, out, (x, y) -> x * y), out, b.shape));
                    }
                },
                a,
                b);
    }

    /** a * b for equal shapes, with plain loops (the common case inside recurrent cells). */
    private static Tensor mulSameShape(Tensor a, Tensor b) {
        float[] x = a.data;
        float[] y = b.data;
        float[] r = new float[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = x[i] * y[i];
        }
        return Tensor.result(
                "mul",
                r,
                a.shape,
                g -> {
                    if (a.isRequiringGrad()) {
                        a.addFreshGrad(times(g, y));
                    }
                    if (b.isRequiringGrad()) {
                        b.addFreshGrad(times(g, x));
                    }
                },
                a,
                b);
    }

    // out = a / b;  da = g / b, db = -g * a / b²
    static Tensor div(Tensor a, Tensor b) {
        int[] out = Shapes.broadcast("div", a.shape, b.shape);
        float[] r = broadcastApply(a, b, out, (x, y) -> x / y);
        return Tensor.result(
                "div",
                r,
                out,
                g -> {
                    Tensor gt = new Tensor(g, out);
                    if (a.isRequiringGrad()) {
                        a.addGrad(
                                reduceTo(
                                        broadcastApply(gt, b, out, (x, y) -> x / y), out, a.shape));
                    }
                    if (b.isRequiringGrad()) {
                        Tensor ratio = new Tensor(r, out); // a / b
                        float[] gr = broadcastApply(gt, ratio, out, (x, y) -> x * y);
                        float[] db = broadcastApply(new Tensor(gr, out), b, out, (x, y) -> -x / y);
                        b.addGrad(reduceTo(db, out, b.shape));
                    }
                },
                a,
                b);
    }

    // out = a + c;  da = g
    static Tensor addScalar(Tensor a, float c) {
        float[] r = new float[a.data.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = a.data[i] + c;
        }
        return Tensor.result("add", r, a.shape, a::addGrad, a);
    }

    // out = a * c;  da = g * c
    static Tensor mulScalar(Tensor a, float c) {
        float[] r = new float[a.data.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = a.data[i] * c;
        }
        return Tensor.result(
                "mul",
                r,
                a.shape,
                g -> {
                    float[] d = new float[g.length];
                    for (int i = 0; i < d.length; i++) {
                        d[i] = g[i] * c;
                    }
                    a.addFreshGrad(d);
                },
                a);
    }

    @FunctionalInterface
    private interface UnaryFn {
        float apply(float x);
    }

    /** dx = g * f'(x, y), with the derivative written in terms of the input x and output y. */
    @FunctionalInterface
    private interface Derivative {
        float apply(float x, float y);
    }

    private static Tensor unary(String op, Tensor a, UnaryFn f, Derivative df) {
        float[] x = a.data;
        float[] y = new float[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = f.apply(x[i]);
        }
        return Tensor.result(
                op,
                y,
                a.shape,
                g -> {
                    float[] d = new float[g.length];
                    for (int i = 0; i < d.length; i++) {
                        d[i] = g[i] * df.apply(x[i], y[i]);
                    }
                    a.addFreshGrad(d);
                },
                a);
    }

    // y = x^p;  dy/dx = p x^(p-1)
    static Tensor pow(Tensor a, float p) {
        return unary(
                "pow",
                a,
                x -> (float) StrictMath.pow(x, p),
                (x, y) -> p * (float) StrictMath.pow(x, p - 1));
    }

    // y = e^x;  dy/dx = y
    static Tensor exp(Tensor a) {
        float[] y = new float[a.data.length];
        Exp.exp(a.data, y, y.length);
        return Tensor.result(
                "exp",
                y,
                a.shape,
                g -> {
                    a.addFreshGrad(times(g, y));
                },
                a);
    }

    // y = ln x;  dy/dx = 1/x
    static Tensor log(Tensor a) {
        return unary("log", a, x -> (float) StrictMath.log(x), (x, y) -> 1f / x);
    }

    // y = √x;  dy/dx = 1/(2y)
    static Tensor sqrt(Tensor a) {
        return unary("sqrt", a, x -> (float) Math.sqrt(x), (x, y) -> 0.5f / y);
    }

    // y = tanh x;  dy/dx = 1 - y²  (loops written out, as in sigmoid, for the JIT)
    static Tensor tanh(Tensor a) {
        float[] x = a.data;
        float[] y = new float[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = -2f * Math.abs(x[i]);
        }
        Exp.exp(y, y, y.length); // e^(−2|x|) ≤ 1
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.copySign((1f - y[i]) / (1f + y[i]), x[i]); // tanh |x|, with x's sign
        }
        return Tensor.result(
                "tanh",
                y,
                a.shape,
                g -> {
                    float[] d = new float[g.length];
                    for (int i = 0; i < d.length; i++) {
                        d[i] = g[i] * (1 - y[i] * y[i]);
                    }
                    a.addFreshGrad(d);
                },
                a);
    }

    /**
     * y = 1/(1+e^-x); dy/dx = y(1-y). Fused rather than composed: written with e^-|x| it never
     * overflows, and the backward pass reuses y.
     */
    static Tensor sigmoid(Tensor a) {
        float[] x = a.data;
        float[] y = new float[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = -Math.abs(x[i]);
        }
        Exp.exp(y, y, y.length); // e^−|x| ≤ 1: never overflows
        for (int i = 0; i < y.length; i++) {
            float e = y[i];
            // 1/(1+e) for x ≥ 0, e/(1+e) for x < 0, chosen by the sign bit instead of a branch.
            int negative = Float.floatToRawIntBits(x[i]) >>> 31;
            y[i] = (1f + (e - 1f) * negative) / (1f + e);
        }
        return Tensor.result(
                "sigmoid",
                y,
                a.shape,
                g -> {
                    float[] d = new float[g.length];
                    for (int i = 0; i < d.length; i++) {
                        d[i] = g[i] * y[i] * (1 - y[i]);
                    }
                    a.addFreshGrad(d);
                },
                a);
    }

    // y = x for x > 0, slope·x otherwise;  dy/dx = 1 or slope (relu: slope 0).
    // Written out rather than through unary(), and without branches: on real activations the sign
    // is
    // a coin flip, so a branch mispredicts half the time (measured 17× slower than this on 400k
    // values); max/min and bit arithmetic let the JIT vectorize both loops.
    static Tensor leakyRelu(Tensor a, float slope) {
        float[] x = a.data;
        float[] y = new float[x.length];
        Parallel.range(
                x.length,
                1,
                (from, to) -> {
                    for (int i = from; i < to; i++) {
                        y[i] = Math.max(x[i], 0f) + slope * Math.min(x[i], 0f);
                    }
                });
        return Tensor.result(
                slope == 0 ? "relu" : "leakyRelu",
                y,
                a.shape,
                g -> {
                    float[] d = new float[g.length];
                    Parallel.range(
                            d.length,
                            1,
                            (from, to) -> {
                                for (int i = from; i < to; i++) {
                                    // (bits − 1) >>> 31 is 1 for x ≤ +0 and negative x, 0 for x >
                                    // 0.
                                    int notPositive = (Float.floatToRawIntBits(x[i]) - 1) >>> 31;
                                    d[i] = g[i] * (1f + (slope - 1f) * notPositive);
                                }
                            });
                    a.addFreshGrad(d);
                },
                a);
    }

    /**
     * GELU, exact form: y = x Φ(x) with Φ the standard normal CDF; dy/dx = Φ(x) + x φ(x). Φ uses
     * the erf approximation of Abramowitz and Stegun 7.1.26 (error below 1.5e-7, under float32
     * resolution near 1), whose exponential e^(−x²/2) is also φ's, so one exp serves both; Φ and φ
     * are kept from the forward pass for the backward pass.
     */
    static Tensor gelu(Tensor a) {
        float[] x = a.data;
        float[] y = new float[x.length];
        float[] cdf = new float[x.length];
        float[] pdf = new float[x.length];
        Parallel.range(x.length, 4, (from, to) -> Gelu.forward(x, y, cdf, pdf, from, to));
        return Tensor.result(
                "gelu",
                y,
                a.shape,
                g -> {
                    float[] d = new float[g.length];
                    Parallel.range(
                            d.length,
                            1,
                            (from, to) -> {
                                for (int i = from; i < to; i++) {
                                    d[i] = g[i] * (cdf[i] + x[i] * pdf[i]);
                                }
                            });
                    a.addFreshGrad(d);
                },
                a);
    }

    // y = value where mask != 0, else x;  dx = g where mask == 0
    static Tensor maskedFill(Tensor a, Tensor mask, float value) {
        int[] out = Shapes.broadcast("maskedFill", a.shape, mask.shape);
        if (!Shapes.same(out, a.shape)) {
            throw new IllegalArgumentException(
                    "maskedFill: mask "
                            + Shapes.str(mask.shape)
                            + " must broadcast to "
                            + Shapes.str(a.shape));
        }
        // The mask as a tile that repeats over a: the usual (T, S) mask over (N, heads, T, S)
        // scores
        // is used as it is; any other broadcast is expanded to a's full shape once.
        float[] tile =
                isSuffix(mask.shape, a.shape)
                        ? mask.data
                        : broadcastApply(a, mask, out, (x, mk) -> mk);
        int[] runs = maskedRuns(tile);
        float[] r = fillRuns(a.data.clone(), tile.length, runs, value);
        return Tensor.result(
                "maskedFill",
                r,
                out,
                g -> a.addFreshGrad(fillRuns(g.clone(), tile.length, runs, 0f)),
                a,
                mask); // the mask has no gradient; recorded for diagrams
    }

    /** Sets the runs of every tile of {@code data} to {@code value}; returns data. */
    private static float[] fillRuns(float[] data, int tile, int[] runs, float value) {
        for (int base = 0; base < data.length; base += tile) {
            for (int k = 0; k < runs.length; k += 2) {
                java.util.Arrays.fill(data, base + runs[k], base + runs[k + 1], value);
            }
        }
        return data;
    }

    /** [start, end) pairs of the runs of non-zero entries: a causal mask is one run per row. */
    private static int[] maskedRuns(float[] mask) {
        int[] runs = new int[mask.length + 1];
        int count = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] != 0 && (i == 0 || mask[i - 1] == 0)) {
                runs[count++] = i;
            }
            if (mask[i] != 0 && (i == mask.length - 1 || mask[i + 1] == 0)) {
                runs[count++] = i + 1;
            }
        }
        return java.util.Arrays.copyOf(runs, count);
    }

    // y = x · m / (1-p) with m ~ Bernoulli(1-p);  dx = g · m / (1-p)
    static Tensor dropout(Tensor a, float p, boolean training) {
        if (p < 0 || p >= 1) {
            throw new IllegalArgumentException("dropout: p must be in [0, 1), got " + p);
        }
        if (!training || p == 0) {
            return a;
        }
        float scale = 1f / (1 - p);
        float[] m = new float[a.data.length];
        float[] r = new float[m.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = Rng.globalDouble() < p ? 0f : scale;
            r[i] = a.data[i] * m[i];
        }
        return Tensor.result(
                "dropout",
                r,
                a.shape,
                g -> {
                    a.addFreshGrad(times(g, m));
                },
                a);
    }

    /**
     * g[i] · factor[i] in a new array: the backward step of every op whose derivative is an array
     * the forward pass already holds (a product's other factor, e^x itself, a dropout mask).
     */
    private static float[] times(float[] g, float[] factor) {
        float[] d = new float[g.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = g[i] * factor[i];
        }
        return d;
    }
}
