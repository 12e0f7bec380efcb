package org.nnwiki.core;

import org.nnwiki.core.kernel.Gemm;
import org.nnwiki.core.kernel.Parallel;
import org.nnwiki.core.kernel.Sums;

/**
 * 2-D convolution and pooling on (N, C, H, W) tensors, forward next to backward. Stride-1
 * convolutions read the padded image in place from each kernel offset ({@link #conv2dShifted});
 * others are lowered to one matrix multiplication by im2col.
 */
final class Convolution {
    private Convolution() {}

    /**
     * The common 2×2, stride-2 max pool, unrolled: four loads and three branch-free comparisons per
     * window.
     */
    private static void maxPool2x2(
            float[] x,
            int fromPlane,
            int toPlane,
            int h,
            int w,
            int oh,
            int ow,
            float[] out,
            int[] arg) {
        for (int p = fromPlane; p < toPlane; p++) {
            for (int y = 0; y < oh; y++) {
                int top = (p * h + 2 * y) * w;
                int o = (p * oh + y) * ow;
                for (int xo = 0; xo < ow; xo++) {
                    int i0 = top + 2 * xo;
                    int i2 = i0 + w;
                    float a = x[i0], b = x[i0 + 1], c = x[i2], d = x[i2 + 1];
                    int ab = Float.floatToRawIntBits(a - b) >>> 31; // 1 when b > a
                    float mab = Math.max(a, b);
                    int iab = i0 + ab;
                    int cd = Float.floatToRawIntBits(c - d) >>> 31;
                    float mcd = Math.max(c, d);
                    int icd = i2 + cd;
                    int lower =
                            Float.floatToRawIntBits(mab - mcd) >>> 31; // 1 when the lower row wins
                    out[o + xo] = Math.max(mab, mcd);
                    arg[o + xo] = iab + lower * (icd - iab);
                }
            }
        }
    }

    static int outSize(int in, int k, int stride, int pad) {
        return (in + 2 * pad - k) / stride + 1;
    }

    /**
     * x (N, C, H, W), w (O, C, KH, KW), b (O) or null → (N, O, OH, OW).
     *
     * <p>Stride 1 with padding smaller than the kernel (the usual "same" and "valid" convolutions)
     * goes to {@link #conv2dShifted}. Otherwise im2col writes every receptive field as a column of
     * cols (C·KH·KW, N·OH·OW), one row per kernel element so that its inner loop runs along an
     * output row; then out = w · cols. Backward: dw = g · colsᵀ (as dot products for small filter
     * banks), dcols = wᵀ · g, and col2im adds dcols back onto the input positions they came from.
     */
    static Tensor conv2d(Tensor x, Tensor w, Tensor b, int stride, int pad) {
        if (x.shape.length != 4 || w.shape.length != 4 || x.shape[1] != w.shape[1]) {
            throw new IllegalArgumentException(
                    "conv2d: needs x (N, C, H, W) and w (O, C, KH, KW) with the same C, got "
                            + Shapes.str(x.shape)
                            + " and "
                            + Shapes.str(w.shape));
        }
        int n = x.shape[0], c = x.shape[1], h = x.shape[2], wd = x.shape[3];
        int o = w.shape[0], kh = w.shape[2], kw = w.shape[3];
        int oh = outSize(h, kh, stride, pad), ow = outSize(wd, kw, stride, pad);
        if (oh <= 0 || ow <= 0) {
            throw new IllegalArgumentException(
                    "conv2d: kernel "
                            + kh
                            + "×"
                            + kw
                            + " does not fit input "
                            + h
                            + "×"
                            + wd
                            + " with padding "
                            + pad);
        }
        if (stride == 1 && pad < kh && pad < kw) {
            return conv2dShifted(x, w, b, pad);
        }
        Geometry geo = new Geometry(n, c, h, wd, kh, kw, stride, pad, oh, ow);
        int plane = oh * ow;
        int np = n * plane;
        int ckk = c * kh * kw;
        float[] cols = im2col(x.data, geo);
        float[] flat = new float[o * np];
        Gemm.multiply(
                false, false, o, np, ckk, w.data, 0, cols, 0, flat, 0,
                false); // (O, CKK) @ (CKK, NP)
        float[] out = new float[n * o * plane];
        for (int f = 0; f < o; f++) {
            float bias = b == null ? 0f : b.data[f];
            for (int i = 0; i < n; i++) {
                int src = f * np + i * plane;
                int dst = (i * o + f) * plane;
                for (int p = 0; p < plane; p++) {
                    out[dst + p] = flat[src + p] + bias;
                }
            }
        }
        return Tensor.result(
                "conv2d",
                out,
                new int[] {n, o, oh, ow},
                g -> {
                    float[] g2 = new float[o * np]; // g as (O, N·OH·OW)
                    for (int f = 0; f < o; f++) {
                        for (int i = 0; i < n; i++) {
                            System.arraycopy(g, (i * o + f) * plane, g2, f * np + i * plane, plane);
                        }
                    }
                    if (w.isRequiringGrad()) {
                        if ((long) o * ckk <= 256) {
                            // dw = g2 · colsᵀ for a small filter bank: O·C·KH·KW dot products over
                            // every
                            // image position, with no packing at all.
                            Gemm.multiplyDots(o, ckk, np, g2, 0, cols, 0, w.gradBuffer(), 0, true);
                        } else {
                            // dwᵀ = cols · g2ᵀ: packs g2 (O rows) rather than the larger cols
                            // (C·KH·KW rows).
                            float[] dwT = new float[ckk * o];
                            Gemm.multiply(
                                    false, true, ckk, o, np, cols, 0, g2, 0, dwT, 0,
                                    false); // (CKK, NP) @ (NP, O)
                            float[] dw = w.gradBuffer();
                            for (int r = 0; r < ckk; r++) {
                                for (int f = 0; f < o; f++) {
                                    dw[f * ckk + r] += dwT[r * o + f];
                                }
                            }
                        }
                    }
                    if (b != null && b.isRequiringGrad()) {
                        float[] db = b.gradBuffer();
                        for (int f = 0; f < o; f++) {
                            db[f] += (float) Sums.sum(g2, f * np, np);
                        }
                    }
                    if (x.isRequiringGrad()) {
                        float[] dcols = new float[ckk * np];
                        Gemm.multiply(
                                true, false, ckk, np, o, w.data, 0, g2, 0, dcols, 0,
                                false); // (CKK, O) @ (O, NP)
                        x.addFreshGrad(col2im(dcols, geo));
                    }
                },
                x,
                w,
                b);
    }

    /**
     * Lengths of the flattened output grids are rounded up to this, so that vector loops need no
     * tails.
     */
    private static final int ALIGN = 16;

    /**
     * Images per partial weight gradient: fixed, so the summation order does not depend on the
     * thread count.
     */
    private static final int IMAGES_PER_PARTIAL = 8;

    /**
     * A padded image plane laid out for "shifted rows": (ph × pw) image with {@code top}/{@code
     * left} zero rows/columns, followed by enough zeros that a window read of {@code q} elements
     * from any kernel offset stays inside the plane.
     */
    private record Padded(int c, int ph, int pw, int kh, int kw, int q, int plane) {
        static Padded of(int c, int ph, int pw, int kh, int kw) {
            int rows = ph - kh + 1;
            int q = (rows * pw + ALIGN - 1) / ALIGN * ALIGN;
            return new Padded(c, ph, pw, kh, kw, q, (kh - 1) * pw + (kw - 1) + q);
        }

        /**
         * Where kernel element (channel, u, v) starts reading, relative to the image's first plane.
         */
        int[] offsets() {
            int[] off = new int[c * kh * kw];
            for (int ch = 0, r = 0; ch < c; ch++) {
                for (int u = 0; u < kh; u++) {
                    for (int v = 0; v < kw; v++) {
                        off[r++] = ch * plane + u * pw + v;
                    }
                }
            }
            return off;
        }

        int image() {
            return c * plane;
        }

        /**
         * Copies src's planes (c × h × w from srcOff) into dst at (top, left) of each padded plane.
         */
        void fill(
                float[] src, int srcOff, int h, int w, int top, int left, float[] dst, int dstOff) {
            for (int ch = 0; ch < c; ch++) {
                for (int y = 0; y < h; y++) {
                    System.arraycopy(
                            src,
                            srcOff + (ch * h + y) * w,
                            dst,
                            dstOff + ch * plane + (top + y) * pw + left,
                            w);
                }
            }
        }
    }

    /**
     * Stride-1 convolution without im2col. Flatten a zero-padded plane row by row (width pw); then
     * output position (y, x) reads input (y + u, x + v), which is the flat position y·pw + x
     * shifted by u·pw + v. So output row f is Σ over (c, u, v) of w[f, c, u, v] times the padded
     * image read from offset c·plane + u·pw + v: a matrix product whose right-hand rows are shifted
     * views of one buffer ({@link Gemm#multiplyShifted}). The flat grid has pw − ow extra columns
     * per row, computed and dropped.
     *
     * <p>Backward reuses the same two ideas: dw[f, (c,u,v)] is a dot product of the output gradient
     * (laid out on the same flat grid, zeros in the extra columns) with the shifted input ({@link
     * Gemm#dotsShifted}); dx is the "full" convolution of the output gradient, padded by k − 1 −
     * pad, with the kernel flipped and its O and C axes swapped.
     */
    private static Tensor conv2dShifted(Tensor x, Tensor w, Tensor b, int pad) {
        int n = x.shape[0], c = x.shape[1], h = x.shape[2], wd = x.shape[3];
        int o = w.shape[0], kh = w.shape[2], kw = w.shape[3];
        int oh = h + 2 * pad - kh + 1, ow = wd + 2 * pad - kw + 1;
        int ckk = c * kh * kw;
        Padded in = Padded.of(c, h + 2 * pad, wd + 2 * pad, kh, kw);
        int[] offsets = in.offsets();
        float[] xs = new float[n * in.image()]; // every image, padded: kept for the weight gradient
        float[] out = new float[n * o * oh * ow];
        Parallel.range(
                n,
                (long) o * ckk * in.q() / 16,
                (from, to) -> {
                    float[] grid = new float[o * in.q()];
                    for (int i = from; i < to; i++) {
                        in.fill(x.data, i * c * h * wd, h, wd, pad, pad, xs, i * in.image());
                        Gemm.multiplyShifted(
                                o, ckk, in.q(), w.data, 0, xs, i * in.image(), offsets, grid, 0);
                        for (int f = 0; f < o; f++) {
                            float bias = b == null ? 0f : b.data[f];
                            for (int y = 0; y < oh; y++) {
                                int src = f * in.q() + y * in.pw();
                                int dst = ((i * o + f) * oh + y) * ow;
                                for (int xo = 0; xo < ow; xo++) {
                                    out[dst + xo] = grid[src + xo] + bias;
                                }
                            }
                        }
                    }
                });
        return Tensor.result(
                "conv2d",
                out,
                new int[] {n, o, oh, ow},
                g -> {
                    if (b != null && b.isRequiringGrad()) {
                        float[] db = b.gradBuffer();
                        int plane = oh * ow;
                        for (int f = 0; f < o; f++) {
                            double sum = 0;
                            for (int i = 0; i < n; i++) {
                                sum += Sums.sum(g, (i * o + f) * plane, plane);
                            }
                            db[f] += (float) sum;
                        }
                    }
                    if (w.isRequiringGrad()) {
                        // g on the input's flat grid (row width pw, zeros in the extra columns and
                        // the tail).
                        int gImage = o * in.q();
                        float[] gq = new float[n * gImage];
                        Parallel.range(
                                n,
                                gImage,
                                (from, to) -> {
                                    for (int i = from; i < to; i++) {
                                        for (int f = 0; f < o; f++) {
                                            for (int y = 0; y < oh; y++) {
                                                System.arraycopy(
                                                        g,
                                                        ((i * o + f) * oh + y) * ow,
                                                        gq,
                                                        i * gImage + f * in.q() + y * in.pw(),
                                                        ow);
                                            }
                                        }
                                    }
                                });
                        int groups = (n + IMAGES_PER_PARTIAL - 1) / IMAGES_PER_PARTIAL;
                        float[] partial = new float[groups * o * ckk];
                        Parallel.range(
                                groups,
                                (long) IMAGES_PER_PARTIAL * o * ckk * in.q() / 16,
                                (from, to) -> {
                                    for (int t = from; t < to; t++) {
                                        int i0 = t * IMAGES_PER_PARTIAL;
                                        int count = Math.min(IMAGES_PER_PARTIAL, n - i0);
                                        Gemm.dotsShifted(
                                                o,
                                                ckk,
                                                in.q(),
                                                count,
                                                gq,
                                                i0 * gImage,
                                                gImage,
                                                xs,
                                                i0 * in.image(),
                                                in.image(),
                                                offsets,
                                                partial,
                                                t * o * ckk);
                                    }
                                });
                        float[] dw = w.gradBuffer();
                        for (int t = 0; t < groups; t++) {
                            for (int e = 0; e < o * ckk; e++) {
                                dw[e] += partial[t * o * ckk + e];
                            }
                        }
                    }
                    if (x.isRequiringGrad()) {
                        // dx = conv(g padded by k − 1 − pad, w flipped, O and C swapped): (N, O,
                        // oh, ow) → (N, C, h, w).
                        int top = kh - 1 - pad, left = kw - 1 - pad;
                        Padded gp = Padded.of(o, oh + 2 * top, ow + 2 * left, kh, kw);
                        int[] gOffsets = gp.offsets();
                        float[] flipped = new float[c * o * kh * kw]; // (C, O, KH, KW)
                        for (int f = 0; f < o; f++) {
                            for (int ch = 0; ch < c; ch++) {
                                for (int u = 0; u < kh; u++) {
                                    for (int v = 0; v < kw; v++) {
                                        flipped[((ch * o + f) * kh + u) * kw + v] =
                                                w.data[
                                                        ((f * c + ch) * kh + (kh - 1 - u)) * kw
                                                                + (kw - 1 - v)];
                                    }
                                }
                            }
                        }
                        float[] dx = new float[x.data.length];
                        Parallel.range(
                                n,
                                (long) c * o * kh * kw * gp.q() / 16,
                                (from, to) -> {
                                    float[] gs = new float[gp.image()];
                                    float[] grid = new float[c * gp.q()];
                                    for (int i = from; i < to; i++) {
                                        gp.fill(g, i * o * oh * ow, oh, ow, top, left, gs, 0);
                                        Gemm.multiplyShifted(
                                                c,
                                                o * kh * kw,
                                                gp.q(),
                                                flipped,
                                                0,
                                                gs,
                                                0,
                                                gOffsets,
                                                grid,
                                                0);
                                        for (int ch = 0; ch < c; ch++) {
                                            for (int y = 0; y < h; y++) {
                                                System.arraycopy(
                                                        grid,
                                                        ch * gp.q() + y * gp.pw(),
                                                        dx,
                                                        ((i * c + ch) * h + y) * wd,
                                                        wd);
                                            }
                                        }
                                    }
                                });
                        x.addFreshGrad(dx);
                    }
                },
                x,
                w,
                b);
    }

    /** The sizes of one convolution. */
    private record Geometry(
            int n, int c, int h, int w, int kh, int kw, int stride, int pad, int oh, int ow) {
        /** First output column whose input column x·stride − pad + v is inside the image. */
        int xFrom(int v) {
            int lo = pad - v;
            return lo <= 0 ? 0 : (lo + stride - 1) / stride;
        }

        /** One past the last such output column. */
        int xTo(int v) {
            int hi = (w - 1 + pad - v) / stride + 1;
            return Math.max(0, Math.min(ow, (w - 1 + pad - v) < 0 ? 0 : hi));
        }
    }

    private static float[] im2col(float[] x, Geometry g) {
        int plane = g.oh() * g.ow();
        int np = g.n() * plane;
        int kk = g.kh() * g.kw();
        float[] cols = new float[g.c() * kk * np];
        // Each kernel element fills its own row of cols: rows can be written by different threads.
        Parallel.range(
                g.c() * kk,
                np,
                (from, to) -> {
                    for (int r = from; r < to; r++) {
                        int ch = r / kk;
                        int u = (r % kk) / g.kw();
                        int v = r % g.kw();
                        int row = r * np;
                        int x0 = g.xFrom(v);
                        int x1 = g.xTo(v);
                        for (int i = 0; i < g.n(); i++) {
                            int src = (i * g.c() + ch) * g.h() * g.w();
                            for (int y = 0; y < g.oh(); y++) {
                                int iy = y * g.stride() - g.pad() + u;
                                if (iy < 0 || iy >= g.h()) {
                                    continue; // stays zero: padding
                                }
                                int dst = row + i * plane + y * g.ow();
                                int line = src + iy * g.w() - g.pad() + v;
                                for (int xo = x0; xo < x1; xo++) {
                                    cols[dst + xo] = x[line + xo * g.stride()];
                                }
                            }
                        }
                    }
                });
        return cols;
    }

    private static float[] col2im(float[] cols, Geometry g) {
        int plane = g.oh() * g.ow();
        int np = g.n() * plane;
        float[] dx = new float[g.n() * g.c() * g.h() * g.w()];
        // Each input channel receives only its own kernel rows: channels can go to different
        // threads.
        Parallel.range(
                g.c(),
                (long) g.kh() * g.kw() * np,
                (from, to) -> {
                    for (int ch = from; ch < to; ch++) {
                        for (int u = 0; u < g.kh(); u++) {
                            for (int v = 0; v < g.kw(); v++) {
                                int row = ((ch * g.kh() + u) * g.kw() + v) * np;
                                int x0 = g.xFrom(v);
                                int x1 = g.xTo(v);
                                for (int i = 0; i < g.n(); i++) {
                                    int dst = (i * g.c() + ch) * g.h() * g.w();
                                    for (int y = 0; y < g.oh(); y++) {
                                        int iy = y * g.stride() - g.pad() + u;
                                        if (iy < 0 || iy >= g.h()) {
                                            continue;
                                        }
                                        int src = row + i * plane + y * g.ow();
                                        int line = dst + iy * g.w() - g.pad() + v;
                                        for (int xo = x0; xo < x1; xo++) {
                                            dx[line + xo * g.stride()] += cols[src + xo];
                                        }
                                    }
                                }
                            }
                        }
                    }
                });
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
            throw new IllegalArgumentException(
                    (max ? "maxPool2d" : "avgPool2d")
                            + ": needs (N, C, H, W), got "
                            + Shapes.str(x.shape));
        }
        int n = x.shape[0], c = x.shape[1], h = x.shape[2], w = x.shape[3];
        int oh = outSize(h, k, stride, 0), ow = outSize(w, k, stride, 0);
        float[] out = new float[n * c * oh * ow];
        int[] arg = max ? new int[out.length] : null;
        float inv = 1f / (k * k);
        if (max && k == 2 && stride == 2) {
            Parallel.range(
                    n * c,
                    (long) h * w,
                    (from, to) -> maxPool2x2(x.data, from, to, h, w, oh, ow, out, arg));
        } else {
            for (int p = 0; p < n * c; p++) {
                int planeIn = p * h * w;
                for (int y = 0; y < oh; y++) {
                    int rowOut = (p * oh + y) * ow;
                    int top = planeIn + y * stride * w;
                    for (int xo = 0; xo < ow; xo++) {
                        int corner = top + xo * stride;
                        float best = x.data[corner];
                        int bestAt = corner;
                        float sum = 0;
                        for (int u = 0; u < k; u++) {
                            int r = corner + u * w;
                            for (int v = 0; v < k; v++) {
                                float val = x.data[r + v];
                                sum += val;
                                // Branch-free arg-max (the first maximum wins): which value is
                                // larger is
                                // a coin flip on real data, and a mispredicted branch costs more
                                // than this.
                                int larger = Float.floatToRawIntBits(best - val) >>> 31;
                                bestAt += larger * (r + v - bestAt);
                                best = Math.max(best, val);
                            }
                        }
                        if (max) {
                            out[rowOut + xo] = best;
                            arg[rowOut + xo] = bestAt;
                        } else {
                            out[rowOut + xo] = sum * inv;
                        }
                    }
                }
            }
        }
        return Tensor.result(
                max ? "maxPool2d" : "avgPool2d",
                out,
                new int[] {n, c, oh, ow},
                g -> {
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
                },
                x);
    }
}
