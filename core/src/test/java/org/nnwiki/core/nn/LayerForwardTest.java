package org.nnwiki.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnwiki.core.Tensor;

/**
 * Every layer's forward value on a tiny case with weights set by hand, computed independently in
 * the test with scalar arithmetic; batch normalization's running statistics channel by channel.
 */
class LayerForwardTest {
    private static final float TOL = 1e-5f;

    private static void set(Module m, String name, float... values) {
        Map<String, Tensor> params = m.namedParameters();
        assertTrue(params.containsKey(name), name + " in " + params.keySet());
        params.get(name).assign(values);
    }

    private static double sigmoid(double x) {
        return 1 / (1 + StrictMath.exp(-x));
    }

    @Test
    void linearConvEmbeddingAndPool() {
        Linear lin = new Linear(2, 2);
        set(lin, "weight", 1, 2, -1, 0.5f); // W (out, in)
        set(lin, "bias", 0.5f, -1);
        // x = (3, 4): (1·3 + 2·4 + 0.5, −3 + 2 − 1) = (11.5, −2)
        assertArrayEquals(
                new float[] {11.5f, -2},
                lin.forward(Tensor.of(new float[] {3, 4}, 1, 2)).toArray(),
                TOL);
        assertEquals("Linear(2, 2)", lin.toString());

        Conv2d conv = new Conv2d(1, 1, 2);
        set(conv, "weight", 1, 1, 1, 1);
        set(conv, "bias", -10);
        // 3×3 image 1..9, sums of 2×2 windows 12 16 24 28, minus 10.
        Tensor img = Tensor.arange(9).add(1).reshape(1, 1, 3, 3);
        assertArrayEquals(new float[] {2, 6, 14, 18}, conv.forward(img).toArray(), TOL);

        Embedding emb = new Embedding(3, 2);
        set(emb, "weight", 0, 1, 10, 11, 20, 21);
        Tensor e = emb.forward(new int[] {2, 0, 1, 2}, 2, 2);
        assertArrayEquals(new int[] {2, 2, 2}, e.shape());
        assertArrayEquals(new float[] {20, 21, 0, 1, 10, 11, 20, 21}, e.toArray(), TOL);

        assertArrayEquals(
                new float[] {5, 6, 8, 9}, new MaxPool2d(2, 1).forward(img).toArray(), TOL);
        Sequential seq = new Sequential(conv, Activation.relu(), new MaxPool2d(2));
        assertArrayEquals(new float[] {18}, seq.forward(img).toArray(), TOL);
    }

    @Test
    void batchNorm1dNormalizesEachFeatureAndKeepsRunningStatistics() {
        BatchNorm1d bn = new BatchNorm1d(3);
        // Three features over a batch of 4: means 2.5, 0, 10; biased variances 1.25, 1, 0.
        Tensor x = Tensor.of(new float[] {1, -1, 10, 2, 1, 10, 3, -1, 10, 4, 1, 10}, 4, 3);
        float[] y = bn.forward(x).toArray();
        double[] mean = {2.5, 0, 10};
        double[] var = {1.25, 1, 0};
        float[] in = x.toArray();
        for (int i = 0; i < 12; i++) {
            int c = i % 3;
            assertEquals((in[i] - mean[c]) / Math.sqrt(var[c] + 1e-5), y[i], 1e-4, "output " + i);
        }
        // Running statistics after one step with momentum 0.1: 0.9·0 + 0.1·mean, and 0.9·1 +
        // 0.1·(unbiased
        // variance = biased · 4/3).
        float[] expectedMean = {0.25f, 0, 1};
        float[] expectedVar = {0.9f + 0.1f * 1.25f * 4 / 3, 0.9f + 0.1f * 4 / 3f, 0.9f};
        assertArrayEquals(expectedMean, bn.runningMean(), TOL, "all three running means");
        assertArrayEquals(expectedVar, bn.runningVar(), TOL, "all three running variances");

        // Evaluation uses the running statistics, and does not change them.
        bn.eval();
        float[] z = bn.forward(Tensor.of(new float[] {1, 2, 3}, 1, 3)).toArray();
        for (int c = 0; c < 3; c++) {
            assertEquals(
                    (c + 1 - expectedMean[c]) / Math.sqrt(expectedVar[c] + 1e-5),
                    z[c],
                    1e-4,
                    "eval " + c);
        }
        assertArrayEquals(expectedMean, bn.runningMean(), TOL);
        IllegalArgumentException wrong =
                assertThrows(IllegalArgumentException.class, () -> bn.forward(Tensor.zeros(2, 4)));
        assertEquals("BatchNorm1d(3): expected (N, 3), got [2, 4]", wrong.getMessage());
    }

    @Test
    void batchNorm2dUsesEveryPositionOfAChannel() {
        BatchNorm2d bn = new BatchNorm2d(2);
        // Batch of 1, channel 0 holds 0, 2, 4, 6 (mean 3, variance 5), channel 1 holds 1
        // everywhere.
        Tensor x = Tensor.of(new float[] {0, 2, 4, 6, 1, 1, 1, 1}, 1, 2, 2, 2);
        float[] y = bn.forward(x).toArray();
        for (int i = 0; i < 4; i++) {
            assertEquals((2 * i - 3) / Math.sqrt(5 + 1e-5), y[i], 1e-4);
            assertEquals(0, y[4 + i], 1e-4);
        }
        assertArrayEquals(new float[] {0.3f, 0.1f}, bn.runningMean(), TOL);
        assertArrayEquals(new float[] {0.9f + 0.1f * 5 * 4 / 3f, 0.9f}, bn.runningVar(), TOL);
        assertThrows(IllegalArgumentException.class, () -> bn.forward(Tensor.zeros(2, 2)));
    }

    @Test
    void layerNormAndDropoutLayers() {
        LayerNorm ln = new LayerNorm(2);
        set(ln, "weight", 2, 3);
        set(ln, "bias", 0, 1);
        // (1, 3): mean 2, variance 1, x̂ = (−1, 1)/√(1 + ε); then (2·x̂₀, 3·x̂₁ + 1).
        float n = (float) (1 / Math.sqrt(1 + 1e-5));
        assertArrayEquals(
                new float[] {-2 * n, 3 * n + 1},
                ln.forward(Tensor.of(new float[] {1, 3}, 1, 2)).toArray(),
                TOL);
        Dropout drop = new Dropout(0.5f);
        Tensor x = Tensor.ones(1000);
        drop.eval();
        assertArrayEquals(
                x.toArray(), drop.forward(x).toArray(), "evaluation mode passes the input through");
        drop.train();
        float[] y = drop.forward(x).toArray();
        int zeros = 0;
        for (float v : y) {
            zeros += v == 0 ? 1 : 0;
            assertTrue(v == 0 || v == 2f, "dropped, or kept and doubled: " + v);
        }
        assertTrue(zeros > 400 && zeros < 600, zeros + " of 1000 dropped at p = 0.5");
    }

    @Test
    void recurrentLayersFollowTheirEquations() {
        // One input and one hidden unit, two steps x = (0.5, −1), every weight set by hand.
        Tensor x = Tensor.of(new float[] {0.5f, -1}, 1, 2, 1);
        double[] xs = {0.5, -1};

        RNN rnn = new RNN(1, 1);
        set(rnn, "cell.ih.weight", 0.8f);
        set(rnn, "cell.ih.bias", 0.1f);
        set(rnn, "cell.hh.weight", -0.5f);
        set(rnn, "cell.hh.bias", 0.2f);
        double h = 0;
        float[] expected = new float[2];
        for (int t = 0; t < 2; t++) {
            h = StrictMath.tanh(0.8 * xs[t] + 0.1 - 0.5 * h + 0.2);
            expected[t] = (float) h;
        }
        Recurrent.Output out = rnn.forward(x);
        assertArrayEquals(new int[] {1, 2, 1}, out.outputs().shape());
        assertArrayEquals(expected, out.outputs().toArray(), TOL);
        assertEquals(expected[1], out.h().item(), TOL);

        LSTM lstm = new LSTM(1, 1);
        set(lstm, "cell.ih.weight", 0.5f, -0.5f, 1, 0.25f); // gates i, f, g, o
        set(lstm, "cell.ih.bias", 0, 1, 0, 0); // the forget gate's bias starts at 1
        set(lstm, "cell.hh.weight", 0.1f, 0.2f, 0.3f, 0.4f);
        h = 0;
        double c = 0;
        for (int t = 0; t < 2; t++) {
            double i = sigmoid(0.5 * xs[t] + 0.1 * h), f = sigmoid(-0.5 * xs[t] + 1 + 0.2 * h);
            double g = StrictMath.tanh(xs[t] + 0.3 * h), o = sigmoid(0.25 * xs[t] + 0.4 * h);
            c = f * c + i * g;
            h = o * StrictMath.tanh(c);
            expected[t] = (float) h;
        }
        out = lstm.forward(x);
        assertArrayEquals(expected, out.outputs().toArray(), TOL);
        assertEquals(c, out.c().item(), TOL);

        GRU gru = new GRU(1, 1);
        set(gru, "cell.ih.weight", 0.5f, -0.5f, 1); // r, z, n
        set(gru, "cell.ih.bias", 0.1f, 0.2f, 0.3f);
        set(gru, "cell.hh.weight", 0.4f, 0.3f, 0.2f);
        set(gru, "cell.hh.bias", 0, 0.1f, -0.1f);
        h = 0;
        for (int t = 0; t < 2; t++) {
            double r = sigmoid(0.5 * xs[t] + 0.1 + 0.4 * h),
                    z = sigmoid(-0.5 * xs[t] + 0.2 + 0.3 * h + 0.1);
            double nn = StrictMath.tanh(xs[t] + 0.3 + r * (0.2 * h - 0.1));
            h = (1 - z) * nn + z * h;
            expected[t] = (float) h;
        }
        assertArrayEquals(expected, gru.forward(x).outputs().toArray(), TOL);
    }
}
