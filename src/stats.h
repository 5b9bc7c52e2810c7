/* Statistics for comparing configurations over many seeds: a summary of
 * one sample (mean, sd, t confidence interval, median, range) and two
 * two-sided tests of "the two samples come from the same distribution":
 * Welch's unequal-variance t-test and the Mann-Whitney U test (normal
 * approximation with tie and continuity corrections, as scipy's
 * mannwhitneyu(..., method="asymptotic") computes it).
 *
 * All functions take plain arrays and allocate nothing the caller sees.
 * Values that are undefined for a sample (sd of one value, a test with an
 * empty side) are NAN, never an error. */
#ifndef MLP_STATS_H
#define MLP_STATS_H

#include <stddef.h>

typedef struct {
    size_t n;
    double mean;
    double sd;           /* sample standard deviation (n - 1); NAN when n < 2 */
    double ci_lo, ci_hi; /* two-sided t interval for the mean at `level`; NAN when n < 2 */
    double median, min, max; /* NAN when n == 0 */
} stats_summary;

/* Summarize x[0..n-1] (not modified).  level: confidence, 0 < level < 1
 * (0.95 for a 95% interval).  Returns MLP_OK, or MLP_ENOMEM for the sorted
 * copy the median needs. */
int stats_summarize(const double *x, size_t n, double level, stats_summary *out);

typedef struct {
    double diff; /* mean(a) - mean(b) */
    double t;    /* diff / sqrt(va/na + vb/nb) */
    double df;   /* Welch-Satterthwaite degrees of freedom */
    double p;    /* two-sided: 2 * P(T_df > |t|) */
} stats_welch;

/* Welch's t-test.  NAN fields when na < 2 or nb < 2.  When both variances
 * are zero the test degenerates: p = 1 for equal means, 0 otherwise (t is
 * then 0 or +-inf and df NAN). */
void stats_welch_test(const double *a, size_t na, const double *b, size_t nb, stats_welch *out);

typedef struct {
    double u;  /* U of sample a: pairs (a_i, b_j) with a_i > b_j, ties counting 1/2 */
    double z;  /* (max(U, na*nb - U) - na*nb/2 - 0.5) / sigma, sigma tie-corrected */
    double p;  /* two-sided, at most 1 */
} stats_mwu;

/* Mann-Whitney U test.  NAN fields when a side is empty; p = 1 when every
 * value is tied (sigma = 0).  Returns MLP_OK or MLP_ENOMEM. */
int stats_mann_whitney(const double *a, size_t na, const double *b, size_t nb, stats_mwu *out);

typedef struct {
    size_t n;      /* non-zero differences (zeros are dropped, scipy's "wilcox" rule) */
    double w;      /* min(R+, R-): rank sums of the positive / negative differences */
    double z;      /* (w - n(n+1)/4) / sigma, sigma tie-corrected; <= 0 */
    double p;      /* two-sided, normal approximation without continuity correction */
} stats_wilcoxon;

/* Wilcoxon signed-rank test of paired differences d[0..n-1] (a_i - b_i for
 * the same seed), as scipy.stats.wilcoxon(d, zero_method="wilcox",
 * correction=False, method="approx").  p = 1 when no difference is
 * non-zero.  Returns MLP_OK or MLP_ENOMEM. */
int stats_wilcoxon_signed_rank(const double *d, size_t n, stats_wilcoxon *out);

#endif
