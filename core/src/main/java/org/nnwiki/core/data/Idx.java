package org.nnwiki.core.data;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.nnwiki.core.Tensor;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST (optionally gzipped): a magic number whose third
 * byte is the element type (0x08 = unsigned byte) and fourth the rank, then the dimensions, then
 * the data.
 */
public final class Idx {
    private Idx() {}

    /** Images as floats scaled to [0, 1], shape as in the file, e.g. (N, 28, 28). */
    public static Tensor readImages(Path file) throws IOException {
        return readImages(Files.newInputStream(file), file.toString());
    }

    /** Labels as ints. */
    public static int[] readLabels(Path file) throws IOException {
        return readLabels(Files.newInputStream(file), file.toString());
    }

    /** Images from a stream (gunzipped when {@code name} ends in .gz); the stream is closed. */
    public static Tensor readImages(InputStream stream, String name) throws IOException {
        try (DataInputStream in = open(stream, name)) {
            int[] shape = header(in, name);
            byte[] raw = in.readNBytes(sizeOf(shape));
            float[] data = new float[raw.length];
            for (int i = 0; i < raw.length; i++) {
                data[i] = (raw[i] & 0xFF) / 255f;
            }
            return Tensor.of(data, shape);
        }
    }

    /** Labels from a stream (gunzipped when {@code name} ends in .gz); the stream is closed. */
    public static int[] readLabels(InputStream stream, String name) throws IOException {
        try (DataInputStream in = open(stream, name)) {
            int[] shape = header(in, name);
            byte[] raw = in.readNBytes(sizeOf(shape));
            int[] labels = new int[raw.length];
            for (int i = 0; i < raw.length; i++) {
                labels[i] = raw[i] & 0xFF;
            }
            return labels;
        }
    }

    private static DataInputStream open(InputStream raw, String name) throws IOException {
        return new DataInputStream(name.endsWith(".gz") ? new GZIPInputStream(raw) : raw);
    }

    private static int[] header(DataInputStream in, String file) throws IOException {
        int magic = in.readInt();
        if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xFF) != 0x08) {
            throw new IOException(
                    file
                            + ": not an unsigned-byte IDX file (magic 0x"
                            + Integer.toHexString(magic)
                            + ")");
        }
        int rank = magic & 0xFF;
        int[] shape = new int[rank];
        for (int i = 0; i < rank; i++) {
            shape[i] = in.readInt();
        }
        return shape;
    }

    private static int sizeOf(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }
}
