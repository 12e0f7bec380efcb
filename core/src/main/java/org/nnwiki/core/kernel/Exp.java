package org.nnwiki.core.kernel;

/**
 * e^x in float, with one formula everywhere: {@link #exp(float)} is the definition, and the array
 * form runs it vectorized ({@link VectorExp}, when {@code jdk.incubator.vector} is present) or in a
 * plain loop, with the same bits either way. {@link Math#exp} is not used: its last bit may differ
 * between CPUs, JDKs and the interpreter and compiled code. Softmax, sigmoid, tanh and GELU spend
 * most of their time here.
 *
 * <p>The method is the classic one (as in Cephes' expf): e^x = 2^n · e^r with n = round(x·log₂e)
 * and r = x − n·ln 2 (ln 2 split in two parts so the subtraction is exact), e^r from a degree-6
 * polynomial on |r| ≤ ln 2 / 2, all in fused multiply-adds and exact IEEE operations; about 1 ulp
 * from the correctly rounded result.
 */
public final class Exp {
    /** The contract of an implementation: dst[i] = e^src[i] for i in [0, n). */
    interface Impl {
        void exp(float[] src, int srcOff, float[] dst, int dstOff, int n);
    }

    static final float LOG2E = 1.44269504088896341f;
    static final float LN2_HI = 0.693359375f;
    static final float LN2_LO = -2.12194440e-4f;

    /**
     * Above this e^x overflows float; below the lower bound it is 0 (after the smallest subnormal).
     */
    static final float MAX_X = 88.72283905206835f;

    static final float MIN_X = -103.972077083991796f;
    static final float ROUNDER = 12582912f; // 1.5 · 2²³
    static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);
    static final float P0 = 1.9875691500E-4f, P1 = 1.3981999507E-3f, P2 = 8.3334519073E-3f;
    static final float P3 = 4.1665795894E-2f, P4 = 1.6666665459E-1f, P5 = 5.0000001201E-1f;

    private static final Impl IMPL = load();

    private Exp() {}

    private static Impl load() {
        return Implementations.vectorOr(
                Impl.class,
                "VectorExp",
                (src, srcOff, dst, dstOff, n) -> {
                    for (int i = 0; i < n; i++) {
                        dst[dstOff + i] = exp(src[srcOff + i]);
                    }
                });
    }

    /** dst[i] = e^src[i] for the first n elements (src and dst may be the same array). */
    public static void exp(float[] src, float[] dst, int n) {
        IMPL.exp(src, 0, dst, 0, n);
    }

    /** dst[dstOff + i] = e^src[srcOff + i] for i in [0, n). */
    public static void exp(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        IMPL.exp(src, srcOff, dst, dstOff, n);
    }

    /** e^x for one value: the definition every lane follows. */
    public static float exp(float x) {
        if (x != x) {
            return x;
        }
        if (x > MAX_X) {
            return Float.POSITIVE_INFINITY;
        }
        if (x < MIN_X) {
            return 0f;
        }
        // n = round(x·log₂e) by the float trick: adding 1.5·2²³ leaves the rounded integer in the
        // low
        // mantissa bits (exact for |x·log₂e| < 2²²), so n is read off the bits without a
        // conversion.
        float shifted = Math.fma(x, LOG2E, ROUNDER);
        float nf = shifted - ROUNDER;
        int n = Float.floatToRawIntBits(shifted) - ROUNDER_BITS;
        float r = Math.fma(nf, -LN2_HI, x);
        r = Math.fma(nf, -LN2_LO, r);
        float r2 = r * r;
        float p = Math.fma(r, P0, P1);
        p = Math.fma(p, r, P2);
        p = Math.fma(p, r, P3);
        p = Math.fma(p, r, P4);
        p = Math.fma(p, r, P5);
        p = Math.fma(p, r2, r + 1f);
        // 2^n as two normal powers of two, so that results down to the subnormal range stay exact.
        int half = n >> 1;
        return p
                * Float.intBitsToFloat((half + 127) << 23)
                * Float.intBitsToFloat((n - half + 127) << 23);
    }
}
