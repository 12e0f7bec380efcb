package org.nnwiki.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Setting a parameter's values by hand: later products see the new values, never a stale packing.
 */
class TensorAssignTest {
    @Test
    void assignedValuesReachTheNextProduct() {
        Tensor x = Tensor.matrix(new float[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor w = Tensor.matrix(new float[][] {{1, 0}, {0, 1}, {1, 1}}).requiresGrad();
        assertArrayEquals(new float[] {4, 5, 10, 11}, x.matmul(w).toArray()); // packs w
        w.assign(new float[] {2, 0, 0, 2, 0, 0});
        assertArrayEquals(
                new float[] {2, 4, 8, 10},
                x.matmul(w).toArray(),
                "the product uses the assigned values");
        x.matmul(w).sum().backward();
        assertArrayEquals(
                new float[] {5, 5, 7, 7, 9, 9},
                w.grad().toArray(),
                "w stays a parameter: x's column sums");
        assertThrows(IllegalArgumentException.class, () -> w.assign(new float[5]));
    }
}
