#include "rng.h"

#include <math.h>
#include <stdlib.h>

/* GSL's mt19937 state (gsl/rng/mt.c).  We write it ourselves so that seed 0
 * gives numpy's init_genrand(0) instead of GSL's substitute 4357. */
#define MT_N 624
typedef struct {
    unsigned long mt[MT_N];
    int mti;
} mt_state;

np_rng *np_rng_alloc(uint32_t seed)
{
    np_rng *g = calloc(1, sizeof *g);
    if (g == NULL)
        return NULL;
    g->r = gsl_rng_alloc(gsl_rng_mt19937);
    if (g->r == NULL || gsl_rng_size(g->r) != sizeof(mt_state)) {
        np_rng_free(g);
        return NULL;
    }
    mt_state *st = g->state = gsl_rng_state(g->r);
    st->mt[0] = seed;
    for (int i = 1; i < MT_N; i++)
        st->mt[i] = (1812433253UL * (st->mt[i - 1] ^ (st->mt[i - 1] >> 30)) + (unsigned long)i)
                    & 0xffffffffUL;
    st->mti = MT_N;
    return g;
}

void np_rng_free(np_rng *g)
{
    if (g == NULL)
        return;
    if (g->r != NULL)
        gsl_rng_free(g->r);
    free(g);
}

/* GSL's mt_get (gsl/rng/mt.c) on GSL's state: the same words in the same
 * order.  The refill picks the twist constant with a mask where GSL
 * branches on the low bit of random words (a mispredicted branch every
 * other word), and tempers the whole block at once into g->out, so that a
 * draw is one load (the shuffle takes 250,000 draws per run). */
#define MT_M 397

static void mt_refill(np_rng *g)
{
    mt_state *st = g->state;
    unsigned long *mt = st->mt;
    const unsigned long upper = 0x80000000UL, lower = 0x7fffffffUL;
#define MT_TWIST(a, b, c) ((c) ^ ((((a) & upper) | ((b) & lower)) >> 1) ^ \
                           (0x9908b0dfUL & (0UL - ((b) & 1UL))))
    int kk;
    for (kk = 0; kk < MT_N - MT_M; kk++)
        mt[kk] = MT_TWIST(mt[kk], mt[kk + 1], mt[kk + MT_M]);
    for (; kk < MT_N - 1; kk++)
        mt[kk] = MT_TWIST(mt[kk], mt[kk + 1], mt[kk + (MT_M - MT_N)]);
    mt[MT_N - 1] = MT_TWIST(mt[MT_N - 1], mt[0], mt[MT_M - 1]);
#undef MT_TWIST
    for (int i = 0; i < MT_N; i++) {
        unsigned long k = mt[i];
        k ^= k >> 11;
        k ^= (k << 7) & 0x9d2c5680UL;
        k ^= (k << 15) & 0xefc60000UL;
        k ^= k >> 18;
        g->out[i] = (uint32_t)k;
    }
    st->mti = 0;
}

static inline uint32_t mt_next(np_rng *g)
{
    mt_state *st = g->state;
    if (st->mti >= MT_N)
        mt_refill(g);
    return g->out[st->mti++];
}

uint32_t np_rng_next32(np_rng *g)
{
    return mt_next(g);
}

/* numpy legacy random_standard_uniform: 53 random bits, a drawn first. */
double np_rng_double(np_rng *g)
{
    uint32_t a = mt_next(g) >> 5;
    uint32_t b = mt_next(g) >> 6;
    return ((double)a * 67108864.0 + (double)b) / 9007199254740992.0;
}

/* numpy random_interval: rejection on the smallest covering bit mask. */
static inline uint32_t interval(np_rng *g, uint32_t max)
{
    if (max == 0)
        return 0;
    uint32_t mask = max;
    mask |= mask >> 1;
    mask |= mask >> 2;
    mask |= mask >> 4;
    mask |= mask >> 8;
    mask |= mask >> 16;
    uint32_t v;
    while ((v = (mt_next(g) & mask)) > max)
        ;
    return v;
}

uint32_t np_rng_interval(np_rng *g, uint32_t max)
{
    return interval(g, max);
}

/* numpy legacy_gauss: Marsaglia polar method, returns f*x2 and caches f*x1. */
double np_rng_gauss(np_rng *g)
{
    if (g->has_gauss) {
        g->has_gauss = 0;
        return g->gauss;
    }
    double x1, x2, r2;
    do {
        x1 = 2.0 * np_rng_double(g) - 1.0;
        x2 = 2.0 * np_rng_double(g) - 1.0;
        r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    double f = sqrt(-2.0 * log(r2) / r2);
    g->gauss = f * x1;
    g->has_gauss = 1;
    return f * x2;
}

double np_rng_uniform(np_rng *g, double lo, double hi)
{
    return lo + (hi - lo) * np_rng_double(g);
}

void np_rng_shuffle(np_rng *g, size_t *idx, size_t n)
{
    for (size_t i = n; i-- > 1;) {
        size_t j = interval(g, (uint32_t)i);
        size_t t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
    }
}
