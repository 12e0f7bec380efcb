package org.nnwiki.core.nn;

import java.util.ArrayList;
import java.util.List;
import org.nnwiki.core.Tensor;

/**
 * Recurrent layers over batch-first sequences x (N, T, D): {@link RNN}, {@link LSTM}, {@link GRU}.
 * Each step applies a cell; {@link #forward} returns every step's hidden state and the last state.
 * Unrolled step by step, so backpropagation through time is the ordinary backward pass.
 */
public abstract sealed class Recurrent extends Module permits RNN, LSTM, GRU {

    /**
     * What a sequence layer returns: outputs (N, T, H), last hidden state h (N, H), and c (N, H)
     * for LSTMs.
     */
    public record Output(Tensor outputs, Tensor h, Tensor c) {}

    /**
     * One step: (x_t, h, c) → (h', c'). The input's projection x W_ihᵀ + b_ih does not depend on
     * the state, so a sequence layer computes it for all steps in one matrix multiplication and
     * calls {@link #stepProjected}; {@link #step} is the same for a single input.
     */
    public abstract static class Cell extends Module {
        final int hidden;
        final Linear ih;

        Cell(int hidden, Linear ih) {
            this.hidden = hidden;
            this.ih = child("ih", ih);
        }

        public final Tensor[] step(Tensor x, Tensor h, Tensor c) {
            return stepProjected(ih.forward(x), h, c);
        }

        abstract Tensor[] stepProjected(Tensor xProj, Tensor h, Tensor c);
    }

    /** h' = tanh(x W_ihᵀ + b_ih + h W_hhᵀ + b_hh). */
    public static final class RNNCell extends Cell {
        private final Linear hh;

        public RNNCell(int input, int hidden) {
            super(hidden, new Linear(input, hidden));
            hh = child("hh", new Linear(hidden, hidden));
        }

        @Override
        Tensor[] stepProjected(Tensor xProj, Tensor h, Tensor c) {
            return new Tensor[] {xProj.add(hh.forward(h)).tanh(), null};
        }
    }

    /**
     * LSTM (Hochreiter and Schmidhuber 1997): gates i, f, g, o from one (N, 4H) projection; c' = f
     * ⊙ c + i ⊙ g, h' = o ⊙ tanh(c'). The forget-gate bias starts at 1, a common aid.
     */
    public static final class LSTMCell extends Cell {
        private final Linear hh;

        public LSTMCell(int input, int hidden) {
            super(hidden, new Linear(input, 4 * hidden));
            hh = child("hh", new Linear(hidden, 4 * hidden, false));
            for (int j = hidden; j < 2 * hidden; j++) {
                ih.bias.set(1f, j);
            }
        }

        @Override
        Tensor[] stepProjected(Tensor xProj, Tensor h, Tensor c) {
            Tensor gates = xProj.add(hh.forward(h)); // (N, 4H)
            Tensor i = gates.slice(1, 0, hidden).sigmoid();
            Tensor f = gates.slice(1, hidden, 2 * hidden).sigmoid();
            Tensor g = gates.slice(1, 2 * hidden, 3 * hidden).tanh();
            Tensor o = gates.slice(1, 3 * hidden, 4 * hidden).sigmoid();
            Tensor c2 = f.mul(c).add(i.mul(g)); // (N, H)
            return new Tensor[] {o.mul(c2.tanh()), c2};
        }
    }

    /**
     * GRU (Cho et al. 2014): r, z from x and h; n = tanh(x W_in + b_in + r ⊙ (h W_hn + b_hn)); h' =
     * (1 − z) ⊙ n + z ⊙ h.
     */
    public static final class GRUCell extends Cell {
        private final Linear hh;

        public GRUCell(int input, int hidden) {
            super(hidden, new Linear(input, 3 * hidden));
            hh = child("hh", new Linear(hidden, 3 * hidden));
        }

        @Override
        Tensor[] stepProjected(Tensor xProj, Tensor h, Tensor c) {
            Tensor gx = xProj; // (N, 3H)
            Tensor gh = hh.forward(h); // (N, 3H)
            Tensor r = gx.slice(1, 0, hidden).add(gh.slice(1, 0, hidden)).sigmoid();
            Tensor z =
                    gx.slice(1, hidden, 2 * hidden).add(gh.slice(1, hidden, 2 * hidden)).sigmoid();
            Tensor n =
                    gx.slice(1, 2 * hidden, 3 * hidden)
                            .add(r.mul(gh.slice(1, 2 * hidden, 3 * hidden)))
                            .tanh();
            return new Tensor[] {z.neg().add(1f).mul(n).add(z.mul(h)), null};
        }
    }

    private final Cell cell;

    Recurrent(Cell cell) {
        this.cell = child("cell", cell);
    }

    public Cell cell() {
        return cell;
    }

    /** Runs the sequence x (N, T, D) from zero state. */
    public Output forward(Tensor x) {
        int n = x.size(0);
        return forward(x, Tensor.zeros(n, cell.hidden), Tensor.zeros(n, cell.hidden));
    }

    /** Runs the sequence from state (h, c); c is ignored by RNN and GRU cells. */
    public Output forward(Tensor x, Tensor h, Tensor c) {
        int n = x.size(0);
        int t = x.size(1);
        Tensor xp = cell.ih.forward(x); // (N, T, G·H), all steps at once
        int g = xp.size(2);
        List<Tensor> outs = new ArrayList<>();
        for (int s = 0; s < t; s++) {
            Tensor xt = xp.slice(1, s, s + 1).reshape(n, g); // (N, G·H)
            Tensor[] hc = cell.stepProjected(xt, h, c);
            h = hc[0];
            c = hc[1] == null ? c : hc[1];
            outs.add(h);
        }
        return new Output(Tensor.stack(outs, 1), h, c); // (N, T, H)
    }
}
