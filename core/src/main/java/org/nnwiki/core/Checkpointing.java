package org.nnwiki.core;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Gradient checkpointing (Chen et al. 2016): run a segment of the network without recording its
 * graph, keep only its input, and run it again with recording when the backward pass reaches it.
 * Memory for the segment's intermediate results is traded for a second forward pass through it.
 *
 * <p>The recomputation must give the values the first pass gave, bit for bit; the backward pass
 * checks that and fails with a message if it does not (a segment that draws random numbers, such as
 * dropout in training mode, or one whose state changed in between). Gradients are the same bits as
 * without checkpointing when the segment's input feeds nothing else, since the same operations run
 * in the same order.
 */
public final class Checkpointing {
    private Checkpointing() {}

    /**
     * {@code segment.apply(input)}, with the segment's graph replaced by one node that recomputes
     * it. {@code parameters} are the tensors the segment reads besides its input that take
     * gradients (a module's {@code parameters()}); they receive their gradients during the
     * recomputation.
     */
    public static Tensor checkpoint(
            UnaryOperator<Tensor> segment, Tensor input, List<Tensor> parameters) {
        boolean needsGraph =
                input.isRequiringGrad() || parameters.stream().anyMatch(Tensor::isRequiringGrad);
        if (!Tensor.gradEnabled() || !needsGraph) {
            return segment.apply(input);
        }
        Tensor first;
        try (var off = Tensor.noGrad()) {
            first = segment.apply(input);
        }
        float[] values = first.data;
        Tensor[] inputs = new Tensor[parameters.size() + 1];
        inputs[0] = input;
        for (int i = 0; i < parameters.size(); i++) {
            inputs[i + 1] = parameters.get(i);
        }
        // spotless:off (a page shows this region: it keeps the 90-column layout)
        // region recompute
        return Tensor.result("checkpoint", values, first.shape, g -> {
            Tensor x = new Tensor(input.data, input.shape);
            if (input.isRequiringGrad()) {
                x.requiresGrad();
            }
            Tensor again = segment.apply(x);
            if (!Arrays.equals(again.data, values)) {
                throw new IllegalStateException("checkpoint: recomputing the segment gave"
                        + " different values than its forward pass; a checkpointed segment"
                        + " must be deterministic (no dropout in training mode, no state that"
                        + " changes between the passes)");
            }
            if (again.isRequiringGrad()) {
                again.backward(g);
            }
            if (x.grad != null) {
                input.addFreshGrad(x.grad);
            }
        }, inputs);
        // endregion
        // spotless:on
    }
}
