#include "act.h"

#include <math.h>
#include <string.h>

#include "vec.h"

/* Keras 3 constants (keras/src/activations/activations.py). */
#define LEAKY_SLOPE 0.2
#define SELU_ALPHA 1.6732632423543772848170429916717
#define SELU_SCALE 1.0507009873554804934193349852946

double act_sigmoid(double z)
{
    if (z >= 0)
        return 1.0 / (1.0 + exp(-z));
    double e = exp(z);
    return e / (1.0 + e);
}

/* vec_tanh, not libm's: the kernels use the vectorized version, and the
 * table must agree with them bit for bit */
static double f_tanh(double z) { return vec_tanh(z); }
static double d_tanh(double z) { double t = vec_tanh(z); return 1.0 - t * t; }
static double f_relu(double z) { return z > 0 ? z : 0.0; }
static double d_relu(double z) { return z > 0 ? 1.0 : 0.0; }
static double f_relu6(double z) { return z > 0 ? (z < 6 ? z : 6.0) : 0.0; }
static double d_relu6(double z) { return z > 0 && z < 6 ? 1.0 : 0.0; }
static double f_sigmoid(double z) { return act_sigmoid(z); }
static double d_sigmoid(double z) { double s = act_sigmoid(z); return s * (1.0 - s); }
static double f_linear(double z) { return z; }
static double d_linear(double z) { (void)z; return 1.0; }
static double f_leaky(double z) { return z > 0 ? z : LEAKY_SLOPE * z; }
static double d_leaky(double z) { return z > 0 ? 1.0 : LEAKY_SLOPE; }
static double f_elu(double z) { return z > 0 ? z : expm1(z); }
static double d_elu(double z) { return z > 0 ? 1.0 : exp(z); }
static double f_selu(double z) { return SELU_SCALE * (z > 0 ? z : SELU_ALPHA * expm1(z)); }
static double d_selu(double z) { return SELU_SCALE * (z > 0 ? 1.0 : SELU_ALPHA * exp(z)); }
/* log(1 + e^z) without overflow */
static double f_softplus(double z) { return (z > 0 ? z : 0.0) + log1p(exp(-fabs(z))); }
static double d_softplus(double z) { return act_sigmoid(z); }
static double f_softsign(double z) { return z / (1.0 + fabs(z)); }
static double d_softsign(double z) { double a = 1.0 + fabs(z); return 1.0 / (a * a); }
/* exact gelu (Keras 3 default approximate=False): z * Phi(z) */
static double f_gelu(double z) { return 0.5 * z * (1.0 + erf(z * M_SQRT1_2)); }
static double d_gelu(double z)
{
    double cdf = 0.5 * (1.0 + erf(z * M_SQRT1_2));
    double pdf = exp(-0.5 * z * z) * (M_2_SQRTPI * M_SQRT1_2 * 0.5);
    return cdf + z * pdf;
}
static double f_swish(double z) { return z * act_sigmoid(z); }
static double d_swish(double z) { double s = act_sigmoid(z); return s + z * s * (1.0 - s); }
/* Keras 3: relu6(z + 3) / 6 */
static double f_hard_sigmoid(double z) { return f_relu6(z + 3.0) / 6.0; }
static double d_hard_sigmoid(double z) { return z > -3.0 && z < 3.0 ? 1.0 / 6.0 : 0.0; }

static const act_def table[ACT_COUNT] = {
    {ACT_TANH, "tanh", "tanh(z)", f_tanh, d_tanh, 0},
    {ACT_RELU, "relu", "max(z, 0)", f_relu, d_relu, 1},
    {ACT_RELU6, "relu6", "min(max(z, 0), 6)", f_relu6, d_relu6, 1},
    {ACT_SIGMOID, "sigmoid", "1 / (1 + exp(-z))", f_sigmoid, d_sigmoid, 0},
    {ACT_LINEAR, "linear", "z", f_linear, d_linear, 0},
    {ACT_LEAKY_RELU, "leaky_relu", "z if z > 0 else 0.2 z", f_leaky, d_leaky, 1},
    {ACT_ELU, "elu", "z if z > 0 else exp(z) - 1", f_elu, d_elu, 0},
    {ACT_SELU, "selu", "1.0507 * (z if z > 0 else 1.67326 (exp(z) - 1))", f_selu, d_selu, 0},
    {ACT_SOFTPLUS, "softplus", "log(1 + exp(z))", f_softplus, d_softplus, 0},
    {ACT_SOFTSIGN, "softsign", "z / (1 + |z|)", f_softsign, d_softsign, 0},
    {ACT_GELU, "gelu", "z * Phi(z) = 0.5 z (1 + erf(z / sqrt(2)))", f_gelu, d_gelu, 0},
    {ACT_SWISH, "swish", "z * sigmoid(z)", f_swish, d_swish, 0},
    {ACT_HARD_SIGMOID, "hard_sigmoid", "min(max(z / 6 + 0.5, 0), 1)", f_hard_sigmoid,
     d_hard_sigmoid, 0},
};

const act_def *act_find(const char *name)
{
    for (size_t i = 0; i < ACT_COUNT; i++)
        if (strcmp(table[i].name, name) == 0)
            return &table[i];
    return NULL;
}

const act_def *act_get(act_id id)
{
    return id < ACT_COUNT ? &table[id] : NULL;
}

const char *act_names(void)
{
    return "tanh, relu, relu6, sigmoid, linear, leaky_relu, elu, selu, softplus, "
           "softsign, gelu, swish, hard_sigmoid";
}

void act_forward(const act_def *a, const double *z, double *out, size_t n)
{
    switch (a->id) {
    case ACT_RELU:
        for (size_t i = 0; i < n; i++)
            out[i] = z[i] > 0 ? z[i] : 0.0;
        return;
    case ACT_RELU6:
        for (size_t i = 0; i < n; i++)
            out[i] = z[i] > 0 ? (z[i] < 6 ? z[i] : 6.0) : 0.0;
        return;
    case ACT_LINEAR:
        for (size_t i = 0; i < n; i++)
            out[i] = z[i];
        return;
    default:
        for (size_t i = 0; i < n; i++)
            out[i] = a->f(z[i]);
    }
}

void act_backward(const act_def *a, const double *z, double *dz, size_t n)
{
    switch (a->id) {
    case ACT_RELU:
        for (size_t i = 0; i < n; i++)
            dz[i] = z[i] > 0 ? dz[i] : 0.0;
        return;
    case ACT_RELU6:
        for (size_t i = 0; i < n; i++)
            dz[i] = z[i] > 0 && z[i] < 6 ? dz[i] : 0.0;
        return;
    case ACT_LINEAR:
        return;
    default:
        for (size_t i = 0; i < n; i++)
            dz[i] *= a->df(z[i]);
    }
}
