/* Binary cross-entropy taken from the logit, as Keras on TensorFlow does for
 * a sigmoid output (no probability clipping):
 *   loss(z, y) = max(z, 0) - z y + log1p(exp(-|z|))
 *   dloss/dz   = sigmoid(z) - y */
#ifndef MLP_LOSS_H
#define MLP_LOSS_H

double bce_logit_loss(double z, double y);
double bce_logit_grad(double z, double y);

#endif
