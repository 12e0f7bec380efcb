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
 * Lines of several series, optionally with logarithmic axes.
 *
 * <pre>{@code
 * show(LineChart.of("Training loss").xLabel("step").yLabel("loss").logY().series("train", losses));
 * }</pre>
 */
public final class LineChart implements Chart {
    private record Series(String name, double[] x, double[] y, boolean reference) {}

    /** The colour of reference lines: a grey that reads on light and dark backgrounds. */
    static final java.awt.Color REFERENCE = new java.awt.Color(140, 140, 140);

    /** Series longer than this are thinned for drawing (see {@link #svg()}). */
    static final int MAX_POINTS = 800;

    private final String title;
    private final List<Series> series = new ArrayList<>();
    private String xLabel = "";
    private String yLabel = "";
    private boolean logY;
    private boolean logX;
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

    /**
     * A logarithmic x axis (every x must be positive), for costs against sizes: with {@link
     * #logY()} a power law is a straight line whose slope is its exponent.
     */
    public LineChart logX() {
        this.logX = true;
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
            throw new IllegalArgumentException(
                    "LineChart.series '"
                            + name
                            + "': "
                            + x.length
                            + " x values but "
                            + y.length
                            + " y values");
        }
        if (logY || logX) {
            for (int i = 0; i < x.length; i++) {
                if (logY && !(y[i] > 0) || logX && !(x[i] > 0)) {
                    throw new IllegalArgumentException(
                            "LineChart.series '"
                                    + name
                                    + "': log"
                                    + (logY && !(y[i] > 0) ? "Y" : "X")
                                    + " needs positive values, got ("
                                    + x[i]
                                    + ", "
                                    + y[i]
                                    + ")");
                }
            }
        }
        series.add(new Series(name, x.clone(), y.clone(), false));
        return this;
    }

    /**
     * A line for orientation rather than a result (contours of a loss, an n² reference, a
     * baseline): drawn thin, dashed and grey beneath the measured series, which keep the palette's
     * colours in their own order.
     */
    public LineChart reference(String name, double[] x, double[] y) {
        int before = series.size();
        series(name, x, y);
        Series added = series.remove(before);
        series.add(new Series(added.name(), added.x(), added.y(), true));
        return this;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String svg() {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Series s : drawingOrder()) {
            XYSeries xy = new XYSeries(s.name(), false, true);
            int n = s.x().length;
            if (n <= MAX_POINTS) {
                for (int i = 0; i < n; i++) {
                    xy.add(s.x()[i], s.y()[i], false);
                }
            } else {
                // More points than pixels: keep the first, last, lowest and highest of each bucket,
                // so
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
                    java.util.TreeSet<Integer> keep =
                            new java.util.TreeSet<>(java.util.List.of(from, lo, hi, to - 1));
                    for (int i : keep) {
                        xy.add(s.x()[i], s.y()[i], false);
                    }
                }
            }
            data.addSeries(xy);
        }
        org.jfree.chart.axis.ValueAxis xAxis;
        if (logX) {
            xAxis =
                    logAxis(
                            xLabel,
                            series.stream()
                                    .flatMapToDouble(s -> java.util.Arrays.stream(s.x()))
                                    .toArray());
        } else {
            NumberAxis linear = new NumberAxis(xLabel);
            linear.setAutoRangeIncludesZero(false);
            // Epochs, steps, layers: whole numbers get whole-number ticks (no "2.5" between epochs
            // 2 and 3).
            if (series.stream()
                    .allMatch(
                            s ->
                                    java.util.Arrays.stream(s.x())
                                            .allMatch(v -> v == StrictMath.rint(v)))) {
                linear.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            }
            xAxis = linear;
        }
        org.jfree.chart.axis.ValueAxis yAxis;
        if (logY) {
            yAxis =
                    logAxis(
                            yLabel,
                            series.stream()
                                    .flatMapToDouble(s -> java.util.Arrays.stream(s.y()))
                                    .toArray());
        } else {
            NumberAxis linear = new NumberAxis(yLabel);
            linear.setAutoRangeIncludesZero(false);
            yAxis = linear;
        }
        return render(new XYPlot(data, xAxis, yAxis, renderer()));
    }

    /**
     * A log axis that reaches the smallest value drawn (a gradient of 1e-16 stays on the chart).
     * Over three decades or more it is labelled at powers of ten with minor ticks between; over
     * less, at powers of two written out (256, 512, 1024), so that a short range still has labels
     * to read.
     */
    static LogAxis logAxis(String label, double[] values) {
        double smallest =
                java.util.Arrays.stream(values)
                        .filter(v -> v > 0 && Double.isFinite(v))
                        .min()
                        .orElse(1e-12);
        double largest =
                java.util.Arrays.stream(values)
                        .filter(v -> v > 0 && Double.isFinite(v))
                        .max()
                        .orElse(1);
        LogAxis log = new LogAxis(label);
        log.setSmallestValue(smallest / 2);
        log.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
        if (largest / smallest >= 1e3) {
            log.setBase(10);
            // Unlabelled ticks at 2, 3, ... 9 times each power of ten, to read values between the
            // labels.
            log.setMinorTickCount(9);
        } else {
            log.setBase(2);
            log.setNumberFormatOverride(
                    new java.text.DecimalFormat(
                            "0.###",
                            java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
            log.setMinorTickCount(1);
        }
        log.setMinorTickMarksVisible(true);
        return log;
    }

    /** References first, so that they are drawn beneath the measured series. */
    private List<Series> drawingOrder() {
        List<Series> out = new ArrayList<>();
        series.stream().filter(Series::reference).forEach(out::add);
        series.stream().filter(s -> !s.reference()).forEach(out::add);
        return out;
    }

    private XYLineAndShapeRenderer renderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        List<Series> drawn = drawingOrder();
        int colour = 0;
        for (int i = 0; i < drawn.size(); i++) {
            if (drawn.get(i).reference()) {
                r.setSeriesPaint(i, REFERENCE);
                r.setSeriesStroke(
                        i,
                        new BasicStroke(
                                1.2f,
                                BasicStroke.CAP_BUTT,
                                BasicStroke.JOIN_MITER,
                                10f,
                                new float[] {5f, 4f},
                                0f));
            } else {
                r.setSeriesPaint(i, Svg.PALETTE[colour++ % Svg.PALETTE.length]);
                r.setSeriesStroke(i, new BasicStroke(2f));
            }
        }
        return r;
    }

    private String render(XYPlot plot) {
        Theme.xy(plot);
        JFreeChart chart = new JFreeChart(title, Svg.TITLE_FONT, plot, series.size() > 1);
        return Svg.of(chart, width, height, title);
    }
}
