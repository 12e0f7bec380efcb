package org.nnwiki.examples.transformer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.nnwiki.core.Rng;

/**
 * A synthetic sequence-to-sequence task: read a string of 3 to 8 digits, write it backwards.
 * Sequences are padded to a fixed length, so every batch needs a padding mask.
 *
 * <pre>{@code
 * ReversalTask task = new ReversalTask(3, 8);
 * List<int[]> train = task.sample(20_000, 1, Set.of());
 * List<int[]> test = task.sample(500, 2, task.asSet(train));    // never seen in training
 * }</pre>
 */
public final class ReversalTask {
    public static final int PAD = 0;
    public static final int BOS = 1;
    public static final int EOS = 2;

    /** PAD, BOS, EOS and the ten digits. */
    public static final int VOCAB = 13;

    private final int minLength;
    private final int maxLength;

    public ReversalTask(int minLength, int maxLength) {
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    public int maxLength() {
        return maxLength;
    }

    /** Token of digit d. */
    public static int token(int digit) {
        return digit + 3;
    }

    /** "4071" for the tokens of 4, 0, 7, 1 (stopping at EOS, skipping PAD and BOS). */
    public static String text(int[] tokens) {
        StringBuilder sb = new StringBuilder();
        for (int t : tokens) {
            if (t == EOS) {
                break;
            }
            if (t >= 3) {
                sb.append((char) ('0' + t - 3));
            }
        }
        return sb.toString();
    }

    /** {@code n} distinct random digit sequences (as tokens), none of them in {@code exclude}. */
    public List<int[]> sample(int n, long seed, Set<String> exclude) {
        Rng rng = Rng.seeded(seed);
        Set<String> seen = new HashSet<>(exclude);
        List<int[]> out = new ArrayList<>();
        while (out.size() < n) {
            int len = minLength + rng.nextInt(maxLength - minLength + 1);
            int[] seq = new int[len];
            for (int i = 0; i < len; i++) {
                seq[i] = token(rng.nextInt(10));
            }
            if (seen.add(text(seq))) {
                out.add(seq);
            }
        }
        return out;
    }

    public Set<String> asSet(List<int[]> sequences) {
        Set<String> set = new HashSet<>();
        sequences.forEach(s -> set.add(text(s)));
        return set;
    }

    /** The right answer: the sequence backwards. */
    public static int[] reversed(int[] seq) {
        int[] r = new int[seq.length];
        for (int i = 0; i < seq.length; i++) {
            r[i] = seq[seq.length - 1 - i];
        }
        return r;
    }

    /**
     * A batch as the model reads it, all padded with PAD.
     *
     * @param source (N × S) the digits, S = max length
     * @param lengths each source's length, for the padding mask
     * @param decoderInput (N × T) BOS then the reversed digits, T = S + 1
     * @param decoderTarget (N × T) the reversed digits then EOS: the decoder input shifted by one
     */
    public record Batch(
            int[] source,
            int[] lengths,
            int[] decoderInput,
            int[] decoderTarget,
            int n,
            int s,
            int t) {}

    public Batch batch(List<int[]> sequences) {
        int n = sequences.size();
        int s = maxLength;
        int t = maxLength + 1;
        int[] src = new int[n * s];
        int[] lengths = new int[n];
        int[] in = new int[n * t];
        int[] target = new int[n * t];
        for (int i = 0; i < n; i++) {
            int[] seq = sequences.get(i);
            int[] rev = reversed(seq);
            lengths[i] = seq.length;
            System.arraycopy(seq, 0, src, i * s, seq.length);
            in[i * t] = BOS;
            System.arraycopy(rev, 0, in, i * t + 1, rev.length);
            System.arraycopy(rev, 0, target, i * t, rev.length);
            target[i * t + rev.length] = EOS;
        }
        return new Batch(src, lengths, in, target, n, s, t);
    }
}
