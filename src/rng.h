/* numpy-compatible random draws (legacy RandomState stream) over one
 * gsl_rng of type gsl_rng_mt19937.  See ../shared/SEMANTICS.md section 1.
 *
 * GSL's own helpers (gsl_rng_uniform, gsl_ran_gaussian, gsl_ran_shuffle)
 * are NOT numpy's streams; everything here is built on np_rng_next32, which
 * gives gsl_rng_get's words (tests/test_circles.c) but refills GSL's state
 * itself, keeping the block tempered in `out`: draw only through np_rng, as
 * gsl_rng_get on r would move the state without `out`. */
#ifndef MLP_RNG_H
#define MLP_RNG_H

#include <gsl/gsl_rng.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    gsl_rng *r;        /* owned */
    void *state;       /* gsl_rng_state(r), kept for np_rng_next32 */
    uint32_t out[624]; /* the state's current block of words, tempered */
    int has_gauss;     /* numpy's cached second polar value */
    double gauss;
} np_rng;

/* Allocate a generator seeded as numpy's RandomState(seed), seed 0
 * included (GSL alone would substitute 4357). NULL on allocation failure. */
np_rng *np_rng_alloc(uint32_t seed);
void np_rng_free(np_rng *g); /* accepts NULL */

uint32_t np_rng_next32(np_rng *g);
double np_rng_double(np_rng *g);             /* [0, 1), 53 bits */
uint32_t np_rng_interval(np_rng *g, uint32_t max); /* [0, max] */
double np_rng_gauss(np_rng *g);              /* N(0,1), polar method */
double np_rng_uniform(np_rng *g, double lo, double hi); /* lo + (hi-lo)*double */
/* numpy RandomState.shuffle of idx[0..n-1] (Fisher-Yates from the top). */
void np_rng_shuffle(np_rng *g, size_t *idx, size_t n);

#endif
