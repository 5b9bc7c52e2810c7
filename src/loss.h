/* Binary cross-entropy taken from the logit, as Keras on TensorFlow does for
 * a sigmoid output (no probability clipping):
 *   loss(z, y) = max(z, 0) - z y + log1p(exp(-|z|))
 *   dloss/dz   = sigmoid(z) - y */
#ifndef MLP_LOSS_H
#define MLP_LOSS_H

double bce_logit_loss(double z, double y);
double bce_logit_grad(double z, double y);

#include <stddef.h>

/* The loss and metrics of n rows at once, with one exp per row: the same
 * bits as the scalar functions and act_sigmoid, which share exp(-|z|).
 * log1p is vec_log1p_unit (src/vec.h), four rows at a time: below 1 ulp,
 * and the same bits on every machine, which glibc's is not.
 * Returns sum + loss(z[0], y[0]) + loss(z[1], y[1]) + ... (in that order, so
 * a caller can run a total over batches).  Adds to *correct the rows where
 * sigmoid(z) > 0.5 matches y > 0.5, and to *n_pos (unless NULL) the rows
 * predicted 1.  When dz is not NULL, dz[i] = (sigmoid(z[i]) - y[i]) / div. */
double bce_logit_rows(const double *z, const double *y, size_t n, double sum, double *dz,
                      double div, size_t *correct, size_t *n_pos);

#endif
