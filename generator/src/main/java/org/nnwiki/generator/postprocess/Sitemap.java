package org.nnwiki.generator.postprocess;

import java.util.Collection;
import java.util.TreeSet;

/**
 * {@code sitemap.xml} in the sitemaps.org format: every listed page under the site's absolute
 * address. No {@code lastmod}: two builds of the same commit write the same file.
 */
final class Sitemap {
    private Sitemap() {}

    static String xml(String baseUrl, Collection<String> outputs) {
        StringBuilder sb =
                new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                        .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String output : new TreeSet<>(outputs)) {
            String path = output.equals("index.html") ? "" : output;
            sb.append("  <url><loc>")
                    .append(org.nnwiki.generator.Xml.attr(baseUrl + path))
                    .append("</loc></url>\n");
        }
        return sb.append("</urlset>\n").toString();
    }
}
