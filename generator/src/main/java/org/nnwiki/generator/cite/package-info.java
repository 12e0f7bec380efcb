/**
 * The site's bibliography: {@code [@key]} citations in the prose, checked against a BibTeX file
 * that JBibTeX parses, and the numbered reference list at the end of each page that cites.
 */
package org.nnwiki.generator.cite;
