package org.nnwiki.core.nn;

import org.nnwiki.core.Tensor;

/** Max over k×k windows (stride k by default). */
public final class MaxPool2d extends Layer {
    private final int kernel;
    private final int stride;

    public MaxPool2d(int kernel) {
        this(kernel, kernel);
    }

    public MaxPool2d(int kernel, int stride) {
        this.kernel = kernel;
        this.stride = stride;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.maxPool2d(kernel, stride);
    }

    @Override
    public String toString() {
        return "MaxPool2d(" + kernel + (stride != kernel ? ", stride=" + stride : "") + ")";
    }
}
