/**
 * The preview server: serves {@code site/} on 127.0.0.1 only with the JDK's HTTP server, watches
 * the inputs, rebuilds (the example cache makes prose edits cheap) and tells open pages to reload
 * over server-sent events. It never writes anything but what a normal build writes.
 */
package org.nnwiki.generator.serve;
