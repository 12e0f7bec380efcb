package org.nnwiki.core;

import org.nnwiki.core.kernel.Gemm;

/** Matrix multiplication, plain and batched, forward next to backward. */
final class Linalg {
    private Linalg() {}

    /**
     * (…, M, K) @ (K, N) → (…, M, N), or (B…, M, K) @ (B…, K, N) → (B…, M, N) with equal batch
     * dimensions. dA = g Bᵀ, dB = Aᵀ g (summed over the batch when B is shared).
     */
    static Tensor matmul(Tensor a, Tensor b) {
        if (a.shape.length < 2 || b.shape.length < 2) {
            throw new IllegalArgumentException("matmul: needs tensors of rank 2 or more, got " + Shapes.str(a.shape) + " and " + Shapes.str(b.shape));
        }
        int m = a.shape[a.shape.length - 2];
        int k = a.shape[a.shape.length - 1];
        int kb = b.shape[b.shape.length - 2];
        int n = b.shape[b.shape.length - 1];
        if (k != kb) {
            throw new IllegalArgumentException("matmul: shapes " + Shapes.str(a.shape) + " and " + Shapes.str(b.shape) + " do not align (" + k + " ≠ " + kb + ")");
        }
        int[] out = a.shape.clone();
        out[out.length - 1] = n;
        if (b.shape.length == 2) {
            int rows = a.data.length / k; // batch dimensions of a folded into rows
            float[] r = new float[rows * n];
            Gemm.multiply(false, false, rows, n, k, a.data, 0, b.data, 0, r, 0, false);
            return Tensor.result("matmul", r, out, g -> {
                if (a.isRequiringGrad()) {
                    float[] da = new float[a.data.length];
                    Gemm.multiply(false, true, rows, k, n, g, 0, b.data, 0, da, 0, false); // (rows, N) @ (N, K)
                    a.addGrad(da);
                }
                if (b.isRequiringGrad()) {
                    float[] db = new float[b.data.length];
                    Gemm.multiply(true, false, k, n, rows, a.data, 0, g, 0, db, 0, false); // (K, rows) @ (rows, N)
                    b.addGrad(db);
                }
            }, a, b);
        }
        if (a.shape.length != b.shape.length) {
            throw new IllegalArgumentException("matmul: batch dimensions of " + Shapes.str(a.shape) + " and " + Shapes.str(b.shape) + " differ");
        }
        int batch = 1;
        for (int d = 0; d < a.shape.length - 2; d++) {
            if (a.shape[d] != b.shape[d]) {
                throw new IllegalArgumentException("matmul: batch dimensions of " + Shapes.str(a.shape) + " and " + Shapes.str(b.shape) + " differ");
            }
            batch *= a.shape[d];
        }
        float[] r = new float[batch * m * n];
        for (int t = 0; t < batch; t++) {
            Gemm.multiply(false, false, m, n, k, a.data, t * m * k, b.data, t * k * n, r, t * m * n, false);
        }
        int nb = batch;
        return Tensor.result("bmm", r, out, g -> {
            float[] da = a.isRequiringGrad() ? new float[a.data.length] : null;
            float[] db = b.isRequiringGrad() ? new float[b.data.length] : null;
            for (int t = 0; t < nb; t++) {
                if (da != null) {
                    Gemm.multiply(false, true, m, k, n, g, t * m * n, b.data, t * k * n, da, t * m * k, false);
                }
                if (db != null) {
                    Gemm.multiply(true, false, k, n, m, a.data, t * m * k, g, t * m * n, db, t * k * n, false);
                }
            }
            if (da != null) {
                a.addGrad(da);
            }
            if (db != null) {
                b.addGrad(db);
            }
        }, a, b);
    }
}
