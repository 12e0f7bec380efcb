package org.nnwiki.core.nn;

import org.nnwiki.core.Tensor;

/** A table of learned vectors looked up by index: ids (N, T) → (N, T, D). */
public final class Embedding extends Module {
    public final Tensor weight;
    private final int dim;

    public Embedding(int count, int dim) {
        this.dim = dim;
        this.weight = param("weight", Tensor.randn(count, dim));
    }

    /** Vectors for {@code ids} laid out as {@code shape} (e.g. N, T); the result has D appended. */
    public Tensor forward(int[] ids, int... shape) {
        int[] out = java.util.Arrays.copyOf(shape, shape.length + 1);
        out[shape.length] = dim;
        return weight.indexSelect(ids).reshape(out);
    }
}
