package org.nnwiki.display;

import java.awt.BasicStroke;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;

/** Applies the wiki's axis and grid style to JFreeChart plots. */
final class Theme {
    private Theme() {}

    static void axis(Axis axis) {
        axis.setLabelPaint(Svg.INK);
        axis.setTickLabelPaint(Svg.INK);
        axis.setAxisLinePaint(Svg.INK);
        axis.setTickMarkPaint(Svg.INK);
        axis.setLabelFont(Svg.FONT);
        axis.setTickLabelFont(Svg.FONT.deriveFont(11f));
    }

    static void xy(XYPlot plot) {
        axis(plot.getDomainAxis());
        axis(plot.getRangeAxis());
        plot.setDomainGridlinePaint(Svg.GRID);
        plot.setRangeGridlinePaint(Svg.GRID);
        plot.setDomainGridlineStroke(new BasicStroke(0.5f));
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
    }

    static void category(CategoryPlot plot) {
        axis(plot.getDomainAxis());
        axis(plot.getRangeAxis());
        plot.setRangeGridlinePaint(Svg.GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
    }
}
