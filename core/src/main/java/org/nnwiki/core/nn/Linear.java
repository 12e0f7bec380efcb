package org.nnwiki.core.nn;

import org.nnwiki.core.Tensor;

/** y = x Wᵀ + b, with W (out, in) as in PyTorch. */
public final class Linear extends Layer {
    public final Tensor weight;
    public final Tensor bias;

    public Linear(int in, int out) {
        this(in, out, true);
    }

    public Linear(int in, int out, boolean bias) {
        this.weight = param("weight", Init.uniformFanIn(in, out, in));
        this.bias = bias ? param("bias", Init.uniformFanIn(in, out)) : null;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.linear(weight, bias); // (…, in) → (…, out)
    }

    /** As PyTorch prints it: {@code Linear(784, 128)}. */
    @Override
    public String toString() {
        int[] s = weight.shape();
        return "Linear(" + s[1] + ", " + s[0] + (bias == null ? ", bias=false" : "") + ")";
    }
}
