package org.nnwiki.core.kernel;

/**
 * GELU(x) = x · Φ(x) over arrays, with Φ (the standard normal CDF) from the erf approximation of
 * Abramowitz and Stegun 7.1.26 (|error| ≤ 1.5·10⁻⁷), and Φ and the normal density φ kept for the
 * backward pass (GELU′(x) = Φ(x) + x·φ(x)). Vectorized when {@code jdk.incubator.vector} is
 * present: the vector version does {@link #scalar}'s float operations in the same order, lane by
 * lane, with {@link Exp}'s exponential, which has the same bits in every lane, so both give the
 * same bits.
 */
public final class Gelu {
    /** The contract of an implementation: elements [from, to) of x into y, cdf and pdf. */
    interface Impl {
        void forward(float[] x, float[] y, float[] cdf, float[] pdf, int from, int to);
    }

    static final float INV_SQRT2 = (float) (1 / Math.sqrt(2));
    static final float INV_SQRT_2PI = (float) (1 / Math.sqrt(2 * Math.PI));
    static final float P = 0.3275911f;
    static final float A1 = 0.254829592f,
            A2 = -0.284496736f,
            A3 = 1.421413741f,
            A4 = -1.453152027f,
            A5 = 1.061405429f;

    private static final Impl IMPL = load();

    private Gelu() {}

    private static Impl load() {
        return Implementations.vectorOr(
                Impl.class,
                "VectorGelu",
                (x, y, cdf, pdf, from, to) -> {
                    for (int i = from; i < to; i++) {
                        scalar(x, y, cdf, pdf, i, Exp.exp(-0.5f * x[i] * x[i]));
                    }
                });
    }

    /** y = GELU(x), cdf = Φ(x), pdf = φ(x) for elements [from, to). */
    public static void forward(float[] x, float[] y, float[] cdf, float[] pdf, int from, int to) {
        IMPL.forward(x, y, cdf, pdf, from, to);
    }

    /**
     * One element, given e = e^(−x²/2) (computed by the caller's exponential, so the vector
     * version's tail matches its vector lanes): the definition the vector version follows operation
     * by operation.
     */
    static void scalar(float[] x, float[] y, float[] cdf, float[] pdf, int i, float e) {
        float xi = x[i];
        float z = Math.abs(xi) * INV_SQRT2;
        float t = 1f / (1f + P * z);
        float poly = t * (A1 + t * (A2 + t * (A3 + t * (A4 + t * A5))));
        float erfAbs = 1f - poly * e; // erf(|x|/√2)
        float erf = Float.floatToRawIntBits(xi) < 0 ? -erfAbs : erfAbs; // with x's sign bit
        cdf[i] = 0.5f * (1f + erf);
        pdf[i] = e * INV_SQRT_2PI;
        y[i] = xi * cdf[i];
    }
}
