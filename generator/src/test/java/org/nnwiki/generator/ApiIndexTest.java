package org.nnwiki.generator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API index page: public classes of the configured packages and the pages whose examples use
 * them.
 */
class ApiIndexTest {
    @TempDir Path tmp;

    @Test
    void listsEachPublicClassWithThePagesThatUsedIt() throws Exception {
        Path root = Fixtures.copy("good", tmp);
        Path lib = Files.createDirectories(root.resolve("lib"));
        Fixtures.compile(lib, "api", "public", "Named", "public static int value() { return 1; }");
        Fixtures.compile(lib, "api", "public", "Returned", "public int twice() { return 2; }");
        Fixtures.compile(
                lib,
                "api",
                "public",
                "Maker",
                "public static Returned make() { return new Returned(); }");
        Fixtures.compile(lib, "api", "public", "Nobody", "");
        Fixtures.compile(lib, "api", "", "Hidden", "");
        Files.writeString(
                root.resolve("nnwiki.yml"),
                Files.readString(root.resolve("nnwiki.yml"))
                        .replace(
                                "session:",
                                "apiIndex:\n  section: Basics\n  packages: [api]\nsession:\n  classpath: [lib]"));
        Fixtures.addPage(
                root,
                "content/basics/named.md",
                "Names a class",
                "A page that names api.Named.",
                "\n```java run\napi.Named.value()\n```\n");
        // Returned is never named: the page reaches it through Maker, and it loads first in this
        // page's session.
        Fixtures.addPage(
                root,
                "content/basics/indirect.md",
                "Uses one through another",
                "A page that reaches api.Returned.",
                "\n```java run\nvar r = api.Maker.make();\nr.twice()\n```\n");
        // A member the prelude imports statically names its class: twice(21) uses Tools.
        Fixtures.compile(
                lib, "api", "public", "Tools", "public static int twice(int x) { return 2 * x; }");
        Files.writeString(
                root.resolve("prelude.jsh"),
                Files.readString(root.resolve("prelude.jsh"))
                        + "\nimport static api.Tools.twice;\n");
        Fixtures.addPage(
                root,
                "content/basics/imported.md",
                "Uses an imported method",
                "A page that calls twice().",
                "\n```java run\ntwice(21)\n```\n");
        Fixtures.build(root, SiteBuild.Options.DEFAULT);

        String html = Files.readString(root.resolve("site/api.html"));
        String named = item(html, "Named");
        assertTrue(
                named.contains("href=\"basics/named.html\"") && !named.contains("indirect"), named);
        String returned = item(html, "Returned");
        assertTrue(
                returned.contains("href=\"basics/indirect.html\"")
                        && !returned.contains("basics/named"),
                returned);
        assertTrue(item(html, "Nobody").contains("no example uses it yet"));
        String tools = item(html, "Tools");
        assertTrue(
                tools.contains("href=\"basics/imported.html\"") && !tools.contains("basics/named"),
                tools);
        assertFalse(html.contains("Hidden"), "a class that is not public is not listed");
        assertTrue(
                Files.readString(root.resolve("site/index.html")).contains("href=\"api.html\""),
                "the sidebar links the index");
        assertTrue(
                Files.readString(root.resolve("site/search-index.js")).contains("api.html"),
                "the search finds it");
    }

    /** The list item of class {@code name}. */
    private static String item(String html, String name) {
        int at = html.indexOf("<strong>" + name + "</strong>");
        assertTrue(at >= 0, name + " is listed");
        return html.substring(at, html.indexOf("</li>", at));
    }
}
