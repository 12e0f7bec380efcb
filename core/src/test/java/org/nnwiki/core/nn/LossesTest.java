package org.nnwiki.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nnwiki.core.Tensor;

/**
 * Loss values against the formula computed by hand in double precision, and which rows get
 * gradient.
 */
class LossesTest {
    private static final float[][] LOGITS = {{2, 0, -1}, {0.5f, 0.5f, 3}, {-2, 1, 0}, {0, 0, 0}};

    private static double logSoftmax(float[] row, int k) {
        double max = Math.max(row[0], Math.max(row[1], row[2]));
        double sum = 0;
        for (float v : row) {
            sum += StrictMath.exp(v - max);
        }
        return row[k] - max - StrictMath.log(sum);
    }

    @Test
    void crossEntropyIsTheMeanNegativeLogProbabilityOfTheTargets() {
        int[] targets = {0, 2, 1, 1};
        double expected = 0;
        for (int i = 0; i < 4; i++) {
            expected -= logSoftmax(LOGITS[i], targets[i]) / 4;
        }
        assertEquals(expected, Losses.crossEntropy(Tensor.matrix(LOGITS), targets).item(), 1e-6);
    }

    @Test
    void anIgnoredTargetAddsNothingToTheLossOrItsGradient() {
        int[] targets = {0, 2, 0, 1}; // rows 0 and 2 are padding (index 0)
        double expected = -(logSoftmax(LOGITS[1], 2) + logSoftmax(LOGITS[3], 1)) / 2;
        Tensor logits = Tensor.matrix(LOGITS).requiresGrad();
        Tensor loss = Losses.crossEntropy(logits, targets, 0);
        assertEquals(expected, loss.item(), 1e-6, "the mean is over the two rows that count");
        loss.backward();
        float[] g = logits.grad().toArray();
        for (int c = 0; c < 3; c++) {
            assertEquals(0f, g[c], "row 0 is ignored");
            assertEquals(0f, g[6 + c], "row 2 is ignored");
        }
        // d/dz of -log softmax(z)[k] / 2 is (softmax(z) - onehot(k)) / 2 for the rows that count.
        double p = StrictMath.exp(logSoftmax(LOGITS[3], 1));
        assertEquals((p - 1) / 2, g[9 + 1], 1e-6);
        // Nothing ignored: the same as the two-argument loss.
        assertEquals(
                Losses.crossEntropy(Tensor.matrix(LOGITS), new int[] {0, 2, 1, 1}).item(),
                Losses.crossEntropy(Tensor.matrix(LOGITS), new int[] {0, 2, 1, 1}, -100).item(),
                1e-7);
        assertThrows(
                IllegalArgumentException.class,
                () -> Losses.crossEntropy(Tensor.matrix(LOGITS), new int[] {0, 0, 0, 0}, 0));
    }
}
