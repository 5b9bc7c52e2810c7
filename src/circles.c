#include "circles.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>

#include "rng.h"
#include "status.h"

int circles_make(unsigned long n, double noise, double factor, uint32_t seed,
                 dataset **out, char *err)
{
    *out = NULL;
    if (n < 1 || n > CIRCLES_MAX_SAMPLES) {
        mlp_seterr(err, "n_samples must be between 1 and %lu, got %lu", CIRCLES_MAX_SAMPLES, n);
        return MLP_EINVAL;
    }
    if (!(noise >= 0) || !isfinite(noise)) {
        mlp_seterr(err, "noise must be a finite number >= 0, got %g", noise);
        return MLP_EINVAL;
    }
    if (!(factor >= 0 && factor < 1)) {
        mlp_seterr(err, "factor must be >= 0 and < 1, got %g", factor);
        return MLP_EINVAL;
    }
    dataset *ds = dataset_alloc(n, 2);
    size_t *idx = malloc(n * sizeof *idx);
    np_rng *g = np_rng_alloc(seed);
    dataset *tmp = dataset_alloc(n, 2);
    if (ds == NULL || idx == NULL || g == NULL || tmp == NULL) {
        dataset_free(ds);
        dataset_free(tmp);
        free(idx);
        np_rng_free(g);
        mlp_seterr(err, "out of memory for %lu samples", n);
        return MLP_ENOMEM;
    }
    size_t n_out = n / 2, n_in = n - n_out;
    /* numpy linspace(0, 2*pi, m, endpoint=False) is arange(m) * (2*pi/m) */
    double step_out = 2.0 * M_PI / (double)n_out;
    double step_in = 2.0 * M_PI / (double)n_in;
    for (size_t i = 0; i < n_out; i++) {
        double t = (double)i * step_out;
        tmp->x[2 * i] = cos(t);
        tmp->x[2 * i + 1] = sin(t);
        tmp->y[i] = 0.0;
    }
    for (size_t i = 0; i < n_in; i++) {
        double t = (double)i * step_in;
        size_t r = n_out + i;
        tmp->x[2 * r] = cos(t) * factor;
        tmp->x[2 * r + 1] = sin(t) * factor;
        tmp->y[r] = 1.0;
    }
    for (size_t i = 0; i < n; i++)
        idx[i] = i;
    np_rng_shuffle(g, idx, n);
    for (size_t i = 0; i < n; i++) {
        ds->x[2 * i] = tmp->x[2 * idx[i]];
        ds->x[2 * i + 1] = tmp->x[2 * idx[i] + 1];
        ds->y[i] = tmp->y[idx[i]];
    }
    /* the draws happen even when noise == 0, as in numpy; numpy's normal()
     * is loc + scale * gauss with loc = 0.0, and that addition turns a
     * -0 product into +0 (so a -0 coordinate plus it is +0, as in numpy) */
    for (size_t i = 0; i < 2 * n; i++)
        ds->x[i] += 0.0 + noise * np_rng_gauss(g);
    dataset_free(tmp);
    free(idx);
    np_rng_free(g);
    *out = ds;
    return MLP_OK;
}

int minmax_fit(const dataset *ds, double lo, double hi, minmax *mm, char *err)
{
    if (!(lo < hi) || !isfinite(lo) || !isfinite(hi)) {
        mlp_seterr(err, "feature range must be finite with min < max, got (%g, %g)", lo, hi);
        return MLP_EINVAL;
    }
    if (ds->d > 2 || ds->n == 0) {
        mlp_seterr(err, "cannot fit a scaler on %zu rows of %zu columns", ds->n, ds->d);
        return MLP_EINVAL;
    }
    mm->d = ds->d;
    for (size_t c = 0; c < ds->d; c++) {
        double mn = ds->x[c], mx = ds->x[c];
        for (size_t i = 1; i < ds->n; i++) {
            double v = ds->x[i * ds->d + c];
            if (v < mn)
                mn = v;
            if (v > mx)
                mx = v;
        }
        double range = mx - mn;
        /* sklearn _handle_zeros_in_scale: a near-constant column scales by 1 */
        if (range < 10.0 * DBL_EPSILON)
            range = 1.0;
        mm->min[c] = mn;
        mm->max[c] = mx;
        mm->scale[c] = (hi - lo) / range;
        mm->shift[c] = lo - mn * mm->scale[c];
    }
    return MLP_OK;
}

void minmax_apply(const minmax *mm, dataset *ds)
{
    for (size_t i = 0; i < ds->n; i++)
        for (size_t c = 0; c < mm->d; c++) {
            /* two roundings, as numpy's X *= scale; X += min_ */
            double v = ds->x[i * ds->d + c] * mm->scale[c];
            ds->x[i * ds->d + c] = v + mm->shift[c];
        }
}
