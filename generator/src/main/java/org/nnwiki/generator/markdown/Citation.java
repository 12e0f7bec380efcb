package org.nnwiki.generator.markdown;

import com.vladsch.flexmark.ast.LinkRef;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A citation in the prose: {@code [@he2016]}, {@code [@he2016; @glorot2010]} or with a locator,
 * {@code [@goodfellow2016, ch. 6]}. The keys name entries of the site's bibliography.
 *
 * @param node the Flexmark node the citation was parsed from (the renderer replaces it)
 * @param items the cited entries, in the order written
 * @param line the page-file line it is on
 */
public record Citation(LinkRef node, List<Item> items, int line) {

    /** One cited entry and its locator ("ch. 6", "p. 3"; empty when none). */
    public record Item(String key, String locator) {}

    /** What a citation key may contain (BibTeX keys as people write them). */
    static final String KEY = "[A-Za-z0-9][A-Za-z0-9_:.\\-/+]*";

    private static final Pattern ITEM =
            Pattern.compile("\\s*@(" + KEY + ")\\s*(?:,\\s*([^;]*?))?\\s*");

    /**
     * The items of a bracket's text ({@code @a; @b, p. 3}), or null when it is not a citation (it
     * does not start with {@code @}).
     *
     * @param errors receives what is wrong with a bracket that starts with {@code @} but is not a
     *     well-formed citation
     */
    static List<Item> parse(String text, List<String> errors) {
        if (!text.stripLeading().startsWith("@")) {
            return null;
        }
        List<Item> items = new ArrayList<>();
        for (String part : text.split(";", -1)) {
            Matcher m = ITEM.matcher(part);
            if (!m.matches()) {
                errors.add(
                        "'["
                                + text
                                + "]' is not a citation: write [@key], [@key1; @key2] or [@key, p. 3], with keys from the bibliography");
                return List.of();
            }
            items.add(new Item(m.group(1), m.group(2) == null ? "" : m.group(2).strip()));
        }
        return List.copyOf(items);
    }
}
