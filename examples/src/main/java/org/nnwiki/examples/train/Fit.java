package org.nnwiki.examples.train;

import java.util.ArrayList;
import java.util.List;
import org.nnwiki.core.Rng;
import org.nnwiki.core.Tensor;
import org.nnwiki.core.data.Batches;
import org.nnwiki.core.nn.Layer;
import org.nnwiki.core.nn.Losses;
import org.nnwiki.core.optim.Optimizer;

/**
 * The mini-batch training loop the wiki's classification pages share: shuffle, forward, loss,
 * backward, step; after every epoch, the mean training loss and the test accuracy.
 *
 * <pre>{@code
 * Fit.History h = Fit.classifier(model, optimizer, xTrain, yTrain, xTest, yTest, 10, 64, 1);
 * show(LineChart.of("Loss").series("train", h.trainLoss()));
 * }</pre>
 */
public final class Fit {
    private Fit() {}

    /**
     * What happened per epoch.
     *
     * @param trainLoss mean cross-entropy over the epoch's batches
     * @param testAccuracy accuracy on the test set after the epoch
     * @param millis wall-clock training time (evaluation excluded)
     */
    public record History(double[] trainLoss, double[] testAccuracy, long millis) {
        public double finalAccuracy() {
            return testAccuracy[testAccuracy.length - 1];
        }
    }

    public static History classifier(
            Layer model,
            Optimizer optimizer,
            Tensor xTrain,
            int[] yTrain,
            Tensor xTest,
            int[] yTest,
            int epochs,
            int batchSize,
            long seed) {
        Rng rng = Rng.seeded(seed);
        double[] losses = new double[epochs];
        double[] accuracy = new double[epochs];
        long nanos = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            long t0 = System.nanoTime();
            model.train();
            // spotless:off (a page shows this region: it keeps the 90-column layout)
            // region epoch
            double sum = 0;
            int batches = 0;
            for (Batches.Batch batch : Batches.shuffled(xTrain, yTrain, batchSize, rng)) {
                optimizer.zeroGrad();
                Tensor loss = Losses.crossEntropy(model.forward(batch.x()), batch.y());
                loss.backward();
                optimizer.step();
                sum += loss.item();
                batches++;
            }
            // endregion
            // spotless:on
            nanos += System.nanoTime() - t0;
            losses[epoch] = sum / batches;
            accuracy[epoch] = accuracy(model, xTest, yTest);
        }
        return new History(losses, accuracy, nanos / 1_000_000);
    }

    /** Accuracy in evaluation mode, without building a graph, in batches of 500. */
    public static double accuracy(Layer model, Tensor x, int[] y) {
        int[] predicted = predict(model, x);
        int right = 0;
        for (int i = 0; i < y.length; i++) {
            right += predicted[i] == y[i] ? 1 : 0;
        }
        return (double) right / y.length;
    }

    /** The predicted class of every row of x, in evaluation mode. */
    @SuppressWarnings("try")
    public static int[] predict(Layer model, Tensor x) {
        boolean wasTraining = model.isTraining();
        model.eval();
        List<int[]> parts = new ArrayList<>();
        int n = x.size(0);
        try (Tensor.NoGrad off = Tensor.noGrad()) {
            for (int from = 0; from < n; from += 500) {
                parts.add(model.forward(x.slice(0, from, Math.min(n, from + 500))).argmax());
            }
        } finally {
            if (wasTraining) {
                model.train();
            }
        }
        return parts.stream().flatMapToInt(java.util.Arrays::stream).toArray();
    }
}
