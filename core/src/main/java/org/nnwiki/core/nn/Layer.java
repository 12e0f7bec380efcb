package org.nnwiki.core.nn;

import org.nnwiki.core.Tensor;

/** A module that maps one tensor to one tensor, so that it can sit in a {@link Sequential}. */
public abstract class Layer extends Module {
    public abstract Tensor forward(Tensor x);
}
