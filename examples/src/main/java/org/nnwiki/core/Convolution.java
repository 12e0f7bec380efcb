package org.nnwiki.core;

import org.nnwiki.core.kernel.Gemm;

/**
 * 2-D convolution (lowered to one matrix multiplication by im2col) and pooling, on (N, C, H, W)
 * tensors, forward next to backward.
 */
final class Convolution {
    private Convolution() {}

    static int outSize(int in, int k, int stride, int pad) {
        return (in + 2 * pad - k) / stride + 1;
    }

    /**
     * x (N, C, H, W), w (O, C, KH, KW), b (O) or null → (N, O, OH, OW).
     *
     * <p>im2col writes every receptive field as a row of cols (N·OH·OW, C·KH·KW); then
     * out = cols · wᵀ. Backward: dw = gᵀ · cols, dcols = g · w, and col2im adds dcols back
     * onto the input positions they came from.
     */
    static Tensor conv2d(Tensor x, Tensor w, Tensor b, int stride, int pad) {
        if (x.shape.length != 4 || w.shape.length != 4 || x.shape[1] != w.shape[1]) {
            throw new IllegalArgumentException("conv2d: needs x (N, C, H, W) and w (O, C, KH, KW) with the same C, got "
                    + Shapes.str(x.shape) + " and " + Shapes.str(w.shape));
        }
        int n = x.shape[0], c = x.shape[1], h = x.shape[2], wd = x.shape[3];
        int o = w.shape[0], kh = w.shape[2], kw = w.shape[3];
        int oh = outSize(h, kh, stride, pad), ow = outSize(wd, kw, stride, pad);
        if (oh <= 0 || ow <= 0) {
            throw new IllegalArgumentException("conv2d: kernel " + kh + "×" + kw + " does not fit input " + h + "×" + wd + " with padding " + pad);
        }
        int rows = n * oh * ow;
        int cols = c * kh * kw;
        float[] im = im2col(x.data, n, c, h, wd, kh, kw, stride, pad, oh, ow);
        float[] flat = new float[rows * o];
        Gemm.multiply(false, true, rows, o, cols, im, 0, w.data, 0, flat, 0, false); // (rows, cols) @ (cols, O)
        float[] out = new float[n * o * oh * ow];
        int plane = oh * ow;
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < plane; p++) {
                int src = (i * plane + p) * o;
                for (int f = 0; f < o; f++) {
                    out[(i * o + f) * plane + p] = flat[src + f] + (b == null ? 0f : b.data[f]);
                }
            }
        }
        return Tensor.result("conv2d", out, new int[] {n, o, oh, ow}, g -> {
            float[] gFlat = new float[rows * o]; // g back in (N·OH·OW, O) layout
            for (int i = 0; i < n; i++) {
                for (int f = 0; f < o; f++) {
                    for (int p = 0; p < plane; p++) {
                        gFlat[(i * plane + p) * o + f] = g[(i * o + f) * plane + p];
                    }
                }
            }
            if (w.isRequiringGrad()) {
                float[] dw = new float[w.data.length];
                Gemm.multiply(true, false, o, cols, rows, gFlat, 0, im, 0, dw, 0, false); // (O, rows) @ (rows, cols)
                w.addFreshGrad(dw);
            }
            if (b != null && b.isRequiringGrad()) {
                float[] db = new float[o];
                for (int r = 0; r < rows; r++) {
                    for (int f = 0; f < o; f++) {
                        db[f] += gFlat[r * o + f];
                    }
                }
                b.addFreshGrad(db);
            }
            if (x.isRequiringGrad()) {
                float[] dcols = new float[rows * cols];
                Gemm.multiply(false, false, rows, cols, o, gFlat, 0, w.data, 0, dcols, 0, false); // (rows, O) @ (O, cols)
                x.addFreshGrad(col2im(dcols, n, c, h, wd, kh, kw, stride, pad, oh, ow));
            }
        }, x, w, b);
    }

    private static float[] im2col(float[] x, int n, int c, int h, int w, int kh, int kw, int stride, int pad, int oh, int ow) {
        int cols = c * kh * kw;
        float[] out = new float[n * oh * ow * cols];
        for (int i = 0; i < n; i++) {
            for (int y = 0; y < oh; y++) {
                for (int xo = 0; xo < ow; xo++) {
                    int row = ((i * oh + y) * ow + xo) * cols;
                    for (int ch = 0; ch < c; ch++) {
                        for (int u = 0; u < kh; u++) {
                            int iy = y * stride - pad + u;
                            for (int v = 0; v < kw; v++) {
                                int ix = xo * stride - pad + v;
                                if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                                    out[row + (ch * kh + u) * kw + v] = x[((i * c + ch) * h + iy) * w + ix];
                                }
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    private static float[] col2im(float[] cols, int n, int c, int h, int w, int kh, int kw, int stride, int pad, int oh, int ow) {
        int width = c * kh * kw;
        float[] dx = new float[n * c * h * w];
        for (int i = 0; i < n; i++) {
            for (int y = 0; y < oh; y++) {
                for (int xo = 0; xo < ow; xo++) {
                    int row = ((i * oh + y) * ow + xo) * width;
                    for (int ch = 0; ch < c; ch++) {
                        for (int u = 0; u < kh; u++) {
                            int iy = y * stride - pad + u;
                            for (int v = 0; v < kw; v++) {
                                int ix = xo * stride - pad + v;
                                if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                                    dx[((i * c + ch) * h + iy) * w + ix] += cols[row + (ch * kh + u) * kw + v];
                                }
                            }
                        }
                    }
                }
            }
        }
        return dx;
    }

    /** Max over each k×k window; dx = g at each window's arg-max. */
    static Tensor maxPool2d(Tensor x, int k, int stride) {
        return pool(x, k, stride, true);
    }

    /** Mean over each k×k window; dx = g / k² spread over the window. */
    static Tensor avgPool2d(Tensor x, int k, int stride) {
        return pool(x, k, stride, false);
    }

    private static Tensor pool(Tensor x, int k, int stride, boolean max) {
        if (x.shape.length != 4) {
            throw new IllegalArgumentException((max ? "maxPool2d" : "avgPool2d") + ": needs (N, C, H, W), got " + Shapes.str(x.shape));
        }
        int n = x.shape[0], c = x.shape[1], h = x.shape[2], w = x.shape[3];
        int oh = outSize(h, k, stride, 0), ow = outSize(w, k, stride, 0);
        float[] out = new float[n * c * oh * ow];
        int[] arg = max ? new int[out.length] : null;
        for (int p = 0; p < n * c; p++) {
            for (int y = 0; y < oh; y++) {
                for (int xo = 0; xo < ow; xo++) {
                    float best = Float.NEGATIVE_INFINITY;
                    int bestAt = 0;
                    float sum = 0;
                    for (int u = 0; u < k; u++) {
                        for (int v = 0; v < k; v++) {
                            int at = (p * h + y * stride + u) * w + xo * stride + v;
                            float val = x.data[at];
                            sum += val;
                            if (val > best) {
                                best = val;
                                bestAt = at;
                            }
                        }
                    }
                    int o = (p * oh + y) * ow + xo;
                    out[o] = max ? best : sum / (k * k);
                    if (max) {
                        arg[o] = bestAt;
                    }
                }
            }
        }
        return Tensor.result(max ? "maxPool2d" : "avgPool2d", out, new int[] {n, c, oh, ow}, g -> {
            float[] d = new float[x.data.length];
            if (max) {
                for (int o = 0; o < g.length; o++) {
                    d[arg[o]] += g[o];
                }
            } else {
                float share = 1f / (k * k);
                for (int p = 0; p < n * c; p++) {
                    for (int y = 0; y < oh; y++) {
                        for (int xo = 0; xo < ow; xo++) {
                            float gv = g[(p * oh + y) * ow + xo] * share;
                            for (int u = 0; u < k; u++) {
                                for (int v = 0; v < k; v++) {
                                    d[(p * h + y * stride + u) * w + xo * stride + v] += gv;
                                }
                            }
                        }
                    }
                }
            }
            x.addFreshGrad(d);
        }, x);
    }
}
