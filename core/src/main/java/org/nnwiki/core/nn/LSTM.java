package org.nnwiki.core.nn;

/**
 * The LSTM layer (Hochreiter and Schmidhuber 1997): gates i, f, g, o and a cell state c updated by
 * addition. Input (N, T, input), outputs (N, T, hidden); see {@link Recurrent}.
 */
public final class LSTM extends Recurrent {
    public LSTM(int input, int hidden) {
        super(new LSTMCell(input, hidden));
    }
}
