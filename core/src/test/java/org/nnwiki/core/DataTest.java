package org.nnwiki.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnwiki.core.data.Batches;
import org.nnwiki.core.data.Idx;

class DataTest {
    @TempDir Path tmp;

    @Test
    void batchesCoverEveryExampleOnceAndReshuffleEachEpoch() {
        Tensor x = Tensor.arange(10).reshape(10, 1);
        int[] y = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        Batches batches = Batches.shuffled(x, y, 4, Rng.seeded(1));
        List<Integer> first = new ArrayList<>();
        for (Batches.Batch b : batches) {
            for (int i = 0; i < b.y().length; i++) {
                assertEquals(b.y()[i], (int) b.x().get(i, 0), "labels stay with their examples");
                first.add(b.y()[i]);
            }
        }
        assertEquals(10, first.stream().distinct().count());
        List<Integer> second = new ArrayList<>();
        batches.forEach(
                b -> {
                    for (int v : b.y()) second.add(v);
                });
        assertNotEquals(first, second);
        List<Integer> again = new ArrayList<>();
        Batches.shuffled(x, y, 4, Rng.seeded(1))
                .forEach(
                        b -> {
                            for (int v : b.y()) again.add(v);
                        });
        assertEquals(first, again, "the same seed gives the same order");
    }

    @Test
    void splitAndOneHot() {
        Batches.Split s =
                Batches.trainTestSplit(
                        Tensor.arange(10).reshape(10, 1),
                        new int[] {0, 1, 0, 1, 0, 1, 0, 1, 0, 1},
                        0.3,
                        Rng.seeded(2));
        assertEquals(7, s.trainY().length);
        assertEquals(3, s.testX().size(0));
        assertArrayEquals(
                new float[] {0, 1, 0, 1, 0, 0}, Batches.oneHot(new int[] {1, 0}, 3).toArray());
    }

    @Test
    void readsGzippedIdx() throws Exception {
        Path images = tmp.resolve("img.idx.gz");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buf)) {
            out.writeInt(0x00000803);
            out.writeInt(2);
            out.writeInt(2);
            out.writeInt(2);
            out.write(new byte[] {0, (byte) 255, 51, 102, 0, 0, 0, (byte) 255});
        }
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(images))) {
            gz.write(buf.toByteArray());
        }
        Tensor t = Idx.readImages(images);
        assertArrayEquals(new int[] {2, 2, 2}, t.shape());
        assertEquals(1f, t.get(0, 0, 1));
        assertEquals(0.2f, t.get(0, 1, 0), 1e-6f);
    }
}
