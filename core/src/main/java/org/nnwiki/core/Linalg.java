package org.nnwiki.core;

import org.nnwiki.core.kernel.Gemm;
import org.nnwiki.core.kernel.Sums;

/** Matrix multiplication, plain and batched, forward next to backward. */
final class Linalg {
    private Linalg() {}

    /**
     * y = x Wᵀ + b for x (…, in), W (out, in), b (out) or null. Fused rather than composed from
     * transpose, matmul and add: no transposed copy of W, one pass for the bias, three kernels in
     * the backward pass (dx = g W, dW = gᵀ x, db = Σ g), which matters for small layers where
     * per-op overhead dominates.
     */
    static Tensor linear(Tensor x, Tensor w, Tensor b) {
        if (w.shape.length != 2 || x.shape[x.shape.length - 1] != w.shape[1]) {
            throw new IllegalArgumentException(
                    "linear: input "
                            + Shapes.str(x.shape)
                            + " does not fit weight "
                            + Shapes.str(w.shape)
                            + " (out, in)");
        }
        int in = w.shape[1];
        int out = w.shape[0];
        int rows = x.data.length / in;
        float[] y = new float[rows * out];
        if (b != null) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(
                        b.data, 0, y, r * out,
                        out); // start from the bias, then accumulate x Wᵀ onto it
            }
        }
        Gemm.multiply(
                false, rows, x.data, 0, w.packed(true), y, 0, b != null); // (rows, in) @ (in, out)
        int[] shape = x.shape.clone();
        shape[shape.length - 1] = out;
        return Tensor.result(
                "linear",
                y,
                shape,
                g -> {
                    if (x.isRequiringGrad()) {
                        float[] dx = new float[x.data.length];
                        Gemm.multiply(
                                false,
                                rows,
                                g,
                                0,
                                w.packed(false),
                                dx,
                                0,
                                false); // (rows, out) @ (out, in)
                        x.addFreshGrad(dx);
                    }
                    if (w.isRequiringGrad()) {
                        float[] dw = w.gradBuffer();
                        Gemm.multiply(
                                true, false, out, in, rows, g, 0, x.data, 0, dw, 0,
                                true); // (out, rows) @ (rows, in)
                    }
                    if (b != null && b.isRequiringGrad()) {
                        Sums.addColumnSums(g, rows, out, b.gradBuffer());
                    }
                },
                x,
                w,
                b);
    }

    /**
     * Batched a @ bᵀ over the last two axes: (B…, M, K) @ (B…, N, K)ᵀ → (B…, M, N), without
     * materializing the transpose (attention scores Q Kᵀ). dA = g B, dB = gᵀ A.
     */
    static Tensor matmulTransposed(Tensor a, Tensor b) {
        int r = a.shape.length;
        if (r < 2 || b.shape.length != r) {
            throw new IllegalArgumentException(
                    "matmulT: needs equal ranks ≥ 2, got "
                            + Shapes.str(a.shape)
                            + " and "
                            + Shapes.str(b.shape));
        }
        int m = a.shape[r - 2];
        int k = a.shape[r - 1];
        int n = b.shape[r - 2];
        if (b.shape[r - 1] != k) {
            throw new IllegalArgumentException(
                    "matmulT: shapes "
                            + Shapes.str(a.shape)
                            + " and "
                            + Shapes.str(b.shape)
                            + " do not align ("
                            + k
                            + " ≠ "
                            + b.shape[r - 1]
                            + ")");
        }
        int batch = batchOf("matmulT", a, b);
        int[] out = a.shape.clone();
        out[r - 1] = n;
        return batched("matmulT", a, b, batch, m, n, k, true, out);
    }

    /**
     * (…, M, K) @ (K, N) → (…, M, N), or (B…, M, K) @ (B…, K, N) → (B…, M, N) with equal batch
     * dimensions. dA = g Bᵀ, dB = Aᵀ g (summed over the batch when B is shared).
     */
    static Tensor matmul(Tensor a, Tensor b) {
        if (a.shape.length < 2 || b.shape.length < 2) {
            throw new IllegalArgumentException(
                    "matmul: needs tensors of rank 2 or more, got "
                            + Shapes.str(a.shape)
                            + " and "
                            + Shapes.str(b.shape));
        }
        int m = a.shape[a.shape.length - 2];
        int k = a.shape[a.shape.length - 1];
        int kb = b.shape[b.shape.length - 2];
        int n = b.shape[b.shape.length - 1];
        if (k != kb) {
            throw new IllegalArgumentException(
                    "matmul: shapes "
                            + Shapes.str(a.shape)
                            + " and "
                            + Shapes.str(b.shape)
                            + " do not align ("
                            + k
                            + " ≠ "
                            + kb
                            + ")");
        }
        int[] out = a.shape.clone();
        out[out.length - 1] = n;
        if (b.shape.length == 2) {
            int rows = a.data.length / k; // batch dimensions of a folded into rows
            float[] r = new float[rows * n];
            Gemm.multiply(false, false, rows, n, k, a.data, 0, b.data, 0, r, 0, false);
            return Tensor.result(
                    "matmul",
                    r,
                    out,
                    g -> {
                        if (a.isRequiringGrad()) {
                            float[] da = new float[a.data.length];
                            Gemm.multiply(
                                    false, true, rows, k, n, g, 0, b.data, 0, da, 0,
                                    false); // (rows, N) @ (N, K)
                            a.addFreshGrad(da);
                        }
                        if (b.isRequiringGrad()) {
                            float[] db = new float[b.data.length];
                            Gemm.multiply(
                                    true, false, k, n, rows, a.data, 0, g, 0, db, 0,
                                    false); // (K, rows) @ (rows, N)
                            b.addFreshGrad(db);
                        }
                    },
                    a,
                    b);
        }
        int batch = batchOf("matmul", a, b);
        return batched("bmm", a, b, batch, m, n, k, false, out);
    }

    /**
     * The product of the batch dimensions (all but the last two) of a and b, which must be the
     * same.
     */
    private static int batchOf(String op, Tensor a, Tensor b) {
        boolean same = a.shape.length == b.shape.length;
        int batch = 1;
        for (int d = 0; same && d < a.shape.length - 2; d++) {
            same = a.shape[d] == b.shape[d];
            batch *= a.shape[d];
        }
        if (!same) {
            throw new IllegalArgumentException(
                    op
                            + ": batch dimensions of "
                            + Shapes.str(a.shape)
                            + " and "
                            + Shapes.str(b.shape)
                            + " differ");
        }
        return batch;
    }

    /**
     * The batched products behind {@link #matmul} (B is (…, K, N)) and {@link #matmulTransposed} (B
     * is (…, N, K), {@code transB}): one GEMM per batch entry, forward and backward.
     */
    private static Tensor batched(
            String op,
            Tensor a,
            Tensor b,
            int batch,
            int m,
            int n,
            int k,
            boolean transB,
            int[] out) {
        float[] res = new float[batch * m * n];
        for (int t = 0; t < batch; t++) {
            Gemm.multiply(
                    false, transB, m, n, k, a.data, t * m * k, b.data, t * n * k, res, t * m * n,
                    false);
        }
        return Tensor.result(
                op,
                res,
                out,
                g -> {
                    float[] da = a.isRequiringGrad() ? new float[a.data.length] : null;
                    float[] db = b.isRequiringGrad() ? new float[b.data.length] : null;
                    for (int t = 0; t < batch; t++) {
                        if (da != null) { // dA = G·B for B (N, K), G·Bᵀ for B (K, N)
                            Gemm.multiply(
                                    false, !transB, m, k, n, g, t * m * n, b.data, t * n * k, da,
                                    t * m * k, false);
                        }
                        if (db != null && transB) { // dB = Gᵀ·A: (N, M) @ (M, K)
                            Gemm.multiply(
                                    true, false, n, k, m, g, t * m * n, a.data, t * m * k, db,
                                    t * n * k, false);
                        } else if (db != null) { // dB = Aᵀ·G: (K, M) @ (M, N)
                            Gemm.multiply(
                                    true, false, k, n, m, a.data, t * m * k, g, t * m * n, db,
                                    t * k * n, false);
                        }
                    }
                    if (da != null) {
                        a.addFreshGrad(da);
                    }
                    if (db != null) {
                        b.addFreshGrad(db);
                    }
                },
                a,
                b);
    }
}
