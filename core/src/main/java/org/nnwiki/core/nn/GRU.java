package org.nnwiki.core.nn;

/**
 * The GRU layer (Cho et al. 2014): an update gate z and a reset gate r over one state h. Input (N,
 * T, input), outputs (N, T, hidden); see {@link Recurrent}.
 */
public final class GRU extends Recurrent {
    public GRU(int input, int hidden) {
        super(new GRUCell(input, hidden));
    }
}
