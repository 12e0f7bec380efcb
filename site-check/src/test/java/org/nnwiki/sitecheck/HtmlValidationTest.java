package org.nnwiki.sitecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.Test;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Every page of the built site passes the Nu Html Checker (the W3C's HTML validator), run offline.
 */
class HtmlValidationTest {

    /** Collects errors (warnings and info are not failures). */
    private static final class Collector implements ErrorHandler {
        final List<String> errors = new ArrayList<>();
        String page = "";

        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) {
            errors.add(
                    page
                            + ":"
                            + e.getLineNumber()
                            + ":"
                            + e.getColumnNumber()
                            + ": "
                            + e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) {
            error(e);
        }
    }

    @Test
    void everyPageIsValidHtml() throws Exception {
        Collector collector = new Collector();
        SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, false);
        validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", collector);
        validator.setUpValidatorAndParsers(collector, true, false);
        List<Path> pages = BuiltSite.pages();
        assertTrue(pages.size() >= 3, "the site has pages");
        for (Path page : pages) {
            collector.page = BuiltSite.relative(page);
            validator.checkHtmlFile(page.toFile(), true);
        }
        assertEquals(List.of(), collector.errors, "HTML errors in site/");
    }
}
