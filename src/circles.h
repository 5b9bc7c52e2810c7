/* scikit-learn's make_circles and MinMaxScaler, bit for bit.
 * See ../shared/SEMANTICS.md section 1. */
#ifndef MLP_CIRCLES_H
#define MLP_CIRCLES_H

#include <stdint.h>

#include "dataset.h"

/* Largest n_samples accepted (numpy's interval draw is 32-bit here). */
#define CIRCLES_MAX_SAMPLES 100000000UL

/* make_circles(n_samples=n, noise, random_state=seed, factor): a new n x 2
 * dataset in *out (caller frees).  Requires n >= 1, noise >= 0 and finite,
 * 0 <= factor < 1. Returns MLP_OK, MLP_EINVAL (message in err) or MLP_ENOMEM. */
int circles_make(unsigned long n, double noise, double factor, uint32_t seed,
                 dataset **out, char *err);

/* Fitted MinMaxScaler parameters, per column: x' = x * scale + shift. */
typedef struct {
    size_t d;
    double scale[2];
    double shift[2];
    double min[2], max[2];
} minmax;

/* Fit MinMaxScaler(feature_range=(lo, hi)) on all rows of ds (d <= 2). */
int minmax_fit(const dataset *ds, double lo, double hi, minmax *mm, char *err);
/* Apply in place. */
void minmax_apply(const minmax *mm, dataset *ds);

#endif
