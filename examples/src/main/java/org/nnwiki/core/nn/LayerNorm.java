package org.nnwiki.core.nn;

import org.nnwiki.core.Tensor;

/** Normalizes the last axis to mean 0, variance 1, then scales and shifts (Ba et al. 2016). */
public final class LayerNorm extends Layer {
    public final Tensor gamma;
    public final Tensor beta;
    private final float eps;

    public LayerNorm(int dim) {
        this(dim, 1e-5f);
    }

    public LayerNorm(int dim, float eps) {
        this.gamma = param("weight", Tensor.ones(dim));
        this.beta = param("bias", Tensor.zeros(dim));
        this.eps = eps;
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor mean = x.mean(-1, true);                      // (…, 1)
        Tensor centered = x.sub(mean);                       // (…, D)
        Tensor var = centered.pow(2).mean(-1, true);         // (…, 1), biased like PyTorch
        return centered.div(var.add(eps).sqrt()).mul(gamma).add(beta);
    }
}
