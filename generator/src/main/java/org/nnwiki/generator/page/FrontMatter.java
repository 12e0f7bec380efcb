package org.nnwiki.generator.page;

/**
 * A page's validated YAML header.
 *
 * @param title the page title (required)
 * @param section sidebar group; empty for top-level pages such as Home
 * @param order sort key inside the section, compared numerically
 * @param summary one sentence for listings, search results and the meta description (required)
 * @param draft true for {@code status: draft}: not published by a normal build
 * @param listed false for pages the generator adds (404, execution report): not in the sidebar,
 *     previous/next, search or sitemap
 * @param sectionLine the file line of {@code section:}, for messages (0 when there is none)
 */
public record FrontMatter(
        String title,
        String section,
        double order,
        String summary,
        boolean draft,
        boolean listed,
        int sectionLine) {}
