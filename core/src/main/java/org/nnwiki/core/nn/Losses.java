package org.nnwiki.core.nn;

import org.nnwiki.core.Tensor;

/** Loss functions, composed from tensor operations. */
public final class Losses {
    private Losses() {}

    /**
     * Mean cross-entropy of logits (N, C) against class indices: −mean log softmax(logits)[target].
     */
    public static Tensor crossEntropy(Tensor logits, int[] targets) {
        return logits.logSoftmax(-1).pick(targets).mean().neg();
    }

    /**
     * Mean cross-entropy over the rows whose target is not {@code ignoreIndex} (PyTorch's {@code
     * ignore_index}): padding targets add nothing to the loss or to its gradient, and the mean is
     * over the rows that count.
     */
    public static Tensor crossEntropy(Tensor logits, int[] targets, int ignoreIndex) {
        float[] keep = new float[targets.length];
        int kept = 0;
        for (int i = 0; i < targets.length; i++) {
            if (targets[i] != ignoreIndex) {
                keep[i] = 1;
                kept++;
            }
        }
        if (kept == 0) {
            throw new IllegalArgumentException(
                    "every target is the ignored index " + ignoreIndex + ": nothing to learn from");
        }
        return logits.logSoftmax(-1)
                .pick(targets)
                .mul(Tensor.of(keep, targets.length))
                .sum()
                .div(kept)
                .neg();
    }

    /** Mean squared error. */
    public static Tensor mse(Tensor prediction, Tensor target) {
        return prediction.sub(target).pow(2).mean();
    }

    /** Fraction of rows whose largest logit is the target. */
    public static double accuracy(Tensor logits, int[] targets) {
        int[] pred = logits.argmax();
        int hit = 0;
        for (int i = 0; i < targets.length; i++) {
            hit += pred[i] == targets[i] ? 1 : 0;
        }
        return (double) hit / targets.length;
    }
}
