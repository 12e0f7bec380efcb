package org.nnwiki.core.nn;

/**
 * The vanilla (Elman) recurrent layer: h_t = tanh(x_t W_ihᵀ + b_ih + h_{t−1} W_hhᵀ + b_hh). Input
 * (N, T, input), outputs (N, T, hidden); see {@link Recurrent}.
 */
public final class RNN extends Recurrent {
    public RNN(int input, int hidden) {
        super(new RNNCell(input, hidden));
    }
}
