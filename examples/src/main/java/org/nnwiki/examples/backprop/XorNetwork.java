package org.nnwiki.examples.backprop;

import java.util.Random;

/**
 * A 2-2-1 network with sigmoid units, trained on XOR with binary cross-entropy, its backward pass
 * written by hand. Pages include its regions; {@link #gradientCheck} compares the hand-written
 * gradients with finite differences.
 *
 * <pre>{@code
 * XorNetwork net = new XorNetwork(7);
 * double loss = net.trainStep(XorNetwork.INPUTS, XorNetwork.TARGETS, 1.0);
 * }</pre>
 */
public final class XorNetwork {
    /** The four XOR inputs and their targets. */
    public static final double[][] INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

    public static final double[] TARGETS = {0, 1, 1, 0};

    /** Parameter names in the order of {@link #get(int)}. */
    public static final String[] NAMES = {
        "W1[0][0]", "W1[0][1]", "W1[1][0]", "W1[1][1]", "b1[0]", "b1[1]", "w2[0]", "w2[1]", "b2"
    };

    // spotless:off (a page shows this region: it keeps the 90-column layout)
    // region parameters
    final double[][] w1 = new double[2][2]; // hidden weights: w1[j][i] is input i → unit j
    final double[] b1 = new double[2];      // hidden biases
    final double[] w2 = new double[2];      // output weights
    double b2;                              // output bias
    // endregion
    // spotless:on

    /** Weights uniform in [-1, 1) from a seeded generator, biases zero. */
    public XorNetwork(long seed) {
        Random rng = new Random(seed);
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < 2; i++) {
                w1[j][i] = 2 * rng.nextDouble() - 1;
            }
            w2[j] = 2 * rng.nextDouble() - 1;
        }
    }

    static double sigmoid(double z) {
        return 1 / (1 + StrictMath.exp(-z));
    }

    /** Everything the forward pass computed, kept for the backward pass. */
    public record Forward(double[] x, double[] h, double y) {}

    // spotless:off (a page shows this region: it keeps the 90-column layout)
    // region forward
    public Forward forward(double[] x) {
        double[] h = new double[2];
        for (int j = 0; j < 2; j++) {
            double z1 = w1[j][0] * x[0] + w1[j][1] * x[1] + b1[j];
            h[j] = sigmoid(z1);
        }
        double z2 = w2[0] * h[0] + w2[1] * h[1] + b2;
        double y = sigmoid(z2);
        return new Forward(x, h, y);
    }
    // endregion
    // spotless:on

    /** Binary cross-entropy of one prediction. */
    static double loss(double y, double t) {
        double eps = 1e-12;
        return -(t * StrictMath.log(y + eps) + (1 - t) * StrictMath.log(1 - y + eps));
    }

    /** Gradients of the loss with respect to each parameter, shaped like the parameters. */
    public static final class Gradients {
        final double[][] w1 = new double[2][2];
        final double[] b1 = new double[2];
        final double[] w2 = new double[2];
        double b2;
    }

    // spotless:off (a page shows this region: it keeps the 90-column layout)
    // region backward
    /** Adds one example's gradient to {@code g}: the chain rule from the output back. */
    void backward(Forward f, double t, Gradients g) {
        // Sigmoid and cross-entropy together: dL/dz2 = y - t (the sigmoid's y(1-y)
        // cancels).
        double dz2 = f.y() - t;
        for (int j = 0; j < 2; j++) {
            g.w2[j] += dz2 * f.h()[j];                  // z2 = w2·h + b2
        }
        g.b2 += dz2;
        for (int j = 0; j < 2; j++) {
            double dh = dz2 * w2[j];                    // how the loss changes with h_j
            double dz1 = dh * f.h()[j] * (1 - f.h()[j]); // sigmoid'(z1) = h(1-h)
            g.w1[j][0] += dz1 * f.x()[0];
            g.w1[j][1] += dz1 * f.x()[1];
            g.b1[j] += dz1;
        }
    }
    // endregion
    // spotless:on

    /** Mean loss over a data set. */
    public double loss(double[][] xs, double[] ts) {
        double sum = 0;
        for (int n = 0; n < xs.length; n++) {
            sum += loss(forward(xs[n]).y(), ts[n]);
        }
        return sum / xs.length;
    }

    /** Gradients of the mean loss over a data set, as a flat array in {@link #NAMES} order. */
    public double[] gradients(double[][] xs, double[] ts) {
        Gradients g = new Gradients();
        for (int n = 0; n < xs.length; n++) {
            backward(forward(xs[n]), ts[n], g);
        }
        double[] flat = {
            g.w1[0][0], g.w1[0][1], g.w1[1][0], g.w1[1][1], g.b1[0], g.b1[1], g.w2[0], g.w2[1], g.b2
        };
        for (int i = 0; i < flat.length; i++) {
            flat[i] /= xs.length;
        }
        return flat;
    }

    // spotless:off (a page shows this region: it keeps the 90-column layout)
    // region train-step
    /** One step of full-batch gradient descent; returns the loss before the step. */
    public double trainStep(double[][] xs, double[] ts, double learningRate) {
        double loss = loss(xs, ts);
        double[] grad = gradients(xs, ts);
        for (int i = 0; i < grad.length; i++) {
            set(i, get(i) - learningRate * grad[i]);
        }
        return loss;
    }
    // endregion
    // spotless:on

    // spotless:off (a page shows this region: it keeps the 90-column layout)
    // region gradient-check
    /** Central differences (L(θ + ε) − L(θ − ε)) / 2ε for each parameter θ, in order. */
    public double[] numericalGradients(double[][] xs, double[] ts, double eps) {
        double[] grad = new double[NAMES.length];
        for (int i = 0; i < grad.length; i++) {
            double saved = get(i);
            set(i, saved + eps);
            double plus = loss(xs, ts);
            set(i, saved - eps);
            double minus = loss(xs, ts);
            set(i, saved);
            grad[i] = (plus - minus) / (2 * eps);
        }
        return grad;
    }

    /** The largest relative difference of two gradients: |a − n| / max(|a|, |n|, 1e-8). */
    public static double maxRelativeError(double[] analytic, double[] numeric) {
        double worst = 0;
        for (int i = 0; i < analytic.length; i++) {
            double scale = Math.max(Math.abs(analytic[i]), Math.abs(numeric[i]));
            scale = Math.max(scale, 1e-8);
            worst = Math.max(worst, Math.abs(analytic[i] - numeric[i]) / scale);
        }
        return worst;
    }
    // endregion
    // spotless:on

    /** Parameter {@code i} in {@link #NAMES} order. */
    public double get(int i) {
        return switch (i) {
            case 0, 1, 2, 3 -> w1[i / 2][i % 2];
            case 4, 5 -> b1[i - 4];
            case 6, 7 -> w2[i - 6];
            case 8 -> b2;
            default ->
                    throw new IndexOutOfBoundsException("parameter " + i + " of " + NAMES.length);
        };
    }

    public void set(int i, double v) {
        switch (i) {
            case 0, 1, 2, 3 -> w1[i / 2][i % 2] = v;
            case 4, 5 -> b1[i - 4] = v;
            case 6, 7 -> w2[i - 6] = v;
            case 8 -> b2 = v;
            default ->
                    throw new IndexOutOfBoundsException("parameter " + i + " of " + NAMES.length);
        }
    }

    /** The network's output for a point, for drawing decision regions. */
    public double predict(double x1, double x2) {
        return forward(new double[] {x1, x2}).y();
    }
}
