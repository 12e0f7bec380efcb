package org.nnwiki.core;

import org.nnwiki.core.kernel.Parallel;

/** Layer normalization as one fused operation. */
final class Normalization {
    private Normalization() {}

    /**
     * y = γ ⊙ (x − μ) / σ + β over the last axis, σ = √(var + ε) with the biased variance. Fused
     * rather than composed from nine broadcasting operations, for speed: transformers call it twice
     * per layer. With x̂ = (x − μ)/σ and d = g ⊙ γ the backward pass is
     * dx = (d − mean(d) − x̂ ⊙ mean(d ⊙ x̂)) / σ, dγ = Σ g ⊙ x̂, dβ = Σ g.
     */
    static Tensor layerNorm(Tensor x, Tensor gamma, Tensor beta, float eps) {
        int d = x.shape[x.shape.length - 1];
        if (gamma.data.length != d || beta.data.length != d) {
            throw new IllegalArgumentException("layerNorm: weights of " + gamma.data.length + " for last axis " + d + " of " + Shapes.str(x.shape));
        }
        int rows = x.data.length / d;
        float[] xhat = new float[x.data.length];
        float[] invStd = new float[rows];
        float[] y = new float[x.data.length];
        Parallel.range(rows, d, (from, to) -> {
            for (int r = from; r < to; r++) {
                int o = r * d;
                double mean = 0;
                for (int j = 0; j < d; j++) {
                    mean += x.data[o + j];
                }
                mean /= d;
                double var = 0;
                for (int j = 0; j < d; j++) {
                    double c = x.data[o + j] - mean;
                    var += c * c;
                }
                float inv = (float) (1 / Math.sqrt(var / d + eps));
                invStd[r] = inv;
                for (int j = 0; j < d; j++) {
                    float h = (float) ((x.data[o + j] - mean) * inv);
                    xhat[o + j] = h;
                    y[o + j] = gamma.data[j] * h + beta.data[j];
                }
            }
        });
        return Tensor.result("layerNorm", y, x.shape, g -> {
            float[] dg = gamma.gradBuffer();
            float[] db = beta.gradBuffer();
            if (dg != null || db != null) {
                for (int r = 0; r < rows; r++) {
                    int o = r * d;
                    for (int j = 0; j < d; j++) {
                        if (dg != null) {
                            dg[j] += g[o + j] * xhat[o + j];
                        }
                        if (db != null) {
                            db[j] += g[o + j];
                        }
                    }
                }
            }
            if (x.isRequiringGrad()) {
                float[] dx = new float[x.data.length];
                Parallel.range(rows, d, (from, to) -> {
                    for (int r = from; r < to; r++) {
                        int o = r * d;
                        double sumD = 0;
                        double sumDX = 0;
                        for (int j = 0; j < d; j++) {
                            double dj = g[o + j] * gamma.data[j];
                            sumD += dj;
                            sumDX += dj * xhat[o + j];
                        }
                        double meanD = sumD / d;
                        double meanDX = sumDX / d;
                        for (int j = 0; j < d; j++) {
                            double dj = g[o + j] * gamma.data[j];
                            dx[o + j] = (float) ((dj - meanD - xhat[o + j] * meanDX) * invStd[r]);
                        }
                    }
                });
                x.addFreshGrad(dx);
            }
        }, x, gamma, beta);
    }
}
