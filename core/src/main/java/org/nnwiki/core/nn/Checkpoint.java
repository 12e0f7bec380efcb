package org.nnwiki.core.nn;

import java.util.ArrayList;
import java.util.List;
import org.nnwiki.core.Checkpointing;
import org.nnwiki.core.Tensor;

/**
 * A layer whose intermediate results are not kept for the backward pass but recomputed when it gets
 * there (gradient checkpointing, {@link Checkpointing}): the graph keeps only the layer's input and
 * output. Its parameters are the wrapped layer's, under the prefix {@code segment.}.
 *
 * <pre>{@code
 * Sequential saving = Checkpoint.sequential(model, 4); // the same layers, in 4 checkpointed segments
 * }</pre>
 */
public final class Checkpoint extends Layer {
    private final Layer segment;

    public Checkpoint(Layer segment) {
        this.segment = child("segment", segment);
    }

    /**
     * The layers of {@code model} (shared, not copied) cut into {@code segments} consecutive
     * checkpointed segments of nearly equal length, like PyTorch's {@code checkpoint_sequential}.
     */
    public static Sequential sequential(Sequential model, int segments) {
        int n = model.size();
        if (segments < 1 || segments > n) {
            throw new IllegalArgumentException(
                    "Checkpoint.sequential: "
                            + segments
                            + " segments for "
                            + n
                            + " layers; use between 1 and "
                            + n);
        }
        Layer[] parts = new Layer[segments];
        int from = 0;
        for (int k = 0; k < segments; k++) {
            int to = (int) ((long) n * (k + 1) / segments);
            List<Layer> layers = new ArrayList<>();
            for (int i = from; i < to; i++) {
                layers.add(model.get(i));
            }
            parts[k] = new Checkpoint(new Sequential(layers.toArray(new Layer[0])));
            from = to;
        }
        return new Sequential(parts);
    }

    @Override
    public Tensor forward(Tensor x) {
        if (isTraining()) {
            segment.visit(
                    m -> {
                        if (m instanceof BatchNorm) {
                            throw new IllegalStateException(
                                    "Checkpoint: the segment holds a BatchNorm in training mode,"
                                            + " whose running statistics would be updated twice; checkpoint around it,"
                                            + " or call eval() first");
                        }
                    });
        }
        return Checkpointing.checkpoint(segment::forward, x, segment.parameters());
    }

    @Override
    public String toString() {
        return "Checkpoint(" + segment + ")";
    }

    /** The wrapped layer. */
    public Layer segment() {
        return segment;
    }
}
