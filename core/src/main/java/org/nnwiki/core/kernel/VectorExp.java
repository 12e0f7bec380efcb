package org.nnwiki.core.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Exp} vectorized with the Vector API's basic arithmetic only. The Vector API's own {@code
 * lanewise(EXP)} is not used: compiled code calls a vector math library while interpreted code
 * calls {@link Math#exp} lane by lane, so its last bit depended on the JIT and two builds of the
 * wiki printed different digits. Adds, multiplies and conversions are exact IEEE operations, so
 * this version gives the same bits compiled or not.
 *
 * <p>Lane by lane it is {@link Exp#exp(float)}, operation for operation (see there for the method),
 * so array tails computed by that scalar form get the same bits as the vector lanes.
 */
final class VectorExp implements Exp.Impl {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private static final float LOG2E = Exp.LOG2E, LN2_HI = Exp.LN2_HI, LN2_LO = Exp.LN2_LO;
    private static final float MAX_X = Exp.MAX_X, MIN_X = Exp.MIN_X, ROUNDER = Exp.ROUNDER;
    private static final int ROUNDER_BITS = Exp.ROUNDER_BITS;

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
            // n = round(x·log₂e) by the float trick: adding 1.5·2²³ leaves the rounded integer in
            // the low
            // mantissa bits (exact for |x·log₂e| < 2²²), so n is read off the bits without a
            // conversion.
            FloatVector shifted =
                    v.fma(FloatVector.broadcast(S, LOG2E), FloatVector.broadcast(S, ROUNDER));
            FloatVector nf = shifted.sub(ROUNDER);
            IntVector ni = shifted.reinterpretAsInts().sub(ROUNDER_BITS);
            FloatVector r = nf.fma(FloatVector.broadcast(S, -LN2_HI), v);
            r = nf.fma(FloatVector.broadcast(S, -LN2_LO), r);
            FloatVector r2 = r.mul(r);
            FloatVector p =
                    r.fma(Exp.P0, Exp.P1)
                            .fma(r, FloatVector.broadcast(S, Exp.P2))
                            .fma(r, FloatVector.broadcast(S, Exp.P3))
                            .fma(r, FloatVector.broadcast(S, Exp.P4))
                            .fma(r, FloatVector.broadcast(S, Exp.P5))
                            .fma(r2, r.add(1f));
            // 2^n as two normal powers of two, so that results down to the subnormal range stay
            // exact.
            IntVector half = ni.lanewise(VectorOperators.ASHR, 1);
            IntVector rest = ni.sub(half);
            FloatVector scale1 =
                    half.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector scale2 =
                    rest.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector result = p.mul(scale1).mul(scale2);
            result = result.blend(Float.POSITIVE_INFINITY, over).blend(0f, under);
            result.blend(x, nan).intoArray(dst, dstOff + i);
        }
        for (; i < n; i++) {
            dst[dstOff + i] = Exp.exp(src[srcOff + i]);
        }
    }
}
