package org.nnwiki.core.nn;

import org.nnwiki.core.Tensor;

/**
 * Transformer encoder and decoder layers, pre-norm (LayerNorm before each sub-layer, as in GPT-2
 * and most current models; it trains without warm-up more reliably than the original post-norm) or
 * post-norm (Vaswani et al. 2017), chosen at construction. Each sub-layer sits in a residual
 * connection: x + sublayer(norm(x)) for pre-norm, norm(x + sublayer(x)) for post-norm.
 */
public final class Transformer {
    private Transformer() {}

    /** The position-wise feed-forward network: Linear(D, F) → GELU → Linear(F, D). */
    static final class FeedForward extends Layer {
        private final Linear in;
        private final Linear out;
        private final Dropout drop;

        FeedForward(int d, int f, float dropout) {
            in = child("in", new Linear(d, f));
            out = child("out", new Linear(f, d));
            drop = child("drop", new Dropout(dropout));
        }

        @Override
        public Tensor forward(Tensor x) {
            return drop.forward(out.forward(in.forward(x).gelu()));
        }
    }

    /** Self-attention then feed-forward. */
    public static final class EncoderLayer extends Module {
        private final MultiHeadAttention attention;
        private final FeedForward ff;
        private final LayerNorm norm1;
        private final LayerNorm norm2;
        private final Dropout drop;
        private final boolean preNorm;

        public EncoderLayer(int dModel, int heads, int dFF, float dropout, boolean preNorm) {
            attention = child("attention", new MultiHeadAttention(dModel, heads));
            ff = child("ff", new FeedForward(dModel, dFF, dropout));
            norm1 = child("norm1", new LayerNorm(dModel));
            norm2 = child("norm2", new LayerNorm(dModel));
            drop = child("drop", new Dropout(dropout));
            this.preNorm = preNorm;
        }

        /** x (N, T, D), mask as in {@link MultiHeadAttention#forward}. */
        public MultiHeadAttention.Result forward(Tensor x, Tensor mask) {
            if (preNorm) {
                Tensor h = norm1.forward(x);
                MultiHeadAttention.Result a = attention.forward(h, h, h, mask);
                x = x.add(drop.forward(a.output()));
                return new MultiHeadAttention.Result(
                        x.add(ff.forward(norm2.forward(x))), a.weights());
            }
            MultiHeadAttention.Result a = attention.forward(x, x, x, mask);
            x = norm1.forward(x.add(drop.forward(a.output())));
            return new MultiHeadAttention.Result(norm2.forward(x.add(ff.forward(x))), a.weights());
        }
    }

    /** Causal self-attention, cross-attention to the encoder's output, then feed-forward. */
    public static final class DecoderLayer extends Module {
        private final MultiHeadAttention self;
        private final MultiHeadAttention cross;
        private final FeedForward ff;
        private final LayerNorm norm1;
        private final LayerNorm norm2;
        private final LayerNorm norm3;
        private final Dropout drop;
        private final boolean preNorm;

        /** The layer's output and both attentions' weights. */
        public record Result(Tensor output, Tensor selfWeights, Tensor crossWeights) {}

        public DecoderLayer(int dModel, int heads, int dFF, float dropout, boolean preNorm) {
            self = child("self", new MultiHeadAttention(dModel, heads));
            cross = child("cross", new MultiHeadAttention(dModel, heads));
            ff = child("ff", new FeedForward(dModel, dFF, dropout));
            norm1 = child("norm1", new LayerNorm(dModel));
            norm2 = child("norm2", new LayerNorm(dModel));
            norm3 = child("norm3", new LayerNorm(dModel));
            drop = child("drop", new Dropout(dropout));
            this.preNorm = preNorm;
        }

        /**
         * @param y decoder input (N, T, D)
         * @param memory encoder output (N, S, D)
         * @param selfMask usually {@link MultiHeadAttention#causalMask}
         * @param memoryMask usually the source padding mask, or null
         */
        public Result forward(Tensor y, Tensor memory, Tensor selfMask, Tensor memoryMask) {
            if (preNorm) {
                Tensor h = norm1.forward(y);
                MultiHeadAttention.Result s = self.forward(h, h, h, selfMask);
                y = y.add(drop.forward(s.output()));
                MultiHeadAttention.Result c =
                        cross.forward(norm2.forward(y), memory, memory, memoryMask);
                y = y.add(drop.forward(c.output()));
                return new Result(y.add(ff.forward(norm3.forward(y))), s.weights(), c.weights());
            }
            MultiHeadAttention.Result s = self.forward(y, y, y, selfMask);
            y = norm1.forward(y.add(drop.forward(s.output())));
            MultiHeadAttention.Result c = cross.forward(y, memory, memory, memoryMask);
            y = norm2.forward(y.add(drop.forward(c.output())));
            return new Result(norm3.forward(y.add(ff.forward(y))), s.weights(), c.weights());
        }
    }
}
