package org.nnwiki.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * conv2d's forward and all three gradients against the definition written as plain loops, for the
 * stride-1 "shifted rows" path (several kernel shapes and paddings) and the im2col path (stride 2,
 * padding larger than the kernel).
 */
class ConvolutionTest {

    static Stream<Arguments> geometries() {
        // n, c, h, w, o, kh, kw, stride, pad
        return Stream.of(
                Arguments.of(3, 2, 7, 9, 5, 3, 3, 1, 1),
                Arguments.of(2, 3, 6, 5, 4, 5, 3, 1, 0),
                Arguments.of(2, 1, 5, 5, 6, 3, 3, 1, 2),
                Arguments.of(9, 4, 4, 4, 7, 1, 1, 1, 0),
                Arguments.of(17, 8, 14, 14, 16, 3, 3, 1, 1),
                Arguments.of(2, 2, 7, 8, 3, 3, 3, 2, 1),
                Arguments.of(1, 2, 5, 5, 2, 2, 2, 1, 3));
    }

    @ParameterizedTest(name = "n={0} c={1} {2}×{3} o={4} k={5}×{6} stride={7} pad={8}")
    @MethodSource("geometries")
    void matchesTheDefinition(
            int n, int c, int h, int w, int o, int kh, int kw, int stride, int pad) {
        Rng.manualSeed(n * 1000 + c * 100 + kh * 10 + pad);
        Tensor x = Tensor.randn(n, c, h, w).requiresGrad();
        Tensor k = Tensor.randn(o, c, kh, kw).requiresGrad();
        Tensor b = Tensor.randn(o).requiresGrad();
        Tensor y = x.conv2d(k, b, stride, pad);
        int oh = (h + 2 * pad - kh) / stride + 1, ow = (w + 2 * pad - kw) / stride + 1;
        assertEquals(
                java.util.List.of(n, o, oh, ow),
                java.util.Arrays.stream(y.shape()).boxed().toList());
        float[] g = Tensor.randn(n, o, oh, ow).data;
        y.backward(g);

        float[] out = new float[n * o * oh * ow];
        float[] dx = new float[x.data.length];
        float[] dk = new float[k.data.length];
        float[] db = new float[o];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < o; f++) {
                for (int yo = 0; yo < oh; yo++) {
                    for (int xo = 0; xo < ow; xo++) {
                        int at = ((i * o + f) * oh + yo) * ow + xo;
                        double sum = b.data[f];
                        db[f] += g[at];
                        for (int ch = 0; ch < c; ch++) {
                            for (int u = 0; u < kh; u++) {
                                for (int v = 0; v < kw; v++) {
                                    int iy = yo * stride - pad + u, ix = xo * stride - pad + v;
                                    if (iy < 0 || iy >= h || ix < 0 || ix >= w) {
                                        continue;
                                    }
                                    int xi = ((i * c + ch) * h + iy) * w + ix;
                                    int ki = ((f * c + ch) * kh + u) * kw + v;
                                    sum += (double) x.data[xi] * k.data[ki];
                                    dx[xi] += g[at] * k.data[ki];
                                    dk[ki] += g[at] * x.data[xi];
                                }
                            }
                        }
                        out[at] = (float) sum;
                    }
                }
            }
        }
        assertClose("output", out, y.data);
        assertClose("dx", dx, x.grad().data);
        assertClose("dw", dk, k.grad().data);
        assertClose("db", db, b.grad().data);
    }

    private static void assertClose(String what, float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            float tolerance = 1e-4f * (1 + Math.abs(expected[i]));
            if (Math.abs(expected[i] - actual[i]) > tolerance) {
                throw new AssertionError(
                        what + "[" + i + "]: expected " + expected[i] + " but was " + actual[i]);
            }
        }
    }
}
