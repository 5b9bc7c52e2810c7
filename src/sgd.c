#include "sgd.h"

void sgd_step(double *w, double *v, const double *g, size_t n, double lr, double momentum,
              int nesterov)
{
    if (nesterov) {
        for (size_t i = 0; i < n; i++) {
            v[i] = momentum * v[i] - lr * g[i];
            w[i] = w[i] + momentum * v[i] - lr * g[i];
        }
    } else {
        for (size_t i = 0; i < n; i++) {
            v[i] = momentum * v[i] - lr * g[i];
            w[i] = w[i] + v[i];
        }
    }
}
