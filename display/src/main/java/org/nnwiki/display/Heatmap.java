package org.nnwiki.display;

import java.awt.Color;
import java.awt.Font;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A matrix as coloured cells with tick labels: attention weights, confusion matrices, encodings.
 * Row 0 is drawn at the top, as matrices are written.
 *
 * <pre>{@code
 * show(Heatmap.of("Attention", weights).xLabels(keys).yLabels(queries).annotate());
 * }</pre>
 */
public final class Heatmap implements Chart {
    private final String title;
    private final double[][] z;
    private String[] xLabels;
    private String[] yLabels;
    private String xTitle = "";
    private String yTitle = "";
    private boolean annotate;
    private int width = 560;
    private int height = 480;

    private Heatmap(String title, double[][] z) {
        this.title = title;
        this.z = z;
    }

    public static Heatmap of(String title, double[][] z) {
        if (z.length == 0 || z[0].length == 0) {
            throw new IllegalArgumentException("Heatmap.of: the matrix is empty");
        }
        for (double[] row : z) {
            if (row.length != z[0].length) {
                throw new IllegalArgumentException(
                        "Heatmap.of: rows have different lengths ("
                                + z[0].length
                                + " and "
                                + row.length
                                + ")");
            }
        }
        return new Heatmap(title, z);
    }

    public static Heatmap of(String title, float[][] z) {
        double[][] d = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            d[i] = Data.doubles(z[i]);
        }
        return of(title, d);
    }

    public Heatmap xLabels(String... labels) {
        this.xLabels = labels.clone();
        return this;
    }

    public Heatmap yLabels(String... labels) {
        this.yLabels = labels.clone();
        return this;
    }

    public Heatmap axes(String xTitle, String yTitle) {
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        return this;
    }

    /** Writes each cell's value in it (for small matrices). */
    public Heatmap annotate() {
        this.annotate = true;
        return this;
    }

    public Heatmap size(int width, int height) {
        this.width = width;
        this.height = height;
        return this;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String svg() {
        int rows = z.length;
        int cols = z[0].length;
        double[][] data = new double[3][rows * cols];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int k = r * cols + c;
                data[0][k] = c;
                data[1][k] = rows - 1 - r;
                data[2][k] = z[r][c];
                lo = Math.min(lo, z[r][c]);
                hi = Math.max(hi, z[r][c]);
            }
        }
        if (hi <= lo) {
            hi = lo + 1;
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries("z", data);
        XYBlockRenderer renderer = new XYBlockRenderer();
        Viridis scale = new Viridis(lo, hi);
        renderer.setPaintScale(scale);
        NumberAxis x = xLabels != null ? new SymbolAxis(xTitle, xLabels) : new NumberAxis(xTitle);
        String[] yTicks = new String[rows];
        for (int r = 0; r < rows; r++) {
            yTicks[rows - 1 - r] =
                    yLabels != null && r < yLabels.length ? yLabels[r] : Integer.toString(r);
        }
        NumberAxis y = new SymbolAxis(yTitle, yTicks);
        x.setRange(-0.5, cols - 0.5);
        y.setRange(-0.5, rows - 0.5);
        if (xLabels == null) {
            x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        ((SymbolAxis) y).setGridBandsVisible(false);
        if (x instanceof SymbolAxis sx) {
            sx.setGridBandsVisible(false);
            if (cols > 6) {
                sx.setVerticalTickLabels(true);
            }
        }
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        Theme.xy(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        if (annotate) {
            Font font = Svg.FONT.deriveFont(rows * cols > 100 ? 9f : 11f);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    double v = z[r][c];
                    String text =
                            v == Math.rint(v) && Math.abs(v) < 1e6
                                    ? Long.toString((long) v)
                                    : String.format(Locale.ROOT, "%.2f", v);
                    XYTextAnnotation a = new XYTextAnnotation(text, c, rows - 1 - r);
                    a.setFont(font);
                    a.setPaint(scale.brightness(v) > 0.55 ? Color.BLACK : Color.WHITE);
                    plot.addAnnotation(a);
                }
            }
        }
        JFreeChart chart = new JFreeChart(title, Svg.TITLE_FONT, plot, false);
        NumberAxis legendAxis = new NumberAxis();
        legendAxis.setRange(lo, hi);
        Theme.axis(legendAxis);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(12);
        legend.setMargin(4, 8, 4, 4);
        legend.setBackgroundPaint(null);
        chart.addSubtitle(legend);
        return Svg.of(chart, width, height, title);
    }

    /** A perceptually uniform colour scale (viridis, sampled at 6 stops and interpolated). */
    static final class Viridis implements PaintScale {
        private static final int[][] STOPS = {
            {68, 1, 84},
            {65, 68, 135},
            {42, 120, 142},
            {34, 168, 132},
            {122, 209, 81},
            {253, 231, 37}
        };
        private final double lo;
        private final double hi;

        Viridis(double lo, double hi) {
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        public double getLowerBound() {
            return lo;
        }

        @Override
        public double getUpperBound() {
            return hi;
        }

        @Override
        public Color getPaint(double value) {
            double t = Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, (value - lo) / (hi - lo)));
            double pos = t * (STOPS.length - 1);
            int i = Math.min((int) pos, STOPS.length - 2);
            double f = pos - i;
            int[] a = STOPS[i];
            int[] b = STOPS[i + 1];
            return new Color(
                    (int) Math.round(a[0] + f * (b[0] - a[0])),
                    (int) Math.round(a[1] + f * (b[1] - a[1])),
                    (int) Math.round(a[2] + f * (b[2] - a[2])));
        }

        double brightness(double value) {
            Color c = getPaint(value);
            return (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255;
        }
    }
}
