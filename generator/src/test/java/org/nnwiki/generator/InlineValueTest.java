package org.nnwiki.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code `{java} expr`} in the prose shows a value of the page's session, computed after the blocks
 * above it.
 */
class InlineValueTest {
    @TempDir Path tmp;

    private static final String PAGE =
            """

            ```java run
            int passes = 4;
            double acc = 0.87654;
            ```

            After the first block there are `{java} passes` passes and the accuracy is `{java} "%.3f".formatted(acc)`;
            a string with markup stays text: `{java} "<b>bold</b> & co"`. Plain code stays code: `passes`.

            ```java run
            passes = passes + 1;
            ```

            | after | value |
            |---|---|
            | the second block | `{java} passes` |
            """;

    @Test
    void valuesComeFromTheSessionInPageOrderAndAreEscaped() throws Exception {
        Path root = Fixtures.copy("good", tmp);
        Fixtures.addPage(root, "content/basics/inline.md", "Inline", "Values in the prose.", PAGE);
        Fixtures.build(root, SiteBuild.Options.DEFAULT);
        String html = Files.readString(root.resolve("site/basics/inline.html"));
        assertTrue(
                html.contains(
                        "there are <span class=\"inline-value\" id=\"cell-2\" title=\"passes\">4</span> passes"),
                html);
        assertTrue(
                html.contains(
                        "is <span class=\"inline-value\" id=\"cell-3\" title=\"&quot;%.3f&quot;.formatted(acc)\">0.877</span>"),
                html);
        assertTrue(
                html.contains(">&lt;b&gt;bold&lt;/b&gt; &amp; co</span>"),
                "values are text, not markup");
        assertTrue(html.contains("<code>passes</code>"), "other inline code is untouched");
        assertTrue(
                html.contains(
                        "<td><span class=\"inline-value\" id=\"cell-6\" title=\"passes\">5</span></td>"),
                "after the second block: " + html);
        assertFalse(html.contains("{java}"), "no inline value is left unevaluated");

        // Cached like blocks: the next build runs nothing; a changed expression runs the page
        // again.
        SiteBuild.Report again = Fixtures.build(root, new SiteBuild.Options(false, false, true));
        assertEquals(0, again.pagesRun(), "inline values come from the cache");
        Fixtures.addPage(
                root,
                "content/basics/inline.md",
                "Inline",
                "Values in the prose.",
                PAGE.replace("`{java} passes` passes", "`{java} passes * 10` passes"));
        SiteBuild.Report changed = Fixtures.build(root, SiteBuild.Options.DEFAULT);
        assertEquals(1, changed.pagesRun());
        assertTrue(
                Files.readString(root.resolve("site/basics/inline.html"))
                        .contains(">40</span> passes"));

        // The downloaded script prints each inline value on a line of its own.
        String script = Files.readString(root.resolve("site/basics/inline.jsh"));
        assertTrue(
                script.contains(
                        "System.out.println(\"content/basics/inline.md:12: \" + java.util.Objects.toString(passes * 10));"),
                script);
    }

    @Test
    void aFailingOrEmptyInlineValueIsAProblemAtItsLine() throws Exception {
        Path root = Fixtures.copy("good", tmp);
        Fixtures.addPage(
                root,
                "content/basics/inline.md",
                "Inline",
                "Values in the prose.",
                """

                ```java run
                int x = 1;
                ```

                Undefined: `{java} nosuchthing`.
                Throws: `{java} 1 / (x - 1)`.
                Empty: `{java}`. With a semicolon: `{java} x;`.
                """);
        BuildFailedException e =
                assertThrows(
                        BuildFailedException.class,
                        () -> Fixtures.build(root, SiteBuild.Options.DEFAULT));
        List<String> problems =
                e.problems().stream().map(p -> p.location() + ": " + p.message()).toList();
        String all = String.join("\n", problems);
        assertTrue(
                all.contains("content/basics/inline.md:11: inline value `nosuchthing` failed"),
                all);
        assertTrue(
                all.contains("content/basics/inline.md:12: inline value `1 / (x - 1)` failed")
                        && all.contains("ArithmeticException"),
                all);
        assertTrue(
                all.contains("content/basics/inline.md:13: an inline value needs an expression"),
                all);
        assertTrue(
                all.contains(
                        "content/basics/inline.md:13: an inline value is one expression, without ';': `{java} x`"),
                all);
    }

    /**
     * {@code `{java #name} expr`} names a value; another page quotes it with a link whose text must
     * be the value as shown, so a number copied into another page cannot drift from its run.
     */
    @Test
    void aNamedValueIsQuotedByALinkThatMustSayWhatItSays() throws Exception {
        Path root = Fixtures.copy("good", tmp);
        addSourcePage(root, "0.87654");
        Fixtures.addPage(
                root,
                "content/basics/quote.md",
                "Quote",
                "A quote.",
                """

                The other page measured [0.877](source.md#test-accuracy).
                """);
        Fixtures.build(root, SiteBuild.Options.DEFAULT);
        String source = Files.readString(root.resolve("site/basics/source.html"));
        assertTrue(
                source.contains(
                        "title=\"&quot;%.3f&quot;.formatted(acc)\"><a id=\"test-accuracy\"></a>0.877</span>"),
                source);
        assertTrue(
                Files.readString(root.resolve("site/basics/quote.html"))
                        .contains("href=\"source.html#test-accuracy\">0.877</a>"));

        // The run changes: the quote is now wrong, and the build says where and what to write.
        addSourcePage(root, "0.91");
        BuildFailedException e =
                assertThrows(
                        BuildFailedException.class,
                        () -> Fixtures.build(root, SiteBuild.Options.DEFAULT));
        assertTrue(
                e.getMessage()
                        .contains(
                                "content/basics/quote.md:7: the link text '0.877' quotes the value 'test-accuracy' of"
                                        + " basics/source.html, which is now '0.910': write [0.910](source.html#test-accuracy)"),
                e.getMessage());
    }

    /** A page whose inline value {@code test-accuracy} shows {@code acc} to three decimals. */
    private static void addSourcePage(Path root, String acc) throws Exception {
        Fixtures.addPage(
                root,
                "content/basics/source.md",
                "Source",
                "A value.",
                """

                ```java run
                double acc = %s;
                ```

                The accuracy is `{java #test-accuracy} "%%.3f".formatted(acc)`.
                """
                        .formatted(acc));
    }

    @Test
    void aValueNameMustBeAnAnchorAndUniqueOnItsPage() throws Exception {
        Path root = Fixtures.copy("good", tmp);
        Fixtures.addPage(
                root,
                "content/basics/inline.md",
                "Inline",
                "Values in the prose.",
                """

                ```java run
                int x = 1;
                ```

                Bad name: `{java #Not A Name} x`.
                Twice: `{java #x} x` and `{java #x} x + 1`.
                """);
        BuildFailedException e =
                assertThrows(
                        BuildFailedException.class,
                        () -> Fixtures.build(root, SiteBuild.Options.DEFAULT));
        String all = e.getMessage();
        assertTrue(
                all.contains(
                        "content/basics/inline.md:11: 'Not A Name' cannot name an inline value"),
                all);
        assertTrue(
                all.contains(
                        "content/basics/inline.md:12: another inline value on this page is already named 'x'"),
                all);
    }
}
