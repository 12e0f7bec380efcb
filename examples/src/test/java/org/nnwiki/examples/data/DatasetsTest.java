package org.nnwiki.examples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DatasetsTest {

    @Test
    void fashionSubsetsAreBalancedAndScaled() {
        Datasets.Images train = Datasets.fashionTrain();
        Datasets.Images test = Datasets.fashionTest();
        assertArrayEquals(new int[] {3000, 1, 28, 28}, train.images().shape());
        assertEquals(1000, test.size());
        int[] counts = new int[10];
        Arrays.stream(train.labels()).forEach(l -> counts[l]++);
        assertTrue(Arrays.stream(counts).allMatch(c -> c == 300), Arrays.toString(counts));
        float[] px = train.images().toArray();
        float max = 0;
        for (float v : px) {
            max = Math.max(max, v);
        }
        assertEquals(1f, max, 1e-6f, "pixels scaled to [0, 1]");
        assertEquals(28, train.image(5).length);
    }

    @Test
    void digitsAreTheEightByEightSet() {
        Datasets.Images d = Datasets.digits();
        assertEquals(1797, d.size());
        assertArrayEquals(new int[] {1797, 64}, d.flat().shape());
        assertEquals(0, d.labels()[0]);
        assertEquals(64, d.rows()[0].length);
    }
}
