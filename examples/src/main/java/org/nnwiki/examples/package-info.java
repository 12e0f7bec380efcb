/**
 * Example programs that wiki pages include and run, one sub-package per topic. They may use the
 * compute core, the display API, Tribuo and the JDK; the core never uses them.
 */
package org.nnwiki.examples;
