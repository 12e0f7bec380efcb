/**
 * Optimizers with PyTorch's update rules and names (SGD with momentum, Nesterov and weight decay,
 * RMSProp, AdaGrad, Adam, AdamW), gradient clipping and learning-rate schedules. They update
 * parameters in place from their gradients, outside the autograd graph.
 */
package org.nnwiki.core.optim;
