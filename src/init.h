/* Weight initializers, with the Keras definitions (VarianceScaling and
 * friends).  All draws come from one np_rng, in row-major order of the
 * kernel (fan_in x fan_out). */
#ifndef MLP_INIT_H
#define MLP_INIT_H

#include <stddef.h>

#include "rng.h"

typedef enum {
    INIT_HE_UNIFORM, INIT_HE_NORMAL, INIT_GLOROT_UNIFORM, INIT_GLOROT_NORMAL,
    INIT_LECUN_UNIFORM, INIT_LECUN_NORMAL, INIT_UNIFORM, INIT_NORMAL, INIT_ZEROS,
    INIT_ONES
} init_kind;

typedef struct {
    init_kind kind;
    double a, b;   /* uniform:A:B bounds, or normal:MEAN:SD */
} init_spec;

/* Parse "he_uniform", "uniform:A:B", "normal:MEAN:SD", ...  On error returns
 * MLP_EINVAL and writes a reason (without the option name or the valid
 * names: a caller adds init_names()) into err. */
int init_parse(const char *s, init_spec *out, char *err);
/* Canonical text of spec (parses back to the same spec). */
void init_format(const init_spec *spec, char *buf, size_t len);
/* Names for messages. */
const char *init_names(void);

/* Fill w[fan_in * fan_out] according to spec. */
void init_fill(const init_spec *spec, np_rng *g, double *w, size_t fan_in, size_t fan_out);

#endif
