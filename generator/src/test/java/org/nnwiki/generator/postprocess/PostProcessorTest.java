package org.nnwiki.generator.postprocess;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PostProcessorTest {
    private final Set<String> files = Set.of("index.html", "cnn/intro.html", "css/site.css");
    private final Map<String, Set<String>> ids =
            Map.of("index.html", Set.of("top"), "cnn/intro.html", Set.of("filters"));

    @Test
    void resolvesRelativeLinksAndAnchors() {
        assertNull(PostProcessor.check("cnn/intro.html#filters", "index.html", files, ids));
        assertNull(PostProcessor.check("../index.html#top", "cnn/intro.html", files, ids));
        assertNull(PostProcessor.check("#filters", "cnn/intro.html", files, ids));
        assertNull(PostProcessor.check("../css/site.css", "cnn/intro.html", files, ids));
        assertNull(PostProcessor.check("https://example.org/x", "index.html", files, ids));
    }

    @Test
    void reportsMissingTargets() {
        assertTrue(
                PostProcessor.check("rnn.html", "index.html", files, ids).contains("missing page"));
        assertTrue(
                PostProcessor.check("cnn/intro.html#nope", "index.html", files, ids)
                        .contains("missing anchor '#nope'"));
        assertTrue(
                PostProcessor.check("../../x.html", "cnn/intro.html", files, ids)
                        .contains("outside the site"));
    }

    @Test
    void searchTextHasNoTexAndNoFoldedTableOfContents() {
        org.jsoup.nodes.Document doc =
                org.jsoup.Jsoup.parse(
                        "<article><h1>Loss</h1><details class=\"toc-inline\"><summary>On this page</summary>"
                                + "<ul><li><a href=\"#a\">Alpha</a></li></ul></details><p>The loss stays at <span class=\"math math-inline\">\\ln 10 \\approx 2.30</span>,"
                                + " the loss of guessing.</p></article>");
        SearchIndex.Entry e = SearchIndex.entries("x.html", doc).get(0);
        assertTrue(e.text().contains("The loss stays at …, the loss of guessing."), e.text());
        assertTrue(!e.text().contains("\\ln") && !e.text().contains("On this page"), e.text());
    }

    @Test
    void aChartIsDrawnAtTheSizeOfItsViewBox() {
        org.jsoup.nodes.Document doc =
                org.jsoup.Jsoup.parse(
                        "<figure class=\"out-chart\"><svg viewBox=\"0 0 120 150\"><title>One image</title></svg></figure>"
                                + "<figure class=\"out-chart\"><svg viewBox=\"0 0 640 360\" width=\"50%\"></svg></figure>");
        PostProcessor.labelCharts(doc);
        org.jsoup.nodes.Element small = doc.select("svg").get(0);
        assertTrue(
                small.attr("width").equals("120") && small.attr("height").equals("150"),
                small.outerHtml());
        assertTrue(small.attr("aria-label").equals("One image"));
        assertTrue(
                doc.select("svg").get(1).attr("width").equals("50%")
                        && !doc.select("svg").get(1).hasAttr("height"),
                "a size of its own is kept");
    }
}
