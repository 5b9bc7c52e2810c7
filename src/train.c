#include "train.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "act.h"
#include "loss.h"
#include "sgd.h"
#include "status.h"

#define VAL_WS_BYTES (1u << 20)

eval_result train_evaluate(const mlp *m, mlp_ws *ws, const dataset *ds)
{
    eval_result r = {0, 0, ds->n, 0};
    double loss = 0;
    size_t correct = 0;
    for (size_t first = 0; first < ds->n; first += ws->max_batch) {
        size_t B = ds->n - first < ws->max_batch ? ds->n - first : ws->max_batch;
        const double *z = mlp_forward(m, ws, ds->x + first * ds->d, B);
        loss = bce_logit_rows(z, ds->y + first, B, loss, NULL, 1.0, &correct, &r.n_pos);
    }
    if (ds->n > 0) {
        r.loss = loss / (double)ds->n;
        r.accuracy = (double)correct / (double)ds->n;
    } else {
        r.loss = r.accuracy = NAN;
    }
    return r;
}

int train_fit(mlp *m, const dataset *train, const dataset *val, const train_cfg *cfg,
              np_rng *g, const train_hooks *hooks, size_t *epochs_done, char *err)
{
    *epochs_done = 0;
    size_t N = train->n;
    size_t maxB = cfg->batch < N ? cfg->batch : N;
    if (maxB == 0)
        maxB = 1;
    size_t n_batches = N == 0 ? 0 : (N + maxB - 1) / maxB;
    size_t *idx = malloc((N + 1) * sizeof *idx);
    double *yb = malloc((maxB + 1) * sizeof *yb);
    double *dz = malloc((maxB + 1) * sizeof *dz);
    mlp_ws *ws = mlp_ws_alloc(m, maxB);
    /* The validation rows in one pass where they fit in VAL_WS_BYTES (the
     * article's 100 rows: one pass instead of four, the last of 4 rows):
     * every row's arithmetic is the same in any batch, and the loss is
     * summed in row order, so the numbers are those of batches of maxB. */
    size_t val_rows = mlp_ws_rows(m, val->n, val->n, VAL_WS_BYTES);
    mlp_ws *vws = val_rows > maxB ? mlp_ws_alloc(m, val_rows) : NULL;
    int status = MLP_OK;
    if (!idx || !yb || !dz || !ws) {
        mlp_seterr(err, "out of memory for training buffers (a batch of %zu rows needs %.3g GiB "
                   "for the network's activations; try a smaller --batch)",
                   maxB, mlp_ws_bytes(m, maxB) / 1073741824.0);
        status = MLP_ENOMEM;
        goto done;
    }
    for (size_t epoch = 0; epoch < cfg->epochs; epoch++) {
        /* as Keras: a fresh permutation of the original order every epoch */
        for (size_t i = 0; i < N; i++)
            idx[i] = i;
        np_rng_shuffle(g, idx, N);
        double loss_sum = 0;
        size_t correct = 0;
        for (size_t bi = 0; bi < n_batches; bi++) {
            size_t first = bi * maxB;
            size_t B = N - first < maxB ? N - first : maxB;
            for (size_t i = 0; i < B; i++)
                yb[i] = train->y[idx[first + i]];
            const double *z = mlp_forward_rows(m, ws, train->x, idx + first, B);
            double batch_loss = bce_logit_rows(z, yb, B, 0.0, dz, (double)B, &correct, NULL);
            if (!isfinite(batch_loss)) {
                mlp_seterr(err, "the loss became %s in epoch %zu of %zu (batch %zu of %zu); "
                           "try a smaller --lr",
                           isnan(batch_loss) ? "NaN" : "infinite", epoch + 1, cfg->epochs,
                           bi + 1, n_batches);
                status = MLP_ENONFINITE;
                goto done;
            }
            loss_sum += batch_loss;
            mlp_backward(m, ws, NULL, dz, B);
            if (hooks && hooks->on_batch)
                hooks->on_batch(m, ws, B, hooks->ctx);
            sgd_step(m->params, m->vel, m->grads, m->n_params, cfg->lr, cfg->momentum,
                     cfg->nesterov);
            if (cfg->stop && *cfg->stop) {
                int sig = *cfg->stop;
                mlp_seterr(err, "interrupted by %s in epoch %zu of %zu",
                           sig == SIGINT    ? "SIGINT"
                           : sig == SIGTERM ? "SIGTERM"
                           : sig == SIGHUP  ? "SIGHUP"
                                            : "a signal",
                           epoch + 1, cfg->epochs);
                status = MLP_EINTR;
                goto done;
            }
        }
        /* the last update of an epoch can overflow a weight without any
         * loss of this epoch showing it: never report such an epoch */
        for (size_t i = 0; i < m->n_params; i++)
            if (!isfinite(m->params[i])) {
                mlp_seterr(err, "a weight became %s in epoch %zu of %zu; try a smaller --lr",
                           isnan(m->params[i]) ? "NaN" : "infinite", epoch + 1, cfg->epochs);
                status = MLP_ENONFINITE;
                goto done;
            }
        epoch_log log = {epoch, NAN, NAN, NAN, NAN};
        if (N > 0) {
            log.loss = loss_sum / (double)N;
            log.accuracy = (double)correct / (double)N;
        }
        if (val->n > 0) {
            /* without vws (not needed, or no memory for it) the training
             * workspace does the same in batches */
            eval_result v = train_evaluate(m, vws != NULL ? vws : ws, val);
            log.val_loss = v.loss;
            log.val_accuracy = v.accuracy;
        }
        *epochs_done = epoch + 1;
        if (hooks && hooks->on_epoch && hooks->on_epoch(&log, hooks->ctx, err) != 0) {
            status = MLP_EIO;
            goto done;
        }
    }
done:
    free(idx);
    free(yb);
    free(dz);
    mlp_ws_free(ws);
    mlp_ws_free(vws);
    return status;
}
