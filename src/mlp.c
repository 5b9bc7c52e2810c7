#include "mlp.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kern.h"
#include "status.h"

void mlp_free(mlp *m)
{
    if (m == NULL)
        return;
    free(m->width);
    free(m->act);
    free(m->w_off);
    free(m->b_off);
    free(m->params);
    free(m->grads);
    free(m->vel);
    free(m);
}

int mlp_check_size(size_t n_in, const size_t *hidden, size_t n_hidden, size_t *n_params,
                   char *err)
{
    if (n_hidden > MLP_MAX_LAYERS) {
        mlp_seterr(err, "%zu hidden layers is more than the limit of %d", n_hidden, MLP_MAX_LAYERS);
        return MLP_EINVAL;
    }
    if (n_in == 0) {
        mlp_seterr(err, "the network needs at least one input");
        return MLP_EINVAL;
    }
    for (size_t l = 0; l < n_hidden; l++)
        if (hidden[l] == 0) {
            mlp_seterr(err, "hidden layer %zu has width 0 (each needs at least 1 unit)", l + 1);
            return MLP_EINVAL;
        }
    /* count parameters before allocating anything: in size_t with overflow
     * checks, and in double to say how much an impossible network needs */
    size_t L = n_hidden + 1, total = 0, prev = n_in;
    double dtotal = 0;
    int overflow = 0;
    for (size_t l = 1; l <= L; l++) {
        size_t w = l < L ? hidden[l - 1] : 1;
        dtotal += ((double)prev + 1) * (double)w;
        if (overflow || prev + 1 < prev || prev + 1 > SIZE_MAX / w)
            overflow = 1;
        else if (total > SIZE_MAX - (prev + 1) * w)
            overflow = 1;
        else
            total += (prev + 1) * w;
        prev = w;
    }
    if (overflow || total > MLP_MAX_PARAMS) {
        mlp_seterr(err, "the network has %.0f parameters (%.0f GiB for weights, gradients "
                   "and velocities); the limit is %lu parameters",
                   dtotal, ceil(dtotal * 3 * sizeof(double) / 1073741824.0), MLP_MAX_PARAMS);
        return MLP_EINVAL;
    }
    *n_params = total;
    return MLP_OK;
}

int mlp_alloc(mlp **out, size_t n_in, const size_t *hidden, size_t n_hidden,
              const act_def *act, char *err)
{
    *out = NULL;
    size_t total, L = n_hidden + 1;
    int st = mlp_check_size(n_in, hidden, n_hidden, &total, err);
    if (st != MLP_OK)
        return st;
    mlp *m = calloc(1, sizeof *m);
    if (m == NULL)
        goto nomem;
    m->n_layers = L;
    m->n_params = total;
    m->width = calloc(L + 1, sizeof *m->width);
    m->act = calloc(L + 1, sizeof *m->act);
    m->w_off = calloc(L + 1, sizeof *m->w_off);
    m->b_off = calloc(L + 1, sizeof *m->b_off);
    m->params = calloc(total, sizeof(double));
    m->grads = calloc(total, sizeof(double));
    m->vel = calloc(total, sizeof(double));
    if (!m->width || !m->act || !m->w_off || !m->b_off || !m->params || !m->grads || !m->vel)
        goto nomem;
    m->width[0] = n_in;
    size_t off = 0;
    for (size_t l = 1; l <= L; l++) {
        m->width[l] = l < L ? hidden[l - 1] : 1;
        m->act[l] = l < L ? act : NULL;
        m->w_off[l] = off;
        off += m->width[l - 1] * m->width[l];
        m->b_off[l] = off;
        off += m->width[l];
    }
    *out = m;
    return MLP_OK;
nomem:
    mlp_free(m);
    mlp_seterr(err, "out of memory for a network of %zu parameters", total);
    return MLP_ENOMEM;
}

void mlp_init(mlp *m, const init_spec *hidden_init, const init_spec *out_init, np_rng *g)
{
    for (size_t l = 1; l <= m->n_layers; l++) {
        const init_spec *spec = l < m->n_layers ? hidden_init : out_init;
        init_fill(spec, g, mlp_W(m, m->params, l), m->width[l - 1], m->width[l]);
        memset(mlp_b(m, m->params, l), 0, m->width[l] * sizeof(double));
    }
    memset(m->vel, 0, m->n_params * sizeof(double));
    memset(m->grads, 0, m->n_params * sizeof(double));
}

static size_t round4(size_t n)
{
    return (n + 3) & ~(size_t)3;
}

mlp_ws *mlp_ws_alloc(const mlp *m, size_t max_batch)
{
    size_t L = m->n_layers, maxw = 0, sum = m->width[0];
    for (size_t l = 0; l <= L; l++) {
        if (m->width[l] > maxw)
            maxw = m->width[l];
        if (l > 0)
            sum += 2 * m->width[l];
    }
    mlp_ws *ws = calloc(1, sizeof *ws);
    if (ws == NULL)
        return NULL;
    size_t S = max_batch > SIZE_MAX - 3 ? 0 : round4(max_batch);
    ws->max_batch = max_batch;
    ws->stride = S;
    ws->z = calloc(L + 1, sizeof *ws->z);
    ws->a = calloc(L + 1, sizeof *ws->a);
    /* x, z, a: sum rows; d0, d1, dt: round4(maxw) rows each (the kernels
     * read deltas in 4-row tiles); xt: 4 rows */
    size_t rows = sum + 3 * round4(maxw) + 4;
    void *mem = NULL;
    if (S != 0 && S <= SIZE_MAX / sizeof(double) / rows &&
        posix_memalign(&mem, 64, S * rows * sizeof(double)) == 0) {
        /* zero once: the filler lanes of every row must be finite numbers */
        memset(mem, 0, S * rows * sizeof(double));
        ws->mem = mem;
    }
    if (!ws->z || !ws->a || !ws->mem) {
        mlp_ws_free(ws);
        return NULL;
    }
    double *p = ws->mem;
    ws->x = p;
    p += S * m->width[0];
    for (size_t l = 1; l <= L; l++) {
        ws->z[l] = p;
        p += S * m->width[l];
        ws->a[l] = p;
        p += S * m->width[l];
    }
    ws->d0 = p;
    p += S * round4(maxw);
    ws->d1 = p;
    p += S * round4(maxw);
    ws->dt = p;
    p += S * round4(maxw);
    ws->xt = p;
    return ws;
}

double mlp_ws_bytes(const mlp *m, size_t max_batch)
{
    /* the rows mlp_ws_alloc lays out, each of round4(max_batch) doubles */
    size_t maxw = 0;
    double rows = (double)m->width[0];
    for (size_t l = 0; l <= m->n_layers; l++) {
        if (m->width[l] > maxw)
            maxw = m->width[l];
        if (l > 0)
            rows += 2.0 * (double)m->width[l];
    }
    rows += 3.0 * (double)round4(maxw) + 4;
    return (floor((double)max_batch / 4) * 4 + (max_batch % 4 ? 4 : 0)) * rows * sizeof(double);
}

size_t mlp_ws_rows(const mlp *m, size_t n, size_t max, size_t bytes)
{
    double per_row = mlp_ws_bytes(m, 4) / 4; /* the layout rounds rows up to 4 */
    double fit = (double)bytes / per_row;
    size_t rows = fit < (double)max ? (size_t)fit : max;
    rows = rows < n ? rows : n;
    return rows > 0 ? rows : 1;
}

void mlp_ws_free(mlp_ws *ws)
{
    if (ws == NULL)
        return;
    free(ws->z);
    free(ws->a);
    free(ws->mem);
    free(ws);
}

const double *mlp_forward(const mlp *m, mlp_ws *ws, const double *x, size_t B)
{
    size_t S = ws->stride, d = m->width[0];
    for (size_t p = 0; p < d; p++) {
        double *row = ws->x + p * S;
        for (size_t i = 0; i < B; i++)
            row[i] = x[i * d + p];
        for (size_t i = B; i < round4(B); i++)
            row[i] = 0;
    }
    kern_forward(m, ws, B);
    return ws->z[m->n_layers];
}

const double *mlp_forward_rows(const mlp *m, mlp_ws *ws, const double *x, const size_t *idx,
                               size_t B)
{
    size_t S = ws->stride, d = m->width[0];
    for (size_t p = 0; p < d; p++) {
        double *row = ws->x + p * S;
        for (size_t i = 0; i < B; i++)
            row[i] = x[idx[i] * d + p];
        for (size_t i = B; i < round4(B); i++)
            row[i] = 0;
    }
    kern_forward(m, ws, B);
    return ws->z[m->n_layers];
}

void mlp_backward(mlp *m, mlp_ws *ws, const double *x, const double *dlogit, size_t B)
{
    (void)x; /* mlp_forward kept its own copy in ws->x */
    memcpy(ws->d0, dlogit, B * sizeof(double));
    for (size_t i = B; i < round4(B); i++)
        ws->d0[i] = 0;
    kern_backward(m, ws, B);
}
