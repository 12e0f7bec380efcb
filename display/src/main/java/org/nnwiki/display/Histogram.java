package org.nnwiki.display;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.statistics.HistogramDataset;

/**
 * Distributions of values in equal-width bins; several series overlap translucently.
 *
 * <pre>{@code
 * show(Histogram.of("Activations of layer 3", 40).values("tanh", acts));
 * }</pre>
 */
public final class Histogram implements Chart {
    private record Series(String name, double[] values) {}

    private final String title;
    private final int bins;
    private final List<Series> series = new ArrayList<>();
    private String xLabel = "value";

    private Histogram(String title, int bins) {
        this.title = title;
        this.bins = bins;
    }

    public static Histogram of(String title, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("Histogram.of: bins must be positive, got " + bins);
        }
        return new Histogram(title, bins);
    }

    public Histogram xLabel(String label) {
        this.xLabel = label;
        return this;
    }

    public Histogram values(String name, double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("Histogram.values '" + name + "': no values");
        }
        series.add(new Series(name, values.clone()));
        return this;
    }

    public Histogram values(String name, float[] values) {
        return values(name, Data.doubles(values));
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String svg() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : s.values()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (hi <= lo) {
            hi = lo + 1;
        }
        HistogramDataset data = new HistogramDataset();
        for (Series s : series) {
            data.addSeries(s.name(), s.values(), bins, lo, hi);
        }
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < series.size(); i++) {
            java.awt.Color c = Svg.PALETTE[i % Svg.PALETTE.length];
            renderer.setSeriesPaint(
                    i,
                    series.size() > 1
                            ? new java.awt.Color(c.getRed(), c.getGreen(), c.getBlue(), 150)
                            : c);
        }
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, new NumberAxis("count"), renderer);
        Theme.xy(plot);
        return Svg.of(
                new JFreeChart(title, Svg.TITLE_FONT, plot, series.size() > 1), 640, 340, title);
    }
}
