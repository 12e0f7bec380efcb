package org.nnwiki.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A finite-difference check of every differentiable operation, one line per operation. Each output
 * is weighted by fixed random numbers before summing, so a wrong gradient cannot hide behind a
 * symmetric loss.
 */
class OpGradientTest {

    private record Case(String name, int[][] shapes, Function<List<Tensor>, Tensor> op) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case c(String name, Function<List<Tensor>, Tensor> op, int[]... shapes) {
        return new Case(name, shapes, op);
    }

    static Stream<Arguments> cases() {
        Tensor mask = Tensor.matrix(new float[][] {{0, 1, 0}, {1, 0, 0}});
        return Stream.of(
                        c("add", t -> t.get(0).add(t.get(1)), new int[] {2, 3}, new int[] {2, 3}),
                        c(
                                "add broadcast row",
                                t -> t.get(0).add(t.get(1)),
                                new int[] {4, 3},
                                new int[] {3}),
                        c(
                                "add broadcast column",
                                t -> t.get(0).add(t.get(1)),
                                new int[] {4, 3},
                                new int[] {4, 1}),
                        c(
                                "sub broadcast",
                                t -> t.get(0).sub(t.get(1)),
                                new int[] {2, 1, 3},
                                new int[] {4, 1}),
                        c(
                                "mul broadcast",
                                t -> t.get(0).mul(t.get(1)),
                                new int[] {2, 3},
                                new int[] {1, 3}),
                        c(
                                "div",
                                t -> t.get(0).div(t.get(1).pow(2).add(1f)),
                                new int[] {2, 3},
                                new int[] {2, 3}),
                        c("scalar ops", t -> t.get(0).mul(3f).add(1f).neg(), new int[] {5}),
                        c("pow", t -> t.get(0).pow(2).add(1f).pow(1.5f), new int[] {2, 3}),
                        c("exp", t -> t.get(0).exp(), new int[] {2, 3}),
                        c("log", t -> t.get(0).pow(2).add(0.5f).log(), new int[] {2, 3}),
                        c("sqrt", t -> t.get(0).pow(2).add(0.5f).sqrt(), new int[] {2, 3}),
                        c("tanh", t -> t.get(0).tanh(), new int[] {2, 3}),
                        c("sigmoid", t -> t.get(0).sigmoid(), new int[] {2, 3}),
                        c("relu", t -> t.get(0).relu(), new int[] {3, 4}),
                        c("leakyRelu", t -> t.get(0).leakyRelu(0.1f), new int[] {3, 4}),
                        c("gelu", t -> t.get(0).gelu(), new int[] {3, 4}),
                        c("maskedFill", t -> t.get(0).maskedFill(mask, -5f), new int[] {2, 3}),
                        c("sum all", t -> t.get(0).sum(), new int[] {2, 3}),
                        c("sum axis", t -> t.get(0).sum(1, false), new int[] {2, 3, 4}),
                        c("mean axis keepDim", t -> t.get(0).mean(-1, true), new int[] {2, 3, 4}),
                        c("max axis", t -> t.get(0).max(0, false), new int[] {3, 4}),
                        c("softmax", t -> t.get(0).softmax(-1), new int[] {2, 5}),
                        c("softmax middle axis", t -> t.get(0).softmax(1), new int[] {2, 3, 2}),
                        c("logSoftmax", t -> t.get(0).logSoftmax(-1), new int[] {3, 4}),
                        c(
                                "matmul",
                                t -> t.get(0).matmul(t.get(1)),
                                new int[] {3, 4},
                                new int[] {4, 5}),
                        c(
                                "matmul batched rows",
                                t -> t.get(0).matmul(t.get(1)),
                                new int[] {2, 3, 4},
                                new int[] {4, 2}),
                        c(
                                "batched matmul",
                                t -> t.get(0).matmul(t.get(1)),
                                new int[] {2, 3, 4},
                                new int[] {2, 4, 5}),
                        c(
                                "matmulT batched",
                                t -> t.get(0).matmulT(t.get(1)),
                                new int[] {2, 3, 4},
                                new int[] {2, 5, 4}),
                        c("reshape", t -> t.get(0).reshape(3, -1).tanh(), new int[] {2, 3, 2}),
                        c("transpose", t -> t.get(0).transpose(0, 2), new int[] {2, 3, 4}),
                        c("permute", t -> t.get(0).permute(2, 0, 1), new int[] {2, 3, 4}),
                        c("slice", t -> t.get(0).slice(1, 1, 3), new int[] {2, 4, 2}),
                        c(
                                "cat",
                                t -> Tensor.cat(List.of(t.get(0), t.get(1)), 1),
                                new int[] {2, 2},
                                new int[] {2, 3}),
                        c(
                                "stack",
                                t -> Tensor.stack(List.of(t.get(0), t.get(1)), 0),
                                new int[] {2, 3},
                                new int[] {2, 3}),
                        c(
                                "indexSelect",
                                t -> t.get(0).indexSelect(new int[] {2, 0, 2}),
                                new int[] {4, 3}),
                        c("pick", t -> t.get(0).pick(new int[] {1, 0, 2}), new int[] {3, 4}),
                        c(
                                "layerNorm",
                                t -> t.get(0).layerNorm(t.get(1), t.get(2), 1e-5f),
                                new int[] {3, 5},
                                new int[] {5},
                                new int[] {5}),
                        c(
                                "conv2d",
                                t -> t.get(0).conv2d(t.get(1), t.get(2), 1, 1),
                                new int[] {2, 2, 5, 5},
                                new int[] {3, 2, 3, 3},
                                new int[] {3}),
                        c(
                                "conv2d large filter bank",
                                t -> t.get(0).conv2d(t.get(1), t.get(2), 1, 1),
                                new int[] {1, 4, 4, 4},
                                new int[] {8, 4, 3, 3},
                                new int[] {8}),
                        c(
                                "conv2d 3×2 kernel, no padding",
                                t -> t.get(0).conv2d(t.get(1), t.get(2), 1, 0),
                                new int[] {2, 3, 5, 6},
                                new int[] {5, 3, 3, 2},
                                new int[] {5}),
                        c(
                                "conv2d padding 2",
                                t -> t.get(0).conv2d(t.get(1), null, 1, 2),
                                new int[] {1, 2, 4, 3},
                                new int[] {3, 2, 3, 3}),
                        c(
                                "conv2d strided",
                                t -> t.get(0).conv2d(t.get(1), null, 2, 0),
                                new int[] {1, 2, 6, 6},
                                new int[] {2, 2, 2, 2}),
                        c("maxPool2d", t -> t.get(0).maxPool2d(2, 2), new int[] {1, 2, 4, 4}),
                        c("avgPool2d", t -> t.get(0).avgPool2d(2, 2), new int[] {1, 2, 4, 4}))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientMatchesFiniteDifferences(Case c) {
        Rng.manualSeed(c.name().hashCode());
        List<Tensor> inputs = new ArrayList<>();
        for (int[] s : c.shapes()) {
            inputs.add(Tensor.randn(s).requiresGrad());
        }
        Tensor probe = c.op().apply(inputs);
        Tensor weights = Tensor.randn(probe.shape());
        GradCheck.Result r =
                GradCheck.check(() -> c.op().apply(inputs).mul(weights).sum(), inputs, 1e-2);
        assertTrue(r.passed(2e-2), c.name() + ": " + r);
    }
}
