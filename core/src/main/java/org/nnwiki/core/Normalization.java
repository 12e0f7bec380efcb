package org.nnwiki.core;

import org.nnwiki.core.kernel.Parallel;
import org.nnwiki.core.kernel.Sums;

/** Layer normalization as one fused operation. */
final class Normalization {
    private Normalization() {}

    /**
     * y = γ ⊙ (x − μ) / σ + β over the last axis, σ = √(var + ε) with the biased variance. Fused
     * rather than composed from nine broadcasting operations, for speed: transformers call it twice
     * per layer. With x̂ = (x − μ)/σ and d = g ⊙ γ the backward pass is dx = (d − mean(d) − x̂ ⊙
     * mean(d ⊙ x̂)) / σ, dγ = Σ g ⊙ x̂, dβ = Σ g.
     */
    static Tensor layerNorm(Tensor x, Tensor gamma, Tensor beta, float eps) {
        int d = x.shape[x.shape.length - 1];
        if (gamma.data.length != d || beta.data.length != d) {
            throw new IllegalArgumentException(
                    "layerNorm: weights of "
                            + gamma.data.length
                            + " for last axis "
                            + d
                            + " of "
                            + Shapes.str(x.shape));
        }
        int rows = x.data.length / d;
        float[] xhat = new float[x.data.length];
        float[] invStd = new float[rows];
        float[] y = new float[x.data.length];
        Parallel.range(
                rows,
                d,
                (from, to) -> {
                    for (int r = from; r < to; r++) {
                        int o = r * d;
                        float mean = (float) (Sums.sum(x.data, o, d) / d);
                        for (int j = 0; j < d; j++) {
                            xhat[o + j] =
                                    x.data[o + j]
                                            - mean; // centred first: the variance from (x − μ)²,
                            // not E[x²] − μ²
                        }
                        float inv =
                                (float) (1 / Math.sqrt(Sums.dot(xhat, o, xhat, o, d) / d + eps));
                        invStd[r] = inv;
                        for (int j = 0; j < d; j++) {
                            float h = xhat[o + j] * inv;
                            xhat[o + j] = h;
                            y[o + j] = gamma.data[j] * h + beta.data[j];
                        }
                    }
                });
        return Tensor.result(
                "layerNorm",
                y,
                x.shape,
                g -> {
                    float[] dg = gamma.gradBuffer();
                    float[] db = beta.gradBuffer();
                    if (dg != null) {
                        Sums.addColumnDots(g, xhat, rows, d, dg);
                    }
                    if (db != null) {
                        Sums.addColumnSums(g, rows, d, db);
                    }
                    if (x.isRequiringGrad()) {
                        float[] dx = new float[x.data.length];
                        Parallel.range(
                                rows,
                                d,
                                (from, to) -> {
                                    for (int r = from; r < to; r++) {
                                        int o = r * d;
                                        for (int j = 0; j < d; j++) {
                                            dx[o + j] =
                                                    g[o + j] * gamma.data[j]; // d = g ⊙ γ, first
                                        }
                                        float meanD = (float) (Sums.sum(dx, o, d) / d);
                                        float meanDX = (float) (Sums.dot(dx, o, xhat, o, d) / d);
                                        float inv = invStd[r];
                                        for (int j = 0; j < d; j++) {
                                            dx[o + j] =
                                                    (dx[o + j] - meanD - xhat[o + j] * meanDX)
                                                            * inv;
                                        }
                                    }
                                });
                        x.addFreshGrad(dx);
                    }
                },
                x,
                gamma,
                beta);
    }
}
