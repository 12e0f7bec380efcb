package org.nnwiki.core.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Matrix multiplication with the JDK Vector API over B packed into panels of NR = 2 vectors' worth
 * of columns (see {@link Gemm#packPanels}). A 4×NR block of C stays in eight vector registers while
 * k runs: each step is one broadcast of A and two fused multiply-adds per row, against two loads of
 * B. Loaded only when {@code jdk.incubator.vector} is present.
 *
 * <p>Every result has the bits of {@link PlainKernel}'s, whatever the lane count: products are
 * chains of fused multiply-adds along k (one chain per output element, so the lanes only decide
 * which outputs run side by side), and reductions follow {@link Lanes}.
 *
 * <p>Measured on the project's 2-core machines this simple form was as fast as variants with
 * k-blocking, packed A or 6×2 and 4×3 register tiles (all 80–100 GFLOP/s per thread), so it stays.
 */
final class VectorKernel implements Gemm.Kernel {
    /**
     * The hardware's species. (Choosing it by a conditional expression, to cap it at 16 lanes, made
     * single-threaded products 10–19 % slower in measurement; wider vectors are refused instead.)
     */
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private static final int L = S.length();

    /**
     * Vectors per group of {@link Lanes#WIDTH} partial sums: 1 with 512-bit vectors, 2 with 256, 4
     * with 128.
     */
    private static final int G = Lanes.WIDTH / L;

    private static final int W = Lanes.WIDTH;
    private static final int NR = 2 * L;
    private static final int MR = 4;

    /**
     * Refused (the plain kernel is used) where the vectors hold more than {@link Lanes#WIDTH}
     * floats (SVE beyond 512 bits).
     */
    VectorKernel() {
        if (Lanes.WIDTH % L != 0) {
            throw new UnsupportedOperationException(L + " lanes do not divide " + Lanes.WIDTH);
        }
    }

    @Override
    public int panelWidth() {
        return NR;
    }

    /**
     * k is walked in chunks (a multiple of {@link Lanes#WIDTH}) so that the m + n rows' chunks stay
     * in cache.
     */
    private static final int DOT_CHUNK = 2048;

    /*
     * Reductions. Each keeps W = 16 partial sums per result in an array, element i of the reduction
     * going into partial i mod 16 (Lanes), and reduces them with Lanes.tree. The vector loops below fill
     * partials [γL, γL + L) in pass γ (G passes, each striding W elements), so every partial is the same
     * chain of operations whatever L is; the last n mod 16 elements go to their partials one by one.
     */

    @Override
    public void dots(
            int m,
            int n,
            int k,
            float[] a,
            int aOff,
            float[] b,
            int bOff,
            float[] c,
            int cOff,
            boolean accumulate) {
        float[] lanes = new float[m * n * W];
        int whole = Lanes.whole(k);
        for (int p0 = 0; p0 < whole; p0 += DOT_CHUNK) {
            int len = Math.min(whole, p0 + DOT_CHUNK) - p0;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    for (int g = 0; g < G; g++) {
                        VectorSums.dotPass(
                                a,
                                aOff + i * k + p0,
                                b,
                                bOff + j * k + p0,
                                len,
                                g * L,
                                lanes,
                                (i * n + j) * W);
                    }
                }
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int at = (i * n + j) * W;
                for (int p = whole; p < k; p++) {
                    lanes[at + p - whole] =
                            Math.fma(
                                    a[aOff + i * k + p],
                                    b[bOff + j * k + p],
                                    lanes[at + p - whole]);
                }
                float sum = Lanes.tree(lanes, at);
                c[cOff + i * n + j] = accumulate ? c[cOff + i * n + j] + sum : sum;
            }
        }
    }

    @Override
    public String name() {
        return "vector (" + L + " lanes)";
    }

    @Override
    public void rows(
            int i0,
            int i1,
            int n,
            int k,
            float[] a,
            int aOff,
            int rowStride,
            int colStride,
            float[] panels,
            float[] c,
            int cOff,
            boolean accumulate) {
        float[] tile = new float[MR * NR];
        for (int j0 = 0, pj = 0; j0 < n; j0 += NR, pj++) {
            int w = Math.min(NR, n - j0);
            int base = pj * k * NR;
            int i = i0;
            for (; i + MR <= i1; i += MR) {
                if (colStride == 1) {
                    block4(a, aOff + i * rowStride, rowStride, k, panels, base, tile);
                } else {
                    block4Strided(
                            a, aOff + i * rowStride, rowStride, colStride, k, panels, base, tile);
                }
                store(tile, MR, c, cOff, n, i, j0, w, accumulate);
            }
            for (; i < i1; i++) {
                block1(a, aOff + i * rowStride, colStride, k, panels, base, tile);
                store(tile, 1, c, cOff, n, i, j0, w, accumulate);
            }
        }
    }

    /**
     * Rows r0, r0+rs, … of row-major A (elements contiguous): the common case, kept free of
     * strides. It repeats {@link #block4Strided} with a column stride of 1 on purpose: sending
     * contiguous rows through the strided loop made the 1024×1024 product about 20 % slower
     * (13.3–14.5 ms against 11.2 ms in {@code Bench}, 2-core AVX-512 machine, December 2026).
     */
    private static void block4(
            float[] a, int r0, int rs, int k, float[] panels, int base, float[] tile) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        int r1 = r0 + rs, r2 = r1 + rs, r3 = r2 + rs;
        for (int p = 0; p < k; p++) {
            int at = base + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, panels, at);
            FloatVector b1 = FloatVector.fromArray(S, panels, at + L);
            FloatVector a0 = FloatVector.broadcast(S, a[r0 + p]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, a[r1 + p]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, a[r2 + p]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, a[r3 + p]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
    }

    /** Rows r0, r0+rs, … of A with element p of a row at +p·cs (A stored transposed). */
    private static void block4Strided(
            float[] a, int r0, int rs, int cs, int k, float[] panels, int base, float[] tile) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        int r1 = r0 + rs, r2 = r1 + rs, r3 = r2 + rs;
        for (int p = 0, q = 0; p < k; p++, q += cs) {
            int at = base + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, panels, at);
            FloatVector b1 = FloatVector.fromArray(S, panels, at + L);
            FloatVector a0 = FloatVector.broadcast(S, a[r0 + q]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, a[r1 + q]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, a[r2 + q]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, a[r3 + q]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
    }

    private static void block1(
            float[] a, int r, int cs, int k, float[] panels, int base, float[] tile) {
        FloatVector c0 = FloatVector.zero(S), c1 = FloatVector.zero(S);
        for (int p = 0; p < k; p++) {
            FloatVector av = FloatVector.broadcast(S, a[r + p * cs]);
            c0 = av.fma(FloatVector.fromArray(S, panels, base + p * NR), c0);
            c1 = av.fma(FloatVector.fromArray(S, panels, base + p * NR + L), c1);
        }
        c0.intoArray(tile, 0);
        c1.intoArray(tile, L);
    }

    private static void store(
            float[] tile,
            int rows,
            float[] c,
            int cOff,
            int n,
            int i,
            int j0,
            int w,
            boolean accumulate) {
        for (int r = 0; r < rows; r++) {
            int dst = cOff + (i + r) * n + j0;
            if (accumulate) {
                for (int j = 0; j < w; j++) {
                    c[dst + j] += tile[r * NR + j];
                }
            } else {
                System.arraycopy(tile, r * NR, c, dst, w);
            }
        }
    }

    // ---- Shifted rows: a stride-1 convolution read straight from the padded image ----

    @Override
    public void shifted(
            int m,
            int r,
            int q,
            float[] a,
            int aOff,
            float[] b,
            int bOff,
            int[] offsets,
            float[] c,
            int cOff) {
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int a0 = aOff + i * r;
            int j = 0;
            for (; j + 4 * L <= q; j += 4 * L) {
                shifted4x4(r, a, a0, b, bOff + j, offsets, c, cOff + i * q + j, q);
            }
            for (; j + L <= q; j += L) {
                shifted4x1(r, a, a0, b, bOff + j, offsets, c, cOff + i * q + j, q);
            }
            for (int ii = i; ii < i + 4; ii++) {
                shiftedTail(j, ii, r, q, a, aOff, b, bOff, offsets, c, cOff);
            }
        }
        for (; i < m; i++) {
            int j = 0;
            for (; j + L <= q; j += L) {
                FloatVector acc = FloatVector.zero(S);
                for (int p = 0; p < r; p++) {
                    acc =
                            FloatVector.broadcast(S, a[aOff + i * r + p])
                                    .fma(FloatVector.fromArray(S, b, bOff + offsets[p] + j), acc);
                }
                acc.intoArray(c, cOff + i * q + j);
            }
            shiftedTail(j, i, r, q, a, aOff, b, bOff, offsets, c, cOff);
        }
    }

    /** Row i of C from column j on, one element at a time (the last few columns). */
    private static void shiftedTail(
            int j,
            int i,
            int r,
            int q,
            float[] a,
            int aOff,
            float[] b,
            int bOff,
            int[] offsets,
            float[] c,
            int cOff) {
        for (; j < q; j++) {
            float sum = 0;
            for (int p = 0; p < r; p++) {
                sum = Math.fma(a[aOff + i * r + p], b[bOff + offsets[p] + j], sum);
            }
            c[cOff + i * q + j] = sum;
        }
    }

    /**
     * A 4 × 4L block of C in sixteen registers: per p, four loads of B and four broadcasts of A.
     */
    private static void shifted4x4(
            int r, float[] a, int a0, float[] b, int b0, int[] offsets, float[] c, int c0, int q) {
        FloatVector c00 = FloatVector.zero(S),
                c01 = FloatVector.zero(S),
                c02 = FloatVector.zero(S),
                c03 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S),
                c11 = FloatVector.zero(S),
                c12 = FloatVector.zero(S),
                c13 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S),
                c21 = FloatVector.zero(S),
                c22 = FloatVector.zero(S),
                c23 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S),
                c31 = FloatVector.zero(S),
                c32 = FloatVector.zero(S),
                c33 = FloatVector.zero(S);
        int a1 = a0 + r, a2 = a1 + r, a3 = a2 + r;
        for (int p = 0; p < r; p++) {
            int at = b0 + offsets[p];
            FloatVector b_0 = FloatVector.fromArray(S, b, at);
            FloatVector b_1 = FloatVector.fromArray(S, b, at + L);
            FloatVector b_2 = FloatVector.fromArray(S, b, at + 2 * L);
            FloatVector b_3 = FloatVector.fromArray(S, b, at + 3 * L);
            FloatVector w = FloatVector.broadcast(S, a[a0 + p]);
            c00 = w.fma(b_0, c00);
            c01 = w.fma(b_1, c01);
            c02 = w.fma(b_2, c02);
            c03 = w.fma(b_3, c03);
            w = FloatVector.broadcast(S, a[a1 + p]);
            c10 = w.fma(b_0, c10);
            c11 = w.fma(b_1, c11);
            c12 = w.fma(b_2, c12);
            c13 = w.fma(b_3, c13);
            w = FloatVector.broadcast(S, a[a2 + p]);
            c20 = w.fma(b_0, c20);
            c21 = w.fma(b_1, c21);
            c22 = w.fma(b_2, c22);
            c23 = w.fma(b_3, c23);
            w = FloatVector.broadcast(S, a[a3 + p]);
            c30 = w.fma(b_0, c30);
            c31 = w.fma(b_1, c31);
            c32 = w.fma(b_2, c32);
            c33 = w.fma(b_3, c33);
        }
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + L);
        c02.intoArray(c, c0 + 2 * L);
        c03.intoArray(c, c0 + 3 * L);
        c0 += q;
        c10.intoArray(c, c0);
        c11.intoArray(c, c0 + L);
        c12.intoArray(c, c0 + 2 * L);
        c13.intoArray(c, c0 + 3 * L);
        c0 += q;
        c20.intoArray(c, c0);
        c21.intoArray(c, c0 + L);
        c22.intoArray(c, c0 + 2 * L);
        c23.intoArray(c, c0 + 3 * L);
        c0 += q;
        c30.intoArray(c, c0);
        c31.intoArray(c, c0 + L);
        c32.intoArray(c, c0 + 2 * L);
        c33.intoArray(c, c0 + 3 * L);
    }

    /** A 4 × L block of C: one load of B, four broadcasts of A per p. */
    private static void shifted4x1(
            int r, float[] a, int a0, float[] b, int b0, int[] offsets, float[] c, int c0, int q) {
        FloatVector c0v = FloatVector.zero(S),
                c1v = FloatVector.zero(S),
                c2v = FloatVector.zero(S),
                c3v = FloatVector.zero(S);
        int a1 = a0 + r, a2 = a1 + r, a3 = a2 + r;
        for (int p = 0; p < r; p++) {
            FloatVector bv = FloatVector.fromArray(S, b, b0 + offsets[p]);
            c0v = FloatVector.broadcast(S, a[a0 + p]).fma(bv, c0v);
            c1v = FloatVector.broadcast(S, a[a1 + p]).fma(bv, c1v);
            c2v = FloatVector.broadcast(S, a[a2 + p]).fma(bv, c2v);
            c3v = FloatVector.broadcast(S, a[a3 + p]).fma(bv, c3v);
        }
        c0v.intoArray(c, c0);
        c1v.intoArray(c, c0 + q);
        c2v.intoArray(c, c0 + 2 * q);
        c3v.intoArray(c, c0 + 3 * q);
    }

    @Override
    public void shiftedDots(
            int m,
            int r,
            int q,
            int count,
            float[] g,
            int gOff,
            int gStride,
            float[] b,
            int bOff,
            int bStride,
            int[] offsets,
            float[] out,
            int outOff) {
        float[] lanes = new float[16 * W];
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int p = 0;
            for (; p + 4 <= r; p += 4) {
                dots4x4(
                        i, p, r, q, count, g, gOff, gStride, b, bOff, bStride, offsets, out, outOff,
                        lanes);
            }
            for (; p < r; p++) {
                for (int ii = i; ii < i + 4; ii++) {
                    out[outOff + ii * r + p] +=
                            dot1(
                                    ii, p, q, count, g, gOff, gStride, b, bOff, bStride, offsets,
                                    lanes);
                }
            }
        }
        for (; i < m; i++) {
            for (int p = 0; p < r; p++) {
                out[outOff + i * r + p] +=
                        dot1(i, p, q, count, g, gOff, gStride, b, bOff, bStride, offsets, lanes);
            }
        }
    }

    /**
     * One shifted dot product over all images: W partials, the images in order, each image's row as
     * in {@link VectorSums#dotPass}.
     */
    private static float dot1(
            int i,
            int p,
            int q,
            int count,
            float[] g,
            int gOff,
            int gStride,
            float[] b,
            int bOff,
            int bStride,
            int[] offsets,
            float[] lanes) {
        java.util.Arrays.fill(lanes, 0, W, 0f);
        int whole = Lanes.whole(q);
        for (int n = 0; n < count; n++) {
            int gi = gOff + n * gStride + i * q;
            int bp = bOff + n * bStride + offsets[p];
            for (int pass = 0; pass < G; pass++) {
                VectorSums.dotPass(g, gi, b, bp, whole, pass * L, lanes, 0);
            }
            for (int j = whole; j < q; j++) {
                lanes[j - whole] = Math.fma(g[gi + j], b[bp + j], lanes[j - whole]);
            }
        }
        return Lanes.tree(lanes, 0);
    }

    /**
     * Sixteen dot products at once (rows i…i+3 of G against shifted rows p…p+3 of B) over the
     * images, each with its W partials in lanes (output (u, v) at (u·4 + v)·W), then each reduced
     * by {@link Lanes#tree}.
     */
    private static void dots4x4(
            int i,
            int p,
            int r,
            int q,
            int count,
            float[] g,
            int gOff,
            int gStride,
            float[] b,
            int bOff,
            int bStride,
            int[] offsets,
            float[] out,
            int outOff,
            float[] lanes) {
        java.util.Arrays.fill(lanes, 0f);
        int whole = Lanes.whole(q);
        for (int n = 0; n < count; n++) {
            int base = bOff + n * bStride;
            int g0 = gOff + n * gStride + i * q;
            for (int pass = 0; pass < G; pass++) {
                dots4x4Pass(
                        whole,
                        pass * L,
                        g,
                        g0,
                        q,
                        b,
                        base + offsets[p],
                        base + offsets[p + 1],
                        base + offsets[p + 2],
                        base + offsets[p + 3],
                        lanes);
            }
            for (int u = 0; u < 4; u++) {
                for (int v = 0; v < 4; v++) {
                    int gu = g0 + u * q;
                    int bv = base + offsets[p + v];
                    int at = (u * 4 + v) * W - whole;
                    for (int j = whole; j < q; j++) {
                        lanes[at + j] = Math.fma(g[gu + j], b[bv + j], lanes[at + j]);
                    }
                }
            }
        }
        for (int u = 0; u < 4; u++) {
            for (int v = 0; v < 4; v++) {
                out[outOff + (i + u) * r + p + v] += Lanes.tree(lanes, (u * 4 + v) * W);
            }
        }
    }

    /**
     * One image's pass of {@link #dots4x4} (partials [start, start + L) of each output): eight
     * loads per sixteen fused multiply-adds. Kept as its own method with no vector parameters: with
     * the image loop inside, or with the vectors handed to a helper, C2 boxed the accumulators and
     * ran ten times slower.
     */
    private static void dots4x4Pass(
            int whole,
            int start,
            float[] g,
            int g0,
            int q,
            float[] b,
            int b0,
            int b1,
            int b2,
            int b3,
            float[] lanes) {
        FloatVector s00 = FloatVector.fromArray(S, lanes, start),
                s01 = FloatVector.fromArray(S, lanes, W + start);
        FloatVector s02 = FloatVector.fromArray(S, lanes, 2 * W + start),
                s03 = FloatVector.fromArray(S, lanes, 3 * W + start);
        FloatVector s10 = FloatVector.fromArray(S, lanes, 4 * W + start),
                s11 = FloatVector.fromArray(S, lanes, 5 * W + start);
        FloatVector s12 = FloatVector.fromArray(S, lanes, 6 * W + start),
                s13 = FloatVector.fromArray(S, lanes, 7 * W + start);
        FloatVector s20 = FloatVector.fromArray(S, lanes, 8 * W + start),
                s21 = FloatVector.fromArray(S, lanes, 9 * W + start);
        FloatVector s22 = FloatVector.fromArray(S, lanes, 10 * W + start),
                s23 = FloatVector.fromArray(S, lanes, 11 * W + start);
        FloatVector s30 = FloatVector.fromArray(S, lanes, 12 * W + start),
                s31 = FloatVector.fromArray(S, lanes, 13 * W + start);
        FloatVector s32 = FloatVector.fromArray(S, lanes, 14 * W + start),
                s33 = FloatVector.fromArray(S, lanes, 15 * W + start);
        int g1 = g0 + q, g2 = g1 + q, g3 = g2 + q;
        for (int j = start; j < whole; j += W) {
            FloatVector x0 = FloatVector.fromArray(S, b, b0 + j);
            FloatVector x1 = FloatVector.fromArray(S, b, b1 + j);
            FloatVector x2 = FloatVector.fromArray(S, b, b2 + j);
            FloatVector x3 = FloatVector.fromArray(S, b, b3 + j);
            FloatVector gv = FloatVector.fromArray(S, g, g0 + j);
            s00 = gv.fma(x0, s00);
            s01 = gv.fma(x1, s01);
            s02 = gv.fma(x2, s02);
            s03 = gv.fma(x3, s03);
            gv = FloatVector.fromArray(S, g, g1 + j);
            s10 = gv.fma(x0, s10);
            s11 = gv.fma(x1, s11);
            s12 = gv.fma(x2, s12);
            s13 = gv.fma(x3, s13);
            gv = FloatVector.fromArray(S, g, g2 + j);
            s20 = gv.fma(x0, s20);
            s21 = gv.fma(x1, s21);
            s22 = gv.fma(x2, s22);
            s23 = gv.fma(x3, s23);
            gv = FloatVector.fromArray(S, g, g3 + j);
            s30 = gv.fma(x0, s30);
            s31 = gv.fma(x1, s31);
            s32 = gv.fma(x2, s32);
            s33 = gv.fma(x3, s33);
        }
        s00.intoArray(lanes, start);
        s01.intoArray(lanes, W + start);
        s02.intoArray(lanes, 2 * W + start);
        s03.intoArray(lanes, 3 * W + start);
        s10.intoArray(lanes, 4 * W + start);
        s11.intoArray(lanes, 5 * W + start);
        s12.intoArray(lanes, 6 * W + start);
        s13.intoArray(lanes, 7 * W + start);
        s20.intoArray(lanes, 8 * W + start);
        s21.intoArray(lanes, 9 * W + start);
        s22.intoArray(lanes, 10 * W + start);
        s23.intoArray(lanes, 11 * W + start);
        s30.intoArray(lanes, 12 * W + start);
        s31.intoArray(lanes, 13 * W + start);
        s32.intoArray(lanes, 14 * W + start);
        s33.intoArray(lanes, 15 * W + start);
    }
}
