package org.nnwiki.examples.transformer;

import java.util.ArrayList;
import java.util.List;
import org.nnwiki.core.Tensor;
import org.nnwiki.core.nn.Embedding;
import org.nnwiki.core.nn.LayerNorm;
import org.nnwiki.core.nn.Linear;
import org.nnwiki.core.nn.Module;
import org.nnwiki.core.nn.MultiHeadAttention;
import org.nnwiki.core.nn.PositionalEncoding;
import org.nnwiki.core.nn.Transformer;

/**
 * The flagship: a small encoder-decoder transformer (pre-norm) with padding and causal masks,
 * trained with teacher forcing and decoded greedily.
 *
 * <pre>{@code
 * var model = new Seq2SeqTransformer(ReversalTask.VOCAB, 64, 4, 2, 128, 16);
 * Tensor loss = model.loss(task.batch(sequences));      // teacher forcing
 * int[][] answers = model.greedy(sources, lengths, 9);  // one token at a time
 * }</pre>
 */
public final class Seq2SeqTransformer extends Module {
    // spotless:off (a page shows this region: it keeps the 90-column layout)
    // region model
    private final Embedding embed;              // one table for source and target tokens
    private final PositionalEncoding position;  // sinusoidal, added to the embeddings
    private final List<Transformer.EncoderLayer> encoder = new ArrayList<>();
    private final List<Transformer.DecoderLayer> decoder = new ArrayList<>();
    private final LayerNorm encoderNorm;        // pre-norm layers need a final norm
    private final LayerNorm decoderNorm;
    private final Linear out;                   // d_model → vocabulary logits

    public Seq2SeqTransformer(int vocab, int dModel, int heads, int layers, int dFF,
            int maxLen) {
        embed = child("embed", new Embedding(vocab, dModel));
        position = child("position", PositionalEncoding.sinusoidal(maxLen, dModel));
        for (int i = 0; i < layers; i++) {
            encoder.add(child("encoder" + i,
                    new Transformer.EncoderLayer(dModel, heads, dFF, 0f, true)));
            decoder.add(child("decoder" + i,
                    new Transformer.DecoderLayer(dModel, heads, dFF, 0f, true)));
        }
        encoderNorm = child("encoderNorm", new LayerNorm(dModel));
        decoderNorm = child("decoderNorm", new LayerNorm(dModel));
        out = child("out", new Linear(dModel, vocab));
    }
    // endregion
    // spotless:on

    // spotless:off (a page shows this region: it keeps the 90-column layout)
    // region forward
    /** Source tokens (N × S) → memory (N, S, D); padded positions are masked out. */
    public Tensor encode(int[] source, int n, int s, Tensor sourceMask) {
        Tensor x = position.forward(embed.forward(source, n, s));
        for (Transformer.EncoderLayer layer : encoder) {
            x = layer.forward(x, sourceMask).output();
        }
        return encoderNorm.forward(x);
    }

    /**
     * Decoder input tokens (N × T) and the memory → logits (N, T, V) and the last
     * cross-attention weights.
     */
    public Decoded decode(int[] target, int n, int t, Tensor memory, Tensor sourceMask) {
        Tensor y = position.forward(embed.forward(target, n, t));
        Tensor causal = MultiHeadAttention.causalMask(t); // i sees positions ≤ i only
        Tensor cross = null;
        for (Transformer.DecoderLayer layer : decoder) {
            Transformer.DecoderLayer.Result r = layer.forward(y, memory, causal, sourceMask);
            y = r.output();
            cross = r.crossWeights();
        }
        return new Decoded(out.forward(decoderNorm.forward(y)), cross);
    }
    // endregion
    // spotless:on

    /** Logits (N, T, V) and the last decoder layer's cross-attention weights (N, heads, T, S). */
    public record Decoded(Tensor logits, Tensor crossWeights) {}

    // spotless:off (a page shows this region: it keeps the 90-column layout)
    // region loss
    /**
     * Teacher forcing: the decoder reads the right answer shifted by one and predicts every
     * next token. Targets that are padding are ignored: predicting PAD after the end token is
     * not part of the task.
     */
    public Tensor loss(ReversalTask.Batch b) {
        Tensor sourceMask = MultiHeadAttention.paddingMask(b.lengths(), b.s());
        Tensor memory = encode(b.source(), b.n(), b.s(), sourceMask);
        Tensor logits = decode(b.decoderInput(), b.n(), b.t(), memory, sourceMask).logits();
        return org.nnwiki.core.nn.Losses.crossEntropy(
                logits.reshape(b.n() * b.t(), logits.size(2)), b.decoderTarget(),
                ReversalTask.PAD);
    }
    // endregion
    // spotless:on

    // spotless:off (a page shows this region: it keeps the 90-column layout)
    // region greedy
    /** Greedy decoding: from BOS, append the likeliest token until EOS or maxSteps tokens. */
    @SuppressWarnings("try")
    public int[][] greedy(int[] source, int[] lengths, int n, int s, int maxSteps) {
        try (Tensor.NoGrad off = Tensor.noGrad()) {
            Tensor sourceMask = MultiHeadAttention.paddingMask(lengths, s);
            Tensor memory = encode(source, n, s, sourceMask);
            int[][] outputs = new int[n][maxSteps + 1];
            for (int[] o : outputs) {
                o[0] = ReversalTask.BOS;
            }
            for (int step = 1; step <= maxSteps; step++) {
                int[] prefix = new int[n * step];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(outputs[i], 0, prefix, i * step, step);
                }
                Tensor logits = decode(prefix, n, step, memory, sourceMask).logits();
                int[] next = logits.slice(1, step - 1, step).reshape(n, logits.size(2))
                        .argmax();
                for (int i = 0; i < n; i++) {
                    outputs[i][step] = next[i];
                }
            }
            int[][] answers = new int[n][];
            for (int i = 0; i < n; i++) {
                answers[i] = java.util.Arrays.copyOfRange(outputs[i], 1, maxSteps + 1);
            }
            return answers;
        }
    }
    // endregion
    // spotless:on
}
