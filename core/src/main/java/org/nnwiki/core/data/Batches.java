package org.nnwiki.core.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.nnwiki.core.Rng;
import org.nnwiki.core.Tensor;

/**
 * Mini-batches of a data set (x (N, …), integer labels y), reshuffled each epoch from a seeded
 * generator.
 *
 * <pre>{@code
 * for (Batches.Batch b : Batches.shuffled(x, y, 64, rng)) { ... b.x() ... b.y() ... }
 * }</pre>
 */
public final class Batches implements Iterable<Batches.Batch> {

    /** One mini-batch. */
    public record Batch(Tensor x, int[] y) {}

    private final Tensor x;
    private final int[] y;
    private final int size;
    private final Rng rng;

    private Batches(Tensor x, int[] y, int size, Rng rng) {
        if (x.size(0) != y.length) {
            throw new IllegalArgumentException(
                    "Batches: " + x.size(0) + " examples but " + y.length + " labels");
        }
        this.x = x;
        this.y = y;
        this.size = size;
        this.rng = rng;
    }

    /**
     * Batches in a new random order each time they are iterated (the last batch may be smaller).
     */
    public static Batches shuffled(Tensor x, int[] y, int size, Rng rng) {
        return new Batches(x, y, size, rng);
    }

    @Override
    public Iterator<Batch> iterator() {
        int n = y.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (rng != null) {
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        List<Batch> batches = new ArrayList<>();
        for (int start = 0; start < n; start += size) {
            int[] idx = java.util.Arrays.copyOfRange(order, start, Math.min(n, start + size));
            int[] by = new int[idx.length];
            for (int i = 0; i < idx.length; i++) {
                by[i] = y[idx[i]];
            }
            batches.add(new Batch(x.detach().indexSelect(idx), by));
        }
        return batches.iterator();
    }

    /** A split into a training part and a test part, after a seeded shuffle. */
    public record Split(Tensor trainX, int[] trainY, Tensor testX, int[] testY) {}

    public static Split trainTestSplit(Tensor x, int[] y, double testFraction, Rng rng) {
        int n = y.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int test = (int) Math.round(n * testFraction);
        int[] testIdx = java.util.Arrays.copyOfRange(order, 0, test);
        int[] trainIdx = java.util.Arrays.copyOfRange(order, test, n);
        return new Split(
                x.detach().indexSelect(trainIdx),
                pick(y, trainIdx),
                x.detach().indexSelect(testIdx),
                pick(y, testIdx));
    }

    private static int[] pick(int[] y, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = y[idx[i]];
        }
        return out;
    }

    /** (N, classes) with a 1 at each label. */
    public static Tensor oneHot(int[] labels, int classes) {
        Tensor t = Tensor.zeros(labels.length, classes);
        for (int i = 0; i < labels.length; i++) {
            t.set(1f, i, labels[i]);
        }
        return t;
    }
}
