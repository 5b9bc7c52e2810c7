/* Training diagnostics: why a deep net fails (vanishing gradients, dead or
 * saturated units), one tidy CSV row per epoch and dense layer:
 *
 *   epoch,layer,grad_norm,weight_norm,dead_frac,saturated_frac,mean_act
 *
 * epoch          counted from 0, as in the history file
 * layer          1..n_layers (n_layers is the output unit)
 * grad_norm      L2 norm of the layer's kernel gradient dLoss/dW (biases
 *                excluded), averaged over the epoch's batches
 * weight_norm    L2 norm of the kernel W at the end of the epoch
 * dead_frac      share of the layer's units that are dead on every
 *                training row of the epoch (see below)
 * saturated_frac share of the layer's units saturated on every row
 * mean_act       mean of the activation over the epoch's rows and units
 *                (the output layer: the sigmoid probability)
 *
 * A row is "flat" for a unit when |f'(z)| < 1e-3 (relu and relu6: f'(z) is
 * exactly 0, i.e. the output is 0, or 6 for relu6).  Over the epoch a unit is
 *   relu6                        dead: flat with z <= 0 on every row (output 0)
 *                                saturated: flat with z > 0 on every row (6)
 *   tanh, sigmoid, softsign,
 *   hard_sigmoid, output sigmoid saturated: flat on every row; never dead
 *   every other activation       dead: flat with z <= 0 on every row
 *   (relu, leaky_relu, elu,      (relu: output 0 for every row; elu,
 *   selu, softplus, gelu, swish, softplus, gelu, swish: far on the negative
 *   linear)                      side; leaky_relu and linear never); never
 *                                saturated (unbounded above)
 * The activations are those of each batch's forward pass, before its update
 * (the pass whose gradient is measured). */
#ifndef MLP_DIAG_H
#define MLP_DIAG_H

#include <stdio.h>

#include "atomic.h"
#include "dataset.h"
#include "mlp.h"

/* |f'(z)| below this is a flat (dead or saturated) row */
#define DIAG_FLAT 1e-3
/* workspace of the extra forward pass of diag_output_constant */
#define DIAG_WS_BYTES (1 << 24)

typedef struct {
    const mlp *m;       /* not owned */
    atomic_file *af;    /* the CSV, owned until diag_close */
    size_t total_units; /* sum of width[1..n_layers] */
    size_t *unit_off;   /* n_layers + 1: first unit of layer l in the arrays below */
    size_t *low, *high; /* per unit: flat rows with z <= 0, with z > 0, this epoch */
    double *act_sum;    /* per layer (n_layers + 1): sum of activations this epoch */
    double *grad_sum;   /* per layer: sum of batch gradient norms this epoch */
    size_t rows, batches;
} diag;

/* Open PATH ("-" is stdout) and write the header; NULL with err set. */
diag *diag_open(const char *path, const mlp *m, char *err);
/* Accumulate one batch (a train_hooks on_batch). */
void diag_batch(const mlp *m, const mlp_ws *ws, size_t B, void *vdiag);
/* Write the epoch's rows and reset the counters (call from on_epoch). */
int diag_epoch(diag *d, size_t epoch, char *err);
/* Rename the file into place and free d (also on error); with a
 * partial_reason (a stopped run), the last line is "# partial: REASON". */
int diag_close(diag *d, const char *partial_reason, char *err);
/* Drop the file and free d.  Accepts NULL. */
void diag_abort(diag *d);

/* 1 when the network's output (the logit) is the same for every row of ds:
 * such a network is dead at initialization, no gradient reaches its hidden
 * layers.  "The same" is max - min <= 1e-12 * max(1, max |logit|), so that a
 * saturated tanh stack whose logits differ by rounding counts too.  -1 when
 * out of memory or ds is empty. */
int diag_output_constant(const mlp *m, const dataset *ds, double *logit);
/* The same test on the B logits of a batch's forward pass (ws after
 * mlp_forward): a free first filter, so that the full pass above runs only
 * when the first batch already looks dead. */
int diag_batch_constant(const mlp *m, const mlp_ws *ws, size_t B);

#endif
