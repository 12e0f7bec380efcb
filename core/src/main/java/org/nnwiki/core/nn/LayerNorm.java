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
        return x.layerNorm(gamma, beta, eps); // (…, D), biased variance like PyTorch
    }

    @Override
    public String toString() {
        return "LayerNorm(" + gamma.numel() + ")";
    }
}
