package org.nnwiki.generator.jbake;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import org.jbake.app.ContentStore;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.template.AbstractTemplateEngine;
import org.jbake.template.RenderingException;
import org.jbake.template.model.TemplateModel;

/**
 * Renders {@code .ftlh} templates with Freemarker in strict mode: HTML auto-escaping, and any error
 * (a missing variable, a typo) is rethrown and fails the build, instead of JBake's default of
 * writing the error into the page. Registered for {@code ftlh} through {@code
 * META-INF/org.jbake.parser.TemplateEngines.properties}.
 */
public final class StrictFreemarkerEngine extends AbstractTemplateEngine {
    private final Configuration freemarker;

    public StrictFreemarkerEngine(JBakeConfiguration config, ContentStore db) {
        super(config, db);
        freemarker = new Configuration(Configuration.VERSION_2_3_33);
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setOutputEncoding("UTF-8");
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        try {
            freemarker.setDirectoryForTemplateLoading(config.getTemplateFolder());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot read templates from " + config.getTemplateFolder(), e);
        }
    }

    @Override
    public void renderDocument(TemplateModel model, String templateName, Writer writer)
            throws RenderingException {
        String uri = String.valueOf(model.getContent().get("uri"));
        Map<String, Object> data = BakeInput.current().modelByUri.get(uri);
        if (data == null) {
            throw new RenderingException("no page model for " + uri);
        }
        try {
            Template template = freemarker.getTemplate(templateName);
            template.process(data, writer);
        } catch (IOException | TemplateException e) {
            throw new RenderingException(e);
        }
    }
}
