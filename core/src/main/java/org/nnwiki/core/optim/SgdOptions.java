package org.nnwiki.core.optim;

/**
 * SGD's settings by name, with PyTorch's defaults (no momentum, no weight decay): {@code
 * Optimizers.sgd(params, SgdOptions.lr(0.1).momentum(0.9).nesterov(true))}.
 */
public record SgdOptions(double lr, double momentum, boolean nesterov, double weightDecay) {
    public static SgdOptions lr(double lr) {
        return new SgdOptions(lr, 0, false, 0);
    }

    public SgdOptions momentum(double momentum) {
        return new SgdOptions(lr, momentum, nesterov, weightDecay);
    }

    public SgdOptions nesterov(boolean nesterov) {
        return new SgdOptions(lr, momentum, nesterov, weightDecay);
    }

    /** L2 regularization: λw is added to the gradient. */
    public SgdOptions weightDecay(double weightDecay) {
        return new SgdOptions(lr, momentum, nesterov, weightDecay);
    }
}
