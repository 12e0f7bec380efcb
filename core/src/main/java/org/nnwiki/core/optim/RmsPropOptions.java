package org.nnwiki.core.optim;

/**
 * RMSProp's settings by name, with PyTorch's defaults (α = 0.99, ε = 1e-8): {@code
 * Optimizers.rmsProp(params, RmsPropOptions.lr(0.01).alpha(0.9))}.
 */
public record RmsPropOptions(double lr, double alpha, double eps) {
    public static RmsPropOptions lr(double lr) {
        return new RmsPropOptions(lr, 0.99, 1e-8);
    }

    /** The decay of the running mean of g². */
    public RmsPropOptions alpha(double alpha) {
        return new RmsPropOptions(lr, alpha, eps);
    }

    public RmsPropOptions eps(double eps) {
        return new RmsPropOptions(lr, alpha, eps);
    }
}
