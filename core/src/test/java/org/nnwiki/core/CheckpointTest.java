package org.nnwiki.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnwiki.core.nn.Activation;
import org.nnwiki.core.nn.BatchNorm1d;
import org.nnwiki.core.nn.Checkpoint;
import org.nnwiki.core.nn.Dropout;
import org.nnwiki.core.nn.Layer;
import org.nnwiki.core.nn.Linear;
import org.nnwiki.core.nn.Sequential;

/**
 * Gradient checkpointing gives the same gradients while the graph holds less; the memory count is
 * exact.
 */
class CheckpointTest {
    private static Sequential deepNet() {
        Rng.manualSeed(3);
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            layers.add(new Linear(i == 0 ? 5 : 16, 16));
            layers.add(i % 2 == 0 ? Activation.tanh() : Activation.gelu());
        }
        layers.add(new Linear(16, 3));
        return new Sequential(layers.toArray(new Layer[0]));
    }

    private static List<float[]> gradients(Layer model, Tensor x) {
        model.zeroGrad();
        x.zeroGrad();
        model.forward(x).pow(2).mean().backward();
        List<float[]> out = new ArrayList<>();
        out.add(x.grad().toArray());
        model.parameters().forEach(p -> out.add(p.grad().toArray()));
        return out;
    }

    @Test
    void checkpointedGradientsAreTheSameBits() {
        Sequential model = deepNet();
        Tensor x = Tensor.randn(7, 5).requiresGrad();
        List<float[]> plain = gradients(model, x);
        for (int segments : new int[] {1, 3, 13}) {
            List<float[]> saved = gradients(Checkpoint.sequential(model, segments), x);
            assertEquals(plain.size(), saved.size());
            for (int i = 0; i < plain.size(); i++) {
                assertArrayEquals(
                        plain.get(i), saved.get(i), segments + " segments, gradient " + i);
            }
        }
    }

    @Test
    void theGraphKeepsOnlyTheSegmentsOutputs() {
        Sequential model = deepNet();
        Tensor x = Tensor.randn(7, 5).requiresGrad();
        long plain = GraphMemory.savedBytes(model.forward(x));
        // 13 layers, each output 7 × 16 floats except the last (7 × 3); GELU also keeps Φ and φ.
        assertEquals(4L * 7 * (16 * 12 + 3) + 4L * 7 * 16 * 2 * 3, plain);
        Tensor y = Checkpoint.sequential(model, 3).forward(x);
        assertEquals("checkpoint", y.op());
        // Segments of 4, 4 and 5 layers end at a GELU (16), a GELU (16) and the last linear (3).
        assertEquals(4L * 7 * (16 + 16 + 3), GraphMemory.savedBytes(y));
    }

    @Test
    void memoryCountsEachArrayOnceAndNoLeaves() {
        Tensor x = Tensor.randn(2, 3).requiresGrad();
        assertEquals(0, GraphMemory.savedBytes(x), "a leaf holds no graph");
        Tensor r = x.relu();
        assertEquals(
                24, GraphMemory.savedBytes(r), "relu's output; its input is the leaf's own array");
        Tensor g = x.gelu();
        assertEquals(72, GraphMemory.savedBytes(g), "gelu's output and its saved Φ and φ");
        Tensor both = r.add(g);
        // add's output, relu's and gelu's as before (x counted nowhere), and the two ints of the
        // broadcast shape that add's backward step keeps.
        assertEquals(24 + 72 + 24 + 8, GraphMemory.savedBytes(both), "shared inputs count once");
        assertEquals(
                List.of("relu", "gelu", "add"),
                new ArrayList<>(GraphMemory.byOperation(both).keySet()));
        both.sum().backward();
        assertEquals(0, GraphMemory.savedBytes(both), "backward frees the graph");
    }

    @Test
    void aSegmentThatDrawsRandomNumbersIsRefused() {
        Rng.manualSeed(1);
        Layer model = new Checkpoint(new Sequential(new Linear(4, 4), new Dropout(0.5f)));
        Tensor loss = model.forward(Tensor.randn(3, 4)).sum();
        IllegalStateException e = assertThrows(IllegalStateException.class, loss::backward);
        assertTrue(e.getMessage().contains("different values"), e.getMessage());
        model.eval();
        model.forward(Tensor.randn(3, 4)).sum().backward(); // no dropout in eval mode: fine
    }

    @Test
    void batchNormInTrainingModeIsRefused() {
        Layer model = new Checkpoint(new Sequential(new Linear(4, 4), new BatchNorm1d(4)));
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> model.forward(Tensor.randn(3, 4)));
        assertTrue(e.getMessage().contains("BatchNorm"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.sequential(deepNet(), 14));
    }

    @Test
    void withoutGradientsNothingIsRecorded() {
        Sequential model = deepNet();
        Tensor x = Tensor.randn(2, 5);
        try (var off = Tensor.noGrad()) {
            Tensor y = Checkpoint.sequential(model, 2).forward(x);
            assertTrue(y.inputs().isEmpty());
            assertArrayEquals(model.forward(x).toArray(), y.toArray());
        }
    }
}
