package org.nnwiki.display;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Small greyscale images in a grid with captions: filters, feature maps, samples, adversarial
 * examples. Each image is scaled to its own min…max unless {@link #range} fixes one range for all.
 *
 * <pre>{@code
 * show(ImageGrid.of("First-layer filters").columns(8).image(filter0, "0").image(filter1, "1"));
 * }</pre>
 */
public final class ImageGrid implements Chart {
    private record Item(double[][] pixels, String caption) {}

    private final String title;
    private final List<Item> items = new ArrayList<>();
    private int columns = 8;
    private int cell = 72;
    private Double lo;
    private Double hi;

    private ImageGrid(String title) {
        this.title = title;
    }

    public static ImageGrid of(String title) {
        return new ImageGrid(title);
    }

    public ImageGrid columns(int columns) {
        this.columns = Math.max(1, columns);
        return this;
    }

    /** Size in SVG units of each image's square. */
    public ImageGrid cellSize(int size) {
        this.cell = size;
        return this;
    }

    /** Maps {@code lo} to black and {@code hi} to white for every image. */
    public ImageGrid range(double lo, double hi) {
        this.lo = lo;
        this.hi = hi;
        return this;
    }

    public ImageGrid image(double[][] pixels, String caption) {
        items.add(new Item(pixels, caption));
        return this;
    }

    public ImageGrid image(float[][] pixels, String caption) {
        double[][] d = new double[pixels.length][];
        for (int i = 0; i < pixels.length; i++) {
            d[i] = Data.doubles(pixels[i]);
        }
        return image(d, caption);
    }

    /** An image stored row-major in {@code pixels} with the given height and width. */
    public ImageGrid image(float[] pixels, int height, int width, String caption) {
        if (pixels.length != height * width) {
            throw new IllegalArgumentException(
                    "ImageGrid.image: "
                            + pixels.length
                            + " pixels for "
                            + height
                            + "\u00d7"
                            + width);
        }
        double[][] d = new double[height][width];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                d[r][c] = pixels[r * width + c];
            }
        }
        return image(d, caption);
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String svg() {
        int n = items.size();
        int cols = Math.min(columns, Math.max(1, n));
        int rows = (n + cols - 1) / cols;
        int gap = 8;
        int captionHeight = 16;
        int width = cols * (cell + gap) + gap;
        // A title wider than the grid wraps (a single 28×28 image is narrower than most titles).
        java.util.List<String> titleLines =
                Svg.wrap(title, width - 2 * gap, Svg.TITLE_FONT.getSize2D());
        int titleHeight = 8 + 18 * titleLines.size();
        int height = titleHeight + rows * (cell + captionHeight + gap) + gap;
        String svg =
                Svg.draw(
                        width,
                        height,
                        title,
                        g -> {
                            g.setRenderingHint(
                                    RenderingHints.KEY_INTERPOLATION,
                                    RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
                            g.setPaint(Svg.INK);
                            g.setFont(Svg.TITLE_FONT);
                            for (int i = 0; i < titleLines.size(); i++) {
                                g.drawString(titleLines.get(i), gap, 18 + 18 * i);
                            }
                            g.setFont(Svg.FONT.deriveFont(11f));
                            for (int i = 0; i < n; i++) {
                                int x = gap + (i % cols) * (cell + gap);
                                int y = titleHeight + (i / cols) * (cell + captionHeight + gap);
                                g.drawImage(toImage(items.get(i).pixels()), x, y, cell, cell, null);
                                g.setPaint(Svg.INK);
                                String caption = items.get(i).caption();
                                int w = g.getFontMetrics().stringWidth(caption);
                                g.drawString(
                                        caption, x + Math.max(0, (cell - w) / 2), y + cell + 13);
                            }
                        });
        // Browsers smooth scaled bitmaps: keep every pixel a sharp square (a 3×3 filter is nine
        // squares).
        return svg.replace("<image ", "<image style='image-rendering:pixelated' ");
    }

    private BufferedImage toImage(double[][] p) {
        int h = p.length;
        int w = h == 0 ? 0 : p[0].length;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : p) {
            for (double v : row) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double a = lo != null ? lo : min;
        double b = hi != null ? hi : max;
        double span = b - a == 0 ? 1 : b - a;
        BufferedImage img =
                new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int v = (int) Math.round(255 * Math.max(0, Math.min(1, (p[r][c] - a) / span)));
                img.setRGB(c, r, (v << 16) | (v << 8) | v);
            }
        }
        return img;
    }
}
