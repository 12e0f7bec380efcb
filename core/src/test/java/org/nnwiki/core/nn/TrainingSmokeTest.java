package org.nnwiki.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nnwiki.core.Rng;
import org.nnwiki.core.Tensor;
import org.nnwiki.core.optim.Optimizer;
import org.nnwiki.core.optim.Optimizers;
import org.nnwiki.core.optim.SgdOptions;

/**
 * Small networks must learn: XOR, and tiny batches over-fitted by an MLP, a CNN, an LSTM and a
 * transformer.
 */
class TrainingSmokeTest {

    @BeforeEach
    void seed() {
        Rng.manualSeed(1234);
    }

    private static double train(
            Module model, java.util.function.Supplier<Tensor> loss, Optimizer opt, int steps) {
        double last = Double.NaN;
        for (int i = 0; i < steps; i++) {
            Tensor l = loss.get();
            opt.zeroGrad();
            l.backward();
            opt.step();
            last = l.item();
        }
        return last;
    }

    @Test
    void mlpLearnsXor() {
        Sequential mlp = new Sequential(new Linear(2, 8), Activation.tanh(), new Linear(8, 2));
        Tensor x = Tensor.matrix(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        int[] y = {0, 1, 1, 0};
        double loss =
                train(
                        mlp,
                        () -> Losses.crossEntropy(mlp.forward(x), y),
                        Optimizers.adam(mlp.parameters(), 0.05),
                        300);
        assertTrue(loss < 0.05, "loss " + loss);
        assertEquals(1.0, Losses.accuracy(mlp.forward(x), y));
    }

    @Test
    void mlpOverfitsASmallBatch() {
        Sequential mlp = new Sequential(new Linear(10, 32), Activation.relu(), new Linear(32, 4));
        Tensor x = Tensor.randn(16, 10);
        int[] y = new int[16];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 4;
        }
        double loss =
                train(
                        mlp,
                        () -> Losses.crossEntropy(mlp.forward(x), y),
                        Optimizers.sgd(
                                mlp.parameters(), SgdOptions.lr(0.1).momentum(0.9).nesterov(true)),
                        200);
        assertTrue(loss < 0.05, "loss " + loss);
    }

    @Test
    void cnnOverfitsASmallBatch() {
        Sequential cnn =
                new Sequential(
                        new Conv2d(1, 4, 3, 1, 1),
                        new BatchNorm2d(4),
                        Activation.relu(),
                        new MaxPool2d(2),
                        Activation.flatten(),
                        new Linear(4 * 4 * 4, 3));
        Tensor x = Tensor.randn(6, 1, 8, 8);
        int[] y = {0, 1, 2, 0, 1, 2};
        double loss =
                train(
                        cnn,
                        () -> Losses.crossEntropy(cnn.forward(x), y),
                        Optimizers.adam(cnn.parameters(), 0.02),
                        150);
        assertTrue(loss < 0.1, "loss " + loss);
        cnn.eval();
        assertEquals(
                1.0,
                Losses.accuracy(cnn.forward(x), y),
                0.34,
                "eval mode with running statistics still mostly right");
    }

    @Test
    void lstmOverfitsASmallBatch() {
        Recurrent lstm = new LSTM(3, 16);
        Linear head = new Linear(16, 2);
        Tensor x = Tensor.randn(4, 6, 3);
        int[] y = {0, 1, 1, 0};
        java.util.List<Tensor> params = new java.util.ArrayList<>(lstm.parameters());
        params.addAll(head.parameters());
        double loss =
                train(
                        lstm,
                        () -> Losses.crossEntropy(head.forward(lstm.forward(x).h()), y),
                        Optimizers.adam(params, 0.03),
                        150);
        assertTrue(loss < 0.05, "loss " + loss);
    }

    @Test
    void transformerOverfitsASmallBatch() {
        int vocab = 7, d = 16, t = 5;
        Embedding emb = new Embedding(vocab, d);
        PositionalEncoding pos = PositionalEncoding.sinusoidal(t, d);
        Transformer.EncoderLayer layer = new Transformer.EncoderLayer(d, 2, 32, 0f, true);
        Linear head = new Linear(d, vocab);
        int[] ids = {1, 2, 3, 4, 5, 6, 5, 4, 3, 2};
        int[] next = {2, 3, 4, 5, 6, 5, 4, 3, 2, 1};
        java.util.List<Tensor> params = new java.util.ArrayList<>(emb.parameters());
        params.addAll(layer.parameters());
        params.addAll(head.parameters());
        Tensor mask = MultiHeadAttention.causalMask(t);
        double loss =
                train(
                        layer,
                        () -> {
                            Tensor h =
                                    layer.forward(pos.forward(emb.forward(ids, 2, t)), mask)
                                            .output(); // (2, 5, d)
                            return Losses.crossEntropy(head.forward(h).reshape(2 * t, vocab), next);
                        },
                        Optimizers.adam(params, 0.01),
                        200);
        assertTrue(loss < 0.05, "loss " + loss);
    }

    @Test
    void causalMaskHidesTheFuture() {
        Transformer.EncoderLayer layer = new Transformer.EncoderLayer(8, 2, 16, 0f, true);
        Tensor x = Tensor.randn(1, 5, 8);
        Tensor changed = Tensor.of(x.toArray(), 1, 5, 8);
        for (int j = 0; j < 8; j++) {
            changed.set(changed.get(0, 4, j) + 3f, 0, 4, j); // change only the last token
        }
        Tensor mask = MultiHeadAttention.causalMask(5);
        float[] a = layer.forward(x, mask).output().slice(1, 0, 4).toArray();
        float[] b = layer.forward(changed, mask).output().slice(1, 0, 4).toArray();
        assertArrayEquals(a, b, 0f, "earlier positions must not see a later token");
        float[] unmasked = layer.forward(changed, null).output().slice(1, 0, 4).toArray();
        float[] unmaskedOriginal = layer.forward(x, null).output().slice(1, 0, 4).toArray();
        assertTrue(
                !java.util.Arrays.equals(unmasked, unmaskedOriginal),
                "without the mask they do see it");
    }
}
