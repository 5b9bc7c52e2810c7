#include "dataset.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

dataset *dataset_alloc(size_t n, size_t d)
{
    if (d != 0 && n > SIZE_MAX / sizeof(double) / d)
        return NULL;
    dataset *ds = calloc(1, sizeof *ds);
    if (ds == NULL)
        return NULL;
    ds->n = n;
    ds->d = d;
    /* +1 so that n == 0 still gives distinct, freeable pointers */
    ds->x = calloc(n * d + 1, sizeof(double));
    ds->y = calloc(n + 1, sizeof(double));
    if (ds->x == NULL || ds->y == NULL) {
        dataset_free(ds);
        return NULL;
    }
    return ds;
}

void dataset_free(dataset *ds)
{
    if (ds == NULL)
        return;
    free(ds->x);
    free(ds->y);
    free(ds);
}

dataset *dataset_slice(const dataset *ds, size_t first, size_t count)
{
    if (first > ds->n || count > ds->n - first)
        return NULL;
    dataset *s = dataset_alloc(count, ds->d);
    if (s == NULL)
        return NULL;
    if (count > 0) {
        memcpy(s->x, ds->x + first * ds->d, count * ds->d * sizeof(double));
        memcpy(s->y, ds->y + first, count * sizeof(double));
    }
    return s;
}
