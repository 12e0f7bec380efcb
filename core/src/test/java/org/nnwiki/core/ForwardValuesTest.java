package org.nnwiki.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every operation's forward value on a tiny case worked out by hand (in the comments). The gradient
 * tests compare backward with finite differences of forward, so a wrong forward whose backward is
 * wrong the same way passes them; these pin the forward values themselves, the shapes, and the
 * error messages, which must name the shapes.
 */
class ForwardValuesTest {
    private static final float EPS = 1e-6f;

    private static Tensor m(float... values) {
        return Tensor.vector(values);
    }

    private static void values(Tensor t, int[] shape, float... expected) {
        assertArrayEquals(shape, t.shape(), "shape");
        assertArrayEquals(expected, t.toArray(), 1e-5f);
    }

    @Test
    void elementwiseArithmeticBroadcastsTrailingAxes() {
        Tensor a = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        values(
                a.add(m(10, 20, 30)),
                new int[] {2, 3},
                11,
                22,
                33,
                14,
                25,
                36); // row vector to each row
        values(
                a.sub(Tensor.of(new float[] {1, 4}, 2, 1)),
                new int[] {2, 3},
                0,
                1,
                2,
                0,
                1,
                2); // column to each column
        values(
                Tensor.of(new float[] {1, 2}, 2, 1).mul(m(3, 4, 5)),
                new int[] {2, 3},
                3,
                4,
                5,
                6,
                8,
                10); // outer
        values(a.div(m(1, 2, 4)), new int[] {2, 3}, 1, 1, 0.75f, 4, 2.5f, 1.5f);
        values(
                a.add(2).mul(0.5f).sub(1).div(2),
                new int[] {2, 3},
                0.25f,
                0.5f,
                0.75f,
                1f,
                1.25f,
                1.5f);
        values(a.neg(), new int[] {2, 3}, -1, -2, -3, -4, -5, -6);
        values(
                Tensor.scalar(2).mul(a),
                new int[] {2, 3},
                2,
                4,
                6,
                8,
                10,
                12); // a scalar tensor broadcasts too
    }

    @Test
    void broadcastingErrorsNameBothShapes() {
        Tensor a = Tensor.zeros(2, 3);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> a.add(Tensor.zeros(4)));
        assertEquals("add: shapes (2, 3) and (4,) cannot be broadcast together", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> a.mul(Tensor.zeros(3, 2)));
        assertTrue(e.getMessage().contains("(2, 3) and (3, 2)"), e.getMessage());
    }

    @Test
    void unaryFunctions() {
        Tensor x = m(-2, 0, 1);
        values(x.relu(), new int[] {3}, 0, 0, 1);
        values(x.leakyRelu(0.1f), new int[] {3}, -0.2f, 0, 1);
        values(x.exp(), new int[] {3}, (float) StrictMath.exp(-2), 1, (float) StrictMath.E);
        values(x.tanh(), new int[] {3}, (float) StrictMath.tanh(-2), 0, (float) StrictMath.tanh(1));
        values(
                x.sigmoid(),
                new int[] {3},
                (float) (1 / (1 + StrictMath.exp(2))),
                0.5f,
                (float) (1 / (1 + StrictMath.exp(-1))));
        // GELU: x·Φ(x), Φ the standard normal CDF: Φ(−2) = 0.0227501, Φ(1) = 0.8413447.
        values(x.gelu(), new int[] {3}, -2 * 0.0227501f, 0, 0.8413447f);
        Tensor p = m(1, 4, 9);
        values(p.sqrt(), new int[] {3}, 1, 2, 3);
        values(p.log(), new int[] {3}, 0, (float) StrictMath.log(4), (float) StrictMath.log(9));
        values(p.pow(1.5f), new int[] {3}, 1, 8, 27);
        values(x.maskedFill(m(1, 0, 1), -9), new int[] {3}, -9, 0, -9);
    }

    @Test
    void reductionsOverAllAndOneAxis() {
        Tensor a = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        values(a.sum(), new int[] {}, 21);
        values(a.mean(), new int[] {}, 3.5f);
        values(a.sum(0, false), new int[] {3}, 5, 7, 9);
        values(a.sum(1, true), new int[] {2, 1}, 6, 15);
        values(a.mean(-1, false), new int[] {2}, 2, 5); // negative axes count from the end
        values(Tensor.of(new float[] {3, 1, 2, 0, 5, 4}, 2, 3).max(1, false), new int[] {2}, 3, 5);
        assertArrayEquals(
                new int[] {0, 1}, Tensor.of(new float[] {3, 1, 2, 0, 5, 4}, 2, 3).argmax());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> a.sum(2, false));
        assertTrue(
                e.getMessage().contains("axis 2 out of range for a tensor of rank 2"),
                e.getMessage());
    }

    @Test
    void softmaxAndLogSoftmaxAreNormalizedAndShiftInvariant() {
        // softmax(0, ln 2, ln 3) = (1, 2, 3)/6; adding 1000 to every logit changes nothing (and
        // does not overflow).
        Tensor logits =
                Tensor.of(
                        new float[] {
                            0,
                            (float) StrictMath.log(2),
                            (float) StrictMath.log(3),
                            1000,
                            1000 + (float) StrictMath.log(2),
                            1000 + (float) StrictMath.log(3)
                        },
                        2,
                        3);
        float[] s = logits.softmax(1).toArray();
        float[] expected = {1 / 6f, 2 / 6f, 3 / 6f};
        for (int i = 0; i < 6; i++) {
            assertEquals(
                    expected[i % 3], s[i], 1e-3, "softmax " + i); // 1000 + ln 2 rounds in float32
        }
        float[] ls = logits.logSoftmax(1).toArray();
        assertEquals((float) StrictMath.log(1 / 6.0), ls[0], 1e-5);
        assertEquals((float) StrictMath.log(3 / 6.0), ls[2], 1e-5);
        values(
                Tensor.of(new float[] {1, 1, 1, 1}, 2, 2).softmax(0),
                new int[] {2, 2},
                0.5f,
                0.5f,
                0.5f,
                0.5f);
    }

    @Test
    void matrixProducts() {
        Tensor a = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor b = Tensor.of(new float[] {1, 0, 0, 1, 1, 1}, 3, 2);
        // [1 2 3; 4 5 6] · [1 0; 0 1; 1 1] = [4 5; 10 11]
        values(a.matmul(b), new int[] {2, 2}, 4, 5, 10, 11);
        values(a.matmulT(b.transpose(0, 1)), new int[] {2, 2}, 4, 5, 10, 11);
        // Batched: each of the two (1, 3) rows times the same-index (3, 1) column.
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 1, 3);
        Tensor y = Tensor.of(new float[] {1, 1, 1, 0, 1, 0}, 2, 3, 1);
        values(x.matmul(y), new int[] {2, 1, 1}, 6, 5);
        // linear: x Wᵀ + b with W (out 2, in 3).
        Tensor w = Tensor.of(new float[] {1, 0, 0, 0, 1, 1}, 2, 3);
        values(a.linear(w, m(0.5f, -1)), new int[] {2, 2}, 1.5f, 4, 4.5f, 10);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> a.matmul(a));
        assertEquals("matmul: shapes (2, 3) and (2, 3) do not align (3 ≠ 2)", e.getMessage());
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Tensor.zeros(2, 2, 3).matmul(Tensor.zeros(3, 3, 2)));
        assertEquals("matmul: batch dimensions of (2, 2, 3) and (3, 3, 2) differ", e.getMessage());
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Tensor.zeros(2, 2, 3).matmulT(Tensor.zeros(1, 2, 2, 3)));
        assertTrue(e.getMessage().startsWith("matmulT:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> a.linear(Tensor.zeros(2, 4), null));
        assertTrue(
                e.getMessage().contains("input (2, 3) does not fit weight (2, 4)"), e.getMessage());
    }

    @Test
    void layerNormNormalizesTheLastAxis() {
        // Row (1, 2, 3): mean 2, biased variance 2/3, so (−1, 0, 1)/√(2/3 + ε) = ±1.2247357; then
        // γ·x̂ + β.
        Tensor x = Tensor.of(new float[] {1, 2, 3, 10, 10, 10}, 2, 3);
        float n = (float) (1 / Math.sqrt(2.0 / 3 + 1e-5));
        values(
                x.layerNorm(Tensor.ones(3), Tensor.zeros(3), 1e-5f),
                new int[] {2, 3},
                -n,
                0,
                n,
                0,
                0,
                0);
        values(
                x.layerNorm(m(2, 2, 2), m(1, 1, 1), 1e-5f),
                new int[] {2, 3},
                1 - 2 * n,
                1,
                1 + 2 * n,
                1,
                1,
                1);
    }

    @Test
    void shapingMovesValuesWhereTheyBelong() {
        Tensor a = Tensor.arange(6).reshape(2, 3); // [0 1 2; 3 4 5]
        values(a.reshape(3, -1), new int[] {3, 2}, 0, 1, 2, 3, 4, 5);
        values(a.transpose(0, 1), new int[] {3, 2}, 0, 3, 1, 4, 2, 5);
        values(
                Tensor.arange(6).reshape(1, 2, 3).permute(2, 0, 1),
                new int[] {3, 1, 2},
                0,
                3,
                1,
                4,
                2,
                5);
        values(a.slice(1, 1, 3), new int[] {2, 2}, 1, 2, 4, 5);
        values(a.indexSelect(new int[] {1, 1, 0}), new int[] {3, 3}, 3, 4, 5, 3, 4, 5, 0, 1, 2);
        values(a.pick(new int[] {2, 0}), new int[] {2}, 2, 3);
        values(
                Tensor.cat(List.of(a, a.add(10)), 1),
                new int[] {2, 6},
                0,
                1,
                2,
                10,
                11,
                12,
                3,
                4,
                5,
                13,
                14,
                15);
        values(Tensor.stack(List.of(m(1, 2), m(3, 4)), 1), new int[] {2, 2}, 1, 3, 2, 4);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> a.reshape(4, 2));
        assertEquals("reshape: cannot view (2, 3) (6 elements) as (4, 2)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> a.slice(1, 2, 4));
        assertTrue(
                e.getMessage().contains("[2, 4) out of range for axis 1 of size 3"),
                e.getMessage());
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Tensor.cat(List.of(a, Tensor.zeros(2, 2)), 0));
        assertTrue(e.getMessage().contains("(2, 3) and (2, 2) differ off axis 0"), e.getMessage());
    }

    @Test
    void convolutionAndPooling() {
        // A 3×3 image 1..9 and a 2×2 kernel [1 0; 0 −1]: each output is top-left minus bottom-right
        // = −4.
        Tensor img = Tensor.arange(9).add(1).reshape(1, 1, 3, 3);
        Tensor k = Tensor.of(new float[] {1, 0, 0, -1}, 1, 1, 2, 2);
        values(img.conv2d(k, m(0.5f), 1, 0), new int[] {1, 1, 2, 2}, -3.5f, -3.5f, -3.5f, -3.5f);
        // Padding 1, stride 2: the kernel's top-left at padded (0, 0), (0, 2), (2, 0), (2, 2),
        // where the
        // zero border meets the image: 0 − 1 = −1, 0 − 3 = −3, 0 − 7 = −7, and inside 5 − 9 = −4.
        values(img.conv2d(k, null, 2, 1), new int[] {1, 1, 2, 2}, -1, -3, -7, -4);
        // Rows 1 5 2 0 / 3 4 8 1 / 0 0 7 6 / 1 2 9 3, in 2×2 windows: max 5 8 2 9, mean 13/4 11/4
        // 3/4 25/4.
        Tensor x =
                Tensor.of(new float[] {1, 5, 2, 0, 3, 4, 8, 1, 0, 0, 7, 6, 1, 2, 9, 3}, 1, 1, 4, 4);
        values(x.maxPool2d(2, 2), new int[] {1, 1, 2, 2}, 5, 8, 2, 9);
        values(x.avgPool2d(2, 2), new int[] {1, 1, 2, 2}, 3.25f, 2.75f, 0.75f, 6.25f);
    }

    @Test
    void dropoutKeepsAboutOneMinusPAndScalesWhatItKeeps() {
        Rng.manualSeed(42);
        int n = 100_000;
        float p = 0.3f;
        Tensor x = Tensor.ones(n).requiresGrad();
        Tensor y = x.dropout(p, true);
        float[] out = y.toArray();
        int kept = 0;
        for (float v : out) {
            if (v != 0) {
                assertEquals(1 / (1 - p), v, EPS, "a kept value is scaled by 1/(1 − p)");
                kept++;
            }
        }
        // Binomial(n, 0.7): standard deviation √(n·0.7·0.3) ≈ 145; five of them is 725.
        assertEquals(0.7 * n, kept, 725, "kept share");
        y.sum().backward();
        assertArrayEquals(
                out,
                x.grad().toArray(),
                EPS,
                "the gradient goes through the same mask, scaled the same");
        Tensor z = Tensor.of(new float[] {1, 2, 3}, 3);
        assertArrayEquals(
                z.toArray(), z.dropout(p, false).toArray(), "identity in evaluation mode");
        assertArrayEquals(z.toArray(), z.dropout(0, true).toArray(), "identity at p = 0");
        assertThrows(IllegalArgumentException.class, () -> z.dropout(1, true));
        Rng.manualSeed(42);
        assertArrayEquals(
                out, Tensor.ones(n).dropout(p, true).toArray(), "the same seed, the same mask");
    }
}
