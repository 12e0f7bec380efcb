package org.nnwiki.core.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Gelu} with the Vector API: the scalar definition lane by lane, same operations, same
 * order. Works in blocks: −x²/2 into pdf, e^(−x²/2) in place by {@link VectorExp}'s array loop
 * (arrays, never vectors, cross method boundaries; see there why), then the rest.
 */
final class VectorGelu implements Gelu.Impl {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int BLOCK = 1024;
    private static final VectorExp EXP = new VectorExp();

    @Override
    public void forward(float[] x, float[] y, float[] cdf, float[] pdf, int from, int to) {
        for (int b0 = from; b0 < to; b0 += BLOCK) {
            int b1 = Math.min(to, b0 + BLOCK);
            int upper = b0 + S.loopBound(b1 - b0);
            int i = b0;
            for (; i < upper; i += S.length()) {
                FloatVector xv = FloatVector.fromArray(S, x, i);
                xv.mul(-0.5f).mul(xv).intoArray(pdf, i);
            }
            for (; i < b1; i++) {
                pdf[i] = -0.5f * x[i] * x[i];
            }
            EXP.exp(pdf, b0, pdf, b0, b1 - b0); // e^(−x²/2), same bits in every lane and tail
            block(x, y, cdf, pdf, b0, upper);
            for (i = upper; i < b1; i++) {
                Gelu.scalar(x, y, cdf, pdf, i, pdf[i]);
            }
        }
    }

    /** Elements [from, upper) (a whole number of vectors), with e^(−x²/2) already in pdf. */
    private static void block(float[] x, float[] y, float[] cdf, float[] pdf, int from, int upper) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (int i = from; i < upper; i += S.length()) {
            FloatVector xv = FloatVector.fromArray(S, x, i);
            FloatVector e = FloatVector.fromArray(S, pdf, i);
            FloatVector t = one.div(xv.abs().mul(Gelu.INV_SQRT2).mul(Gelu.P).add(1f));
            FloatVector poly =
                    t.mul(Gelu.A5)
                            .add(Gelu.A4)
                            .mul(t)
                            .add(Gelu.A3)
                            .mul(t)
                            .add(Gelu.A2)
                            .mul(t)
                            .add(Gelu.A1)
                            .mul(t);
            FloatVector erfAbs = one.sub(poly.mul(e));
            VectorMask<Float> negative =
                    xv.reinterpretAsInts().compare(VectorOperators.LT, 0).cast(S);
            FloatVector erf = erfAbs.blend(erfAbs.neg(), negative);
            FloatVector c = erf.add(1f).mul(0.5f);
            c.intoArray(cdf, i);
            e.mul(Gelu.INV_SQRT_2PI).intoArray(pdf, i);
            xv.mul(c).intoArray(y, i);
        }
    }
}
