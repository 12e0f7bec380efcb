package org.nnwiki.core.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Exp} vectorized with the Vector API's basic arithmetic only. The Vector API's own
 * {@code lanewise(EXP)} is not used: compiled code calls a vector math library while interpreted
 * code calls {@link Math#exp} lane by lane, so its last bit depended on the JIT and two builds of the
 * wiki printed different digits. Adds, multiplies and conversions are exact IEEE operations, so
 * this version gives the same bits compiled or not.
 *
 * <p>The method is the classic one (as in Cephes' expf): e^x = 2^n · e^r with n = round(x·log₂e)
 * and r = x − n·ln 2 (ln 2 split in two parts so the subtraction is exact), e^r from a degree-6
 * polynomial on |r| ≤ ln 2 / 2; about 1 ulp from the correctly rounded result.
 */
final class VectorExp implements Exp.Impl {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    /** Above this e^x overflows float; below the lower bound it is 0 (after the smallest subnormal). */
    private static final float MAX_X = 88.72283905206835f;
    private static final float MIN_X = -103.972077083991796f;
    private static final float ROUNDER = 12582912f;                 // 1.5 · 2²³
    private static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);

    /**
     * The whole computation sits inside this one loop on purpose: a vector passed to or returned
     * from a method that C2 does not inline is boxed on the heap, and whether C2 inlines a method
     * depends on what else has been compiled before (a separately compiled helper once made this
     * loop seven times slower midway through a run).
     */
    @Override
    public void exp(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        int i = 0;
        for (int upper = S.loopBound(n); i < upper; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, src, srcOff + i);
            VectorMask<Float> nan = x.compare(VectorOperators.NE, x);
            VectorMask<Float> over = x.compare(VectorOperators.GT, MAX_X);
            VectorMask<Float> under = x.compare(VectorOperators.LT, MIN_X);
            FloatVector v = x.max(MIN_X).min(MAX_X);
            // n = round(x·log₂e) by the float trick: adding 1.5·2²³ leaves the rounded integer in the low
            // mantissa bits (exact for |x·log₂e| < 2²²), so n is read off the bits without a conversion.
            FloatVector shifted = v.fma(FloatVector.broadcast(S, LOG2E), FloatVector.broadcast(S, ROUNDER));
            FloatVector nf = shifted.sub(ROUNDER);
            IntVector ni = shifted.reinterpretAsInts().sub(ROUNDER_BITS);
            FloatVector r = nf.fma(FloatVector.broadcast(S, -LN2_HI), v);
            r = nf.fma(FloatVector.broadcast(S, -LN2_LO), r);
            FloatVector r2 = r.mul(r);
            FloatVector p = r.fma(1.9875691500E-4f, 1.3981999507E-3f)
                    .fma(r, FloatVector.broadcast(S, 8.3334519073E-3f))
                    .fma(r, FloatVector.broadcast(S, 4.1665795894E-2f))
                    .fma(r, FloatVector.broadcast(S, 1.6666665459E-1f))
                    .fma(r, FloatVector.broadcast(S, 5.0000001201E-1f))
                    .fma(r2, r.add(1f));
            // 2^n as two normal powers of two, so that results down to the subnormal range stay exact.
            IntVector half = ni.lanewise(VectorOperators.ASHR, 1);
            IntVector rest = ni.sub(half);
            FloatVector scale1 = half.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector scale2 = rest.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector result = p.mul(scale1).mul(scale2);
            result = result.blend(Float.POSITIVE_INFINITY, over).blend(0f, under);
            result.blend(x, nan).intoArray(dst, dstOff + i);
        }
        for (; i < n; i++) {
            dst[dstOff + i] = scalar(src[srcOff + i]);
        }
    }

    /** The same computation for one value (array tails), so every element gets the same bits. */
    static float scalar(float x) {
        if (x != x) {
            return x;
        }
        if (x > MAX_X) {
            return Float.POSITIVE_INFINITY;
        }
        if (x < MIN_X) {
            return 0f;
        }
        float shifted = Math.fma(x, LOG2E, ROUNDER);
        float nf = shifted - ROUNDER;
        int n = Float.floatToRawIntBits(shifted) - ROUNDER_BITS;
        float r = Math.fma(nf, -LN2_HI, x);
        r = Math.fma(nf, -LN2_LO, r);
        float r2 = r * r;
        float p = Math.fma(r, 1.9875691500E-4f, 1.3981999507E-3f);
        p = Math.fma(p, r, 8.3334519073E-3f);
        p = Math.fma(p, r, 4.1665795894E-2f);
        p = Math.fma(p, r, 1.6666665459E-1f);
        p = Math.fma(p, r, 5.0000001201E-1f);
        p = Math.fma(p, r2, r + 1f);
        int half = n >> 1;
        return p * Float.intBitsToFloat((half + 127) << 23) * Float.intBitsToFloat((n - half + 127) << 23);
    }
}
