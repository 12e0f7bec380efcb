package org.nnwiki.display;

import java.util.List;

/** Conversions of the number arrays pages pass in. */
final class Data {
    private Data() {}

    static double[] doubles(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    static double[] doubles(List<? extends Number> v) {
        double[] d = new double[v.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = v.get(i).doubleValue();
        }
        return d;
    }
}
