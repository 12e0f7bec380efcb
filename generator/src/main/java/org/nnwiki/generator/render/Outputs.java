package org.nnwiki.generator.render;

import java.util.List;
import org.nnwiki.generator.Xml;
import org.nnwiki.generator.execute.BlockResult;
import org.nnwiki.generator.execute.ExpectedCheck;
import org.nnwiki.generator.execute.Failure;
import org.nnwiki.generator.execute.Output;
import org.nnwiki.generator.markdown.CodeBlock;

/** The HTML of what a block showed. Each kind of output has its own class, styled by the theme. */
final class Outputs {
    private Outputs() {}

    static String html(BlockResult r, CodeBlock block) {
        StringBuilder sb = new StringBuilder("<div class=\"outputs\">");
        if (!block.info().quiet()) {
            for (Output o : r.outputs()) {
                sb.append(item(o));
            }
        }
        if (r.failure() != null) {
            sb.append(failure(r.failure(), block.info().expectError()));
        }
        CodeBlock.Expected expected = block.expected();
        if (expected != null
                && r.failure() == null
                && ExpectedCheck.diff(expected.text(), r.shownText(), expected.tolerance())
                        == null) {
            sb.append(
                    "<p class=\"out-checked\">\u2713 output checked against the page's expected text</p>");
        }
        return sb.append("</div>").toString();
    }

    static String item(Output o) {
        if (o instanceof Output.Text t) {
            return "<pre class=\"out-text\">" + Xml.text(t.text()) + "</pre>";
        } else if (o instanceof Output.Value v) {
            return "<pre class=\"out-value\">" + Xml.text(v.text()) + "</pre>";
        } else if (o instanceof Output.Svg s) {
            return "<figure class=\"out-chart\">" + s.svg() + "</figure>";
        } else if (o instanceof Output.Table t) {
            return table(t.rows());
        } else if (o instanceof Output.Note n) {
            return "<p class=\"out-note\">" + Xml.text(n.text()) + "</p>";
        }
        throw new IllegalArgumentException("unknown output " + o);
    }

    private static String table(List<List<String>> rows) {
        StringBuilder sb = new StringBuilder("<div class=\"out-table\"><table>");
        for (int i = 0; i < rows.size(); i++) {
            String cell = i == 0 ? "th" : "td";
            sb.append(i == 0 ? "<thead><tr>" : "<tr>");
            for (String c : rows.get(i)) {
                sb.append('<')
                        .append(cell)
                        .append('>')
                        .append(Xml.text(c))
                        .append("</")
                        .append(cell)
                        .append('>');
            }
            sb.append(i == 0 ? "</tr></thead><tbody>" : "</tr>");
        }
        return sb.append("</tbody></table></div>").toString();
    }

    static String failure(Failure f, boolean expected) {
        String cls = expected ? "out-error out-error-expected" : "out-error";
        String title = expected ? "Expected " + f.kind().label() : capital(f.kind().label());
        StringBuilder sb =
                new StringBuilder(
                                "<div class=\""
                                        + cls
                                        + "\" role=\"note\"><p class=\"out-error-title\">")
                        .append(Xml.text(title))
                        .append("</p><pre>")
                        .append(Xml.text(f.message()));
        if (!f.detail().isEmpty()) {
            sb.append('\n').append(Xml.text(f.detail()));
        }
        return sb.append("</pre></div>").toString();
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
