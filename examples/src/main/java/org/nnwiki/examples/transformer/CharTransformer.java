package org.nnwiki.examples.transformer;

import java.util.ArrayList;
import java.util.List;
import org.nnwiki.core.Rng;
import org.nnwiki.core.Tensor;
import org.nnwiki.core.nn.Embedding;
import org.nnwiki.core.nn.LayerNorm;
import org.nnwiki.core.nn.Linear;
import org.nnwiki.core.nn.Losses;
import org.nnwiki.core.nn.Module;
import org.nnwiki.core.nn.MultiHeadAttention;
import org.nnwiki.core.nn.PositionalEncoding;
import org.nnwiki.core.nn.Transformer;

/**
 * A decoder-only character model (GPT's shape at toy size): embeddings plus learned positions, a
 * stack of self-attention blocks under a causal mask, and a linear layer to next-character logits.
 *
 * <pre>{@code
 * var model = new CharTransformer(vocab.size(), 64, 4, 2, 64);
 * Tensor loss = model.loss(windows, 32, 64);          // ids of 32 windows of 65 characters
 * int[] text = model.sample(prompt, 300, 0.8, rng);
 * }</pre>
 */
public final class CharTransformer extends Module {
    private final int context;
    private final Embedding embed;
    private final PositionalEncoding position;
    private final List<Transformer.EncoderLayer> blocks = new ArrayList<>();
    private final LayerNorm norm;
    private final Linear out;

    public CharTransformer(int vocab, int dModel, int heads, int layers, int context) {
        this.context = context;
        embed = child("embed", new Embedding(vocab, dModel));
        position = child("position", PositionalEncoding.learned(context, dModel));
        for (int i = 0; i < layers; i++) {
            // An encoder layer under a causal mask is a decoder-only block: self-attention, then
            // feed-forward.
            blocks.add(
                    child(
                            "block" + i,
                            new Transformer.EncoderLayer(dModel, heads, 4 * dModel, 0f, true)));
        }
        norm = child("norm", new LayerNorm(dModel));
        out = child("out", new Linear(dModel, vocab));
    }

    /** Ids (N × T) → next-character logits (N, T, V). */
    public Tensor forward(int[] ids, int n, int t) {
        Tensor x = position.forward(embed.forward(ids, n, t));
        Tensor causal = MultiHeadAttention.causalMask(t);
        for (Transformer.EncoderLayer block : blocks) {
            x = block.forward(x, causal).output();
        }
        return out.forward(norm.forward(x));
    }

    /**
     * Mean cross-entropy of predicting character i+1 from characters 0..i, for windows of T+1 ids.
     */
    public Tensor loss(int[] windows, int n, int t) {
        int[] input = new int[n * t];
        int[] target = new int[n * t];
        for (int i = 0; i < n; i++) {
            System.arraycopy(windows, i * (t + 1), input, i * t, t);
            System.arraycopy(windows, i * (t + 1) + 1, target, i * t, t);
        }
        Tensor logits = forward(input, n, t);
        return Losses.crossEntropy(logits.reshape(n * t, logits.size(2)), target);
    }

    /**
     * Continues {@code prompt} by {@code length} characters, sampling at {@code temperature} with a
     * seeded generator.
     */
    @SuppressWarnings("try")
    public int[] sample(int[] prompt, int length, double temperature, Rng rng) {
        int[] text = java.util.Arrays.copyOf(prompt, prompt.length + length);
        try (Tensor.NoGrad off = Tensor.noGrad()) {
            for (int pos = prompt.length; pos < text.length; pos++) {
                int from = Math.max(0, pos - context);
                int t = pos - from;
                Tensor logits = forward(java.util.Arrays.copyOfRange(text, from, pos), 1, t);
                float[] last = logits.slice(1, t - 1, t).toArray();
                text[pos] = draw(last, temperature, rng);
            }
        }
        return text;
    }

    private static int draw(float[] logits, double temperature, Rng rng) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = StrictMath.exp((logits[i] - max) / temperature);
            sum += p[i];
        }
        double u = rng.uniform() * sum;
        for (int i = 0; i < p.length; i++) {
            u -= p[i];
            if (u <= 0) {
                return i;
            }
        }
        return p.length - 1;
    }
}
