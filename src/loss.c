#include "loss.h"

#include <math.h>

#include "act.h"

double bce_logit_loss(double z, double y)
{
    return (z > 0 ? z : 0.0) - z * y + log1p(exp(-fabs(z)));
}

double bce_logit_grad(double z, double y)
{
    return act_sigmoid(z) - y;
}

double bce_logit_rows(const double *z, const double *y, size_t n, double sum, double *dz,
                      double div, size_t *correct, size_t *n_pos)
{
    size_t ok = 0, pos = 0;
    for (size_t i = 0; i < n; i++) {
        double zi = z[i], e = exp(-fabs(zi));
        /* act_sigmoid: 1 / (1 + exp(-z)) for z >= 0, exp(z) / (1 + exp(z)) below */
        double s = zi >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
        sum += (zi > 0 ? zi : 0.0) - zi * y[i] + log1p(e);
        int pred = s > 0.5;
        ok += pred == (y[i] > 0.5);
        pos += pred;
        if (dz != NULL)
            dz[i] = (s - y[i]) / div;
    }
    *correct += ok;
    if (n_pos != NULL)
        *n_pos += pos;
    return sum;
}
