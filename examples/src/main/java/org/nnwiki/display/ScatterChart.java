package org.nnwiki.display;

import java.awt.Color;
import java.awt.geom.Ellipse2D;


import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYZDataset;
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
            throw new IllegalArgumentException("ScatterChart.points: " + xy.length + " points but " + labels.length + " labels");
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

    /** Shades the plane by {@code classifier}, evaluated on a {@code resolution × resolution} grid. */
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
            points.addSeries(new XYSeries(c < classNames.length ? classNames[c] : "class " + c, false, true));
        }
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY, minY = minX, maxY = maxX;
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
            int n = resolution;
            double[][] grid = new double[3][n * n];
            double dx = (maxX - minX) / n;
            double dy = (maxY - minY) / n;
            int maxClass = classes;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double cx = minX + (i + 0.5) * dx;
                    double cy = minY + (j + 0.5) * dy;
                    int k = i * n + j;
                    grid[0][k] = cx;
                    grid[1][k] = cy;
                    grid[2][k] = classifier.classOf(cx, cy);
                    maxClass = Math.max(maxClass, (int) grid[2][k] + 1);
                }
            }
            DefaultXYZDataset regions = new DefaultXYZDataset();
            regions.addSeries("regions", grid);
            XYBlockRenderer blocks = new XYBlockRenderer();
            blocks.setBlockWidth(dx);
            blocks.setBlockHeight(dy);
            LookupPaintScale scale = new LookupPaintScale(-0.5, maxClass + 0.5, new Color(0, 0, 0, 0));
            for (int c = 0; c < maxClass; c++) {
                Color base = Svg.PALETTE[c % Svg.PALETTE.length];
                scale.add(c - 0.5, new Color(base.getRed(), base.getGreen(), base.getBlue(), 60));
            }
            blocks.setPaintScale(scale);
            plot.setDataset(1, regions);
            plot.setRenderer(1, blocks);
        }
        Theme.xy(plot);
        JFreeChart chart = new JFreeChart(title, Svg.TITLE_FONT, plot, true);
        chart.getLegend().setItemPaint(Svg.INK);
        // The regions are explained by the point colours; keep the legend to the classes.
        if (classifier != null) {
            org.jfree.chart.LegendItemCollection items = new org.jfree.chart.LegendItemCollection();
            for (int c = 0; c < classes; c++) {
                items.add(plot.getRenderer(0).getLegendItem(0, c));
            }
            plot.setFixedLegendItems(items);
        }
        return Svg.of(chart, 560, 460, title);
    }

}
