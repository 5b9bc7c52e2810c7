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
