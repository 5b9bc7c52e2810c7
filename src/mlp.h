/* The network: dense layers z = a W + b, a hidden activation, and one
 * output unit whose logit feeds the sigmoid / binary cross-entropy.
 *
 * Parameters, gradients and velocities each live in one buffer of
 * n_params doubles; layer l (1..n_layers) owns the views
 *   W_l = buf + w_off[l]   shape width[l-1] x width[l], row-major (Keras kernel)
 *   b_l = buf + b_off[l]   shape width[l]
 * so that an optimizer is a pure function over flat arrays. */
#ifndef MLP_MLP_H
#define MLP_MLP_H

#include <stddef.h>

#include "act.h"
#include "init.h"
#include "rng.h"

/* Refused before allocating: a bigger network is surely a typo here. */
#define MLP_MAX_PARAMS 100000000UL
#define MLP_MAX_LAYERS 1000

typedef struct {
    size_t n_layers;        /* dense layers, output included (hidden + 1) */
    size_t *width;          /* n_layers + 1 entries: width[0] inputs, width[n_layers] = 1 */
    const act_def **act;    /* act[l] for hidden layers l = 1..n_layers-1; act[n_layers] NULL */
    size_t *w_off, *b_off;  /* n_layers + 1 entries, index 0 unused */
    size_t n_params;
    double *params, *grads, *vel; /* n_params each, owned */
} mlp;

/* Allocate a network with n_in inputs, n_hidden hidden layers of widths
 * hidden[0..n_hidden-1] (each >= 1) all using act, and one output.  The
 * parameters are zero.  Returns MLP_OK, MLP_EINVAL (too large: err says the
 * size it would need) or MLP_ENOMEM. */
int mlp_alloc(mlp **out, size_t n_in, const size_t *hidden, size_t n_hidden,
              const act_def *act, char *err);
void mlp_free(mlp *m); /* accepts NULL */

/* The checks mlp_alloc makes before allocating, without allocating: the
 * same arguments, MLP_OK with the parameter count in *n_params, or
 * MLP_EINVAL with the message mlp_alloc would give (and the size needed). */
int mlp_check_size(size_t n_in, const size_t *hidden, size_t n_hidden, size_t *n_params,
                   char *err);

/* Draw every kernel from g (hidden layers by hidden_init, the output layer by
 * out_init, layer by layer); biases and velocities zero. */
void mlp_init(mlp *m, const init_spec *hidden_init, const init_spec *out_init, np_rng *g);

static inline double *mlp_W(const mlp *m, const double *buf, size_t l) { return (double *)buf + m->w_off[l]; }
static inline double *mlp_b(const mlp *m, const double *buf, size_t l) { return (double *)buf + m->b_off[l]; }

/* Per-batch activations, kept for the backward pass.
 *
 * Batches are stored feature-major, so that the kernels vectorize over the
 * rows of the batch whatever the layer widths: unit j of row i of a layer
 * of width n sits at buf[j * stride + i] (see mlp_ws_z / mlp_ws_a).  Lanes
 * B..stride-1 of a row hold finite filler and are never reported. */
typedef struct {
    size_t max_batch;
    size_t stride;   /* max_batch rounded up to a multiple of 4 */
    double *x;       /* width[0] x stride: the batch's inputs */
    double **z;      /* z[l]: width[l] x stride, pre-activations, l = 1..n_layers */
    double **a;      /* a[l]: width[l] x stride, activations, l = 1..n_layers-1 */
    double *d0, *d1; /* round4(max width) x stride: backward deltas */
    double *dt;      /* stride x round4(max width): one layer's delta, row-major */
    double *xt;      /* stride x 4: a small layer's inputs 0-3, row-major */
    double *mem;     /* the one allocation behind x, z, a, d0, d1, dt, xt */
} mlp_ws;

/* Pre-activation and activation of unit `unit` of hidden layer l for batch
 * row `row` (after mlp_forward). */
static inline double mlp_ws_z(const mlp_ws *ws, size_t l, size_t row, size_t unit)
{
    return ws->z[l][unit * ws->stride + row];
}
static inline double mlp_ws_a(const mlp_ws *ws, size_t l, size_t row, size_t unit)
{
    return ws->a[l][unit * ws->stride + row];
}

mlp_ws *mlp_ws_alloc(const mlp *m, size_t max_batch);
/* A max_batch for evaluating n rows in chunks: at most `max` rows and about
 * `bytes` of workspace, at least 1 (for passes after or beside training,
 * which must not need more memory than the network itself). */
size_t mlp_ws_rows(const mlp *m, size_t n, size_t max, size_t bytes);
/* The bytes mlp_ws_alloc(m, max_batch) asks for, as a double (for
 * messages: it may be more than SIZE_MAX). */
double mlp_ws_bytes(const mlp *m, size_t max_batch);
void mlp_ws_free(mlp_ws *ws); /* accepts NULL */

/* Forward pass of B <= max_batch rows x[B x width[0]] (row-major); returns
 * the B logits (a view into ws, valid until the next call). */
const double *mlp_forward(const mlp *m, mlp_ws *ws, const double *x, size_t B);

/* The same for rows idx[0..B-1] of x[rows x width[0]], gathered straight
 * into ws (no row-major copy of the batch). */
const double *mlp_forward_rows(const mlp *m, mlp_ws *ws, const double *x, const size_t *idx,
                               size_t B);

/* Backward pass after mlp_forward on the same x (the kernels use the copy
 * that mlp_forward kept in ws; x may be NULL): dlogit[B] is dLoss/dlogit; overwrites
 * m->grads with dLoss/dparams. */
void mlp_backward(mlp *m, mlp_ws *ws, const double *x, const double *dlogit, size_t B);

#endif
