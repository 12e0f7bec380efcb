package org.nnwiki.core.optim;

/**
 * AdaGrad's settings by name, with PyTorch's default ε = 1e-10: {@code Optimizers.adaGrad(params,
 * AdaGradOptions.lr(0.1).eps(1e-6))}.
 */
public record AdaGradOptions(double lr, double eps) {
    public static AdaGradOptions lr(double lr) {
        return new AdaGradOptions(lr, 1e-10);
    }

    public AdaGradOptions eps(double eps) {
        return new AdaGradOptions(lr, eps);
    }
}
