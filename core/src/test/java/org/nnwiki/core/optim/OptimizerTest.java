package org.nnwiki.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.nnwiki.core.Tensor;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.RMSProp;
import org.tribuo.math.optimisers.SGD;

/**
 * Update rules checked against an independent implementation: Tribuo 4.3.2's SGD, momentum,
 * Nesterov, AdaGrad and RMSProp on the same gradients (Tribuo steps along the negative gradient and
 * adds its update). Its Adam is wrong in 4.3.2, so Adam and AdamW are checked by hand instead.
 */
class OptimizerTest {
    private static final float[] W0 = {0.5f, -1.0f, 2.0f, 0.25f};
    private static final float[][] GRADS = {
        {0.1f, -0.2f, 0.3f, 0.05f}, {-0.4f, 0.1f, 0.2f, 0.3f}, {0.2f, 0.2f, -0.1f, -0.3f}
    };

    private static float[] ours(Function<List<Tensor>, Optimizer> make) {
        Tensor w = Tensor.of(W0.clone(), 2, 2).requiresGrad();
        Optimizer opt = make.apply(List.of(w));
        for (float[] g : GRADS) {
            opt.zeroGrad();
            w.mul(Tensor.of(g.clone(), 2, 2)).sum().backward(); // d(Σ w⊙g)/dw = g
            opt.step();
        }
        return w.toArray();
    }

    private static float[] tribuo(StochasticGradientOptimiser opt) {
        LinearParameters params =
                new LinearParameters(
                        DenseMatrix.createDenseMatrix(
                                new double[][] {{W0[0], W0[1]}, {W0[2], W0[3]}}));
        opt.initialise(params);
        for (float[] g : GRADS) {
            DenseMatrix ascent =
                    DenseMatrix.createDenseMatrix(new double[][] {{-g[0], -g[1]}, {-g[2], -g[3]}});
            params.update(opt.step(new org.tribuo.math.la.Tensor[] {ascent}, 1.0));
        }
        DenseMatrix w = params.getWeightMatrix();
        return new float[] {
            (float) w.get(0, 0), (float) w.get(0, 1), (float) w.get(1, 0), (float) w.get(1, 1)
        };
    }

    @Test
    void sgdMatchesTribuo() {
        assertArrayEquals(tribuo(SGD.getSimpleSGD(0.1)), ours(p -> Optimizers.sgd(p, 0.1)), 1e-6f);
    }

    @Test
    void momentumMatchesTribuo() {
        assertArrayEquals(
                tribuo(SGD.getSimpleSGD(0.1, 0.9, SGD.Momentum.STANDARD)),
                ours(p -> Optimizers.sgd(p, SgdOptions.lr(0.1).momentum(0.9))),
                1e-6f);
    }

    @Test
    void nesterovMatchesTribuo() {
        assertArrayEquals(
                tribuo(SGD.getSimpleSGD(0.1, 0.9, SGD.Momentum.NESTEROV)),
                ours(p -> Optimizers.sgd(p, SgdOptions.lr(0.1).momentum(0.9).nesterov(true))),
                1e-6f);
    }

    @Test
    void adaGradMatchesTribuo() {
        assertArrayEquals(
                tribuo(new AdaGrad(0.1, 1e-6)),
                ours(p -> Optimizers.adaGrad(p, AdaGradOptions.lr(0.1).eps(1e-6))),
                1e-6f);
    }

    @Test
    void rmsPropMatchesTribuo() {
        assertArrayEquals(
                tribuo(new RMSProp(0.01, 0.9, 1e-8, 0)),
                ours(p -> Optimizers.rmsProp(p, RmsPropOptions.lr(0.01).alpha(0.9))),
                1e-5f);
    }

    @Test
    void adamFollowsThePublishedRuleByHand() {
        // Step 1 with bias correction: m̂ = g, v̂ = g², so w ← w − η g / (|g| + ε) = w − η sign(g).
        Tensor w = Tensor.of(new float[] {1f, -2f}, 2).requiresGrad();
        Optimizer adam = Optimizers.adam(List.of(w), 0.1);
        w.mul(Tensor.vector(0.5f, -3f)).sum().backward();
        adam.step();
        assertArrayEquals(new float[] {0.9f, -1.9f}, w.toArray(), 1e-6f);
        // Step 2 with g = (0.5, 1): m = (0.095, −0.17)/(1−0.81) … computed in double below.
        adam.zeroGrad();
        w.mul(Tensor.vector(0.5f, 1f)).sum().backward();
        adam.step();
        double m = 0.9 * 0.1 * 0.5 + 0.1 * 0.5;
        double v = 0.999 * 0.001 * 0.25 + 0.001 * 0.25;
        double w0 = 0.9 - 0.1 * (m / (1 - 0.81)) / (Math.sqrt(v / (1 - 0.998001)) + 1e-8);
        double m1 = 0.9 * 0.1 * -3 + 0.1 * 1;
        double v1 = 0.999 * 0.001 * 9 + 0.001 * 1;
        double w1 = -1.9 - 0.1 * (m1 / (1 - 0.81)) / (Math.sqrt(v1 / (1 - 0.998001)) + 1e-8);
        assertArrayEquals(new float[] {(float) w0, (float) w1}, w.toArray(), 1e-5f);
    }

    @Test
    void adamWDecaysWeightsOutsideTheGradient() {
        // With a zero gradient Adam's step is 0/ε = 0, so only the decoupled decay moves w: w ← w(1
        // − ηλ).
        Tensor w = Tensor.of(new float[] {2f}, 1).requiresGrad();
        Optimizer adamW = Optimizers.adamW(List.of(w), AdamOptions.lr(0.1).weightDecay(0.5));
        w.mul(Tensor.vector(0f)).sum().backward();
        adamW.step();
        assertEquals(2f * (1 - 0.05f), w.toArray()[0], 1e-6f);
        // L2-style Adam instead feeds λw into the moments: the first step moves by η·sign(λw) =
        // 0.1.
        Tensor u = Tensor.of(new float[] {2f}, 1).requiresGrad();
        Optimizer adamL2 =
                Optimizers.adam(
                        List.of(u),
                        AdamOptions.lr(0.1).betas(0.9, 0.999).eps(1e-8).weightDecay(0.5));
        u.mul(Tensor.vector(0f)).sum().backward();
        adamL2.step();
        assertEquals(1.9f, u.toArray()[0], 1e-6f);
    }

    @Test
    void clippingScalesTheJointNorm() {
        Tensor a = Tensor.of(new float[] {0f, 0f}, 2).requiresGrad();
        a.mul(Tensor.vector(3f, 4f)).sum().backward();
        double before = Optimizer.clipGradNorm(List.of(a), 1.0);
        assertEquals(5.0, before, 1e-6);
        assertArrayEquals(new float[] {0.6f, 0.8f}, a.grad().toArray(), 1e-5f);
    }

    @Test
    void schedules() {
        assertEquals(0.025, Schedules.step(0.1, 10, 0.5).at(25), 1e-12);
        assertEquals(0.0, Schedules.cosine(1.0, 0.0, 100).at(100), 1e-12);
        assertEquals(0.5, Schedules.cosine(1.0, 0.0, 100).at(50), 1e-12);
        assertEquals(0.05, Schedules.warmup(10, Schedules.cosine(0.1, 0, 100)).at(4), 1e-12);
    }
}
