/* SGD with momentum, Keras's update (keras/optimizers/sgd.py):
 *   v = momentum * v - lr * g
 *   w = w + v                          (nesterov = 0)
 *   w = w + momentum * v - lr * g      (nesterov = 1)
 * A pure function over flat arrays of n parameters. */
#ifndef MLP_SGD_H
#define MLP_SGD_H

#include <stddef.h>

void sgd_step(double *restrict w, double *restrict v, const double *restrict g, size_t n,
              double lr, double momentum, int nesterov);

#endif
