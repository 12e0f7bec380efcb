/**
 * Stage 6, bake: JBake 2.7.0 writes the rendered pages through the Freemarker templates into a
 * fresh folder. JBake is imported here only. Its own header parsing, Freemarker error handling and
 * date-based navigation are unsuitable (ARCHITECTURE.md#facts-about-the-libraries), so pages reach
 * it already validated and rendered ({@link org.nnwiki.generator.jbake.PageEngine}), templates run
 * in a strict engine that rethrows ({@link org.nnwiki.generator.jbake.StrictFreemarkerEngine}), and
 * navigation is computed here ({@link org.nnwiki.generator.jbake.Navigation}).
 */
package org.nnwiki.generator.jbake;
