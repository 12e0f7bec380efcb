package org.nnwiki.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A block's last value goes to the value hook of nnwiki.yml. Where the hook is one public static
 * one-argument method of a class, the session calls it without a compiled call (the generator's
 * probe); otherwise (overloads, a hook defined in the prelude) the call is compiled as before. The
 * hooks here say which way they were called, so each test fails if its path is not the one taken.
 */
class ValueDisplayTest {
    @TempDir Path tmp;

    /** Prints a value in the display wire format, prefixed with who called the hook. */
    private static final String EMIT =
            "static void emit(String text) { System.out.println(\"\\u001Enn-display value \""
                    + " + java.util.Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))); }\n"
                    + "    static String caller() { for (StackTraceElement e : new Throwable().getStackTrace()) {"
                    + " if (e.getClassName().endsWith(\".SessionProbe\")) { return \"probe\"; }"
                    + " if (e.getClassName().startsWith(\"REPL.\")) { return \"compiled\"; } } return \"unknown\"; }\n";

    @Test
    void aSingleHookMethodIsCalledWithoutCompiling() throws Exception {
        Path root = site("hooks.Single.show");
        page(
                root,
                "values",
                "int n = 6;\nn",
                "n * 7",
                "List.of(1, 2)",
                "String nothing = null;\nnothing",
                "int[] a = {1, 2};\na");
        Fixtures.build(root, SiteBuild.Options.DEFAULT);
        String html = Files.readString(root.resolve("site/basics/values.html"));
        // A variable named on its own (its snippet only reads it), a temporary variable, a list,
        // null and an array: the same text the compiled call gave.
        for (String shown :
                new String[] {
                    "probe: 6", "probe: 42", "probe: [1, 2]", "probe: null", "probe: [1, 2]"
                }) {
            assertTrue(html.contains(shown), shown + " in " + html);
        }

        page(root, "refused", "\"boom\"");
        BuildFailedException failed =
                assertThrows(
                        BuildFailedException.class,
                        () -> Fixtures.build(root, SiteBuild.Options.DEFAULT));
        assertTrue(
                failed.getMessage().contains("content/basics/refused.md")
                        && failed.getMessage().contains("displaying the value failed")
                        && failed.getMessage().contains("the hook refused boom"),
                failed.getMessage());
    }

    /**
     * A hook that never returns is stopped like a block that runs too long, and the next block
     * still runs.
     */
    @Test
    void aHookThatHangsIsStopped() throws Exception {
        Path root = site("hooks.Single.show");
        Fixtures.addPage(
                root,
                "content/basics/spins.md",
                "Spins",
                "A page whose hook never returns.",
                "\n```java run timeout=2\n\"spin\"\n```\n\n```java run\n\"after\"\n```\n");
        BuildFailedException failed =
                assertThrows(
                        BuildFailedException.class,
                        () -> Fixtures.build(root, SiteBuild.Options.DEFAULT));
        String message = failed.getMessage();
        assertTrue(
                message.contains("content/basics/spins.md")
                        && message.contains("timed out after 2 s"),
                message);
        assertEquals(
                1,
                failed.problems().size(),
                "the block after the stopped one ran without a problem: " + message);
    }

    @Test
    void overloadedHooksAreLeftToTheCompiler() throws Exception {
        Path root = site("hooks.Overloaded.show");
        page(root, "overloads", "\"text\"", "6");
        Fixtures.build(root, SiteBuild.Options.DEFAULT);
        String html = Files.readString(root.resolve("site/basics/overloads.html"));
        // The compiler picks show(String) for a String: a reflective call could not know to.
        assertTrue(
                html.contains("compiled string: text") && html.contains("compiled object: 6"),
                html);
    }

    private Path site(String hook) throws Exception {
        Path root = Fixtures.copy("good", tmp);
        Path lib = Files.createDirectories(root.resolve("lib"));
        Fixtures.compile(
                lib,
                "hooks",
                "public",
                "Single",
                EMIT
                        + "    public static void show(Object x) {"
                        + " if (\"boom\".equals(x)) { throw new IllegalStateException(\"the hook refused boom\"); }"
                        + " if (\"spin\".equals(x)) { long i = 0; while (i >= 0) { i = (i + 1) % 1000; } }"
                        + " emit(caller() + \": \" + (x instanceof int[] a ? java.util.Arrays.toString(a) : x)); }");
        Fixtures.compile(
                lib,
                "hooks",
                "public",
                "Overloaded",
                EMIT
                        + "    public static void show(Object x) { emit(caller() + \" object: \" + x); }\n"
                        + "    public static void show(String x) { emit(caller() + \" string: \" + x); }");
        Path yml = root.resolve("nnwiki.yml");
        Files.writeString(
                yml,
                Files.readString(yml)
                        .replace("valueHook: fixtureValue", "valueHook: " + hook)
                        .replace("session:", "session:\n  classpath: [lib]"));
        return root;
    }

    private static void page(Path root, String name, String... blocks) {
        StringBuilder body = new StringBuilder();
        for (String code : blocks) {
            body.append("\n```java run\n").append(code).append("\n```\n");
        }
        Fixtures.addPage(
                root,
                "content/basics/" + name + ".md",
                "Values " + name,
                "A page whose blocks end in values.",
                body.toString());
    }
}
