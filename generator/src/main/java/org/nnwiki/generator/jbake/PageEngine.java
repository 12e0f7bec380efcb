package org.nnwiki.generator.jbake;

import java.util.Date;
import org.jbake.parser.MarkupEngine;
import org.jbake.parser.ParserContext;

/**
 * JBake's markup engine for {@code .md}: the pages are already validated and rendered, so this only
 * hands JBake a page document with a fixed date (reproducible output) and the rendered body.
 */
public final class PageEngine extends MarkupEngine {

    @Override
    public void processHeader(ParserContext context) {
        String title =
                BakeInput.current().titleByStagingFile.get(context.getFile().getAbsolutePath());
        context.getDocumentModel().setType("page");
        context.getDocumentModel().setStatus("published");
        context.getDocumentModel().setTitle(title == null ? "" : title);
        context.setDate(new Date(0));
    }

    @Override
    public void processBody(ParserContext context) {
        // The body is rendered by the template from the page model; JBake stores only a marker.
        context.setBody("");
    }
}
