package org.nnwiki.examples.data;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Tribuo's logistic regression (the Level 2 baseline) trained on the same points as a network, so a
 * page can draw both decision regions side by side.
 *
 * <pre>{@code
 * TribuoBaseline lr = TribuoBaseline.logisticRegression(split.train().xy(), split.train().labels());
 * double acc = lr.accuracy(split.test().xy(), split.test().labels());
 * show(ScatterChart.of("Logistic regression").points(xy, labels).regions(lr::classOf, 80));
 * }</pre>
 */
public final class TribuoBaseline {
    private static final LabelFactory LABELS = new LabelFactory();
    private final Model<Label> model;
    private final int features;

    private TribuoBaseline(Model<Label> model, int features) {
        this.model = model;
        this.features = features;
    }

    /**
     * Tribuo's {@code LogisticRegressionTrainer} (linear, log loss, AdaGrad, 5 epochs, fixed seed).
     */
    public static TribuoBaseline logisticRegression(double[][] x, int[] y) {
        // Tribuo reports training progress at INFO on stderr: keep pages quiet.
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
        MutableDataset<Label> data =
                new MutableDataset<>(
                        new SimpleDataSourceProvenance("nnwiki points", LABELS), LABELS);
        for (int i = 0; i < x.length; i++) {
            data.add(example(x[i], "class" + y[i]));
        }
        return new TribuoBaseline(new LogisticRegressionTrainer().train(data), x[0].length);
    }

    /** The predicted class of one point. */
    public int classOf(double... point) {
        if (point.length != features) {
            throw new IllegalArgumentException(
                    "expected " + features + " features, got " + point.length);
        }
        Prediction<Label> p = model.predict(example(point, LABELS.getUnknownOutput().getLabel()));
        return Integer.parseInt(p.getOutput().getLabel().substring("class".length()));
    }

    /** The fraction of points classified correctly. */
    public double accuracy(double[][] x, int[] y) {
        int right = 0;
        for (int i = 0; i < x.length; i++) {
            right += classOf(x[i]) == y[i] ? 1 : 0;
        }
        return (double) right / x.length;
    }

    private static Example<Label> example(double[] point, String label) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < point.length; j++) {
            names.add(String.format("x%03d", j));
        }
        return new ArrayExample<>(new Label(label), names.toArray(String[]::new), point.clone());
    }
}
