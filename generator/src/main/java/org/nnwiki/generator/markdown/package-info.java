/**
 * Stage 3, parse: reads an expanded page with Flexmark and finds its code blocks, validating every
 * fence's info string (the execution language that CONTRIBUTING.md lists). Flexmark is imported
 * here and in {@code render} only; its option bag lives in {@link
 * org.nnwiki.generator.markdown.MarkdownOptions}.
 */
package org.nnwiki.generator.markdown;
