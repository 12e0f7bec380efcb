package org.nnwiki.display;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Bars by category, in one or several series.
 *
 * <pre>{@code
 * show(BarChart.of("Accuracy").yLabel("test accuracy").bar("MLP", 0.84).bar("CNN", 0.88));
 * }</pre>
 */
public final class BarChart implements Chart {
    private record Bar(String series, String category, double value) {}

    private final String title;
    private final List<Bar> bars = new ArrayList<>();
    private String xLabel = "";
    private String yLabel = "";

    private BarChart(String title) {
        this.title = title;
    }

    public static BarChart of(String title) {
        return new BarChart(title);
    }

    public BarChart xLabel(String label) {
        this.xLabel = label;
        return this;
    }

    public BarChart yLabel(String label) {
        this.yLabel = label;
        return this;
    }

    public BarChart bar(String category, double value) {
        return bar("", category, value);
    }

    public BarChart bar(String series, String category, double value) {
        bars.add(new Bar(series, category, value));
        return this;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String svg() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        boolean legend = false;
        for (Bar b : bars) {
            data.addValue(b.value(), b.series(), b.category());
            legend |= !b.series().isEmpty();
        }
        CategoryAxis x = new CategoryAxis(xLabel);
        if (data.getColumnCount() > 8) {
            x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, Svg.PALETTE[i % Svg.PALETTE.length]);
        }
        CategoryPlot plot = new CategoryPlot(data, x, new NumberAxis(yLabel), renderer);
        Theme.category(plot);
        return Svg.of(new JFreeChart(title, Svg.TITLE_FONT, plot, legend), 640, 360, title);
    }
}
