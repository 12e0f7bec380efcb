package org.nnwiki.core.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Matrix multiplication with the JDK Vector API over B packed into panels of NR = 2 vectors' worth
 * of columns (see {@link Gemm#packPanels}). A 4×NR block of C stays in eight vector registers while
 * k runs: each step is one broadcast of A and two fused multiply-adds per row, against two loads of
 * B. Loaded only when {@code jdk.incubator.vector} is present.
 *
 * <p>Measured on the project's 2-core machines this simple form was as fast as variants with
 * k-blocking, packed A or 6×2 and 4×3 register tiles (all 80–100 GFLOP/s per thread), so it stays.
 */
final class VectorKernel implements Gemm.Kernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int NR = 2 * L;
    private static final int MR = 4;

    @Override
    public int panelWidth() {
        return NR;
    }

    /** k is walked in chunks so that the m + n rows' chunks (a few tens of KiB) stay in cache. */
    private static final int DOT_CHUNK = 2048;

    @Override
    public void dots(int m, int n, int k, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        float[] acc = new float[m * n];
        float[] lanes = new float[L];
        for (int p0 = 0; p0 < k; p0 += DOT_CHUNK) {
            int p1 = Math.min(k, p0 + DOT_CHUNK);
            int upper = p0 + S.loopBound(p1 - p0);
            for (int i = 0; i < m; i++) {
                int ai = aOff + i * k;
                for (int j = 0; j < n; j++) {
                    int bj = bOff + j * k;
                    FloatVector s0 = FloatVector.zero(S);
                    int p = p0;
                    for (; p < upper; p += L) {
                        s0 = FloatVector.fromArray(S, a, ai + p).fma(FloatVector.fromArray(S, b, bj + p), s0);
                    }
                    // Lanes summed in a fixed order: reduceLanes(ADD) leaves the order to the implementation,
                    // and it differs between interpreted and compiled code, so results would depend on the JIT.
                    s0.intoArray(lanes, 0);
                    float sum = 0;
                    for (float lane : lanes) {
                        sum += lane;
                    }
                    for (; p < p1; p++) {
                        sum += a[ai + p] * b[bj + p];
                    }
                    acc[i * n + j] += sum;
                }
            }
        }
        for (int i = 0; i < m * n; i++) {
            c[cOff + i] = accumulate ? c[cOff + i] + acc[i] : acc[i];
        }
    }

    @Override
    public String name() {
        return "vector (" + L + " lanes)";
    }

    @Override
    public void rows(int i0, int i1, int n, int k, float[] a, int aOff, int rowStride, int colStride, float[] panels,
            float[] c, int cOff, boolean accumulate) {
        float[] tile = new float[MR * NR];
        for (int j0 = 0, pj = 0; j0 < n; j0 += NR, pj++) {
            int w = Math.min(NR, n - j0);
            int base = pj * k * NR;
            int i = i0;
            for (; i + MR <= i1; i += MR) {
                if (colStride == 1) {
                    block4(a, aOff + i * rowStride, rowStride, k, panels, base, tile);
                } else {
                    block4Strided(a, aOff + i * rowStride, rowStride, colStride, k, panels, base, tile);
                }
                store(tile, MR, c, cOff, n, i, j0, w, accumulate);
            }
            for (; i < i1; i++) {
                block1(a, aOff + i * rowStride, colStride, k, panels, base, tile);
                store(tile, 1, c, cOff, n, i, j0, w, accumulate);
            }
        }
    }

    /** Rows r0, r0+rs, … of row-major A (elements contiguous): the common case, kept free of strides. */
    private static void block4(float[] a, int r0, int rs, int k, float[] panels, int base, float[] tile) {
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
    private static void block4Strided(float[] a, int r0, int rs, int cs, int k, float[] panels, int base, float[] tile) {
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

    private static void block1(float[] a, int r, int cs, int k, float[] panels, int base, float[] tile) {
        FloatVector c0 = FloatVector.zero(S), c1 = FloatVector.zero(S);
        for (int p = 0; p < k; p++) {
            FloatVector av = FloatVector.broadcast(S, a[r + p * cs]);
            c0 = av.fma(FloatVector.fromArray(S, panels, base + p * NR), c0);
            c1 = av.fma(FloatVector.fromArray(S, panels, base + p * NR + L), c1);
        }
        c0.intoArray(tile, 0);
        c1.intoArray(tile, L);
    }

    private static void store(float[] tile, int rows, float[] c, int cOff, int n, int i, int j0, int w, boolean accumulate) {
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
}
