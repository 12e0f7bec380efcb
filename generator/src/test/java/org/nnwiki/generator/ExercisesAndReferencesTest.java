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
 * Boxes, exercises whose solutions run at build time, and citations from the site's BibTeX file.
 */
class ExercisesAndReferencesTest {
    @TempDir Path tmp;

    private static final String BIB =
            """
            % the site's references
            @inproceedings{he2016,
              author = {He, Kaiming and Zhang, Xiangyu and Ren, Shaoqing and Sun, Jian},
              title = {Deep Residual Learning for Image Recognition},
              booktitle = {CVPR},
              year = {2016},
              doi = {10.1109/CVPR.2016.90}
            }

            @article{kingma2014,
              author = {Kingma, Diederik P. and Ba, Jimmy},
              title = {{Adam}: A Method for Stochastic Optimization},
              journal = {arXiv preprint},
              year = {2014},
              eprint = {1412.6980},
              archivePrefix = {arXiv}
            }

            @book{godel1931,
              author = {G{\\"o}del, Kurt},
              title = {{\\"U}ber formal unentscheidbare S{\\"a}tze},
              publisher = {Springer},
              year = {1931}
            }
            """;

    private static final String PAGE =
            """

            Residual connections [@he2016] and Adam [@kingma2014; @he2016, sec. 3] are cited.
            A bracket that is not a citation stays text: [not a citation].

            ```java run
            int layers = 3;
            ```

            !!! key-ideas
                - a *skip* connection adds its input back

            ## Exercises

            !!! exercise "Count the layers"
                How many layers are there once one is added?

            ```java run solution
            System.out.println(layers + 1);
            ```
            ```expected
            4
            ```

            !!! exercise
                Double it.

            ```java run solution
            layers * 2
            ```
            """;

    @Test
    void exercisesRunTheirSolutionsAndCitationsBecomeANumberedReferenceList() throws Exception {
        Path root = Fixtures.copy("good", tmp);
        Files.writeString(root.resolve("content/references.bib"), BIB);
        Fixtures.addPage(
                root, "content/basics/ex.md", "Exercises", "Exercises and references.", PAGE);
        Fixtures.build(root, SiteBuild.Options.DEFAULT);
        String html = Files.readString(root.resolve("site/basics/ex.html"));

        // Citations: numbered in the order of first citation, linked to the list, with locators.
        assertTrue(
                html.contains(
                        "Residual connections <span class=\"cite\">[<a href=\"#ref-he2016\" title=\"He et al. 2016\">1</a>]</span>"),
                html);
        assertTrue(
                html.contains(
                        "Adam <span class=\"cite\">[<a href=\"#ref-kingma2014\" title=\"Kingma and Ba 2014\">2</a>; "
                                + "<a href=\"#ref-he2016\" title=\"He et al. 2016\">1</a>, sec. 3]</span>"),
                html);
        assertTrue(html.contains("[not a citation]"), "other brackets stay text");
        assertTrue(html.contains("<h2 id=\"reference-list\">References</h2>"), html);
        assertTrue(
                html.contains(
                        "<li id=\"ref-he2016\"><span class=\"ref-authors\">Kaiming He, Xiangyu Zhang, Shaoqing Ren and Jian Sun</span>"
                                + " (2016). <cite>Deep Residual Learning for Image Recognition</cite>. In CVPR. "
                                + "<a href=\"https://doi.org/10.1109/CVPR.2016.90\">doi:10.1109/CVPR.2016.90</a></li>"),
                html);
        assertTrue(
                html.contains(
                        "<cite>Adam: A Method for Stochastic Optimization</cite>. arXiv preprint. "
                                + "<a href=\"https://arxiv.org/abs/1412.6980\">arXiv:1412.6980</a>"),
                "LaTeX braces are gone: " + html);
        assertTrue(
                html.indexOf("id=\"ref-he2016\"") < html.indexOf("id=\"ref-kingma2014\""),
                "listed in citation order");
        assertFalse(html.contains("ref-g"), "an entry the page does not cite is not listed");

        // Boxes and exercises: numbered, solutions folded inside their exercise, run, and checked.
        assertTrue(
                html.contains(
                        "<aside class=\"box box-key-ideas\"><p class=\"box-title\">Key ideas</p>"),
                html);
        assertFalse(
                html.contains("adm-hidden") || html.contains("<symbol"),
                "no icon sprite from Flexmark's own renderer");
        assertTrue(
                html.contains(
                        "<section class=\"box box-exercise\" id=\"exercise-1\" aria-label=\"Exercise 1\">"
                                + "<p class=\"box-title\">Exercise 1: Count the layers</p>"),
                html);
        int first = html.indexOf("id=\"exercise-1\"");
        int second = html.indexOf("id=\"exercise-2\"");
        int solution =
                html.indexOf("<details class=\"solution\"><summary>Solution</summary>", first);
        assertTrue(
                first < solution
                        && solution < second
                        && html.lastIndexOf("</section>", second) > solution,
                "the first solution is folded inside the first exercise");
        assertTrue(
                html.substring(solution, second).contains("output checked"),
                "its expected block is checked: " + html.substring(solution, second));
        assertTrue(html.contains("<p class=\"box-title\">Exercise 2</p>"), html);
        assertTrue(html.substring(second).contains("6"), "the second solution's value is shown");
        assertTrue(
                Files.readString(root.resolve("site/basics/ex.jsh")).contains("layers * 2"),
                "the script has the solutions");

        // A solution that stops working fails the build at its line, and site/ stays as it was.
        Fixtures.addPage(
                root,
                "content/basics/ex.md",
                "Exercises",
                "Exercises and references.",
                PAGE.replace("layers * 2", "layers.size()"));
        BuildFailedException broken =
                assertThrows(
                        BuildFailedException.class,
                        () -> Fixtures.build(root, SiteBuild.Options.DEFAULT));
        assertTrue(
                broken.getMessage().contains("content/basics/ex.md:33: example failed"),
                broken.getMessage());
        assertEquals(html, Files.readString(root.resolve("site/basics/ex.html")));

        // Editing the bibliography alone rebuilds the page's list.
        Fixtures.addPage(
                root, "content/basics/ex.md", "Exercises", "Exercises and references.", PAGE);
        Files.writeString(
                root.resolve("content/references.bib"),
                BIB.replace("booktitle = {CVPR}", "booktitle = {CVPR 2016}"));
        SiteBuild.Report again = Fixtures.build(root, SiteBuild.Options.DEFAULT);
        assertEquals(0, again.pagesRun(), "no example runs again for a bibliography edit");
        assertTrue(Files.readString(root.resolve("site/basics/ex.html")).contains("In CVPR 2016."));
    }

    @Test
    void badBoxesSolutionsCitationsAndEntriesAreProblemsAtTheirLines() throws Exception {
        Path root = Fixtures.copy("good", tmp);
        Files.writeString(
                root.resolve("content/references.bib"),
                """
                @article{ok2020, author = {A, B}, title = {T}, journal = {J}, year = {2020}}
                @article{ok2020, author = {C, D}, title = {U}, journal = {J}, year = {2021}}
                @misc{notitle, author = {E, F}, year = {2022}}
                """);
        Fixtures.addPage(
                root,
                "content/basics/bad.md",
                "Bad",
                "Bad boxes.",
                """

                An unknown key [@nosuch], a key in the wrong case [@OK2020] and a malformed one [@a b].

                !!! sidebar
                    Not a kind of box.

                !!! exercise "No solution"
                    Nothing follows.

                A paragraph in between.

                ```java run solution
                int lonely = 1;
                ```

                ```java solution
                int notRun = 1;
                ```

                ```java run
                int afterSolutions = 2;
                ```
                """);
        BuildFailedException e =
                assertThrows(
                        BuildFailedException.class,
                        () -> Fixtures.build(root, SiteBuild.Options.DEFAULT));
        String all = e.getMessage();
        assertTrue(
                all.contains(
                        "content/basics/bad.md:7: no bibliography entry 'nosuch': add it to content/references.bib"),
                all);
        assertTrue(
                all.contains("content/basics/bad.md:7: no bibliography entry 'OK2020'")
                        && all.contains("did you mean 'ok2020'?"),
                all);
        assertTrue(all.contains("content/basics/bad.md:7: '[@a b]' is not a citation"), all);
        assertTrue(
                all.contains(
                        "content/basics/bad.md:9: unknown box '!!! sidebar' (known: note, tip, warning, key-ideas, exercise)"),
                all);
        assertTrue(all.contains("content/basics/bad.md:12: this exercise has no solution"), all);
        assertTrue(
                all.contains(
                        "content/basics/bad.md:17: a solution must come right after its exercise"),
                all);
        assertTrue(
                all.contains(
                        "content/basics/bad.md:21: 'solution' only applies to blocks that run"),
                all);
        assertTrue(
                all.contains(
                        "content/basics/bad.md:25: this block runs after an exercise's solution in the same session"),
                all);
        assertTrue(
                all.contains(
                        "content/references.bib:2: the key 'ok2020' is used twice (first at line 1)"),
                all);
        assertTrue(all.contains("content/references.bib:3: the entry 'notitle' has no title"), all);

        Files.writeString(
                root.resolve("content/references.bib"), "@article{x,\n  title = {unclosed\n");
        Fixtures.addPage(root, "content/basics/bad.md", "Bad", "Bad boxes.", "\nNothing cited.\n");
        BuildFailedException syntax =
                assertThrows(
                        BuildFailedException.class,
                        () -> Fixtures.build(root, SiteBuild.Options.DEFAULT));
        assertTrue(syntax.getMessage().contains("content/references.bib:"), syntax.getMessage());
        assertTrue(syntax.getMessage().contains("is not valid BibTeX"), syntax.getMessage());
    }
}
