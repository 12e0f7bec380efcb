package org.nnwiki.core.optim;

import java.util.List;
import org.nnwiki.core.Tensor;

/**
 * The optimizers, each one update rule, written as in PyTorch's documentation. The learning rate
 * alone is enough for plain SGD and Adam; everything else is set by name through an options record
 * with PyTorch's defaults:
 *
 * <pre>{@code
 * Optimizers.sgd(params, 0.1)
 * Optimizers.sgd(params, SgdOptions.lr(0.1).momentum(0.9).nesterov(true))
 * Optimizers.adamW(params, AdamOptions.lr(3e-3).weightDecay(0.01))
 * }</pre>
 */
public final class Optimizers {
    private Optimizers() {}

    /**
     * SGD: g ← g + λw; with momentum μ: b ← μb + g (b = g at the first step); Nesterov uses g + μb
     * instead of b; w ← w − η·(update).
     */
    public static Optimizer sgd(List<Tensor> params, SgdOptions options) {
        double momentum = options.momentum();
        double weightDecay = options.weightDecay();
        boolean nesterov = options.nesterov();
        return new Optimizer(params, options.lr()) {
            private final float[][] buf = new float[params.size()][];

            @Override
            protected void update(int index, float[] w, float[] g, int t) {
                boolean first = buf[index] == null;
                float[] b = first ? (buf[index] = new float[w.length]) : buf[index];
                for (int i = 0; i < w.length; i++) {
                    double gi = g[i] + weightDecay * w[i];
                    double step = gi;
                    if (momentum != 0) {
                        b[i] =
                                (float)
                                        (first
                                                ? gi
                                                : momentum * b[i] + gi); // the buffer starts as g
                        step = nesterov ? gi + momentum * b[i] : b[i];
                    }
                    w[i] -= (float) (lr * step);
                }
            }
        };
    }

    public static Optimizer sgd(List<Tensor> params, double lr) {
        return sgd(params, SgdOptions.lr(lr));
    }

    /** RMSProp: v ← αv + (1−α)g²; w ← w − η g / (√v + ε). */
    public static Optimizer rmsProp(List<Tensor> params, RmsPropOptions options) {
        double alpha = options.alpha();
        double eps = options.eps();
        return new Optimizer(params, options.lr()) {
            private final float[][] v = new float[params.size()][];

            @Override
            protected void update(int index, float[] w, float[] g, int t) {
                float[] s = v[index] == null ? (v[index] = new float[w.length]) : v[index];
                for (int i = 0; i < w.length; i++) {
                    s[i] = (float) (alpha * s[i] + (1 - alpha) * g[i] * g[i]);
                    w[i] -= (float) (lr * g[i] / (Math.sqrt(s[i]) + eps));
                }
            }
        };
    }

    /** AdaGrad: s ← s + g²; w ← w − η g / (√s + ε). */
    public static Optimizer adaGrad(List<Tensor> params, AdaGradOptions options) {
        double eps = options.eps();
        return new Optimizer(params, options.lr()) {
            private final float[][] sum = new float[params.size()][];

            @Override
            protected void update(int index, float[] w, float[] g, int t) {
                float[] s = sum[index] == null ? (sum[index] = new float[w.length]) : sum[index];
                for (int i = 0; i < w.length; i++) {
                    s[i] += g[i] * g[i];
                    w[i] -= (float) (lr * g[i] / (Math.sqrt(s[i]) + eps));
                }
            }
        };
    }

    /**
     * Adam (Kingma and Ba 2015): m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², m̂ = m/(1−β₁ᵗ), v̂ =
     * v/(1−β₂ᵗ), w ← w − η m̂ / (√v̂ + ε); λw is added to g (L2 regularization).
     */
    public static Optimizer adam(List<Tensor> params, AdamOptions options) {
        return adam(params, options, false);
    }

    public static Optimizer adam(List<Tensor> params, double lr) {
        return adam(params, AdamOptions.lr(lr));
    }

    /**
     * AdamW (Loshchilov and Hutter 2019): Adam with w ← w − ηλw first, decoupled from the
     * gradient's scaling.
     */
    public static Optimizer adamW(List<Tensor> params, AdamOptions options) {
        return adam(params, options, true);
    }

    private static Optimizer adam(List<Tensor> params, AdamOptions options, boolean decoupled) {
        double beta1 = options.beta1();
        double beta2 = options.beta2();
        double eps = options.eps();
        double weightDecay = options.weightDecay();
        return new Optimizer(params, options.lr()) {
            private final float[][] m = new float[params.size()][];
            private final float[][] v = new float[params.size()][];

            @Override
            protected void update(int index, float[] w, float[] g, int t) {
                float[] mi = m[index] == null ? (m[index] = new float[w.length]) : m[index];
                float[] vi = v[index] == null ? (v[index] = new float[w.length]) : v[index];
                // Float arithmetic with the constants hoisted, so that the JIT vectorizes the loop.
                float b1 = (float) beta1;
                float b2 = (float) beta2;
                float step = (float) (lr / (1 - StrictMath.pow(beta1, t)));
                float invC2 = (float) (1 / (1 - StrictMath.pow(beta2, t)));
                float e = (float) eps;
                float l2 = decoupled ? 0f : (float) weightDecay;
                if (decoupled && weightDecay != 0) {
                    float keep = (float) (1 - lr * weightDecay);
                    for (int i = 0; i < w.length; i++) {
                        w[i] *= keep;
                    }
                }
                for (int i = 0; i < w.length; i++) {
                    float gi = g[i] + l2 * w[i];
                    mi[i] = b1 * mi[i] + (1 - b1) * gi;
                    vi[i] = b2 * vi[i] + (1 - b2) * gi * gi;
                    w[i] -= step * mi[i] / ((float) Math.sqrt(vi[i] * invC2) + e);
                }
            }
        };
    }
}
