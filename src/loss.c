#include "loss.h"

#include <math.h>
#include <string.h>

#include "act.h"
#include "vec.h"

double bce_logit_loss(double z, double y)
{
    return (z > 0 ? z : 0.0) - z * y + vec_log1p_unit(exp(-fabs(z)));
}

double bce_logit_grad(double z, double y)
{
    return act_sigmoid(z) - y;
}

/* Rows in chunks of CHUNK: exp(-|z|) row by row (libm's, as act_sigmoid),
 * then the sigmoid, the gradient, the metrics and log1p four rows at a time
 * (the same operations on each row as the scalar functions, so the same
 * bits), then the sum in row order. */
#define CHUNK 64

VEC_INLINE v4d rows4(const double *z, const double *y, const double *e, double *dz, double div,
                     v4l *ok, v4l *pos)
{
    v4d zv = v4_load(z), yv = v4_load(y), ev = v4_load(e), zero = v4_set1(0.0);
    v4d s = v4_select(zv >= 0.0, v4_set1(1.0), ev) / (1.0 + ev);
    v4l pred = s > 0.5;
    *ok -= pred == (yv > 0.5); /* true lanes are -1 */
    *pos -= pred;
    if (dz != NULL)
        v4_store(dz, (s - yv) / div);
    return v4_select(zv > 0.0, zv, zero) - zv * yv + v4_log1p_unit(ev);
}

SIMD_CLONES
double bce_logit_rows(const double *z, const double *y, size_t n, double sum, double *dz,
                      double div, size_t *correct, size_t *n_pos)
{
    double e[CHUNK], l[CHUNK], zt[4] = {0}, yt[4] = {0}, et[4] = {1, 1, 1, 1}, dt[4];
    v4l ok = {0, 0, 0, 0}, pos = {0, 0, 0, 0}, none = {0, 0, 0, 0};
    for (size_t first = 0; first < n; first += CHUNK) {
        size_t m = n - first < CHUNK ? n - first : CHUNK, i = 0;
        const double *zc = z + first, *yc = y + first;
        double *dc = dz != NULL ? dz + first : NULL;
        for (i = 0; i < m; i++)
            e[i] = exp(-fabs(zc[i]));
        for (i = 0; i + 4 <= m; i += 4)
            v4_store(l + i, rows4(zc + i, yc + i, e + i, dc != NULL ? dc + i : NULL, div, &ok,
                                  &pos));
        if (i < m) { /* the last 1-3 rows, through a zero-padded copy */
            size_t t = m - i;
            memcpy(zt, zc + i, t * sizeof *zt);
            memcpy(yt, yc + i, t * sizeof *yt);
            memcpy(et, e + i, t * sizeof *et);
            v4l ok_t = none, pos_t = none;
            v4d lt = rows4(zt, yt, et, dc != NULL ? dt : NULL, div, &ok_t, &pos_t);
            for (size_t q = 0; q < t; q++) {
                l[i + q] = lt[q];
                ok[q] += ok_t[q];
                pos[q] += pos_t[q];
                if (dc != NULL)
                    dc[i + q] = dt[q];
            }
        }
        for (i = 0; i < m; i++)
            sum += l[i];
    }
    *correct += (size_t)(ok[0] + ok[1] + ok[2] + ok[3]);
    if (n_pos != NULL)
        *n_pos += (size_t)(pos[0] + pos[1] + pos[2] + pos[3]);
    return sum;
}
