package org.nnwiki.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The array exponential: accurate, and the same bits whichever path (vector or tail) computes an
 * element.
 */
class ExpTest {

    private static float[] range(int n, float lo, float hi) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo + (hi - lo) * i / (n - 1);
        }
        return x;
    }

    @Test
    void withinTwoUlpsOfTheExactValueFromUnderflowToOverflow() {
        float[] x = range(200_001, -103.9f, 88.7f);
        float[] y = new float[x.length];
        Exp.exp(x, y, x.length);
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            double exact = Math.exp(x[i]);
            if (exact < Float.MIN_NORMAL) {
                assertTrue(
                        Math.abs(y[i] - exact) <= 2 * Float.MIN_VALUE,
                        "subnormal exp(" + x[i] + ") = " + y[i]);
                continue;
            }
            worst = Math.max(worst, Math.abs(y[i] - exact) / Math.ulp((float) exact));
        }
        assertTrue(worst <= 2, "largest error " + worst + " ulp");
    }

    @Test
    void specialValues() {
        float[] x = {
            Float.NaN,
            Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY,
            89f,
            -104f,
            -1e9f,
            0f,
            -0f,
            1f,
            2f,
            3f,
            4f,
            5f,
            6f,
            7f,
            8f,
            9f,
            10f,
            11f,
            12f,
            13f,
            14f,
            15f,
            16f
        };
        float[] y = new float[x.length];
        Exp.exp(x, y, x.length);
        assertTrue(Float.isNaN(y[0]));
        assertEquals(Float.POSITIVE_INFINITY, y[1]);
        assertEquals(0f, y[2]);
        assertEquals(Float.POSITIVE_INFINITY, y[3]);
        assertEquals(0f, y[4]);
        assertEquals(0f, y[5], "masked attention scores give exactly 0");
        assertEquals(1f, y[6]);
        assertEquals(1f, y[7]);
        assertEquals((float) Math.E, y[8], Math.ulp((float) Math.E));
    }

    @Test
    void everyElementGetsTheSameBitsOnTheVectorPathAndInTheTail() {
        float[] x = range(1001, -30f, 30f);
        float[] whole = new float[x.length];
        Exp.exp(x, whole, x.length);
        for (int i = 0; i < x.length; i++) {
            float[] one = new float[1];
            Exp.exp(x, i, one, 0, 1); // a single element always takes the scalar tail
            assertEquals(
                    Float.floatToRawIntBits(whole[i]),
                    Float.floatToRawIntBits(one[0]),
                    "exp(" + x[i] + ")");
        }
    }
}
