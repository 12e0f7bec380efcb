package org.nnwiki.examples.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.nnwiki.core.Rng;
import org.nnwiki.core.Tensor;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.classification.example.ConcentricCirclesDataSource;
import org.tribuo.classification.example.NoisyInterlockingCrescentsDataSource;

/**
 * A labelled 2-D point set, from Tribuo's seeded data sources (the same points every build).
 *
 * <pre>{@code
 * Points moons = Points.moons(400, 0.15, 1);    // two interleaved crescents, shuffled
 * Points.Split s = moons.split(0.25, 7);        // 300 to train on, 100 to test
 * Tensor x = s.train().x();                     // [300, 2]
 * }</pre>
 *
 * @param xy the points, one row per point
 * @param labels the class of each point (0 or 1)
 */
public record Points(double[][] xy, int[] labels) {

    /** Two interleaved crescents with Gaussian noise: not separable by a straight line. */
    public static Points moons(int n, double noise, long seed) {
        // Tribuo yields the crescents class by class: shuffle so that batches mix them.
        return of(new NoisyInterlockingCrescentsDataSource(n, seed, noise).iterator())
                .shuffled(seed);
    }

    /**
     * A disc of one class inside a ring of the other, half the points each (radius of the disc:
     * {@code radius}).
     */
    public static Points circles(int n, double radius, long seed) {
        return of(new ConcentricCirclesDataSource(n, seed, radius, 0.5).iterator()).shuffled(seed);
    }

    private static Points of(Iterator<Example<Label>> examples) {
        List<double[]> xy = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> names = new ArrayList<>();
        examples.forEachRemaining(
                e -> {
                    double[] p = new double[2];
                    for (Feature f : e) {
                        p[f.getName().endsWith("2") ? 1 : 0] = f.getValue();
                    }
                    String name = e.getOutput().getLabel();
                    if (!names.contains(name)) {
                        names.add(name);
                    }
                    xy.add(p);
                    labels.add(names.indexOf(name));
                });
        // Class numbers in a fixed order, whatever order Tribuo's classes came in.
        List<String> sorted = names.stream().sorted().toList();
        int[] y = new int[labels.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = sorted.indexOf(names.get(labels.get(i)));
        }
        return new Points(xy.toArray(double[][]::new), y);
    }

    /** The same points in a seeded random order. */
    public Points shuffled(long seed) {
        Rng rng = Rng.seeded(seed);
        int[] order = new int[labels.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) { // Fisher–Yates
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double[][] p = new double[order.length][];
        int[] y = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            p[i] = xy[order[i]];
            y[i] = labels[order[i]];
        }
        return new Points(p, y);
    }

    public int size() {
        return labels.length;
    }

    /** The points as a float32 tensor of shape [n, 2]. */
    public Tensor x() {
        float[] data = new float[xy.length * 2];
        for (int i = 0; i < xy.length; i++) {
            data[2 * i] = (float) xy[i][0];
            data[2 * i + 1] = (float) xy[i][1];
        }
        return Tensor.of(data, xy.length, 2);
    }

    /**
     * A train/test split: the first part trains, the rest tests (the points are already shuffled).
     */
    public record Split(Points train, Points test) {}

    public Split split(double testFraction, long seed) {
        Points s = shuffled(seed);
        int nTest = (int) Math.round(s.size() * testFraction);
        int nTrain = s.size() - nTest;
        return new Split(s.range(0, nTrain), s.range(nTrain, s.size()));
    }

    private Points range(int from, int to) {
        return new Points(
                java.util.Arrays.copyOfRange(xy, from, to),
                java.util.Arrays.copyOfRange(labels, from, to));
    }
}
