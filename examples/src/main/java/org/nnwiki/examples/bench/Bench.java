package org.nnwiki.examples.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nnwiki.core.Rng;
import org.nnwiki.core.Tensor;
import org.nnwiki.core.kernel.Gemm;
import org.nnwiki.core.nn.Activation;
import org.nnwiki.core.nn.Conv2d;
import org.nnwiki.core.nn.Embedding;
import org.nnwiki.core.nn.LSTM;
import org.nnwiki.core.nn.Linear;
import org.nnwiki.core.nn.Losses;
import org.nnwiki.core.nn.MaxPool2d;
import org.nnwiki.core.nn.Module;
import org.nnwiki.core.nn.MultiHeadAttention;
import org.nnwiki.core.nn.PositionalEncoding;
import org.nnwiki.core.nn.Recurrent;
import org.nnwiki.core.nn.Sequential;
import org.nnwiki.core.nn.Transformer;
import org.nnwiki.core.optim.Optimizer;
import org.nnwiki.core.optim.Optimizers;

/**
 * Times the core: {@code name <TAB> median milliseconds <TAB> GFLOP/s (sgemm only)} per line. The
 * training steps are forward, backward and an optimizer step on random data, the same
 * configurations as {@code bench/reference.py}.
 */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3.0;
        String only = args.length > 1 ? args[1] : "";
        System.out.println(
                "# kernel\t"
                        + Gemm.implementation()
                        + "\tthreads\t"
                        + Runtime.getRuntime().availableProcessors());
        for (int n :
                only.isEmpty() || only.startsWith("sgemm")
                        ? new int[] {256, 512, 1024}
                        : new int[0]) {
            float[] a = random(n * n);
            float[] b = random(n * n);
            float[] c = new float[n * n];
            double ms =
                    median(
                            () -> Gemm.multiply(false, false, n, n, n, a, 0, b, 0, c, 0, false),
                            seconds);
            System.out.printf(
                    Locale.ROOT, "sgemm_%d\t%.4f\t%.1f%n", n, ms, 2.0 * n * n * n / (ms * 1e6));
        }
        for (Step s : steps()) {
            if (!s.name.startsWith(only)) {
                continue;
            }
            double ms = median(s.body, seconds);
            System.out.printf(Locale.ROOT, "%s\t%.4f\t%n", s.name, ms);
        }
    }

    private record Step(String name, Runnable body) {}

    private static List<Step> steps() {
        Rng.manualSeed(0);
        List<Step> out = new ArrayList<>();

        Sequential tiny =
                new Sequential(
                        new Linear(2, 64),
                        Activation.relu(),
                        new Linear(64, 64),
                        Activation.relu(),
                        new Linear(64, 2));
        out.add(classifier("a_mlp_2_64_64_2_b256", tiny, Tensor.randn(256, 2), labels(256, 2)));

        Sequential mlp =
                new Sequential(
                        new Linear(784, 256),
                        Activation.relu(),
                        new Linear(256, 128),
                        Activation.relu(),
                        new Linear(128, 10));
        out.add(
                classifier(
                        "b_mlp_784_256_128_10_b128", mlp, Tensor.randn(128, 784), labels(128, 10)));

        Sequential cnn =
                new Sequential(
                        new Conv2d(1, 8, 3, 1, 1),
                        Activation.relu(),
                        new MaxPool2d(2),
                        new Conv2d(8, 16, 3, 1, 1),
                        Activation.relu(),
                        new MaxPool2d(2),
                        Activation.flatten(),
                        new Linear(784, 10));
        out.add(classifier("c_cnn_28x28_b64", cnn, Tensor.randn(64, 1, 28, 28), labels(64, 10)));

        out.add(lstm());
        out.add(transformer());
        return out;
    }

    private static Step classifier(String name, Sequential model, Tensor x, int[] y) {
        Optimizer opt = Optimizers.adam(model.parameters(), 1e-3);
        return new Step(
                name,
                () -> {
                    Tensor loss = Losses.crossEntropy(model.forward(x), y);
                    opt.zeroGrad();
                    loss.backward();
                    opt.step();
                });
    }

    private static Step lstm() {
        int vocab = 65, embed = 32, hidden = 128, t = 64, n = 32;
        Embedding emb = new Embedding(vocab, embed);
        Recurrent rnn = new LSTM(embed, hidden);
        Linear head = new Linear(hidden, vocab);
        Optimizer opt = Optimizers.adam(params(emb, rnn, head), 1e-3);
        int[] ids = labels(n * t, vocab);
        int[] next = labels(n * t, vocab);
        return new Step(
                "d_lstm_char_b32_t64",
                () -> {
                    Tensor h = rnn.forward(emb.forward(ids, n, t)).outputs(); // (N, T, H)
                    Tensor loss = Losses.crossEntropy(head.forward(h).reshape(n * t, vocab), next);
                    opt.zeroGrad();
                    loss.backward();
                    opt.step();
                });
    }

    private static Step transformer() {
        int vocab = 65, d = 64, heads = 4, layers = 2, t = 64, n = 32;
        Embedding emb = new Embedding(vocab, d);
        PositionalEncoding pos = PositionalEncoding.learned(t, d);
        List<Transformer.EncoderLayer> blocks = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            blocks.add(new Transformer.EncoderLayer(d, heads, 4 * d, 0f, true));
        }
        org.nnwiki.core.nn.LayerNorm norm = new org.nnwiki.core.nn.LayerNorm(d);
        Linear head = new Linear(d, vocab);
        List<Module> all = new ArrayList<>(List.of(emb, pos, norm, head));
        all.addAll(blocks);
        Optimizer opt = Optimizers.adam(params(all.toArray(Module[]::new)), 1e-3);
        Tensor mask = MultiHeadAttention.causalMask(t);
        int[] ids = labels(n * t, vocab);
        int[] next = labels(n * t, vocab);
        return new Step(
                "e_transformer_char_b32_t64",
                () -> {
                    Tensor h = pos.forward(emb.forward(ids, n, t)); // (N, T, D)
                    for (Transformer.EncoderLayer b : blocks) {
                        h = b.forward(h, mask).output();
                    }
                    Tensor loss =
                            Losses.crossEntropy(
                                    head.forward(norm.forward(h)).reshape(n * t, vocab), next);
                    opt.zeroGrad();
                    loss.backward();
                    opt.step();
                });
    }

    private static List<Tensor> params(Module... modules) {
        List<Tensor> p = new ArrayList<>();
        for (Module m : modules) {
            p.addAll(m.parameters());
        }
        return p;
    }

    private static int[] labels(int n, int classes) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = (int) (Math.abs(Tensor.randn(1).item() * 1000)) % classes;
        }
        return y;
    }

    private static float[] random(int n) {
        return Tensor.randn(n).toArray();
    }

    /**
     * Warms up for a third of the budget, then returns the median of timed runs in milliseconds.
     */
    private static double median(Runnable body, double seconds) {
        long warmEnd = System.nanoTime() + (long) (seconds / 3 * 1e9);
        while (System.nanoTime() < warmEnd) {
            body.run();
        }
        List<Double> times = new ArrayList<>();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end || times.size() < 5) {
            long t0 = System.nanoTime();
            body.run();
            times.add((System.nanoTime() - t0) / 1e6);
        }
        double[] sorted = times.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
