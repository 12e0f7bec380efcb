package org.nnwiki.display;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * A directed graph of labelled boxes, laid out in layers by the Eclipse Layout Kernel (ELK) and
 * drawn as SVG: computation graphs, model diagrams. Edges point from inputs to what is computed
 * from them.
 *
 * <pre>{@code
 * show(NodeGraph.of("y = relu(x W)")
 *         .node("x", NodeGraph.Kind.INPUT, "x", "4×2").node("w", NodeGraph.Kind.PARAMETER, "W", "2×3")
 *         .node("mm", NodeGraph.Kind.OPERATION, "matmul", "4×3").node("y", NodeGraph.Kind.OUTPUT, "relu", "4×3")
 *         .edge("x", "mm").edge("w", "mm").edge("mm", "y"));
 * }</pre>
 *
 * <p>Text widths are estimated from the number of characters, not measured with the fonts of the
 * machine that runs the page, so the same graph has the same layout everywhere.
 */
public final class NodeGraph implements Chart {
    /** What a box stands for; each kind has its own colour. */
    public enum Kind {
        /** data fed in (no gradient) */
        INPUT,
        /** a tensor that learns */
        PARAMETER,
        /** an operation or a layer */
        OPERATION,
        /** the result the graph is drawn for (a loss, a model's output) */
        OUTPUT
    }

    private record Box(String id, Kind kind, List<String> lines) {}

    private record Arrow(String from, String to, String label) {}

    private static final double FONT_PX = 12;
    private static final double CHAR_PX = 0.6 * FONT_PX;
    private static final double LINE_PX = 16;
    private static final double PAD_X = 10;
    private static final double PAD_Y = 6;
    private static final double MARGIN = 12;
    private static final double TITLE_PX = 14;

    private final String title;
    private final Map<String, Box> boxes = new LinkedHashMap<>();
    private final List<Arrow> arrows = new ArrayList<>();

    private NodeGraph(String title) {
        this.title = title;
    }

    public static NodeGraph of(String title) {
        return new NodeGraph(title);
    }

    /** Adds a box; its first line is drawn bold (the name), the others below it (shape, values). */
    public NodeGraph node(String id, Kind kind, String... lines) {
        if (boxes.containsKey(id)) {
            throw new IllegalArgumentException(
                    "NodeGraph.node: there is already a node '" + id + "'");
        }
        if (lines.length == 0) {
            throw new IllegalArgumentException(
                    "NodeGraph.node: give the node '" + id + "' at least one line of text");
        }
        boxes.put(id, new Box(id, kind, List.of(lines)));
        return this;
    }

    /** Adds an arrow from {@code from} to {@code to} (both added before). */
    public NodeGraph edge(String from, String to) {
        return edge(from, to, "");
    }

    /** Adds an arrow with a label written beside it (a shape, a mask). */
    public NodeGraph edge(String from, String to, String label) {
        for (String id : List.of(from, to)) {
            if (!boxes.containsKey(id)) {
                throw new IllegalArgumentException(
                        "NodeGraph.edge: no node '" + id + "': add it with node(...) first");
            }
        }
        arrows.add(new Arrow(from, to, label));
        return this;
    }

    @Override
    public String title() {
        return title;
    }

    /** Where ELK put each box, and the route of each arrow. */
    private record Layout(
            Map<String, double[]> boxes,
            List<double[]> routes,
            List<double[]> labels,
            double width,
            double height) {}

    private static boolean registered;

    private static synchronized void registerLayered() {
        if (!registered) {
            LayoutMetaDataService.getInstance()
                    .registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
            registered = true;
        }
    }

    private Layout layout() {
        registerLayered();
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, "org.eclipse.elk.layered");
        root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 18.0);
        root.setProperty(CoreOptions.SPACING_EDGE_NODE, 12.0);
        root.setProperty(
                org.eclipse.elk.alg.layered.options.LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS,
                28.0);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(MARGIN));
        root.setProperty(CoreOptions.RANDOM_SEED, 1);
        Map<String, ElkNode> nodes = new LinkedHashMap<>();
        for (Box b : boxes.values()) {
            ElkNode n = ElkGraphUtil.createNode(root);
            double[] size = size(b);
            n.setDimensions(size[0], size[1]);
            nodes.put(b.id(), n);
        }
        List<ElkEdge> edges = new ArrayList<>();
        for (Arrow a : arrows) {
            ElkEdge e = ElkGraphUtil.createSimpleEdge(nodes.get(a.from()), nodes.get(a.to()));
            if (!a.label().isEmpty()) {
                org.eclipse.elk.graph.ElkLabel label = ElkGraphUtil.createLabel(a.label(), e);
                label.setDimensions(a.label().length() * CHAR_PX * 0.9, LINE_PX);
            }
            edges.add(e);
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        Map<String, double[]> placed = new LinkedHashMap<>();
        nodes.forEach(
                (id, n) ->
                        placed.put(
                                id,
                                new double[] {n.getX(), n.getY(), n.getWidth(), n.getHeight()}));
        List<double[]> routes = new ArrayList<>();
        List<double[]> labels = new ArrayList<>();
        for (ElkEdge e : edges) {
            List<Double> pts = new ArrayList<>();
            for (ElkEdgeSection s : e.getSections()) {
                pts.add(s.getStartX());
                pts.add(s.getStartY());
                for (ElkBendPoint p : s.getBendPoints()) {
                    pts.add(p.getX());
                    pts.add(p.getY());
                }
                pts.add(s.getEndX());
                pts.add(s.getEndY());
            }
            routes.add(pts.stream().mapToDouble(Double::doubleValue).toArray());
            labels.add(
                    e.getLabels().isEmpty()
                            ? null
                            : new double[] {
                                e.getLabels().get(0).getX(), e.getLabels().get(0).getY()
                            });
        }
        return new Layout(placed, routes, labels, root.getWidth(), root.getHeight());
    }

    private static double[] size(Box b) {
        int chars = b.lines().stream().mapToInt(String::length).max().orElse(1);
        return new double[] {
            Math.max(44, chars * CHAR_PX + 2 * PAD_X), b.lines().size() * LINE_PX + 2 * PAD_Y
        };
    }

    @Override
    public String svg() {
        if (boxes.isEmpty()) {
            throw new IllegalStateException(
                    "NodeGraph '" + title + "': add nodes before showing it");
        }
        Layout layout = layout();
        List<String> titleLines =
                Svg.wrap(title, Math.max(layout.width(), 320) - 2 * MARGIN, (float) TITLE_PX);
        double top = MARGIN + titleLines.size() * (TITLE_PX + 4);
        double width = Math.max(layout.width(), 320);
        double height = top + layout.height();
        String id = "g" + Integer.toHexString(title.hashCode()) + "n" + Svg.nextId();
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(num(width))
                .append(' ')
                .append(num(height))
                .append("\" font-family=\"system-ui, sans-serif\" font-size=\"")
                .append(num(FONT_PX))
                .append("\">");
        svg.append("<title>").append(Svg.escape(title)).append("</title>");
        svg.append("<defs><marker id=\"")
                .append(id)
                .append("-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\"")
                .append(
                        " markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0L10,5L0,10z\" fill=\"currentColor\"/></marker></defs>");
        for (int i = 0; i < titleLines.size(); i++) {
            svg.append("<text x=\"")
                    .append(num(width / 2))
                    .append("\" y=\"")
                    .append(num(MARGIN + (i + 1) * (TITLE_PX + 4) - 4))
                    .append("\" text-anchor=\"middle\" font-weight=\"bold\" font-size=\"")
                    .append(num(TITLE_PX))
                    .append("\" fill=\"currentColor\">")
                    .append(Svg.escape(titleLines.get(i)))
                    .append("</text>");
        }
        double dx = (width - layout.width()) / 2;
        svg.append("<g transform=\"translate(")
                .append(num(dx))
                .append(',')
                .append(num(top))
                .append(")\">");
        svg.append(
                "<g fill=\"none\" stroke=\"currentColor\" stroke-opacity=\"0.7\" stroke-width=\"1.2\">");
        for (double[] route : layout.routes()) {
            svg.append("<path d=\"");
            for (int i = 0; i < route.length; i += 2) {
                svg.append(i == 0 ? 'M' : 'L')
                        .append(num(route[i]))
                        .append(',')
                        .append(num(route[i + 1]));
            }
            svg.append("\" marker-end=\"url(#").append(id).append("-arrow)\"/>");
        }
        svg.append("</g>");
        for (int i = 0; i < arrows.size(); i++) {
            double[] at = layout.labels().get(i);
            if (at != null) {
                svg.append("<text x=\"")
                        .append(num(at[0]))
                        .append("\" y=\"")
                        .append(num(at[1] + LINE_PX - 4))
                        .append("\" font-size=\"11\" fill=\"currentColor\" fill-opacity=\"0.8\">")
                        .append(Svg.escape(arrows.get(i).label()))
                        .append("</text>");
            }
        }
        for (Box b : boxes.values()) {
            double[] r = layout.boxes().get(b.id());
            String colour = colour(b.kind());
            svg.append("<g><rect x=\"")
                    .append(num(r[0]))
                    .append("\" y=\"")
                    .append(num(r[1]))
                    .append("\" width=\"")
                    .append(num(r[2]))
                    .append("\" height=\"")
                    .append(num(r[3]))
                    .append("\" rx=\"")
                    .append(b.kind() == Kind.OPERATION ? 12 : 3)
                    .append("\" fill=\"")
                    .append(colour)
                    .append("\" fill-opacity=\"0.16\" stroke=\"")
                    .append(colour)
                    .append("\" stroke-width=\"")
                    .append(b.kind() == Kind.OUTPUT ? 2 : 1.2)
                    .append("\"/>");
            for (int l = 0; l < b.lines().size(); l++) {
                svg.append("<text x=\"")
                        .append(num(r[0] + r[2] / 2))
                        .append("\" y=\"")
                        .append(num(r[1] + PAD_Y + (l + 1) * LINE_PX - 4))
                        .append("\" text-anchor=\"middle\" fill=\"currentColor\"")
                        .append(l == 0 ? " font-weight=\"bold\"" : "")
                        .append('>')
                        .append(Svg.escape(b.lines().get(l)))
                        .append("</text>");
            }
            svg.append("</g>");
        }
        return svg.append("</g></svg>").toString();
    }

    private static String colour(Kind kind) {
        java.awt.Color c =
                switch (kind) {
                    case INPUT -> Svg.PALETTE[7];
                    case PARAMETER -> Svg.PALETTE[1];
                    case OPERATION -> Svg.PALETTE[0];
                    case OUTPUT -> Svg.PALETTE[5];
                };
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    private static String num(double v) {
        return Svg.round2(Math.round(v * 10) / 10.0);
    }
}
