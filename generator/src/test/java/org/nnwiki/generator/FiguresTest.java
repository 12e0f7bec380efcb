package org.nnwiki.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drawn figures: SVG files of the content folder, checked and inlined into the pages that show
 * them.
 */
class FiguresTest {
    @TempDir Path tmp;

    private static final String FIGURE =
            """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100">
              <defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5"><path d="M0,0L10,5L0,10z"/></marker></defs>
              <rect class="fig-1" x="10" y="10" width="60" height="40"/>
              <path class="fig-ink" d="M70,30H150" marker-end="url(#arrow)"/>
              <text class="fig-text" x="160" y="35">out</text>
            </svg>
            """;

    @Test
    void aFigureIsInlinedWithItsAltTextCaptionAndIdsOfItsOwn() throws Exception {
        Path root = Fixtures.copy("good", tmp);
        Files.createDirectories(root.resolve("content/basics/figures"));
        Files.writeString(root.resolve("content/basics/figures/flow.svg"), FIGURE);
        Fixtures.addPage(
                root,
                "content/basics/fig.md",
                "Figure",
                "A drawn figure.",
                """

                Before the figure.

                ![A box and an arrow to its output](figures/flow.svg "The flow, drawn once.")

                After it.
                """);
        Fixtures.build(root, SiteBuild.Options.DEFAULT);
        String html = Files.readString(root.resolve("site/basics/fig.html"));
        int at = html.indexOf("<figure class=\"figure\"><svg");
        assertTrue(at > 0, html);
        String figure = html.substring(at, html.indexOf("</figure>", at));
        assertTrue(
                figure.contains("role=\"img\"")
                        && figure.contains("aria-label=\"A box and an arrow to its output\""),
                figure);
        assertTrue(
                figure.contains("width=\"200\"") && figure.contains("height=\"100\""),
                "drawn at its own size: " + figure);
        assertTrue(
                figure.contains("id=\"fig-flow-arrow\"") && figure.contains("url(#fig-flow-arrow)"),
                "ids and references prefixed: " + figure);
        assertTrue(figure.contains("class=\"fig-ink\""), "the theme's classes stay: " + figure);
        assertTrue(figure.contains("<figcaption>The flow, drawn once.</figcaption>"), figure);
        assertFalse(html.contains("<img"), "inlined, not linked");
        assertFalse(html.contains("<p><figure"), "a figure is not inside a paragraph");

        // Editing the figure alone rebuilds the page and runs nothing.
        Files.writeString(
                root.resolve("content/basics/figures/flow.svg"),
                FIGURE.replace(">out<", ">result<"));
        SiteBuild.Report again = Fixtures.build(root, SiteBuild.Options.DEFAULT);
        assertEquals(0, again.pagesRun());
        assertTrue(
                Files.readString(root.resolve("site/basics/fig.html")).contains(">result</text>"));
    }

    @Test
    void hostileOrBrokenFiguresAndBadUsesAreProblemsAtTheirLines() throws Exception {
        Path root = Fixtures.copy("good", tmp);
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "TOPSECRET-figure");
        Path figures = Files.createDirectories(root.resolve("content/basics/figures"));
        Files.writeString(
                figures.resolve("script.svg"),
                """
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">
                  <script>alert(1)</script>
                </svg>
                """);
        Files.writeString(
                figures.resolve("handler.svg"),
                """
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">
                  <rect width="5" height="5" onclick="alert(1)"/>
                  <use href="https://example.org/sprite.svg#x"/>
                  <rect width="5" height="5" fill="url(https://example.org/paint)"/>
                  <rect width="5" height="5" style="fill: red"/>
                </svg>
                """);
        Files.writeString(
                figures.resolve("entity.svg"),
                "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY s SYSTEM \"file://"
                        + secret.toAbsolutePath()
                        + "\">]>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><text>&s;</text></svg>\n");
        Files.writeString(
                figures.resolve("noviewbox.svg"),
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>\n");
        Files.writeString(figures.resolve("good.svg"), FIGURE);
        Fixtures.addPage(
                root,
                "content/basics/figs.md",
                "Figures",
                "Bad figures.",
                """

                ![scripted](figures/script.svg)

                ![missing](figures/nothing.svg)

                ![](figures/good.svg)

                Inline in a sentence ![a box](figures/good.svg) is not a figure.
                """);
        BuildFailedException e =
                assertThrows(
                        BuildFailedException.class,
                        () -> Fixtures.build(root, SiteBuild.Options.DEFAULT));
        String all = e.getMessage();
        assertTrue(
                all.contains(
                        "content/basics/figures/script.svg:2: <script> is not allowed in a figure"),
                all);
        assertTrue(
                all.contains(
                        "content/basics/figures/handler.svg:2: the attribute 'onclick' is not allowed in a figure (no event handlers)"),
                all);
        assertTrue(
                all.contains(
                        "content/basics/figures/handler.svg:3: 'href' may only point inside the figure (#id)"),
                all);
        assertTrue(
                all.contains(
                        "content/basics/figures/handler.svg:4: 'fill' may only use url(#id) of this figure"),
                all);
        assertTrue(
                all.contains(
                        "content/basics/figures/handler.svg:5: the attribute 'style' is not allowed"),
                all);
        assertTrue(
                all.contains("content/basics/figures/entity.svg:2: not a valid SVG file")
                        && all.contains("DOCTYPE"),
                all);
        assertFalse(all.contains("TOPSECRET"), "no entity is ever resolved");
        assertTrue(
                all.contains("content/basics/figures/noviewbox.svg:1: give the figure a viewBox"),
                all);
        assertTrue(
                all.contains(
                        "content/basics/figs.md:7: the figure content/basics/figures/script.svg cannot be shown: see its own problems"),
                all);
        assertTrue(
                all.contains(
                        "content/basics/figs.md:9: no figure content/basics/figures/nothing.svg"),
                all);
        assertTrue(all.contains("content/basics/figs.md:11: a figure needs alt text"), all);
        assertTrue(
                all.contains("content/basics/figs.md:13: a figure must be a paragraph of its own"),
                all);
        assertFalse(Files.exists(root.resolve("site/basics/figs.html")), "nothing is written");
    }
}
