package org.nnwiki.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsTest {

    private static void assertSvg(Chart chart) {
        String svg = chart.svg();
        assertTrue(svg.startsWith("<svg"), svg.substring(0, 40));
        assertTrue(svg.contains("<title>" + chart.title() + "</title>"));
        assertTrue(svg.contains("viewBox"), "scales with its container");
        assertFalse(svg.contains("rgb(1,2,3)"), "ink colour is rewritten to currentColor");
        assertFalse(svg.contains("jfreesvg"), "no namespace HTML forbids on inline SVG");
    }

    @Test
    void everyChartTypeRendersSvgWithThemeInk() {
        assertSvg(
                LineChart.of("Loss")
                        .xLabel("step")
                        .yLabel("loss")
                        .series("a", new double[] {3, 2, 1})
                        .series("b", new double[] {2, 1, 0.5}));
        assertSvg(LineChart.of("Log loss").logY().series("a", new double[] {1, 0.1, 0.01}));
        assertSvg(
                ScatterChart.of("Points")
                        .points(new double[][] {{0, 0}, {1, 1}}, new int[] {0, 1})
                        .regions((x, y) -> x > 0.5 ? 1 : 0, 20));
        assertSvg(
                Heatmap.of("Matrix", new double[][] {{1, 2}, {3, 4}})
                        .xLabels("a", "b")
                        .yLabels("c", "d")
                        .annotate());
        assertSvg(
                ImageGrid.of("Images")
                        .image(new double[][] {{0, 1}, {1, 0}}, "x")
                        .image(new float[] {0, 1, 2, 3}, 2, 2, "y"));
        assertTrue(
                ImageGrid.of("Sharp")
                        .image(new double[][] {{0, 1}}, "x")
                        .svg()
                        .contains("<image style='image-rendering:pixelated' "),
                "pixels are drawn as squares, not smoothed");
        assertSvg(BarChart.of("Bars").bar("a", 1).bar("b", 2));
        assertSvg(Histogram.of("Hist", 10).values("v", new double[] {1, 2, 2, 3, 3, 3}));
    }

    @Test
    void chartsCarryTheirText() {
        String svg =
                LineChart.of("Training")
                        .xLabel("epoch")
                        .yLabel("loss")
                        .series("train", new double[] {1, 0.5})
                        .series("test", new double[] {1, 0.7})
                        .svg();
        assertTrue(svg.contains(">epoch<") && svg.contains(">train<") && svg.contains(">test<"));
        assertTrue(svg.contains("currentColor"));
    }

    @Test
    void aTitleWiderThanItsImageGridWrapsAtSpaces() {
        assertEquals(
                List.of("The input:", "Ankle boot"), Svg.wrap("The input: Ankle boot", 112, 14));
        assertEquals(List.of("Loss"), Svg.wrap("Loss", 112, 14));
        assertEquals(
                List.of("a", "Incomprehensibilities", "b"),
                Svg.wrap("a Incomprehensibilities b", 60, 14),
                "a long word has its own line");
        String one =
                ImageGrid.of("The input: Ankle boot")
                        .columns(1)
                        .cellSize(112)
                        .image(new double[28][28], "input")
                        .svg();
        assertTrue(one.contains(">The input:<") && one.contains(">Ankle boot<"), one);
        String wide =
                ImageGrid.of("The input: Ankle boot")
                        .columns(4)
                        .cellSize(112)
                        .image(new double[28][28], "input")
                        .image(new double[28][28], "b")
                        .svg();
        assertTrue(wide.contains(">The input: Ankle boot<"), "a title that fits stays on one line");
    }

    @Test
    void logAxesAreLabelledInsideShortAndLongRanges() {
        // Under three decades: a tick at every power of two, written out (the labels are drawn as
        // glyphs).
        var shortRange = LineChart.logAxis("n", new double[] {128, 4096});
        assertEquals(2, shortRange.getBase());
        assertEquals("1024", shortRange.getNumberFormatOverride().format(1024.0));
        assertEquals(1, shortRange.getTickUnit().getSize());
        var longRange = LineChart.logAxis("g", new double[] {1e-6, 1});
        assertEquals(
                10,
                longRange.getBase(),
                "over three decades: powers of ten, with minor ticks between");
        assertEquals(9, longRange.getMinorTickCount());
        assertTrue(longRange.getSmallestValue() <= 1e-6, "the smallest value stays on the chart");
        String svg =
                LineChart.of("cost")
                        .logX()
                        .logY()
                        .series("t", new double[] {128, 256, 512}, new double[] {4, 8, 16})
                        .svg();
        assertTrue(svg.startsWith("<svg"));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                LineChart.of("x")
                                        .logX()
                                        .series("s", new double[] {0, 1}, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("logX"), e.getMessage());
    }

    @Test
    void referenceLinesAreGreyDashedAndLeaveThePaletteToTheResults() {
        String svg =
                LineChart.of("cost")
                        .reference("n² reference", new double[] {1, 2}, new double[] {1, 4})
                        .series("measured", new double[] {1, 2}, new double[] {1, 3})
                        .svg();
        assertTrue(svg.contains("stroke-dasharray"), "the reference is dashed");
        assertTrue(svg.contains("rgb(140,140,140)"), "and grey");
        var first = Svg.PALETTE[0];
        assertTrue(
                svg.contains(
                        "rgb("
                                + first.getRed()
                                + ","
                                + first.getGreen()
                                + ","
                                + first.getBlue()
                                + ")"),
                "the measured series keeps the first palette colour");
        String plain =
                LineChart.of("cost")
                        .series("measured", new double[] {1, 2}, new double[] {1, 3})
                        .svg();
        assertFalse(plain.contains("stroke-dasharray"), "without a reference nothing is dashed");
    }

    @Test
    void twoChartsNeverShareDefinitionIds() {
        String a = LineChart.of("Same").series("s", new double[] {1, 2}).svg();
        String b = LineChart.of("Same").series("s", new double[] {1, 2}).svg();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("clipPath id=['\"]([^'\"]+)").matcher(a);
        assertTrue(m.find());
        assertFalse(b.contains(m.group(1)));
    }

    @Test
    void longSeriesAreThinnedButKeepTheirSpikes() {
        double[] y = new double[100_000];
        java.util.Arrays.fill(y, 1.0);
        y[54_321] = 50.0;
        String svg = LineChart.of("Long").series("y", y).svg();
        assertTrue(svg.length() < 120_000, "a 100k-point series stays small: " + svg.length());
        assertTrue(
                svg.contains(">50<") || svg.contains(">50.0<"),
                "the spike still sets the axis range");
    }

    @Test
    void decisionRegionsAreOneImageNotThousandsOfShapes() {
        String svg =
                ScatterChart.of("Regions")
                        .points(new double[][] {{0, 0}, {1, 1}}, new int[] {0, 1})
                        .regions((x, y) -> x + y > 1 ? 1 : 0, 200)
                        .svg();
        assertTrue(svg.contains("<image"));
        assertTrue(svg.length() < 100_000, "size " + svg.length());
    }

    @Test
    void badArgumentsAreExplained() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> LineChart.of("x").series("s", new double[] {1}, new double[] {1, 2}));
        assertEquals("LineChart.series 's': 1 x values but 2 y values", e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> LineChart.of("x").logY().series("s", new double[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> Table.of("a", "b").row(1));
    }

    @Test
    void showWritesTheWireFormatInsideAWikiBuild() {
        List<String> lines =
                captured(
                        true,
                        () -> {
                            Display.show(Table.of("k", "v").row("pi", 3.14159));
                            Display.value(new int[] {1, 2, 3});
                            Display.show("plain");
                        });
        assertEquals("\u001Enn-display table " + b64("k\tv\npi\t3.1416"), lines.get(0));
        assertEquals("\u001Enn-display value " + b64("[1, 2, 3]"), lines.get(1));
        assertEquals("plain", lines.get(2));
    }

    @Test
    void outsideAWikiBuildChartsBecomeFilesAndValuesText(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        System.setProperty("nnwiki.charts", dir.toString());
        try {
            List<String> lines =
                    captured(
                            false,
                            () -> {
                                Display.show(
                                        LineChart.of("Loss curve")
                                                .series("train", new double[] {3, 2, 1}));
                                Display.value(new int[] {1, 2, 3});
                            });
            assertTrue(
                    lines.get(0).startsWith("chart 'Loss curve' written to " + dir), lines.get(0));
            assertEquals("[1, 2, 3]", lines.get(1));
            try (var files = java.nio.file.Files.list(dir)) {
                java.nio.file.Path svg = files.findFirst().orElseThrow();
                assertTrue(
                        svg.getFileName().toString().endsWith("-loss-curve.svg"), svg.toString());
                assertTrue(java.nio.file.Files.readString(svg).startsWith("<svg"));
            }
        } finally {
            System.clearProperty("nnwiki.charts");
        }
    }

    private static List<String> captured(boolean inWiki, Runnable r) {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        System.setProperty("nnwiki.session", String.valueOf(inWiki));
        try {
            r.run();
        } finally {
            System.setOut(saved);
            System.clearProperty("nnwiki.session");
        }
        return buf.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
