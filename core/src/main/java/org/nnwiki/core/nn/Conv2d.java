package org.nnwiki.core.nn;

import org.nnwiki.core.Tensor;

/** 2-D convolution layer: (N, C, H, W) → (N, O, H', W'), weights (O, C, k, k). */
public final class Conv2d extends Layer {
    public final Tensor weight;
    public final Tensor bias;
    private final int stride;
    private final int padding;

    public Conv2d(int in, int out, int kernel) {
        this(in, out, kernel, 1, 0);
    }

    public Conv2d(int in, int out, int kernel, int stride, int padding) {
        int fanIn = in * kernel * kernel;
        this.weight = param("weight", Init.uniformFanIn(fanIn, out, in, kernel, kernel));
        this.bias = param("bias", Init.uniformFanIn(fanIn, out));
        this.stride = stride;
        this.padding = padding;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.conv2d(weight, bias, stride, padding);
    }

    /** As PyTorch prints it: {@code Conv2d(1, 8, 3, stride=1, padding=1)}. */
    @Override
    public String toString() {
        int[] s = weight.shape();
        return "Conv2d("
                + s[1]
                + ", "
                + s[0]
                + ", "
                + s[2]
                + (stride != 1 ? ", stride=" + stride : "")
                + (padding != 0 ? ", padding=" + padding : "")
                + ")";
    }
}
