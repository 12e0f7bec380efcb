package org.nnwiki.generator.render;

import org.nnwiki.generator.execute.PageResult;
import org.nnwiki.generator.markdown.ParsedPage;

/**
 * A page's body as HTML, ready for the templates.
 *
 * @param parsed the parsed page
 * @param result its block results
 * @param body the body HTML
 */
public record RenderedPage(ParsedPage parsed, PageResult result, String body) {}
