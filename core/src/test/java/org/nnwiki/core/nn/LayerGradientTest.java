package org.nnwiki.core.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nnwiki.core.GradCheck;
import org.nnwiki.core.Rng;
import org.nnwiki.core.Tensor;

/** A finite-difference check of every layer, through all its parameters and its input. */
class LayerGradientTest {

    private record Case(String name, Supplier<Object[]> build) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Builds (module, input, loss supplier). */
    private static Case c(String name, Supplier<Object[]> build) {
        return new Case(name, build);
    }

    private static Object[] of(Module m, Tensor x, Supplier<Tensor> loss) {
        return new Object[] {m, x, loss};
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                        c(
                                "Linear",
                                () -> {
                                    Linear l = new Linear(4, 3);
                                    Tensor x = Tensor.randn(5, 4).requiresGrad();
                                    Tensor w = Tensor.randn(5, 3);
                                    return of(l, x, () -> l.forward(x).mul(w).sum());
                                }),
                        c(
                                "MLP",
                                () -> {
                                    Sequential s =
                                            new Sequential(
                                                    new Linear(3, 6),
                                                    Activation.tanh(),
                                                    new Linear(6, 2));
                                    Tensor x = Tensor.randn(4, 3).requiresGrad();
                                    return of(
                                            s,
                                            x,
                                            () ->
                                                    Losses.crossEntropy(
                                                            s.forward(x), new int[] {0, 1, 1, 0}));
                                }),
                        // Max pooling is checked as an operation; here its kinks would make finite
                        // differences jump.
                        c(
                                "Conv2d + Linear",
                                () -> {
                                    Sequential s =
                                            new Sequential(
                                                    new Conv2d(2, 3, 3, 1, 1),
                                                    Activation.tanh(),
                                                    Activation.flatten(),
                                                    new Linear(48, 2));
                                    Tensor x = Tensor.randn(2, 2, 4, 4).requiresGrad();
                                    return of(
                                            s,
                                            x,
                                            () ->
                                                    Losses.crossEntropy(
                                                            s.forward(x), new int[] {1, 0}));
                                }),
                        c(
                                "LayerNorm",
                                () -> {
                                    LayerNorm n = new LayerNorm(5);
                                    Rng.manualSeed(3);
                                    n.gamma.set(1.5f, 0);
                                    Tensor x = Tensor.randn(3, 5).requiresGrad();
                                    Tensor w = Tensor.randn(3, 5);
                                    return of(n, x, () -> n.forward(x).mul(w).sum());
                                }),
                        c(
                                "BatchNorm1d",
                                () -> {
                                    BatchNorm n = new BatchNorm1d(3);
                                    Tensor x = Tensor.randn(6, 3).requiresGrad();
                                    Tensor w = Tensor.randn(6, 3);
                                    return of(n, x, () -> n.forward(x).mul(w).sum());
                                }),
                        c(
                                "BatchNorm2d",
                                () -> {
                                    BatchNorm n = new BatchNorm2d(2);
                                    Tensor x = Tensor.randn(3, 2, 2, 2).requiresGrad();
                                    Tensor w = Tensor.randn(3, 2, 2, 2);
                                    return of(n, x, () -> n.forward(x).mul(w).sum());
                                }),
                        c(
                                "Embedding",
                                () -> {
                                    Embedding e = new Embedding(5, 3);
                                    Tensor w = Tensor.randn(2, 2, 3);
                                    return of(
                                            e,
                                            null,
                                            () ->
                                                    e.forward(new int[] {1, 4, 1, 0}, 2, 2)
                                                            .mul(w)
                                                            .sum());
                                }),
                        c("RNN", () -> sequence(new RNN(3, 4))),
                        c("LSTM", () -> sequence(new LSTM(3, 4))),
                        c("GRU", () -> sequence(new GRU(3, 4))),
                        c(
                                "MultiHeadAttention causal",
                                () -> {
                                    MultiHeadAttention a = new MultiHeadAttention(4, 2);
                                    Tensor x = Tensor.randn(2, 3, 4).requiresGrad();
                                    Tensor w = Tensor.randn(2, 3, 4);
                                    return of(
                                            a,
                                            x,
                                            () ->
                                                    a.forward(
                                                                    x,
                                                                    x,
                                                                    x,
                                                                    MultiHeadAttention.causalMask(
                                                                            3))
                                                            .output()
                                                            .mul(w)
                                                            .sum());
                                }),
                        c(
                                "MultiHeadAttention padding",
                                () -> {
                                    MultiHeadAttention a = new MultiHeadAttention(4, 2);
                                    Tensor q = Tensor.randn(2, 2, 4).requiresGrad();
                                    Tensor kv = Tensor.randn(2, 3, 4);
                                    Tensor w = Tensor.randn(2, 2, 4);
                                    return of(
                                            a,
                                            q,
                                            () ->
                                                    a.forward(
                                                                    q,
                                                                    kv,
                                                                    kv,
                                                                    MultiHeadAttention.paddingMask(
                                                                            new int[] {3, 2}, 3))
                                                            .output()
                                                            .mul(w)
                                                            .sum());
                                }),
                        c(
                                "Transformer encoder layer (pre-norm)",
                                () -> {
                                    Transformer.EncoderLayer e =
                                            new Transformer.EncoderLayer(4, 2, 8, 0f, true);
                                    Tensor x = Tensor.randn(2, 3, 4).requiresGrad();
                                    Tensor w = Tensor.randn(2, 3, 4);
                                    return of(e, x, () -> e.forward(x, null).output().mul(w).sum());
                                }),
                        c(
                                "Transformer decoder layer (post-norm)",
                                () -> {
                                    Transformer.DecoderLayer d =
                                            new Transformer.DecoderLayer(4, 2, 8, 0f, false);
                                    Tensor y = Tensor.randn(2, 3, 4).requiresGrad();
                                    Tensor mem = Tensor.randn(2, 2, 4);
                                    Tensor w = Tensor.randn(2, 3, 4);
                                    return of(
                                            d,
                                            y,
                                            () ->
                                                    d.forward(
                                                                    y,
                                                                    mem,
                                                                    MultiHeadAttention.causalMask(
                                                                            3),
                                                                    null)
                                                            .output()
                                                            .mul(w)
                                                            .sum());
                                }),
                        c(
                                "Learned positional encoding",
                                () -> {
                                    PositionalEncoding p = PositionalEncoding.learned(5, 4);
                                    Tensor x = Tensor.randn(2, 3, 4).requiresGrad();
                                    Tensor w = Tensor.randn(2, 3, 4);
                                    return of(p, x, () -> p.forward(x).tanh().mul(w).sum());
                                }),
                        c(
                                "MSE loss",
                                () -> {
                                    Linear l = new Linear(2, 2);
                                    Tensor x = Tensor.randn(3, 2).requiresGrad();
                                    Tensor t = Tensor.randn(3, 2);
                                    return of(l, x, () -> Losses.mse(l.forward(x), t));
                                }))
                .map(Arguments::of);
    }

    private static Object[] sequence(Recurrent r) {
        Tensor x = Tensor.randn(2, 4, 3).requiresGrad();
        Tensor w = Tensor.randn(2, 4, 4);
        return of(r, x, () -> r.forward(x).outputs().mul(w).sum());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void gradientMatchesFiniteDifferences(Case c) {
        Rng.manualSeed(c.name().hashCode());
        Object[] built = c.build().get();
        Module m = (Module) built[0];
        Tensor x = (Tensor) built[1];
        Supplier<Tensor> loss = (Supplier<Tensor>) built[2];
        List<Tensor> params = new java.util.ArrayList<>(m.parameters());
        if (x != null) {
            params.add(x);
        }
        GradCheck.Result r = GradCheck.check(loss, params, 1e-2);
        assertTrue(r.passed(3e-2), c.name() + ": " + r);
    }
}
