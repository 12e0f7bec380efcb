/**
 * The transformer pages' models and task: the reversal task with its padding and batching ({@code
 * ReversalTask}), the encoder-decoder that learns it ({@code Seq2SeqTransformer}, with
 * teacher-forced loss and greedy decoding) and the decoder-only character model ({@code
 * CharTransformer}). Built from the core's {@code nn} layers only; pages include their regions.
 */
package org.nnwiki.examples.transformer;
