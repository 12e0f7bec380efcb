package org.nnwiki.core;

import java.util.Arrays;

/** Shape arithmetic: sizes, strides, broadcasting. */
final class Shapes {
    private Shapes() {}

    static int size(int[] shape) {
        int n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + str(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    static int[] strides(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }

    static String str(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /** The numpy broadcast of two shapes, or an exception naming the operation. */
    static int[] broadcast(String op, int[] a, int[] b) {
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int da = i - (n - a.length) >= 0 ? a[i - (n - a.length)] : 1;
            int db = i - (n - b.length) >= 0 ? b[i - (n - b.length)] : 1;
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(
                        op
                                + ": shapes "
                                + str(a)
                                + " and "
                                + str(b)
                                + " cannot be broadcast together");
            }
            out[i] = Math.max(da, db);
        }
        return out;
    }

    /** Strides of {@code shape} read as {@code out}-shaped: 0 along broadcast dimensions. */
    static int[] broadcastStrides(int[] shape, int[] out) {
        int[] s = new int[out.length];
        int[] own = strides(shape);
        int off = out.length - shape.length;
        for (int i = 0; i < shape.length; i++) {
            s[i + off] = shape[i] == 1 && out[i + off] != 1 ? 0 : own[i];
        }
        return s;
    }

    /** A normalized axis in [0, rank), accepting negative axes as Python does. */
    static int axis(int axis, int rank, String op) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException(
                    op + ": axis " + axis + " out of range for a tensor of rank " + rank);
        }
        return a;
    }

    static boolean same(int[] a, int[] b) {
        return Arrays.equals(a, b);
    }
}
