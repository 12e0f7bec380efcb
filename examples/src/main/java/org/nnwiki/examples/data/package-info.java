/**
 * The wiki's data sets, all deterministic and offline: the vendored Fashion-MNIST and 8×8 digit
 * subsets ({@code Datasets}), synthetic 2-D point sets ({@code Points}), the Shakespeare text and
 * its character vocabulary ({@code Shakespeare}), and Tribuo baselines on the same splits ({@code
 * TribuoBaseline}). Tribuo is used here and nowhere in the core; nothing here may reach the
 * network.
 */
package org.nnwiki.examples.data;
