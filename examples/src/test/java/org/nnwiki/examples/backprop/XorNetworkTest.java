package org.nnwiki.examples.backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class XorNetworkTest {

    @Test
    void handWrittenGradientsMatchFiniteDifferences() {
        XorNetwork net = new XorNetwork(3);
        double[] analytic = net.gradients(XorNetwork.INPUTS, XorNetwork.TARGETS);
        double[] numeric = net.numericalGradients(XorNetwork.INPUTS, XorNetwork.TARGETS, 1e-5);
        assertTrue(XorNetwork.maxRelativeError(analytic, numeric) < 1e-6);
    }

    @Test
    void gradientCheckCatchesAWrongDerivative() {
        XorNetwork net = new XorNetwork(3);
        double[] analytic = net.gradients(XorNetwork.INPUTS, XorNetwork.TARGETS);
        analytic[6] *= 2; // a dropped or doubled factor must not pass
        double[] numeric = net.numericalGradients(XorNetwork.INPUTS, XorNetwork.TARGETS, 1e-5);
        assertTrue(XorNetwork.maxRelativeError(analytic, numeric) > 0.1);
    }

    @Test
    void learnsXor() {
        XorNetwork net = new XorNetwork(7);
        for (int epoch = 0; epoch < 3000; epoch++) {
            net.trainStep(XorNetwork.INPUTS, XorNetwork.TARGETS, 1.0);
        }
        assertTrue(net.loss(XorNetwork.INPUTS, XorNetwork.TARGETS) < 0.05);
        for (int n = 0; n < 4; n++) {
            assertEquals(XorNetwork.TARGETS[n], Math.round(net.forward(XorNetwork.INPUTS[n]).y()));
        }
    }
}
