package org.nnwiki.core.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** {@link Gelu} with the Vector API: the scalar definition lane by lane, same operations, same order. */
final class VectorGelu implements Gelu.Impl {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    @Override
    public void forward(float[] x, float[] y, float[] cdf, float[] pdf, int from, int to) {
        int i = from;
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (int upper = from + S.loopBound(to - from); i < upper; i += S.length()) {
            FloatVector xv = FloatVector.fromArray(S, x, i);
            FloatVector e = VectorExp.exp(xv.mul(-0.5f).mul(xv));
            FloatVector t = one.div(xv.abs().mul(Gelu.INV_SQRT2).mul(Gelu.P).add(1f));
            FloatVector poly = t.mul(Gelu.A5).add(Gelu.A4).mul(t).add(Gelu.A3).mul(t).add(Gelu.A2).mul(t).add(Gelu.A1).mul(t);
            FloatVector erfAbs = one.sub(poly.mul(e));
            VectorMask<Float> negative = xv.reinterpretAsInts().compare(VectorOperators.LT, 0).cast(S);
            FloatVector erf = erfAbs.blend(erfAbs.neg(), negative);
            FloatVector c = erf.add(1f).mul(0.5f);
            c.intoArray(cdf, i);
            e.mul(Gelu.INV_SQRT_2PI).intoArray(pdf, i);
            xv.mul(c).intoArray(y, i);
        }
        for (; i < to; i++) {
            Gelu.scalar(x, y, cdf, pdf, i, VectorExp.scalar(-0.5f * x[i] * x[i]));
        }
    }
}
