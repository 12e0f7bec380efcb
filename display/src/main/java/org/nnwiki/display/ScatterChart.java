package org.nnwiki.display;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Labelled 2-D points, optionally over a classifier's decision regions.
 *
 * <pre>{@code
 * show(ScatterChart.of("Two moons").points(xy, labels).regions((x, y) -> model.predict(x, y), 120));
 * }</pre>
 */
public final class ScatterChart implements Chart {

    /** A classifier of points in the plane, for drawing its decision regions. */
    @FunctionalInterface
    public interface Classifier {
        int classOf(double x, double y);
    }

    private final String title;
    private double[][] xy = new double[0][];
    private int[] labels = new int[0];
    private String[] classNames = new String[0];
    private Classifier classifier;
    private int resolution = 100;
    private String xLabel = "x\u2081";
    private String yLabel = "x\u2082";

    private ScatterChart(String title) {
        this.title = title;
    }

    public static ScatterChart of(String title) {
        return new ScatterChart(title);
    }

    /** Points {@code xy[i] = {x, y}} with class {@code labels[i]} (0, 1, …). */
    public ScatterChart points(double[][] xy, int[] labels) {
        if (xy.length != labels.length) {
            throw new IllegalArgumentException(
                    "ScatterChart.points: "
                            + xy.length
                            + " points but "
                            + labels.length
                            + " labels");
        }
        this.xy = xy.clone();
        this.labels = labels.clone();
        return this;
    }

    public ScatterChart classNames(String... names) {
        this.classNames = names.clone();
        return this;
    }

    public ScatterChart axes(String xLabel, String yLabel) {
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        return this;
    }

    /**
     * Shades the plane by {@code classifier}, evaluated on a {@code resolution × resolution} grid.
     */
    public ScatterChart regions(Classifier classifier, int resolution) {
        this.classifier = classifier;
        this.resolution = resolution;
        return this;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String svg() {
        int classes = 0;
        for (int l : labels) {
            classes = Math.max(classes, l + 1);
        }
        XYSeriesCollection points = new XYSeriesCollection();
        for (int c = 0; c < classes; c++) {
            points.addSeries(
                    new XYSeries(
                            c < classNames.length ? classNames[c] : "class " + c, false, true));
        }
        double minX = Double.POSITIVE_INFINITY,
                maxX = Double.NEGATIVE_INFINITY,
                minY = minX,
                maxY = maxX;
        for (int i = 0; i < xy.length; i++) {
            points.getSeries(labels[i]).add(xy[i][0], xy[i][1]);
            minX = Math.min(minX, xy[i][0]);
            maxX = Math.max(maxX, xy[i][0]);
            minY = Math.min(minY, xy[i][1]);
            maxY = Math.max(maxY, xy[i][1]);
        }
        double padX = (maxX - minX) * 0.08 + 1e-9;
        double padY = (maxY - minY) * 0.08 + 1e-9;
        minX -= padX;
        maxX += padX;
        minY -= padY;
        maxY += padY;
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        for (int c = 0; c < classes; c++) {
            dots.setSeriesPaint(c, Svg.PALETTE[c % Svg.PALETTE.length]);
            dots.setSeriesShape(c, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        NumberAxis x = new NumberAxis(xLabel);
        NumberAxis y = new NumberAxis(yLabel);
        x.setRange(minX, maxX);
        y.setRange(minY, maxY);
        XYPlot plot = new XYPlot(points, x, y, dots);
        if (classifier != null) {
            // The regions are a picture behind the plot: one pixel per grid cell, smoothed by the
            // browser, instead of thousands of SVG rectangles.
            int n = resolution;
            java.awt.image.BufferedImage img =
                    new java.awt.image.BufferedImage(
                            n, n, java.awt.image.BufferedImage.TYPE_INT_ARGB);
            double dx = (maxX - minX) / n;
            double dy = (maxY - minY) / n;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    int c = classifier.classOf(minX + (i + 0.5) * dx, minY + (j + 0.5) * dy);
                    Color base = Svg.PALETTE[Math.floorMod(c, Svg.PALETTE.length)];
                    img.setRGB(
                            i,
                            n - 1 - j,
                            new Color(base.getRed(), base.getGreen(), base.getBlue(), 70).getRGB());
                }
            }
            plot.setBackgroundImage(img);
            plot.setBackgroundImageAlignment(org.jfree.chart.ui.Align.FIT);
            plot.setBackgroundImageAlpha(1f);
        }
        Theme.xy(plot);
        JFreeChart chart = new JFreeChart(title, Svg.TITLE_FONT, plot, true);
        return Svg.of(chart, 560, 460, title);
    }
}
