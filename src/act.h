/* Activation functions, with the Keras 3 definitions.
 *
 * Each entry has f(z) and its derivative f'(z) with respect to the
 * pre-activation z.  At a kink the derivative is the one TensorFlow uses
 * (relu: 0 at 0; relu6: 0 at 0 and at 6; leaky_relu: slope at 0). */
#ifndef MLP_ACT_H
#define MLP_ACT_H

#include <stddef.h>

typedef enum {
    ACT_TANH, ACT_RELU, ACT_RELU6, ACT_SIGMOID, ACT_LINEAR, ACT_LEAKY_RELU,
    ACT_ELU, ACT_SELU, ACT_SOFTPLUS, ACT_SOFTSIGN, ACT_GELU, ACT_SWISH,
    ACT_HARD_SIGMOID, ACT_COUNT
} act_id;

typedef struct {
    act_id id;
    const char *name;
    const char *formula;     /* one line, for --help and the README */
    double (*f)(double z);
    double (*df)(double z);
    int relu_family;         /* default hidden initializer is he_uniform */
} act_def;

/* The entry named `name`, or NULL. */
const act_def *act_find(const char *name);
/* The entry for id (id < ACT_COUNT). */
const act_def *act_get(act_id id);
/* "tanh, relu, ..." for error messages. */
const char *act_names(void);

/* out[i] = f(z[i]) for i < n (out may equal z). */
void act_forward(const act_def *a, const double *z, double *out, size_t n);
/* dz[i] *= f'(z[i]) for i < n. */
void act_backward(const act_def *a, const double *z, double *dz, size_t n);

/* The sigmoid used by the output layer, stable for large |z|. */
double act_sigmoid(double z);

#endif
