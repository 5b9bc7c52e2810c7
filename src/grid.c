#include "grid.h"

#include <stdlib.h>
#include <string.h>

#include "act.h"
#include "atomic.h"
#include "fmt.h"
#include "status.h"

void grid_bounds(const dataset *a, const dataset *b, double lo[2], double hi[2])
{
    const dataset *ds[2] = {a, b};
    for (int c = 0; c < 2; c++) {
        lo[c] = 1.0 / 0.0;
        hi[c] = -1.0 / 0.0;
        for (int k = 0; k < 2; k++)
            for (size_t i = 0; i < ds[k]->n; i++) {
                double v = ds[k]->x[i * ds[k]->d + (size_t)c];
                lo[c] = v < lo[c] ? v : lo[c];
                hi[c] = v > hi[c] ? v : hi[c];
            }
        if (!(lo[c] < hi[c])) {
            double mid = lo[c] <= hi[c] ? lo[c] : 0;
            lo[c] = mid - 1;
            hi[c] = mid + 1;
        }
    }
}

/* Point i of n equal steps from lo to hi, both ends exact. */
static double step(double lo, double hi, size_t i, size_t n)
{
    return i == n - 1 ? hi : lo + (hi - lo) * (double)i / (double)(n - 1);
}

int grid_write(const mlp *m, const double lo[2], const double hi[2], size_t size, FILE *f,
               char *err)
{
    if (m->width[0] != 2 || size < 2) {
        mlp_seterr(err, "a grid needs a model with 2 inputs and at least 2 points per axis");
        return MLP_EINVAL;
    }
    mlp_ws *ws = mlp_ws_alloc(m, size);
    double *x = malloc(2 * size * sizeof *x);
    if (ws == NULL || x == NULL) {
        mlp_ws_free(ws);
        free(x);
        mlp_seterr(err, "out of memory for the grid");
        return MLP_ENOMEM;
    }
    fputs("x1,x2,p\n", f);
    char a[FMT_DOUBLE_LEN], b[FMT_DOUBLE_LEN], c[FMT_DOUBLE_LEN];
    /* one forward pass per column of the grid */
    for (size_t i = 0; i < size; i++) {
        double x1 = step(lo[0], hi[0], i, size);
        for (size_t j = 0; j < size; j++) {
            x[2 * j] = x1;
            x[2 * j + 1] = step(lo[1], hi[1], j, size);
        }
        const double *z = mlp_forward(m, ws, x, size);
        fmt_double(a, x1);
        for (size_t j = 0; j < size; j++)
            fprintf(f, "%s,%s,%s\n", a, fmt_double(b, x[2 * j + 1]), fmt_double(c, act_sigmoid(z[j])));
    }
    mlp_ws_free(ws);
    free(x);
    return ferror(f) ? MLP_EIO : MLP_OK;
}

int grid_write_file(const experiment *ex, const double *range, const char *path, size_t size,
                    char *err)
{
    double lo[2], hi[2];
    grid_bounds(ex->train, ex->test, lo, hi);
    if (range) {
        lo[0] = lo[1] = range[0];
        hi[0] = hi[1] = range[1];
    }
    atomic_file *af = atomic_open(path, err);
    if (af == NULL)
        return MLP_EIO;
    int st = grid_write(ex->model, lo, hi, size, af->f, err);
    if (st == MLP_EINVAL || st == MLP_ENOMEM) {
        atomic_abort(af);
        return st;
    }
    return atomic_commit(af, err); /* also reports a write error */
}

int grid_dump_data(const experiment *ex, const char *path, char *err)
{
    const dataset *tr = ex->train, *te = ex->test;
    dataset *all = dataset_alloc(tr->n + te->n, tr->d);
    if (all == NULL) {
        mlp_seterr(err, "%s: out of memory", path);
        return MLP_ENOMEM;
    }
    memcpy(all->x, tr->x, tr->n * tr->d * sizeof *all->x);
    memcpy(all->x + tr->n * tr->d, te->x, te->n * te->d * sizeof *all->x);
    memcpy(all->y, tr->y, tr->n * sizeof *all->y);
    memcpy(all->y + tr->n, te->y, te->n * sizeof *all->y);
    atomic_file *af = atomic_open(path, err);
    int st = af == NULL ? MLP_EIO : MLP_OK;
    if (af != NULL) {
        char werr[MLP_ERRLEN];
        if (dataset_write_csv(all, af->f, werr) != MLP_OK) {
            /* the write's own reason (ENOSPC, EFBIG), not the commit's EIO */
            atomic_fail_message(af, werr, err);
            atomic_abort(af);
            st = MLP_EIO;
        } else {
            st = atomic_commit(af, err);
        }
    }
    dataset_free(all);
    return st;
}
