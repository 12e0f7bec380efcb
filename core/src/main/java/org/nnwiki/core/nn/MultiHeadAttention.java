package org.nnwiki.core.nn;

import org.nnwiki.core.Tensor;

/**
 * Multi-head scaled dot-product attention (Vaswani et al. 2017): softmax(Q Kᵀ / √d_k + mask) V per
 * head, heads concatenated and projected.
 *
 * <pre>{@code
 * var mha = new MultiHeadAttention(64, 4);
 * var out = mha.forward(x, x, x, MultiHeadAttention.causalMask(T));  // self-attention
 * out.output();   // (N, T, 64)
 * out.weights();  // (N, 4, T, T): what each position attended to
 * }</pre>
 */
public final class MultiHeadAttention extends Module {

    /** The attended values (N, T, D) and the attention weights (N, heads, T, S). */
    public record Result(Tensor output, Tensor weights) {}

    private final Linear q;
    private final Linear k;
    private final Linear v;
    private final Linear o;
    private final int heads;
    private final int dk;

    public MultiHeadAttention(int dModel, int heads) {
        if (dModel % heads != 0) {
            throw new IllegalArgumentException(
                    "MultiHeadAttention: d_model "
                            + dModel
                            + " is not divisible by "
                            + heads
                            + " heads");
        }
        this.heads = heads;
        this.dk = dModel / heads;
        q = child("q", new Linear(dModel, dModel));
        k = child("k", new Linear(dModel, dModel));
        v = child("v", new Linear(dModel, dModel));
        o = child("out", new Linear(dModel, dModel));
    }

    /**
     * @param query (N, T, D)
     * @param key (N, S, D)
     * @param value (N, S, D)
     * @param mask null, or 1 where attention is forbidden: (T, S) for all, or (N, 1, 1, S) for
     *     padding
     */
    public Result forward(Tensor query, Tensor key, Tensor value, Tensor mask) {
        int n = query.size(0);
        int t = query.size(1);
        int s = key.size(1);
        Tensor qh = split(q.forward(query), n, t); // (N, h, T, dk)
        Tensor kh = split(k.forward(key), n, s); // (N, h, S, dk)
        Tensor vh = split(v.forward(value), n, s); // (N, h, S, dk)
        Tensor scores = qh.matmulT(kh).mul((float) (1 / Math.sqrt(dk))); // (N, h, T, S)
        if (mask != null) {
            // A large negative number rather than −∞: a fully masked row then gives uniform
            // weights, not NaN.
            scores = scores.maskedFill(mask, -1e9f);
        }
        Tensor weights = scores.softmax(-1); // (N, h, T, S)
        Tensor attended = weights.matmul(vh); // (N, h, T, dk)
        Tensor merged = attended.permute(0, 2, 1, 3).reshape(n, t, heads * dk); // (N, T, D)
        return new Result(o.forward(merged), weights);
    }

    private Tensor split(Tensor x, int n, int len) {
        return x.reshape(n, len, heads, dk).permute(0, 2, 1, 3); // (N, h, len, dk)
    }

    /** (T, T) with 1 above the diagonal: position i may not attend to positions after i. */
    public static Tensor causalMask(int t) {
        Tensor m = Tensor.zeros(t, t);
        for (int i = 0; i < t; i++) {
            for (int j = i + 1; j < t; j++) {
                m.set(1f, i, j);
            }
        }
        return m;
    }

    /** (N, 1, 1, S) with 1 at padded key positions (where {@code lengths[i] <= j}). */
    public static Tensor paddingMask(int[] lengths, int s) {
        Tensor m = Tensor.zeros(lengths.length, 1, 1, s);
        for (int i = 0; i < lengths.length; i++) {
            for (int j = lengths[i]; j < s; j++) {
                m.set(1f, i, 0, 0, j);
            }
        }
        return m;
    }
}
