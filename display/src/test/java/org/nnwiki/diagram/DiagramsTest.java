package org.nnwiki.diagram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.nnwiki.core.Rng;
import org.nnwiki.core.Tensor;
import org.nnwiki.core.nn.Activation;
import org.nnwiki.core.nn.BatchNorm;
import org.nnwiki.core.nn.BatchNorm2d;
import org.nnwiki.core.nn.Conv2d;
import org.nnwiki.core.nn.Linear;
import org.nnwiki.core.nn.MaxPool2d;
import org.nnwiki.core.nn.Sequential;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Graph (the autodiff graph) and Diagram (a model's traced layers), drawn through ELK. */
class DiagramsTest {

    @Test
    void theGraphHasOneBoxPerTensorAndOneArrowPerRecordedInput() throws Exception {
        Rng.manualSeed(3);
        Tensor x = Tensor.randn(4, 2);
        Tensor w = Tensor.randn(2, 3).requiresGrad();
        Tensor b = Tensor.zeros(3).requiresGrad();
        Tensor h = x.matmul(w).add(b);
        Tensor loss = h.mul(h).sum(); // h used twice: two arrows from one box
        Graph graph = Graph.of(loss).label(w, "w").label(b, "b").label(x, "x").values().gradients();
        assertEquals(7, graph.size(), "x, w, b, matmul, add, mul, sum");
        loss.backward();
        Document svg = parse(graph.svg());
        List<Element> boxes = elements(svg, "rect");
        List<Element> arrows =
                elements(svg, "path").stream().filter(p -> p.hasAttribute("marker-end")).toList();
        assertEquals(7, boxes.size(), "x, w, b, matmul, add, mul, sum");
        assertEquals(
                7, arrows.size(), "x→matmul, w→matmul, matmul→add, b→add, add→mul twice, mul→sum");
        String text = svg.getDocumentElement().getTextContent();
        assertTrue(
                text.contains("w")
                        && text.contains("2×3")
                        && text.contains("matmul")
                        && text.contains("4×3"),
                text);
        // The gradient written in b's box is the one backward computed (w has too many elements to
        // write).
        float[] g = b.grad().toArray();
        assertTrue(
                text.contains(
                        String.format(
                                java.util.Locale.ROOT,
                                "grad [%.3g, %.3g, %.3g]",
                                g[0],
                                g[1],
                                g[2])),
                text);
        assertTrue(text.contains("grad "), "gradients are shown: " + text);
        assertNoOverlapAndInside(svg, boxes);
        assertEquals(
                graph.svg().replaceAll("g[0-9a-f]+n\\d+", "ID"),
                graph.svg().replaceAll("g[0-9a-f]+n\\d+", "ID"),
                "the same graph is laid out the same way twice");
    }

    @Test
    void theModuleViewHasOneBoxPerModuleAndKeepsTheInputsAndMasks() throws Exception {
        Rng.manualSeed(9);
        var mlp =
                new Sequential(
                        new Linear(3, 8),
                        Activation.relu(),
                        new Linear(8, 8),
                        Activation.tanh(),
                        new Linear(8, 2));
        Tensor x = Tensor.randn(4, 3);
        Tensor mask = Tensor.ones(4, 2);
        Tensor out = mlp.forward(x).mul(mask); // a constant that is not a parameter
        Graph graph = Graph.of(out).label(x, "x").label(mask, "mask");
        var modules = graph.modules(mlp, 1);
        Document svg = parse(modules.svg());
        String text = svg.getDocumentElement().getTextContent();
        // Boxes: x, mask, and the three Linear layers 0, 2, 4 (the activations join the layer
        // before them).
        assertEquals(5, elements(svg, "rect").size(), text);
        assertTrue(
                text.contains("→ 4×8")
                        && text.contains("32 parameters")
                        && text.contains("72 parameters")
                        && text.contains("18 parameters"),
                text);
        assertTrue(text.contains("mask") && text.contains("x"), text);
        // Arrows: x→0, 0→2, 2→4, mask→4 (mul joins layer 4, the input computed last).
        assertEquals(
                4,
                elements(svg, "path").stream().filter(p -> p.hasAttribute("marker-end")).count());
        assertNoOverlapAndInside(svg, elements(svg, "rect"));
        IllegalStateException tooBig =
                assertThrows(
                        IllegalStateException.class,
                        () -> {
                            Tensor big = Tensor.randn(2, 2).requiresGrad();
                            Tensor y = big;
                            for (int i = 0; i < 250; i++) y = y.tanh();
                            Graph.of(y).svg();
                        });
        assertTrue(tooBig.getMessage().contains("modules(model, depth)"), tooBig.getMessage());
    }

    @Test
    void aGraphNeedsARecordedGraph() {
        Tensor w = Tensor.randn(2, 2).requiresGrad();
        Tensor loss = w.mul(w).sum();
        loss.backward();
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Graph.of(loss));
        assertTrue(e.getMessage().contains("call Graph.of before backward()"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Graph.of(Tensor.randn(2)));
    }

    @Test
    void theDiagramTracesEachLayerAndLeavesTheModelAsItWas() throws Exception {
        Rng.manualSeed(5);
        BatchNorm norm = new BatchNorm2d(4);
        Sequential cnn =
                new Sequential(
                        new Conv2d(1, 4, 3, 1, 1),
                        norm,
                        Activation.relu(),
                        new MaxPool2d(2),
                        new Sequential(Activation.flatten(), new Linear(4 * 4 * 4, 10)));
        float[] before = norm.namedParameters().get("weight").toArray();
        Diagram d = Diagram.of(cnn, Tensor.randn(2, 1, 8, 8));
        List<String> layers = d.steps().stream().map(Diagram.Step::layer).toList();
        assertEquals(
                List.of(
                        "Conv2d(1, 4, 3, padding=1)",
                        "BatchNorm2d(4)",
                        "ReLU",
                        "MaxPool2d(2)",
                        "Flatten",
                        "Linear(64, 10)"),
                layers);
        assertArrayEquals(new int[] {2, 4, 8, 8}, d.steps().get(0).output());
        assertArrayEquals(new int[] {2, 4, 4, 4}, d.steps().get(3).output());
        assertArrayEquals(new int[] {2, 10}, d.steps().get(5).output());
        assertEquals(4 * 9 + 4, d.steps().get(0).parameters());
        assertEquals(
                cnn.parameterCount(), d.steps().stream().mapToInt(Diagram.Step::parameters).sum());
        assertEquals(2, d.steps().get(5).depth(), "the nested Sequential is opened");
        assertTrue(cnn.isTraining(), "the model is back in training mode");
        assertArrayEquals(before, norm.namedParameters().get("weight").toArray());
        // Batch norm's running statistics did not move: eval mode gives the same output before and
        // after.
        cnn.eval();
        Tensor probe = Tensor.randn(1, 1, 8, 8);
        float[] out1 = cnn.forward(probe).toArray();
        Diagram.of(cnn, Tensor.randn(2, 1, 8, 8));
        assertArrayEquals(out1, cnn.forward(probe).toArray());
        assertTrue(!cnn.isTraining(), "a model in eval mode stays in eval mode");

        Document svg = parse(d.svg());
        assertEquals(7, elements(svg, "rect").size(), "the input and six layers");
        assertTrue(svg.getDocumentElement().getTextContent().contains("2×4×8×8"));
        assertNoOverlapAndInside(svg, elements(svg, "rect"));
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Document d, String tag) {
        NodeList list = d.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    /** ELK's promise, checked: no two boxes overlap, and every box lies inside the figure. */
    private static void assertNoOverlapAndInside(Document svg, List<Element> boxes) {
        String[] viewBox = svg.getDocumentElement().getAttribute("viewBox").split(" ");
        double width = Double.parseDouble(viewBox[2]);
        double height = Double.parseDouble(viewBox[3]);
        Matcher m =
                Pattern.compile("translate\\(([-0-9.]+),([-0-9.]+)\\)")
                        .matcher(
                                ((Element) svg.getElementsByTagName("g").item(0))
                                        .getAttribute("transform"));
        assertTrue(m.find());
        double dx = Double.parseDouble(m.group(1));
        double dy = Double.parseDouble(m.group(2));
        List<double[]> rects =
                boxes.stream()
                        .map(
                                r ->
                                        new double[] {
                                            dx + Double.parseDouble(r.getAttribute("x")),
                                            dy + Double.parseDouble(r.getAttribute("y")),
                                            Double.parseDouble(r.getAttribute("width")),
                                            Double.parseDouble(r.getAttribute("height"))
                                        })
                        .toList();
        for (int i = 0; i < rects.size(); i++) {
            double[] a = rects.get(i);
            assertTrue(
                    a[0] >= 0
                            && a[1] >= 0
                            && a[0] + a[2] <= width + 0.01
                            && a[1] + a[3] <= height + 0.01,
                    "box " + i + " inside");
            for (int j = i + 1; j < rects.size(); j++) {
                double[] b = rects.get(j);
                boolean apart =
                        a[0] + a[2] <= b[0]
                                || b[0] + b[2] <= a[0]
                                || a[1] + a[3] <= b[1]
                                || b[1] + b[3] <= a[1];
                assertTrue(apart, "boxes " + i + " and " + j + " overlap");
            }
        }
    }
}
