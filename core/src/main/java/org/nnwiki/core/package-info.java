/**
 * nnwiki's compute core: float32 {@link org.nnwiki.core.Tensor}s with reverse-mode automatic
 * differentiation. Each differentiable operation keeps its backward pass next to its forward pass
 * (see {@code Elementwise}, {@code Reductions}, {@code Linalg}, {@code Shaping}, {@code
 * Convolution}); layers in {@code nn} and optimizers in {@code optim} use only the public Tensor
 * API, and the {@code kernel} package does the heavy loops on plain arrays without knowing about
 * gradients.
 *
 * <p>Must not depend on anything but the JDK (and {@code jdk.incubator.vector}, loaded only when
 * present): not on the display API, the examples, Tribuo or the generator.
 */
package org.nnwiki.core;
