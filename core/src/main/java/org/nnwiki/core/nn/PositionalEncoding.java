package org.nnwiki.core.nn;

import org.nnwiki.core.Tensor;

/**
 * Position information added to token embeddings: the fixed sinusoids of Vaswani et al. 2017 (PE[p,
 * 2i] = sin(p / 10000^(2i/D)), PE[p, 2i+1] = cos(…)) or a learned table.
 */
public final class PositionalEncoding extends Layer {
    private final Tensor table; // (maxLen, D)

    private PositionalEncoding(Tensor table, boolean learned) {
        this.table = learned ? param("weight", table) : table;
    }

    public static PositionalEncoding sinusoidal(int maxLen, int dim) {
        return new PositionalEncoding(table(maxLen, dim), false);
    }

    public static PositionalEncoding learned(int maxLen, int dim) {
        return new PositionalEncoding(Tensor.randn(maxLen, dim).mul(0.02f), true);
    }

    /** The sinusoidal table (maxLen, D), e.g. to draw it. */
    public static Tensor table(int maxLen, int dim) {
        Tensor t = Tensor.zeros(maxLen, dim);
        for (int p = 0; p < maxLen; p++) {
            for (int i = 0; i < dim; i += 2) {
                double angle = p / StrictMath.pow(10000, (double) i / dim);
                t.set((float) StrictMath.sin(angle), p, i);
                if (i + 1 < dim) {
                    t.set((float) StrictMath.cos(angle), p, i + 1);
                }
            }
        }
        return t;
    }

    /** x (N, T, D) + PE[0:T]. */
    @Override
    public Tensor forward(Tensor x) {
        return x.add(table.slice(0, 0, x.size(1)));
    }
}
