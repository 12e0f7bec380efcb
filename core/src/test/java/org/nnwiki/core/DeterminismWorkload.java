package org.nnwiki.core;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.nnwiki.core.kernel.Gemm;
import org.nnwiki.core.nn.Activation;
import org.nnwiki.core.nn.BatchNorm;
import org.nnwiki.core.nn.BatchNorm2d;
import org.nnwiki.core.nn.Conv2d;
import org.nnwiki.core.nn.Embedding;
import org.nnwiki.core.nn.GRU;
import org.nnwiki.core.nn.LSTM;
import org.nnwiki.core.nn.LayerNorm;
import org.nnwiki.core.nn.Linear;
import org.nnwiki.core.nn.Losses;
import org.nnwiki.core.nn.MaxPool2d;
import org.nnwiki.core.nn.Module;
import org.nnwiki.core.nn.MultiHeadAttention;
import org.nnwiki.core.nn.PositionalEncoding;
import org.nnwiki.core.nn.Recurrent;
import org.nnwiki.core.nn.Sequential;
import org.nnwiki.core.nn.Transformer;
import org.nnwiki.core.optim.AdamOptions;
import org.nnwiki.core.optim.Optimizer;
import org.nnwiki.core.optim.Optimizers;
import org.nnwiki.core.optim.RmsPropOptions;
import org.nnwiki.core.optim.Schedules;
import org.nnwiki.core.optim.SgdOptions;

/**
 * The canonical workload of {@code DeterminismTest}: every differentiable operation forward and
 * backward on seeded data, then a few dozen training steps of an MLP, a CNN, an LSTM and a
 * transformer, each section hashed over the bits of all its results (SHA-256 of every output,
 * gradient, loss and final parameter).
 *
 * <p>Run as a program in a child JVM: {@code DeterminismWorkload full|small [repeats]} prints one
 * line {@code section <TAB> hash} per section and a last line {@code total <TAB> hash}. With
 * repeats &gt; 1 the sections run again in the same JVM (warmed up, compiled by then) and the
 * program fails if any repetition hashes differently. {@code small} is the ops section on sizes an
 * interpreter (-Xint) gets through in seconds; it still crosses every vector loop's tail.
 */
public final class DeterminismWorkload {
    private DeterminismWorkload() {}

    /** A hash over floats, ints and doubles, in the order given. */
    static final class Hash {
        private final MessageDigest digest;
        private final ByteBuffer buffer = ByteBuffer.allocate(8);

        Hash() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void add(float[] values) {
            ByteBuffer b = ByteBuffer.allocate(4 * values.length);
            for (float v : values) {
                b.putInt(Float.floatToIntBits(v));
            }
            digest.update(b.array());
        }

        void add(Tensor t) {
            add(t.toArray());
            if (t.isRequiringGrad() && t.grad() != null) {
                add(t.grad().toArray());
            }
        }

        void add(double v) {
            buffer.clear();
            digest.update(buffer.putLong(Double.doubleToLongBits(v)).array());
        }

        void add(String s) {
            digest.update(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    public static void main(String[] args) {
        String part = args.length > 0 ? args[0] : "full";
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Map<String, String> first = null;
        for (int r = 0; r < repeats; r++) {
            Map<String, String> hashes = run(part);
            if (first == null) {
                first = hashes;
            } else if (!first.equals(hashes)) {
                System.out.println("repeat\t" + r + "\tdiffers: " + hashes);
                System.exit(3);
            }
        }
        first.forEach((k, v) -> System.out.println(k + "\t" + v));
        System.err.println(
                "kernel: "
                        + Gemm.implementation()
                        + ", threads "
                        + Runtime.getRuntime().availableProcessors());
    }

    /** Section name → hash, and "total" over all sections. */
    static Map<String, String> run(String part) {
        Map<String, Supplier<String>> sections = new LinkedHashMap<>();
        boolean small = part.equals("small");
        sections.put("ops", () -> ops(small ? 1 : 4));
        if (!small) {
            sections.put("mlp", DeterminismWorkload::mlp);
            sections.put("cnn", DeterminismWorkload::cnn);
            sections.put("lstm", DeterminismWorkload::lstm);
            sections.put("transformer", DeterminismWorkload::transformer);
        }
        Map<String, String> out = new LinkedHashMap<>();
        Hash total = new Hash();
        sections.forEach(
                (name, body) -> {
                    Rng.manualSeed(42);
                    String h = body.get();
                    out.put(name, h);
                    total.add(h);
                });
        out.put("total", total.hex());
        return out;
    }

    /** Forward and backward of one operation: hashes the output, then every input's gradient. */
    private static void op(
            Hash h, java.util.function.Function<Tensor[], Tensor> f, Tensor... inputs) {
        for (Tensor t : inputs) {
            t.zeroGrad();
        }
        Tensor y = f.apply(inputs);
        h.add(y.toArray());
        y.backward(Tensor.randn(y.shape()).toArray());
        for (Tensor t : inputs) {
            if (t.isRequiringGrad()) {
                h.add(t.grad().toArray());
            }
        }
    }

    private static Tensor p(int... shape) {
        return Tensor.randn(shape).requiresGrad();
    }

    /**
     * Every operation. {@code scale} 4 makes the element-wise inputs about 100k elements and the
     * products large enough for the helper threads; odd sizes leave tails after every vector loop.
     */
    static String ops(int scale) {
        Hash h = new Hash();
        int rows = 37 * scale, cols = 173 * scale / 2 + 1; // 148 × 347 at scale 4
        Tensor a = p(rows, cols), b = p(rows, cols), bias = p(cols), col = p(rows, 1), one = p(1);
        Tensor pos = Tensor.uniform(0.1f, 3f, rows, cols).requiresGrad();
        op(h, t -> t[0].add(t[1]), a, b);
        op(h, t -> t[0].add(t[1]), a, bias);
        op(h, t -> t[0].add(t[1]), a, col);
        op(h, t -> t[0].add(t[1]), one, a);
        op(h, t -> t[0].sub(t[1]), a, col);
        op(h, t -> t[0].mul(t[1]), a, b);
        op(h, t -> t[0].mul(t[1]), a, bias);
        op(h, t -> t[0].div(t[1]), a, pos);
        op(h, t -> t[0].div(t[1]), a, Tensor.uniform(9f, 11f, rows, 1).requiresGrad());
        op(h, t -> t[0].add(0.5f).mul(3f).sub(1f).div(7f).neg(), a);
        op(h, t -> t[0].pow(2.5f), pos);
        op(h, t -> t[0].pow(3f), a);
        op(h, t -> t[0].mul(4f).exp(), a);
        op(h, t -> t[0].log(), pos);
        op(h, t -> t[0].sqrt(), pos);
        op(h, t -> t[0].mul(3f).tanh(), a);
        op(h, t -> t[0].mul(3f).sigmoid(), a);
        op(h, t -> t[0].relu(), a);
        op(h, t -> t[0].leakyRelu(0.1f), a);
        op(h, t -> t[0].mul(2f).gelu(), a);
        Tensor mask = Tensor.uniform(0, 1, rows, cols);
        op(h, t -> t[0].maskedFill(mask.sub(0.5f).relu(), -1e9f).softmax(-1), a);
        op(h, t -> t[0].maskedFill(MultiHeadAttention.causalMask(cols).slice(0, 0, 1), -7f), a);
        op(h, t -> t[0].dropout(0.3f, true), a);
        op(h, t -> t[0].sum(), a);
        op(h, t -> t[0].mean(), a);
        op(h, t -> t[0].sum(0, false), a);
        op(h, t -> t[0].sum(1, true), a);
        op(h, t -> t[0].mean(1, false), a);
        op(h, t -> t[0].max(1, false), a);
        op(h, t -> t[0].max(0, true), a);
        op(h, t -> t[0].mul(5f).softmax(-1), a);
        op(h, t -> t[0].mul(5f).softmax(0), a);
        op(h, t -> t[0].mul(5f).logSoftmax(-1), a);
        op(h, t -> t[0].mul(5f).logSoftmax(0), a);
        Tensor three = p(3, 5 * scale, 61);
        op(h, t -> t[0].softmax(1), three);
        op(h, t -> t[0].logSoftmax(1), three);
        op(h, t -> t[0].permute(2, 0, 1).transpose(0, 2).reshape(-1).slice(0, 7, 300), three);
        op(h, t -> t[0].slice(1, 1, 4).reshape(3, -1), three);
        op(h, t -> t[0].indexSelect(new int[] {3, 0, 3, rows - 1}), a);
        int[] targets = new int[rows];
        for (int i = 0; i < rows; i++) {
            targets[i] = (i * 7919) % cols;
        }
        op(h, t -> t[0].pick(targets), a);
        op(h, t -> Tensor.cat(List.of(t[0], t[1]), 1), a, b);
        op(h, t -> Tensor.stack(List.of(t[0], t[1]), 0), a, b);
        op(h, t -> Losses.crossEntropy(t[0], targets), a);
        op(h, t -> Losses.mse(t[0], t[1]), a, b);
        int n = 64 * scale + 3, k = 64 * scale + 5, m = 64 * scale - 1;
        Tensor x = p(n, k), w = p(k, m), wt = p(m, k), lb = p(m);
        op(h, t -> t[0].matmul(t[1]), x, w);
        op(h, t -> t[0].matmulT(t[1]), x, wt);
        op(h, t -> t[0].linear(t[1], t[2]), x, wt, lb);
        op(h, t -> t[0].linear(t[1], null), x, wt);
        Tensor ba = p(3, 33 * scale, 29),
                bb = p(3, 29, 31 * scale),
                bt = p(3, 31 * scale, 29),
                b2 = p(29, 17);
        op(h, t -> t[0].matmul(t[1]), ba, bb);
        op(h, t -> t[0].matmulT(t[1]), ba, bt);
        op(h, t -> t[0].matmul(t[1]), ba, b2);
        Tensor gamma = p(cols), beta = p(cols);
        op(h, t -> t[0].layerNorm(t[1], t[2], 1e-5f), a, gamma, beta);
        int img = 4 * scale + 1;
        Tensor im = p(img, 3, 13, 15);
        op(h, t -> t[0].conv2d(t[1], t[2], 1, 1), im, p(8, 3, 3, 3), p(8));
        op(h, t -> t[0].conv2d(t[1], t[2], 1, 0), im, p(5, 3, 3, 2), p(5));
        op(h, t -> t[0].conv2d(t[1], null, 1, 2), im, p(4, 3, 5, 5));
        op(h, t -> t[0].conv2d(t[1], t[2], 2, 1), im, p(6, 3, 3, 3), p(6));
        op(h, t -> t[0].conv2d(t[1], t[2], 2, 1), im, p(40, 3, 3, 3), p(40));
        op(h, t -> t[0].maxPool2d(2, 2), im);
        op(h, t -> t[0].maxPool2d(3, 2), im);
        op(h, t -> t[0].avgPool2d(2, 2), im);
        BatchNorm bn = new BatchNorm2d(3);
        op(h, t -> bn.forward(t[0]), im);
        bn.eval();
        op(h, t -> bn.forward(t[0]), im);
        // Initializers and the random sources the pages use.
        h.add(new Linear(37, 29).weight);
        h.add(Tensor.uniform(-1, 1, 1000));
        h.add(PositionalEncoding.table(50, 34));
        h.add(Schedules.cosine(0.1, 1e-3, 100).at(37));
        h.add(Schedules.step(0.1, 10, 0.5).at(37));
        h.add(PositionalEncoding.table(7, 5).toArray());
        return h.hex();
    }

    private static List<Tensor> params(Module... modules) {
        List<Tensor> ps = new ArrayList<>();
        for (Module m : modules) {
            ps.addAll(m.parameters());
        }
        return ps;
    }

    private static int[] labels(int n, int classes) {
        int[] y = new int[n];
        Rng r = Rng.seeded(n * 31L + classes);
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(classes);
        }
        return y;
    }

    /** Trains for {@code steps}, hashing every loss and then every parameter with its gradient. */
    private static String train(
            List<Tensor> params, Optimizer opt, int steps, Supplier<Tensor> loss) {
        Hash h = new Hash();
        for (int s = 0; s < steps; s++) {
            Tensor l = loss.get();
            opt.zeroGrad();
            l.backward();
            Optimizer.clipGradNorm(params, 5.0);
            opt.step();
            h.add(l.item());
        }
        for (Tensor p : params) {
            h.add(p);
        }
        return h.hex();
    }

    static String mlp() {
        Sequential net =
                new Sequential(
                        new Linear(64, 128),
                        Activation.relu(),
                        new Linear(128, 128),
                        Activation.tanh(),
                        new Linear(128, 128),
                        Activation.gelu(),
                        new Linear(128, 10));
        Tensor x = Tensor.randn(256, 64);
        int[] y = labels(256, 10);
        Optimizer opt =
                Optimizers.sgd(
                        net.parameters(),
                        SgdOptions.lr(0.05).momentum(0.9).nesterov(true).weightDecay(1e-4));
        return train(net.parameters(), opt, 30, () -> Losses.crossEntropy(net.forward(x), y));
    }

    static String cnn() {
        Sequential net =
                new Sequential(
                        new Conv2d(1, 8, 3, 1, 1),
                        new BatchNorm2d(8),
                        Activation.relu(),
                        new MaxPool2d(2),
                        new Conv2d(8, 16, 3, 1, 1),
                        Activation.relu(),
                        new MaxPool2d(2),
                        new Conv2d(16, 16, 3, 2, 1),
                        Activation.relu(),
                        Activation.flatten(),
                        new Linear(16 * 4 * 4, 10));
        Tensor x = Tensor.randn(32, 1, 28, 28);
        int[] y = labels(32, 10);
        Optimizer opt = Optimizers.adam(net.parameters(), 1e-3);
        return train(net.parameters(), opt, 12, () -> Losses.crossEntropy(net.forward(x), y));
    }

    static String lstm() {
        int vocab = 40, embed = 16, hidden = 48, t = 24, n = 16;
        Embedding emb = new Embedding(vocab, embed);
        Recurrent rnn = new LSTM(embed, hidden);
        Recurrent gru = new GRU(hidden, hidden);
        Linear head = new Linear(hidden, vocab);
        List<Tensor> ps = params(emb, rnn, gru, head);
        int[] ids = labels(n * t, vocab);
        int[] next = labels(n * t + 1, vocab);
        int[] target = java.util.Arrays.copyOf(next, n * t);
        Optimizer opt = Optimizers.rmsProp(ps, RmsPropOptions.lr(1e-2));
        return train(
                ps,
                opt,
                12,
                () -> {
                    Tensor hs =
                            gru.forward(rnn.forward(emb.forward(ids, n, t)).outputs()).outputs();
                    return Losses.crossEntropy(head.forward(hs).reshape(n * t, vocab), target);
                });
    }

    static String transformer() {
        int vocab = 30, d = 32, heads = 4, t = 20, n = 16;
        Embedding emb = new Embedding(vocab, d);
        PositionalEncoding pos = PositionalEncoding.sinusoidal(t, d);
        Transformer.EncoderLayer enc = new Transformer.EncoderLayer(d, heads, 4 * d, 0.1f, false);
        Transformer.DecoderLayer dec = new Transformer.DecoderLayer(d, heads, 4 * d, 0.1f, true);
        LayerNorm norm = new LayerNorm(d);
        Linear head = new Linear(d, vocab);
        List<Tensor> ps = params(emb, enc, dec, norm, head);
        int[] src = labels(n * t, vocab);
        int[] tgt = labels(n * t + 3, vocab);
        int[] out = java.util.Arrays.copyOfRange(tgt, 3, n * t + 3);
        int[] in = java.util.Arrays.copyOf(tgt, n * t);
        int[] lengths = new int[n];
        for (int i = 0; i < n; i++) {
            lengths[i] = t - i % 5;
        }
        Tensor padding = MultiHeadAttention.paddingMask(lengths, t);
        Tensor causal = MultiHeadAttention.causalMask(t);
        Optimizer opt = Optimizers.adamW(ps, AdamOptions.lr(3e-3).weightDecay(0.01));
        return train(
                ps,
                opt,
                12,
                () -> {
                    Tensor memory =
                            enc.forward(pos.forward(emb.forward(src, n, t)), padding).output();
                    Tensor y =
                            dec.forward(pos.forward(emb.forward(in, n, t)), memory, causal, padding)
                                    .output();
                    return Losses.crossEntropy(
                            head.forward(norm.forward(y)).reshape(n * t, vocab), out);
                });
    }
}
