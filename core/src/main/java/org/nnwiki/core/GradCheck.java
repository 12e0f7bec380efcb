package org.nnwiki.core;

import java.util.List;
import java.util.function.Supplier;

/**
 * Finite-difference gradient checking: compares the gradients {@link Tensor#backward()} computes
 * with central differences (f(θ + ε) − f(θ − ε)) / 2ε, parameter by parameter.
 *
 * <pre>{@code
 * Tensor w = Tensor.randn(3, 3).requiresGrad();
 * GradCheck.Result r = GradCheck.check(() -> w.tanh().sum(), List.of(w), 1e-2);
 * r.maxRelativeError();   // small when the derivative is right
 * }</pre>
 *
 * <p>Runs in float32 like everything else, so ε must not be tiny (1e-2 … 1e-3) and agreement is to
 * about 1e-3 relative, enough to catch a missing factor, a transposed matrix or a lost broadcast.
 */
public final class GradCheck {
    private GradCheck() {}

    /**
     * @param maxRelativeError the worst |analytic − numeric| / max(|analytic|, |numeric|, 1e-2);
     *     the floor keeps float32 rounding in tiny gradients from counting as errors
     * @param worstParameter index into the parameter list of the worst element
     * @param worstIndex flat index of that element
     */
    public record Result(
            double maxRelativeError,
            int worstParameter,
            int worstIndex,
            double analytic,
            double numeric) {
        public boolean passed(double tolerance) {
            return maxRelativeError <= tolerance;
        }
    }

    /**
     * Checks every element of every parameter; {@code loss} must rebuild the graph on each call.
     */
    @SuppressWarnings("try") // the no-grad scope is used only for its extent
    public static Result check(Supplier<Tensor> loss, List<Tensor> parameters, double eps) {
        for (Tensor p : parameters) {
            p.zeroGrad();
        }
        loss.get().backward();
        double worst = 0;
        int wp = -1, wi = -1;
        double wa = 0, wn = 0;
        for (int pi = 0; pi < parameters.size(); pi++) {
            Tensor p = parameters.get(pi);
            float[] analytic = p.grad == null ? new float[p.data.length] : p.grad.clone();
            for (int i = 0; i < p.data.length; i++) {
                float saved = p.data[i];
                double plus;
                double minus;
                try (Tensor.NoGrad off = Tensor.noGrad()) {
                    p.data[i] = (float) (saved + eps);
                    p.version++;
                    plus = loss.get().item();
                    p.data[i] = (float) (saved - eps);
                    p.version++;
                    minus = loss.get().item();
                } finally {
                    p.data[i] = saved;
                    p.version++;
                }
                double numeric = (plus - minus) / (2 * eps);
                double err =
                        Math.abs(analytic[i] - numeric)
                                / Math.max(
                                        Math.max(Math.abs(analytic[i]), Math.abs(numeric)), 1e-2);
                if (err > worst || wp < 0) {
                    worst = err;
                    wp = pi;
                    wi = i;
                    wa = analytic[i];
                    wn = numeric;
                }
            }
        }
        return new Result(worst, wp, wi, wa, wn);
    }
}
