package org.nnwiki.core.nn;

import org.nnwiki.core.Tensor;

/**
 * Weight initializations (Glorot and Bengio 2010; He et al. 2015), from the core's seeded
 * generator.
 */
public final class Init {
    private Init() {}

    /**
     * Xavier/Glorot uniform: U(−a, a) with a = √(6 / (fanIn + fanOut)); keeps variance for tanh.
     */
    public static Tensor xavierUniform(int fanIn, int fanOut, int... shape) {
        float a = (float) Math.sqrt(6.0 / (fanIn + fanOut));
        return Tensor.uniform(-a, a, shape);
    }

    /** He/Kaiming normal: N(0, 2 / fanIn); keeps variance through ReLUs. */
    public static Tensor kaimingNormal(int fanIn, int... shape) {
        return Tensor.randn(shape).mul((float) Math.sqrt(2.0 / fanIn));
    }

    /** PyTorch's default for Linear and Conv2d: U(−1/√fanIn, 1/√fanIn). */
    public static Tensor uniformFanIn(int fanIn, int... shape) {
        float a = (float) (1 / Math.sqrt(fanIn));
        return Tensor.uniform(-a, a, shape);
    }
}
