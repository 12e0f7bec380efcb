package org.nnwiki.generator;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.statistics.Statistics;
import org.nnwiki.generator.include.ExpandedPage;
import org.nnwiki.generator.include.IncludeExpander;
import org.nnwiki.generator.jbake.Navigation;
import org.nnwiki.generator.markdown.MarkdownParser;
import org.nnwiki.generator.markdown.ParsedPage;
import org.nnwiki.generator.page.ContentScanner;
import org.nnwiki.generator.page.Page;

/**
 * Random and mutated pages through the stages that read them (scan with front matter, include
 * expansion, Markdown parsing, navigation): the only outcomes are pages or problems at a {@code
 * file:line} of that page, never an exception, a hang or a page silently dropped. jqwik prints how
 * many cases each property ran; {@link Statistics} shows how many of them built cleanly.
 */
class PageFuzzTest {
    private static final Path WORK;

    static {
        try {
            WORK = Files.createTempDirectory("nnwiki-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterProperty
    void cleanUp() throws IOException {
        try (Stream<Path> walk = Files.walk(WORK)) {
            walk.sorted(Comparator.reverseOrder())
                    .filter(p -> !p.equals(WORK))
                    .forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 400)
    void randomPagesGiveAPageOrProblemsWithALine(@ForAll("pages") List<String> pages)
            throws Exception {
        check(pages);
    }

    @Property(tries = 400)
    void mutatedGoodPagesGiveAPageOrProblemsWithALine(@ForAll("mutated") String page)
            throws Exception {
        check(List.of(page));
    }

    /**
     * Runs the stages on {@code texts} (one page each) in a fresh repository with a few files to
     * include.
     */
    private static void check(List<String> texts) throws Exception {
        Path root = Files.createTempDirectory(WORK, "root");
        Path content = Files.createDirectories(root.resolve("content/basics"));
        Files.createDirectories(root.resolve("examples"));
        Files.writeString(
                root.resolve("examples/A.java"),
                "class A {\n    // region r\n    int f() { return 1; }\n    // endregion\n"
                        + "    // region open\n    int g;\n}\n");
        Files.writeString(root.resolve("examples/data.txt"), "one\ntwo\n");
        Set<String> files = new HashSet<>();
        for (int i = 0; i < texts.size(); i++) {
            Files.writeString(
                    content.resolve("p" + i + ".md"), texts.get(i), StandardCharsets.UTF_8);
            files.add("content/basics/p" + i + ".md");
        }
        Problems problems = new Problems();
        assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () -> {
                    List<Page> pages =
                            new ContentScanner(root, problems).scan(root.resolve("content"), true);
                    IncludeExpander expander =
                            new IncludeExpander(
                                    root,
                                    problems,
                                    List.of(root.resolve("site"), root.resolve(".nnwiki-cache")));
                    List<ExpandedPage> expanded = pages.stream().map(expander::expand).toList();
                    MarkdownParser parser = new MarkdownParser(problems);
                    List<ParsedPage> parsed = expanded.stream().map(parser::parse).toList();
                    Navigation.of(pages, List.of("Basics"), problems);
                    assertTrue(parsed.size() == pages.size());
                    Set<String> accounted = new HashSet<>();
                    pages.forEach(p -> accounted.add(p.source()));
                    for (Problem p : problems.sorted()) {
                        assertTrue(
                                files.contains(p.file()), "a problem names one of the pages: " + p);
                        assertTrue(p.line() >= 1, "every problem names a line: " + p);
                        accounted.add(p.file());
                    }
                    assertTrue(
                            accounted.containsAll(files),
                            "every page became a page or a problem: pages "
                                    + pages.stream().map(Page::source).toList()
                                    + ", problems "
                                    + problems.sorted());
                },
                () -> "the stages hung on " + texts);
        Statistics.collect(problems.isEmpty() ? "builds" : "problems");
    }

    @Provide
    Arbitrary<List<String>> pages() {
        return page().list().ofMinSize(1).ofMaxSize(3);
    }

    private static Arbitrary<String> page() {
        Arbitrary<String> front =
                Arbitraries.oneOf(
                        Arbitraries.just("---\ntitle: T\nsection: Basics\nsummary: S.\n---\n"),
                        Arbitraries.just("---\ntitle: T\nsummary: S.\n---\n"),
                        Arbitraries.just(
                                "\uFEFF---\r\ntitle: T\r\nsection: Basics\r\nsummary: S.\r\n---\r\n"),
                        Arbitraries.just("---\ntitle: T\nsection: Nowhere\nsummary: S.\n---\n"),
                        Arbitraries.just("---\ntitle: [unclosed\nsummary: S.\n---\n"),
                        Arbitraries.just("---\ntitle: T\nsummary: S.\n"),
                        Arbitraries.just(
                                "---\ntitle: T\nsummary: S.\nstatus: draft\nlisted: maybe\n---\n"),
                        Arbitraries.just("---\n---\n"),
                        Arbitraries.just(""),
                        Combinators.combine(yamlValue(), yamlValue(), yamlValue())
                                .as(
                                        (a, b, c) ->
                                                "---\ntitle: "
                                                        + a
                                                        + "\nsection: "
                                                        + b
                                                        + "\nsummary: "
                                                        + c
                                                        + "\norder: "
                                                        + b
                                                        + "\n---\n"));
        Arbitrary<String> body = chunk().list().ofMaxSize(8).map(l -> String.join("\n", l));
        return Combinators.combine(front, body).as((f, b) -> f + b);
    }

    private static Arbitrary<String> yamlValue() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.of(
                        "Basics",
                        "1",
                        "-3.5",
                        "null",
                        "~",
                        "'q'",
                        "\"q",
                        "{a: b}",
                        "[x]",
                        "&a",
                        "*a",
                        "|",
                        ">",
                        "@",
                        "`",
                        "%",
                        "\u0000",
                        "\u202Eevil",
                        "😀"));
    }

    private static Arbitrary<String> chunk() {
        Arbitrary<String> prose =
                Arbitraries.oneOf(
                        Arbitraries.strings().ofMaxLength(40),
                        Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(30),
                        Arbitraries.of(
                                "Text with `code` and *emphasis*.",
                                "A [link](other.md#x) and [bad](nowhere.md).",
                                "# Heading",
                                "## Heading {#id}",
                                "| a | b |\n|---|---|\n| 1 | 2 |",
                                "<script>alert(1)</script>",
                                "&amp; &#0; &#x110000;",
                                "😀 עברית \u202E",
                                "> quote\n> more",
                                "- list\n  - nested",
                                "[^1]: footnote",
                                "![img](x.png)",
                                "<!-- comment",
                                "\\",
                                "\t\tindented code"));
        Arbitrary<String> math =
                Arbitraries.of(
                        "$x^2$",
                        "$$\n\\frac{a}{b}\n$$",
                        "$unclosed",
                        "$$\nnever closed",
                        "\\(x\\)",
                        "$$ $$",
                        "$\\begin{x}$",
                        "$a$b$c$",
                        "$$x$$ $$y");
        Arbitrary<String> info =
                Arbitraries.oneOf(
                        Arbitraries.of(
                                "java",
                                "java run",
                                "java run hide",
                                "java run quiet",
                                "java run expect=error",
                                "java run timeout=5",
                                "java run timeout=x",
                                "java run timeout=-1",
                                "java run session=a",
                                "java run session=",
                                "java run varies",
                                "java hide",
                                "expected",
                                "expected tol=1e-3",
                                "expected tol=abc",
                                "text",
                                "",
                                "java run run",
                                "java include=examples/A.java#r",
                                "java include=examples/A.java#open",
                                "java include=examples/A.java#missing",
                                "java include=examples/A.java",
                                "text include=examples/data.txt",
                                "text include=../outside.txt",
                                "text include=/etc/passwd",
                                "text include=examples/",
                                "text include=",
                                "java run include=examples/A.java#r",
                                "java run unknown=1",
                                "java   run"),
                        Arbitraries.strings().ofMaxLength(20));
        Arbitrary<String> marker = Arbitraries.of("```", "````", "~~~", "``", "~~~~~", "``` ");
        Arbitrary<String> code =
                Arbitraries.oneOf(
                        Arbitraries.of(
                                "int x = 1;",
                                "System.out.println(\"hi\");",
                                "x",
                                "```",
                                "~~~",
                                "\"unterminated",
                                "/* open comment",
                                "// region r",
                                "// endregion"),
                        Arbitraries.strings().ofMaxLength(30));
        Arbitrary<String> fence =
                Combinators.combine(
                                marker, info, code, Arbitraries.of(true, true, true, false), marker)
                        .as(
                                (open, i, c, closed, close) ->
                                        open
                                                + i
                                                + "\n"
                                                + c
                                                + (closed
                                                        ? "\n" + open.strip()
                                                        : (close.equals(open)
                                                                ? ""
                                                                : "\n" + close)));
        Arbitrary<String> nested =
                Combinators.combine(info, code)
                        .as((i, c) -> "````" + i + "\n```java run\n" + c + "\n```\n````");
        Arbitrary<String> huge = Arbitraries.of(200_000, 1_000_000).map(n -> "y".repeat(n));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, prose),
                net.jqwik.api.Tuple.of(2, math),
                net.jqwik.api.Tuple.of(6, fence),
                net.jqwik.api.Tuple.of(1, nested),
                net.jqwik.api.Tuple.of(1, huge));
    }

    @Provide
    Arbitrary<String> mutated() {
        List<String> good = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Fixtures.SOURCES.resolve("good/content"))) {
            for (Path p :
                    (Iterable<Path>) walk.filter(f -> f.toString().endsWith(".md"))::iterator) {
                good.add(Files.readString(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Arbitrary<String> base = Arbitraries.of(good);
        Arbitrary<Mutation> mutation =
                Combinators.combine(
                                Arbitraries.integers().between(0, 5),
                                Arbitraries.integers().between(0, 10_000),
                                Arbitraries.of(
                                        "```",
                                        "~~~",
                                        "---",
                                        "$$",
                                        "```java run",
                                        "// region r",
                                        "\u0000",
                                        "\r",
                                        "\uFEFF",
                                        "😀",
                                        ""))
                        .as(Mutation::new);
        return Combinators.combine(base, mutation.list().ofMinSize(1).ofMaxSize(4))
                .as(
                        (text, ms) -> {
                            String t = text;
                            for (Mutation m : ms) {
                                t = m.apply(t);
                            }
                            return t;
                        });
    }

    /**
     * One edit of a page: delete, duplicate or insert a line, cut the text, or insert a fragment
     * mid-line.
     */
    record Mutation(int kind, int at, String fragment) {
        String apply(String text) {
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            int i = lines.isEmpty() ? 0 : at % lines.size();
            switch (kind) {
                case 0 -> {
                    if (!lines.isEmpty()) {
                        lines.remove(i);
                    }
                }
                case 1 -> lines.add(i, lines.isEmpty() ? "" : lines.get(i));
                case 2 -> lines.add(i, fragment);
                case 3 -> {
                    return text.substring(0, at % (text.length() + 1));
                }
                case 4 -> {
                    int c = at % (text.length() + 1);
                    return text.substring(0, c) + fragment + text.substring(c);
                }
                default -> lines.add(i, fragment + " " + (lines.isEmpty() ? "" : lines.get(i)));
            }
            return String.join("\n", lines);
        }
    }
}
