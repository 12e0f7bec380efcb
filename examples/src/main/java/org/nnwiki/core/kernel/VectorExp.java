package org.nnwiki.core.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** {@link Exp} with the Vector API's lane-wise exponential. */
final class VectorExp implements Exp.Impl {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    @Override
    public void exp(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        int i = 0;
        for (int upper = S.loopBound(n); i < upper; i += S.length()) {
            FloatVector.fromArray(S, src, srcOff + i).lanewise(VectorOperators.EXP).intoArray(dst, dstOff + i);
        }
        for (; i < n; i++) {
            dst[dstOff + i] = (float) Math.exp(src[srcOff + i]);
        }
    }
}
