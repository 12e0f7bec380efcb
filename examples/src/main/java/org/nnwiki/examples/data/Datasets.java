package org.nnwiki.examples.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.nnwiki.core.Tensor;
import org.nnwiki.core.data.Idx;

/**
 * The image sets vendored into this module (DATA-LICENSES.md): a balanced Fashion-MNIST subset and
 * the 8×8 digits. Pixels are scaled to [0, 1].
 *
 * <pre>{@code
 * Datasets.Images train = Datasets.fashionTrain();   // images [3000, 1, 28, 28], 300 per class
 * Datasets.Images digits = Datasets.digits();        // images [1797, 1, 8, 8]
 * }</pre>
 */
public final class Datasets {
    private Datasets() {}

    /**
     * Labelled images.
     *
     * @param images shape [N, 1, H, W]
     * @param labels the class of each image
     * @param classes class names by label
     */
    public record Images(Tensor images, int[] labels, List<String> classes) {
        public int size() {
            return labels.length;
        }

        /** Each image as one row of H·W pixels, for dense networks: [N, H·W]. */
        public Tensor flat() {
            return images.reshape(labels.length, images.numel() / labels.length);
        }

        /** Each image as a double[] row, for Tribuo. */
        public double[][] rows() {
            float[] data = images.toArray();
            int d = data.length / labels.length;
            double[][] out = new double[labels.length][d];
            for (int i = 0; i < labels.length; i++) {
                for (int j = 0; j < d; j++) {
                    out[i][j] = data[i * d + j];
                }
            }
            return out;
        }

        /** Image {@code i} as a 2-D array, for ImageGrid and Heatmap. */
        public float[][] image(int i) {
            int h = images.size(2);
            int w = images.size(3);
            float[] data = images.toArray();
            float[][] out = new float[h][w];
            for (int r = 0; r < h; r++) {
                System.arraycopy(data, i * h * w + r * w, out[r], 0, w);
            }
            return out;
        }
    }

    public static final List<String> FASHION_CLASSES =
            List.of(
                    "T-shirt/top",
                    "Trouser",
                    "Pullover",
                    "Dress",
                    "Coat",
                    "Sandal",
                    "Shirt",
                    "Sneaker",
                    "Bag",
                    "Ankle boot");

    /** 3,000 Fashion-MNIST training images, 300 of each class. */
    public static Images fashionTrain() {
        return fashion("train");
    }

    /** 1,000 Fashion-MNIST test images, 100 of each class. */
    public static Images fashionTest() {
        return fashion("test");
    }

    private static Images fashion(String split) {
        try {
            String images = "fashion-" + split + "-images.idx.gz";
            String labels = "fashion-" + split + "-labels.idx.gz";
            Tensor x = Idx.readImages(open(images), images);
            int[] y = Idx.readLabels(open(labels), labels);
            return new Images(x.reshape(y.length, 1, x.size(1), x.size(2)), y, FASHION_CLASSES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1,797 handwritten 8×8 digits (grey levels 0–16 scaled to [0, 1]). */
    public static Images digits() {
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        try (BufferedReader in =
                new BufferedReader(
                        new InputStreamReader(
                                new GZIPInputStream(open("digits.csv.gz")),
                                StandardCharsets.US_ASCII))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cells = line.split(",");
                float[] pixels = new float[64];
                for (int j = 0; j < 64; j++) {
                    pixels[j] = Float.parseFloat(cells[j]) / 16f;
                }
                rows.add(pixels);
                labels.add(Integer.parseInt(cells[64].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        float[] data = new float[rows.size() * 64];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, data, i * 64, 64);
        }
        return new Images(
                Tensor.of(data, rows.size(), 1, 8, 8),
                labels.stream().mapToInt(Integer::intValue).toArray(),
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = Datasets.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(
                    "missing data file " + name + " (regenerate it with data/vendor-datasets.py)");
        }
        return in;
    }
}
