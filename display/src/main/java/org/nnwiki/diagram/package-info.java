/**
 * Diagrams drawn from the real objects of a page: the autodiff graph behind a tensor ({@link
 * org.nnwiki.diagram.Graph}) and a model's layers with the shapes that flowed through them ({@link
 * org.nnwiki.diagram.Diagram}). They read the compute core and draw with the display API's {@link
 * org.nnwiki.display.NodeGraph}, so a diagram cannot drift from the code it shows.
 */
package org.nnwiki.diagram;
