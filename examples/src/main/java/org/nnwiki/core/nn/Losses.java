package org.nnwiki.core.nn;

import org.nnwiki.core.Tensor;

/** Loss functions, composed from tensor operations. */
public final class Losses {
    private Losses() {}

    /** Mean cross-entropy of logits (N, C) against class indices: −mean log softmax(logits)[target]. */
    public static Tensor crossEntropy(Tensor logits, int[] targets) {
        return logits.logSoftmax(-1).pick(targets).mean().neg();
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
