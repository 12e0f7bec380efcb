package org.nnwiki.core;

import java.util.List;

/** Operations that move elements around: reshape, transpose, slice, concatenate, gather. */
final class Shaping {
    private Shaping() {}

    // Same data, new shape (one dimension may be -1);  dx = g with the old shape
    static Tensor reshape(Tensor a, int... newShape) {
        int[] s = newShape.clone();
        int unknown = -1;
        int known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1) {
                if (unknown >= 0) {
                    throw new IllegalArgumentException(
                            "reshape: only one dimension can be -1 in " + Shapes.str(newShape));
                }
                unknown = i;
            } else {
                known *= s[i];
            }
        }
        if (unknown >= 0) {
            s[unknown] = known == 0 ? 0 : a.data.length / known;
        }
        if (Shapes.size(s) != a.data.length) {
            throw new IllegalArgumentException(
                    "reshape: cannot view "
                            + Shapes.str(a.shape)
                            + " ("
                            + a.data.length
                            + " elements) as "
                            + Shapes.str(newShape));
        }
        return Tensor.result("reshape", a.data, s, a::addGrad, a);
    }

    static Tensor transpose(Tensor a, int d0, int d1) {
        int r = a.shape.length;
        int[] dims = new int[r];
        for (int i = 0; i < r; i++) {
            dims[i] = i;
        }
        int x = Shapes.axis(d0, r, "transpose");
        int y = Shapes.axis(d1, r, "transpose");
        dims[x] = y;
        dims[y] = x;
        return permute(a, dims);
    }

    // out[i…] = x[i permuted];  dx = g permuted back
    static Tensor permute(Tensor a, int... dims) {
        int r = a.shape.length;
        if (dims.length != r) {
            throw new IllegalArgumentException(
                    "permute: " + dims.length + " dimensions for a tensor of rank " + r);
        }
        int[] out = new int[r];
        int[] inv = new int[r];
        boolean[] used = new boolean[r];
        for (int i = 0; i < r; i++) {
            int d = Shapes.axis(dims[i], r, "permute");
            if (used[d]) {
                throw new IllegalArgumentException("permute: dimension " + d + " appears twice");
            }
            used[d] = true;
            out[i] = a.shape[d];
            inv[d] = i;
        }
        int[] perm = new int[r];
        for (int i = 0; i < r; i++) {
            perm[i] = Shapes.axis(dims[i], r, "permute");
        }
        float[] res = move(a.data, a.shape, perm);
        return Tensor.result("permute", res, out, g -> a.addFreshGrad(move(g, out, inv)), a);
    }

    /**
     * Copies {@code src} (shape {@code shape}) into the layout whose axis i is source axis perm[i].
     */
    private static float[] move(float[] src, int[] shape, int[] perm) {
        int r = shape.length;
        int[] srcStrides = Shapes.strides(shape);
        int[] outShape = new int[r];
        int[] step = new int[r];
        for (int i = 0; i < r; i++) {
            outShape[i] = shape[perm[i]];
            step[i] = srcStrides[perm[i]];
        }
        float[] dst = new float[src.length];
        if (r == 0) {
            dst[0] = src[0];
            return dst;
        }
        int[] idx = new int[r];
        int off = 0;
        int inner = outShape[r - 1];
        int innerStep = step[r - 1];
        for (int i = 0; i < dst.length; i += inner) {
            if (innerStep == 1) {
                System.arraycopy(src, off, dst, i, inner); // the last axis stays last: whole runs
            } else {
                for (int j = 0; j < inner; j++) {
                    dst[i + j] = src[off + j * innerStep];
                }
            }
            for (int d = r - 2; d >= 0; d--) {
                idx[d]++;
                off += step[d];
                if (idx[d] < outShape[d]) {
                    break;
                }
                off -= step[d] * outShape[d];
                idx[d] = 0;
            }
        }
        return dst;
    }

    // out = x[…, from:to, …];  dx = g in the slice, 0 elsewhere
    static Tensor slice(Tensor a, int axis, int from, int to) {
        int ax = Shapes.axis(axis, a.shape.length, "slice");
        int n = a.shape[ax];
        if (from < 0 || to > n || from > to) {
            throw new IllegalArgumentException(
                    "slice: ["
                            + from
                            + ", "
                            + to
                            + ") out of range for axis "
                            + ax
                            + " of size "
                            + n);
        }
        int outer = 1;
        for (int d = 0; d < ax; d++) {
            outer *= a.shape[d];
        }
        int nOuter = outer;
        int inner = a.data.length / Math.max(1, outer * n);
        int w = (to - from) * inner;
        int[] out = a.shape.clone();
        out[ax] = to - from;
        float[] r = new float[outer * w];
        for (int o = 0; o < outer; o++) {
            System.arraycopy(a.data, (o * n + from) * inner, r, o * w, w);
        }
        return Tensor.result(
                "slice",
                r,
                out,
                g -> {
                    float[] d = a.gradBuffer(); // accumulated in place: slicing a long sequence
                    // step by step stays linear
                    for (int o = 0; o < nOuter; o++) {
                        int dst = (o * n + from) * inner;
                        for (int j = 0; j < w; j++) {
                            d[dst + j] += g[o * w + j];
                        }
                    }
                },
                a);
    }

    // Concatenation along an axis;  each input gets its slice of g
    static Tensor cat(List<Tensor> parts, int axis) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("cat: no tensors");
        }
        Tensor first = parts.get(0);
        int ax = Shapes.axis(axis, first.shape.length, "cat");
        int outer = 1;
        for (int d = 0; d < ax; d++) {
            outer *= first.shape[d];
        }
        int inner = 1;
        for (int d = ax + 1; d < first.shape.length; d++) {
            inner *= first.shape[d];
        }
        int total = 0;
        for (Tensor t : parts) {
            for (int d = 0; d < first.shape.length; d++) {
                if (d != ax && t.shape[d] != first.shape[d]) {
                    throw new IllegalArgumentException(
                            "cat: shapes "
                                    + Shapes.str(first.shape)
                                    + " and "
                                    + Shapes.str(t.shape)
                                    + " differ off axis "
                                    + ax);
                }
            }
            total += t.shape[ax];
        }
        int[] out = first.shape.clone();
        out[ax] = total;
        float[] r = new float[outer * total * inner];
        int[] starts = new int[parts.size()];
        int at = 0;
        for (int p = 0; p < parts.size(); p++) {
            Tensor t = parts.get(p);
            starts[p] = at;
            int w = t.shape[ax] * inner;
            for (int o = 0; o < outer; o++) {
                System.arraycopy(t.data, o * w, r, (o * total + at) * inner, w);
            }
            at += t.shape[ax];
        }
        int tot = total;
        int out0 = outer;
        int in0 = inner;
        return Tensor.result(
                "cat",
                r,
                out,
                g -> {
                    for (int p = 0; p < parts.size(); p++) {
                        Tensor t = parts.get(p);
                        if (!t.isRequiringGrad()) {
                            continue;
                        }
                        int w = t.shape[ax] * in0;
                        float[] d = t.gradBuffer();
                        for (int o = 0; o < out0; o++) {
                            int src = (o * tot + starts[p]) * in0;
                            for (int j = 0; j < w; j++) {
                                d[o * w + j] += g[src + j];
                            }
                        }
                    }
                },
                parts.toArray(Tensor[]::new));
    }

    // out[i] = x[indices[i]] (rows of the first axis);  dx[indices[i]] += g[i]
    static Tensor indexSelect(Tensor a, int[] indices) {
        int rows = a.shape[0];
        int w = a.data.length / Math.max(1, rows);
        float[] r = new float[indices.length * w];
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= rows) {
                throw new IndexOutOfBoundsException(
                        "indexSelect: index " + indices[i] + " out of range for " + rows + " rows");
            }
            System.arraycopy(a.data, indices[i] * w, r, i * w, w);
        }
        int[] out = a.shape.clone();
        out[0] = indices.length;
        int[] idx = indices.clone();
        return Tensor.result(
                "indexSelect",
                r,
                out,
                g -> {
                    float[] d = a.gradBuffer();
                    for (int i = 0; i < idx.length; i++) {
                        int base = idx[i] * w;
                        for (int j = 0; j < w; j++) {
                            d[base + j] += g[i * w + j];
                        }
                    }
                },
                a);
    }

    // out[i] = x[i, targets[i]] for x (N, C);  dx[i, targets[i]] = g[i]
    static Tensor pick(Tensor a, int[] targets) {
        if (a.shape.length != 2 || a.shape[0] != targets.length) {
            throw new IllegalArgumentException(
                    "pick: needs (N, C) and N targets, got "
                            + Shapes.str(a.shape)
                            + " and "
                            + targets.length
                            + " targets");
        }
        int c = a.shape[1];
        float[] r = new float[targets.length];
        for (int i = 0; i < targets.length; i++) {
            if (targets[i] < 0 || targets[i] >= c) {
                throw new IndexOutOfBoundsException(
                        "pick: target " + targets[i] + " out of range for " + c + " classes");
            }
            r[i] = a.data[i * c + targets[i]];
        }
        int[] t = targets.clone();
        return Tensor.result(
                "pick",
                r,
                new int[] {targets.length},
                g -> {
                    float[] d = a.gradBuffer();
                    for (int i = 0; i < t.length; i++) {
                        d[i * c + t[i]] += g[i];
                    }
                },
                a);
    }
}
