/* The fit loop, as Keras's model.fit does it (../shared/SEMANTICS.md §2):
 * a fresh shuffle of the training rows every epoch, batches of cfg->batch
 * with a smaller last batch, logit binary cross-entropy averaged over the
 * actual batch size, SGD with momentum, and Keras's history metrics. */
#ifndef MLP_TRAIN_H
#define MLP_TRAIN_H

#include <signal.h>
#include <stddef.h>

#include "dataset.h"
#include "mlp.h"
#include "rng.h"

typedef struct {
    size_t epochs;       /* >= 0 */
    size_t batch;        /* >= 1; a batch larger than the data is one batch */
    double lr, momentum; /* finite, >= 0 */
    int nesterov;
    /* when non-NULL and set (by a signal handler), stop after the current
     * batch; the epoch in progress is dropped and MLP_EINTR returned */
    volatile sig_atomic_t *stop;
} train_cfg;

/* One row of the Keras history. */
typedef struct {
    size_t epoch;           /* counted from 0 */
    double loss, accuracy;  /* means over the epoch's batches, each taken before its update */
    double val_loss, val_accuracy; /* after the epoch's last update; NAN without validation rows */
} epoch_log;

typedef struct {
    /* after every epoch; a non-zero return stops training with MLP_EIO
     * (the callback writes its own message into err) */
    int (*on_epoch)(const epoch_log *log, void *ctx, char *err);
    /* after every batch's backward pass, before its update: m->grads holds
     * the batch gradient, ws the batch's activations for the B rows */
    void (*on_batch)(const mlp *m, const mlp_ws *ws, size_t B, void *ctx);
    void *ctx;
} train_hooks;

typedef struct {
    double loss, accuracy;
    size_t n, n_pos;  /* rows evaluated, rows predicted as class 1 */
} eval_result;

/* Train m on `train`, evaluating `val` (may have 0 rows) after every epoch.
 * Weight-independent randomness (the shuffles) comes from g.
 * *epochs_done gets the number of complete epochs.  Returns MLP_OK,
 * MLP_ENOMEM, MLP_ENONFINITE (the loss became NaN or infinite: err says
 * where), MLP_EINTR (cfg->stop was set) or the hook's error. */
int train_fit(mlp *m, const dataset *train, const dataset *val, const train_cfg *cfg,
              np_rng *g, const train_hooks *hooks, size_t *epochs_done, char *err);

/* Loss and accuracy (p > 0.5 against the label) of m on ds, with workspace
 * ws (any max_batch >= 1). */
eval_result train_evaluate(const mlp *m, mlp_ws *ws, const dataset *ds);

#endif
