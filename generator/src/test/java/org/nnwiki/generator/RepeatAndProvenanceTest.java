package org.nnwiki.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --repeat finds blocks whose output changes; results say where they were computed; Math.exp is
 * reported.
 */
class RepeatAndProvenanceTest {
    @TempDir Path tmp;

    private static final String CHANCE =
            """
            A steady block, then one that depends on an unseeded generator, then a timing marked as varying.

            ```java run
            System.out.println("steady " + (6 * 7));
            ```

            ```java run
            System.out.println("drawn " + new java.util.Random().nextLong());
            ```

            ```java run varies
            System.out.println("took " + System.nanoTime() + " ns");
            ```
            """;

    private Path siteWithChancePage() throws Exception {
        Path root = Fixtures.copy("good", tmp);
        Fixtures.addPage(
                root,
                "content/basics/chance.md",
                "Chance",
                "Blocks that print the same thing twice, and one that does not.",
                CHANCE);
        return root;
    }

    @Test
    void repeatReportsExactlyTheBlockThatChanges() throws Exception {
        Path root = siteWithChancePage();
        Fixtures.build(root, SiteBuild.Options.DEFAULT); // a plain build does not notice
        BuildFailedException e =
                assertThrows(
                        BuildFailedException.class,
                        () ->
                                Fixtures.build(
                                        root,
                                        new SiteBuild.Options(false, false, false, Set.of())));
        List<Problem> problems = e.problems();
        assertEquals(1, problems.size(), problems.toString());
        Problem p = problems.get(0);
        assertEquals("content/basics/chance.md", p.file());
        assertEquals(12, p.line(), "the fence of the unseeded block");
        assertTrue(
                p.message().contains("changed when it ran again")
                        && p.message().contains("-XX:ActiveProcessorCount="),
                p.message());
        assertTrue(
                p.excerpt().contains("- first run: drawn ")
                        && p.excerpt().contains("+ again:     drawn "),
                p.excerpt());
        assertTrue(
                Files.isRegularFile(root.resolve("site/basics/chance.html")),
                "the failed build left the previous site");
    }

    @Test
    void repeatOfNamedPagesOnly() throws Exception {
        Path root = siteWithChancePage();
        SiteBuild.Report r =
                Fixtures.build(
                        root,
                        new SiteBuild.Options(
                                false, false, false, Set.of("content/basics/session.md")));
        assertFalse(r.upToDate());
        BuildFailedException e =
                assertThrows(
                        BuildFailedException.class,
                        () ->
                                Fixtures.build(
                                        root,
                                        new SiteBuild.Options(
                                                false,
                                                false,
                                                false,
                                                Set.of("content/basics/nope.md"))));
        assertTrue(
                e.problems().get(0).message().contains("not a page of the site"),
                e.problems().toString());
    }

    @Test
    void resultsRecordWhereTheyWereComputed() throws Exception {
        Path root = Fixtures.copy("good", tmp);
        Fixtures.build(root, SiteBuild.Options.DEFAULT);
        String xml = Files.readString(root.resolve("target/nnwiki/examples-junit.xml"));
        String jdk = System.getProperty("java.vendor") + " " + Runtime.version();
        assertTrue(xml.contains("<property name=\"jdk\" value=\"" + jdk + "\"/>"), xml);
        assertTrue(
                xml.contains(
                        "<property name=\"os\" value=\""
                                + System.getProperty("os.name")
                                + " "
                                + System.getProperty("os.arch")
                                + "\"/>"),
                xml);
        assertTrue(
                xml.contains(
                        "<property name=\"threads\" value=\""
                                + Runtime.getRuntime().availableProcessors()
                                + "\"/>"),
                xml);
        assertTrue(
                xml.contains("<property name=\"vectorBits\" value=\"0\"/>"),
                "the fixture's sessions have no Vector API: " + xml);
        assertTrue(xml.contains("<property name=\"cached\" value=\"false\"/>"), xml);
        Matcher at =
                Pattern.compile("<property name=\"computedAt\" value=\"([^\"]+)\"/>").matcher(xml);
        assertTrue(at.find(), xml);
        String computed = at.group(1);

        Files.writeString(
                root.resolve("content/basics/session.md"),
                Files.readString(root.resolve("content/basics/session.md")) + "\nMore prose.\n");
        Fixtures.build(root, SiteBuild.Options.DEFAULT);
        String again = Files.readString(root.resolve("target/nnwiki/examples-junit.xml"));
        assertTrue(again.contains("<property name=\"cached\" value=\"true\"/>"), again);
        assertTrue(
                again.contains("<property name=\"computedAt\" value=\"" + computed + "\"/>"),
                "a cached result keeps the time it was computed");
        String timings = Files.readString(root.resolve("site/data/timings.js"));
        assertTrue(timings.contains("\"provenance\": {\"jdk\": \"" + jdk + "\""), timings);
        assertFalse(
                Files.readString(root.resolve("site/basics/session.html")).contains(jdk),
                "page HTML does not name the machine");
    }

    @Test
    void machineDependentMathIsReportedAtItsLine() throws Exception {
        Path root = Fixtures.copy("good", tmp);
        Fixtures.addPage(
                root,
                "content/basics/math.md",
                "Math",
                "Math against StrictMath.",
                """
                ```java run
                double a = StrictMath.exp(1.0) + Math.sqrt(2.0);
                double b = Math.exp(1.0); // Math.log in a comment is fine
                System.out.println(a + b);
                ```
                """);
        BuildFailedException e =
                assertThrows(
                        BuildFailedException.class,
                        () -> Fixtures.build(root, SiteBuild.Options.DEFAULT));
        assertEquals(1, e.problems().size(), e.problems().toString());
        Problem p = e.problems().get(0);
        assertEquals("content/basics/math.md:8", p.location());
        assertTrue(p.message().contains("use StrictMath.exp"), p.message());
    }
}
