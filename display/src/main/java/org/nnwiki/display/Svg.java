package org.nnwiki.display;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Plot;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Writes drawings as SVG in the wiki's look: transparent background, system font, and "ink" (text,
 * axes, outlines) in {@code currentColor} so a chart takes the page's text colour in either theme.
 */
final class Svg {
    /** Drawn in this colour, written as {@code currentColor}. */
    static final Color INK = new Color(1, 2, 3);

    static final Color GRID = new Color(128, 128, 128, 80);
    static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    /**
     * Colour-blind-safe series colours (Okabe–Ito) that keep contrast on white and on near-black.
     */
    static final Color[] PALETTE = {
        new Color(0, 114, 178), new Color(230, 159, 0), new Color(0, 158, 115),
                new Color(204, 121, 167),
        new Color(86, 180, 233), new Color(213, 94, 0), new Color(240, 228, 66),
                new Color(128, 128, 128)
    };

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Svg() {}

    static String of(JFreeChart chart, int width, int height, String title) {
        chart.setBackgroundPaint(null);
        chart.setBackgroundImageAlpha(0f);
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(null);
        plot.setOutlinePaint(GRID);
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(INK);
            chart.getTitle().setFont(TITLE_FONT);
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setBackgroundPaint(null);
            chart.getLegend().setItemPaint(INK);
            chart.getLegend().setItemFont(FONT);
            chart.getLegend().setFrame(new org.jfree.chart.block.BlockBorder(GRID));
        }
        return draw(
                width,
                height,
                title,
                g -> chart.draw(g, new Rectangle2D.Double(0, 0, width, height)));
    }

    /**
     * A number for the ids of one figure's definitions (markers, clips): several figures share a
     * page.
     */
    static int nextId() {
        return COUNTER.incrementAndGet();
    }

    static String draw(int width, int height, String title, Consumer<Graphics2D> painter) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        // Unique ids per figure: several charts share one HTML page.
        g.setDefsKeyPrefix("c" + Integer.toHexString(title.hashCode()) + "n" + nextId());
        // Two decimals are finer than a pixel of any figure here and keep pages small.
        g.setGeomDoubleConverter(Svg::round2);
        g.setTransformDoubleConverter(Svg::round2);
        painter.accept(g);
        String svg =
                g.getSVGElement(
                        null,
                        false,
                        new ViewBox(0, 0, width, height),
                        PreserveAspectRatio.XMID_YMID,
                        MeetOrSlice.MEET);
        svg = svg.replace("rgb(1,2,3)", "currentColor").replace("rgb(1, 2, 3)", "currentColor");
        // JFreeSVG declares its own namespace, which HTML does not allow on inline SVG (and nothing
        // uses it).
        svg = svg.replaceFirst(" xmlns:jfreesvg=['\"][^'\"]*['\"]", "");
        int open = svg.indexOf('>');
        return svg.substring(0, open + 1)
                + "<title>"
                + escape(title)
                + "</title>"
                + svg.substring(open + 1);
    }

    /**
     * {@code text} in lines at most {@code maxWidth} pixels wide in a font of {@code px} pixels,
     * broken at spaces (a word longer than a line has a line of its own). Widths are estimated from
     * the number of characters, 0.62 em each (wider than a bold sans-serif's average), not measured
     * with the fonts of the machine that runs the page: the same text wraps the same way
     * everywhere.
     */
    static java.util.List<String> wrap(String text, double maxWidth, float px) {
        int perLine = Math.max(1, (int) Math.floor(maxWidth / (0.62 * px)));
        java.util.List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > perLine) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    static String round2(double v) {
        double r = Math.round(v * 100) / 100.0;
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
