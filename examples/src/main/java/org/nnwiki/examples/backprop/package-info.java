/**
 * Backpropagation by hand: a 2-2-1 network learning XOR with every derivative written out, and a
 * numerical gradient check. Uses no compute core on purpose: this is what the core automates.
 */
package org.nnwiki.examples.backprop;
