#include "diag.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "act.h"
#include "fmt.h"
#include "status.h"

/* How an activation's flat rows are counted: see diag.h. */
enum { KIND_ONE_SIDED, KIND_RELU6, KIND_BOUNDED };

static int act_kind(const act_def *a)
{
    if (a == NULL) /* the output sigmoid */
        return KIND_BOUNDED;
    switch (a->id) {
    case ACT_RELU6:
        return KIND_RELU6;
    case ACT_TANH: case ACT_SIGMOID: case ACT_SOFTSIGN: case ACT_HARD_SIGMOID:
        return KIND_BOUNDED;
    default:
        return KIND_ONE_SIDED;
    }
}

void diag_abort(diag *d)
{
    if (d == NULL)
        return;
    atomic_abort(d->af);
    free(d->unit_off);
    free(d->low);
    free(d->high);
    free(d->act_sum);
    free(d->grad_sum);
    free(d);
}

static void reset(diag *d)
{
    size_t L = d->m->n_layers;
    memset(d->low, 0, d->total_units * sizeof *d->low);
    memset(d->high, 0, d->total_units * sizeof *d->high);
    memset(d->act_sum, 0, (L + 1) * sizeof *d->act_sum);
    memset(d->grad_sum, 0, (L + 1) * sizeof *d->grad_sum);
    d->rows = d->batches = 0;
}

diag *diag_open(const char *path, const mlp *m, char *err)
{
    diag *d = calloc(1, sizeof *d);
    if (d == NULL) {
        mlp_seterr(err, "%s: out of memory", path);
        return NULL;
    }
    size_t L = m->n_layers;
    d->m = m;
    d->unit_off = calloc(L + 1, sizeof *d->unit_off);
    for (size_t l = 1; d->unit_off && l <= L; l++) {
        d->unit_off[l] = d->total_units;
        d->total_units += m->width[l];
    }
    d->low = calloc(d->total_units, sizeof *d->low);
    d->high = calloc(d->total_units, sizeof *d->high);
    d->act_sum = calloc(L + 1, sizeof *d->act_sum);
    d->grad_sum = calloc(L + 1, sizeof *d->grad_sum);
    if (!d->unit_off || !d->low || !d->high || !d->act_sum || !d->grad_sum) {
        diag_abort(d);
        mlp_seterr(err, "%s: out of memory", path);
        return NULL;
    }
    if ((d->af = atomic_open(path, err)) == NULL) {
        diag_abort(d);
        return NULL;
    }
    fputs("epoch,layer,grad_norm,weight_norm,dead_frac,saturated_frac,mean_act\n", d->af->f);
    return d;
}

static double norm2(const double *v, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += v[i] * v[i];
    return sqrt(s);
}

void diag_batch(const mlp *m, const mlp_ws *ws, size_t B, void *vdiag)
{
    diag *d = vdiag;
    size_t L = m->n_layers;
    for (size_t l = 1; l <= L; l++) {
        size_t n = m->width[l];
        d->grad_sum[l] += norm2(mlp_W(m, m->grads, l), m->width[l - 1] * n);
        const act_def *a = m->act[l];
        size_t *low = d->low + d->unit_off[l], *high = d->high + d->unit_off[l];
        double s = 0;
        for (size_t i = 0; i < B; i++)
            for (size_t j = 0; j < n; j++) {
                double z = mlp_ws_z(ws, l, i, j);
                double f = a ? mlp_ws_a(ws, l, i, j) : act_sigmoid(z);
                double df = a ? a->df(z) : f * (1.0 - f);
                s += f;
                if (fabs(df) < DIAG_FLAT) {
                    if (z > 0)
                        high[j]++;
                    else
                        low[j]++;
                }
            }
        d->act_sum[l] += s;
    }
    d->rows += B;
    d->batches++;
}

int diag_epoch(diag *d, size_t epoch, char *err)
{
    const mlp *m = d->m;
    FILE *f = d->af->f;
    for (size_t l = 1; l <= m->n_layers; l++) {
        size_t n = m->width[l], dead = 0, sat = 0;
        int kind = act_kind(m->act[l]);
        const size_t *low = d->low + d->unit_off[l], *high = d->high + d->unit_off[l];
        for (size_t j = 0; d->rows > 0 && j < n; j++) {
            if (kind == KIND_BOUNDED) {
                sat += low[j] + high[j] == d->rows;
            } else {
                dead += low[j] == d->rows;
                sat += kind == KIND_RELU6 && high[j] == d->rows;
            }
        }
        char g[FMT_DOUBLE_LEN], w[FMT_DOUBLE_LEN], df[FMT_DOUBLE_LEN], sf[FMT_DOUBLE_LEN],
            a[FMT_DOUBLE_LEN];
        double gn = d->batches ? d->grad_sum[l] / (double)d->batches : NAN;
        double mean = d->rows ? d->act_sum[l] / ((double)d->rows * (double)n) : NAN;
        fprintf(f, "%zu,%zu,%s,%s,%s,%s,%s\n", epoch, l, fmt_double(g, gn),
                fmt_double(w, norm2(mlp_W(m, m->params, l), m->width[l - 1] * n)),
                fmt_double(df, (double)dead / (double)n), fmt_double(sf, (double)sat / (double)n),
                fmt_double(a, mean));
    }
    int e = fflush(f) != 0 ? errno : 0;
    reset(d);
    if (ferror(f)) {
        atomic_write_error(d->af, e, err);
        return MLP_EIO;
    }
    return MLP_OK;
}

int diag_close(diag *d, const char *partial_reason, char *err)
{
    /* as the history: a stopped run's file says so in its last line */
    if (partial_reason != NULL)
        fprintf(d->af->f, "# partial: %s\n", partial_reason);
    int st = atomic_commit(d->af, err);
    d->af = NULL;
    diag_abort(d);
    return st;
}

/* the logits in [lo, hi] count as one value */
static int same(double lo, double hi)
{
    double big = fmax(1.0, fmax(fabs(lo), fabs(hi)));
    return hi - lo <= 1e-12 * big;
}

int diag_batch_constant(const mlp *m, const mlp_ws *ws, size_t B)
{
    const double *z = ws->z[m->n_layers];
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < B; i++) {
        lo = z[i] < lo ? z[i] : lo;
        hi = z[i] > hi ? z[i] : hi;
    }
    return B > 0 && same(lo, hi);
}

int diag_output_constant(const mlp *m, const dataset *ds, double *logit)
{
    if (ds->n == 0)
        return -1;
    mlp_ws *ws = mlp_ws_alloc(m, mlp_ws_rows(m, ds->n, 256, DIAG_WS_BYTES));
    if (ws == NULL)
        return -1;
    double lo = INFINITY, hi = -INFINITY;
    for (size_t first = 0; first < ds->n; first += ws->max_batch) {
        size_t B = ds->n - first < ws->max_batch ? ds->n - first : ws->max_batch;
        const double *z = mlp_forward(m, ws, ds->x + first * ds->d, B);
        for (size_t i = 0; i < B; i++) {
            lo = z[i] < lo ? z[i] : lo;
            hi = z[i] > hi ? z[i] : hi;
        }
    }
    mlp_ws_free(ws);
    if (logit)
        *logit = lo;
    return same(lo, hi);
}
