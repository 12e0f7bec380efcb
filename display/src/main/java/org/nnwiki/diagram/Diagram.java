package org.nnwiki.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nnwiki.core.Tensor;
import org.nnwiki.core.nn.Layer;
import org.nnwiki.core.nn.Sequential;
import org.nnwiki.display.Chart;
import org.nnwiki.display.NodeGraph;

/**
 * A model's layers with the shapes that flowed through them, traced by running the model on a real
 * input (torchinfo's summary and torchview are the models): each layer's box says what it is, the
 * shape it produced and how many parameters it has. The forward pass runs in evaluation mode and
 * without a graph, so tracing changes nothing in the model (batch norm's running statistics stay).
 *
 * <pre>{@code
 * show(Diagram.of(cnn, images.slice(0, 0, 1)));
 * }</pre>
 */
public final class Diagram implements Chart {
    /**
     * One traced layer: its description, the shape it produced, its parameter count, its depth in
     * nested Sequentials.
     */
    public record Step(String layer, int[] output, int parameters, int depth) {}

    private final String title;
    private final int[] input;
    private final List<Step> steps;

    private Diagram(String title, int[] input, List<Step> steps) {
        this.title = title;
        this.input = input;
        this.steps = steps;
    }

    /**
     * Runs {@code model} on {@code input} layer by layer (nested Sequentials are opened) and
     * records each step.
     */
    public static Diagram of(Layer model, Tensor input) {
        boolean training = model.isTraining();
        List<Step> steps = new ArrayList<>();
        model.eval();
        try (Tensor.NoGrad off = Tensor.noGrad()) {
            trace(model, input, 0, steps);
        } finally {
            if (training) {
                model.train();
            }
        }
        int total = steps.stream().mapToInt(Step::parameters).sum();
        String title =
                "Layers of the model, traced on a "
                        + shape(input.shape())
                        + " input ("
                        + String.format(Locale.ROOT, "%,d", total)
                        + " parameters)";
        return new Diagram(title, input.shape(), List.copyOf(steps));
    }

    private static Tensor trace(Layer layer, Tensor x, int depth, List<Step> steps) {
        if (layer instanceof Sequential seq) {
            for (int i = 0; i < seq.size(); i++) {
                x = trace(seq.get(i), x, depth + 1, steps);
            }
            return x;
        }
        Tensor y = layer.forward(x);
        steps.add(
                new Step(
                        layer.toString().startsWith(layer.getClass().getName() + "@")
                                ? layer.getClass().getSimpleName()
                                : layer.toString(),
                        y.shape(),
                        layer.parameterCount(),
                        depth));
        return y;
    }

    public Diagram title(String title) {
        return new Diagram(title, input, steps);
    }

    /** The traced layers in order. */
    public List<Step> steps() {
        return steps;
    }

    @Override
    public String title() {
        return title;
    }

    /** The layers as boxes, from the input at the top to the output at the bottom. */
    public NodeGraph toNodeGraph() {
        NodeGraph g = NodeGraph.of(title);
        g.node("in", NodeGraph.Kind.INPUT, "input", shape(input));
        String previous = "in";
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            String id = "l" + i;
            List<String> lines = new ArrayList<>(List.of(s.layer(), "→ " + shape(s.output())));
            if (s.parameters() > 0) {
                lines.add(String.format(Locale.ROOT, "%,d parameters", s.parameters()));
            }
            g.node(
                    id,
                    i == steps.size() - 1
                            ? NodeGraph.Kind.OUTPUT
                            : s.parameters() > 0
                                    ? NodeGraph.Kind.PARAMETER
                                    : NodeGraph.Kind.OPERATION,
                    lines.toArray(String[]::new));
            g.edge(previous, id);
            previous = id;
        }
        return g;
    }

    @Override
    public String svg() {
        return toNodeGraph().svg();
    }

    static String shape(int[] shape) {
        if (shape.length == 0) {
            return "scalar";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : "×").append(shape[i]);
        }
        return sb.toString();
    }
}
