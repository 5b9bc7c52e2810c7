/* The dataset type: n rows of d features and a 0/1 label; CSV read/write.
 *
 * CSV format (same as ../shared/fixtures): a header line "x1,x2,...,y",
 * then one row per sample, every double in shortest round-trip form. */
#ifndef MLP_DATASET_H
#define MLP_DATASET_H

#include <stddef.h>
#include <stdio.h>

typedef struct {
    size_t n;   /* rows */
    size_t d;   /* features per row */
    double *x;  /* n*d, row-major, owned */
    double *y;  /* n labels, each 0.0 or 1.0, owned */
} dataset;

/* Allocate an n x d dataset (zeroed). NULL on failure or overflow. n may be 0. */
dataset *dataset_alloc(size_t n, size_t d);
void dataset_free(dataset *ds); /* accepts NULL */

/* A view of rows [first, first+count) copied into a new dataset. */
dataset *dataset_slice(const dataset *ds, size_t first, size_t count);

#endif
