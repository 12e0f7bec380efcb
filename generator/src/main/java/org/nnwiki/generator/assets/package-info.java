/**
 * The site's browser libraries, copied out of their Maven webjars into {@code site/vendor/} at
 * build time, so that the site needs no CDN and works offline. Must not fetch anything over the
 * network.
 */
package org.nnwiki.generator.assets;
