package org.nnwiki.core.optim;

/**
 * Adam's and AdamW's settings by name, with PyTorch's defaults (β = 0.9, 0.999; ε = 1e-8; no weight
 * decay): {@code Optimizers.adamW(params, AdamOptions.lr(3e-3).weightDecay(0.01))}.
 */
public record AdamOptions(double lr, double beta1, double beta2, double eps, double weightDecay) {
    public static AdamOptions lr(double lr) {
        return new AdamOptions(lr, 0.9, 0.999, 1e-8, 0);
    }

    public AdamOptions betas(double beta1, double beta2) {
        return new AdamOptions(lr, beta1, beta2, eps, weightDecay);
    }

    public AdamOptions eps(double eps) {
        return new AdamOptions(lr, beta1, beta2, eps, weightDecay);
    }

    /**
     * λ: Adam adds λw to the gradient (L2 regularization); AdamW shrinks the weights by ηλ,
     * decoupled.
     */
    public AdamOptions weightDecay(double weightDecay) {
        return new AdamOptions(lr, beta1, beta2, eps, weightDecay);
    }
}
