package org.nnwiki.core.optim;

import org.nnwiki.core.Tensor;

/** In-place access to a parameter's values and gradient for the update rules. */
final class ParameterAccess {
    private ParameterAccess() {}

    static float[] data(Tensor p) {
        return Tensor.Internals.data(p);
    }

    static float[] gradient(Tensor p) {
        return Tensor.Internals.grad(p);
    }
}
