/* What a trained model learned, as data for a picture: its probability on
 * a regular grid over the input square, and the data as the model sees it
 * (after scaling), for a decision-boundary plot (scripts/plot_boundary.sh). */
#ifndef MLP_GRID_H
#define MLP_GRID_H

#include <stddef.h>
#include <stdio.h>

#include "dataset.h"
#include "experiment.h"
#include "mlp.h"

/* Per-column minimum and maximum over the rows of a and b (2 columns):
 * the data's range as the model sees it; [-1,1]^2 for the article's
 * scaled data.  A column with no spread is widened by 1 on each side. */
void grid_bounds(const dataset *a, const dataset *b, double lo[2], double hi[2]);

/* Write "x1,x2,p" then size*size rows to f: x1 = lo[0] .. hi[0] in size
 * equal steps (outer loop), x2 = lo[1] .. hi[1] (inner loop, fastest),
 * p = sigmoid of m's logit at (x1, x2), shortest round-trip doubles.
 * m must have 2 inputs; size >= 2.  MLP_OK, MLP_EINVAL, MLP_ENOMEM, or
 * MLP_EIO (no message: the caller names the file). */
int grid_write(const mlp *m, const double lo[2], const double hi[2], size_t size, FILE *f,
               char *err);

/* --grid: grid_write to PATH, atomically, over range[0]..range[1] on both
 * axes (the MinMax feature range when the data was scaled), or over
 * grid_bounds(train, test) when range is NULL. */
int grid_write_file(const experiment *ex, const double *range, const char *path, size_t size,
                    char *err);

/* --dump-data: the training rows then the test rows, after scaling, as a
 * dataset CSV (x1,x2,y) at PATH, atomically. */
int grid_dump_data(const experiment *ex, const char *path, char *err);

#endif
