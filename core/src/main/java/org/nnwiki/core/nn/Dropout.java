package org.nnwiki.core.nn;

import org.nnwiki.core.Tensor;

/** Inverted dropout in training mode; the identity in evaluation mode. */
public final class Dropout extends Layer {
    private final float p;

    public Dropout(float p) {
        this.p = p;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.dropout(p, isTraining());
    }

    @Override
    public String toString() {
        return "Dropout(" + p + ")";
    }
}
