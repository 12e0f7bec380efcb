/**
 * Layers with PyTorch's names ({@code Linear}, {@code Conv2d}, {@code LSTM}, {@code
 * MultiHeadAttention}, …), built from the public {@link org.nnwiki.core.Tensor} API only: no layer
 * has backward code of its own. Shapes in comments use N (batch), T/S (sequence), C (channels or
 * classes), D (features).
 */
package org.nnwiki.core.nn;
