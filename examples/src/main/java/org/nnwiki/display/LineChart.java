package org.nnwiki.display;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Lines of several series, optionally with a logarithmic y axis.
 *
 * <pre>{@code
 * show(LineChart.of("Training loss").xLabel("step").yLabel("loss").logY().series("train", losses));
 * }</pre>
 */
public final class LineChart implements Chart {
    private record Series(String name, double[] x, double[] y) {}

    /** Series longer than this are thinned for drawing (see {@link #svg()}). */
    static final int MAX_POINTS = 800;

    private final String title;
    private final List<Series> series = new ArrayList<>();
    private String xLabel = "";
    private String yLabel = "";
    private boolean logY;
    private int width = 640;
    private int height = 360;

    private LineChart(String title) {
        this.title = title;
    }

    public static LineChart of(String title) {
        return new LineChart(title);
    }

    public LineChart xLabel(String label) {
        this.xLabel = label;
        return this;
    }

    public LineChart yLabel(String label) {
        this.yLabel = label;
        return this;
    }

    /** A logarithmic y axis (every y must be positive). */
    public LineChart logY() {
        this.logY = true;
        return this;
    }

    public LineChart size(int width, int height) {
        this.width = width;
        this.height = height;
        return this;
    }

    /** A series at x = 0, 1, 2, … */
    public LineChart series(String name, double[] y) {
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        return series(name, x, y);
    }

    public LineChart series(String name, float[] y) {
        return series(name, Data.doubles(y));
    }

    public LineChart series(String name, List<? extends Number> y) {
        return series(name, Data.doubles(y));
    }

    public LineChart series(String name, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("LineChart.series '" + name + "': " + x.length + " x values but " + y.length + " y values");
        }
        if (logY) {
            for (double v : y) {
                if (!(v > 0)) {
                    throw new IllegalArgumentException("LineChart.series '" + name + "': logY needs positive values, got " + v);
                }
            }
        }
        series.add(new Series(name, x.clone(), y.clone()));
        return this;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String svg() {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Series s : series) {
            XYSeries xy = new XYSeries(s.name(), false, true);
            int n = s.x().length;
            if (n <= MAX_POINTS) {
                for (int i = 0; i < n; i++) {
                    xy.add(s.x()[i], s.y()[i], false);
                }
            } else {
                // More points than pixels: keep the first, last, lowest and highest of each bucket, so
                // spikes survive and the page stays small.
                int buckets = MAX_POINTS / 4;
                for (int b = 0; b < buckets; b++) {
                    int from = (int) ((long) b * n / buckets);
                    int to = (int) ((long) (b + 1) * n / buckets);
                    int lo = from;
                    int hi = from;
                    for (int i = from; i < to; i++) {
                        lo = s.y()[i] < s.y()[lo] ? i : lo;
                        hi = s.y()[i] > s.y()[hi] ? i : hi;
                    }
                    java.util.TreeSet<Integer> keep = new java.util.TreeSet<>(java.util.List.of(from, lo, hi, to - 1));
                    for (int i : keep) {
                        xy.add(s.x()[i], s.y()[i], false);
                    }
                }
            }
            data.addSeries(xy);
        }
        NumberAxis xAxis = new NumberAxis(xLabel);
        xAxis.setAutoRangeIncludesZero(false);
        // Epochs, steps, layers: whole numbers get whole-number ticks (no "2.5" between epochs 2 and 3).
        if (series.stream().allMatch(s -> java.util.Arrays.stream(s.x()).allMatch(v -> v == StrictMath.rint(v)))) {
            xAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        NumberAxis yAxis;
        if (logY) {
            LogAxis log = new LogAxis(yLabel);
            // The axis reaches down to the smallest value drawn (a gradient of 1e-16 stays on the chart).
            double smallest = series.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.y()))
                    .filter(v -> v > 0 && Double.isFinite(v)).min().orElse(1e-12);
            log.setSmallestValue(smallest / 2);
            log.setBase(10);
            log.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
            // Unlabelled ticks at 2, 3, ... 9 times each power of ten, to read values between the labels.
            log.setMinorTickCount(9);
            log.setMinorTickMarksVisible(true);
            XYLineAndShapeRenderer renderer = renderer();
            XYPlot plot = new XYPlot(data, xAxis, log, renderer);
            return render(plot);
        }
        yAxis = new NumberAxis(yLabel);
        yAxis.setAutoRangeIncludesZero(false);
        return render(new XYPlot(data, xAxis, yAxis, renderer()));
    }

    private XYLineAndShapeRenderer renderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < series.size(); i++) {
            r.setSeriesPaint(i, Svg.PALETTE[i % Svg.PALETTE.length]);
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        return r;
    }

    private String render(XYPlot plot) {
        Theme.xy(plot);
        JFreeChart chart = new JFreeChart(title, Svg.TITLE_FONT, plot, series.size() > 1);
        return Svg.of(chart, width, height, title);
    }
}
