package org.nnwiki.core.optim;

import java.util.List;
import org.nnwiki.core.Tensor;

/**
 * Updates parameters from their gradients: {@code loss.backward(); opt.step(); opt.zeroGrad();}.
 * Subclasses implement one parameter's update in {@link #update}; state lives in per-parameter
 * arrays.
 */
public abstract class Optimizer {
    protected final List<Tensor> params;
    protected double lr;
    private int steps;

    protected Optimizer(List<Tensor> params, double lr) {
        this.params = List.copyOf(params);
        this.lr = lr;
    }

    public final void step() {
        steps++;
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i);
            float[] g = ParameterAccess.gradient(p);
            if (g != null) {
                update(i, ParameterAccess.data(p), g, steps);
            }
        }
    }

    /** Updates {@code w} in place from gradient {@code g}; {@code t} counts steps from 1. */
    protected abstract void update(int index, float[] w, float[] g, int t);

    public final void zeroGrad() {
        params.forEach(Tensor::zeroGrad);
    }

    public double lr() {
        return lr;
    }

    public void setLr(double lr) {
        this.lr = lr;
    }

    /**
     * Scales all gradients so that their joint L2 norm is at most {@code maxNorm}; returns the norm
     * before clipping.
     */
    public static double clipGradNorm(List<Tensor> params, double maxNorm) {
        double sq = 0;
        for (Tensor p : params) {
            float[] g = ParameterAccess.gradient(p);
            if (g != null) {
                for (float v : g) {
                    sq += (double) v * v;
                }
            }
        }
        double norm = Math.sqrt(sq);
        if (norm > maxNorm) {
            float scale = (float) (maxNorm / (norm + 1e-6));
            for (Tensor p : params) {
                float[] g = ParameterAccess.gradient(p);
                if (g != null) {
                    for (int i = 0; i < g.length; i++) {
                        g[i] *= scale;
                    }
                }
            }
        }
        return norm;
    }
}
