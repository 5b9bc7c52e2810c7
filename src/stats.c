#include "stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "status.h"

int stats_summarize(const double *x, size_t n, double level, stats_summary *out)
{
    out->n = n;
    out->mean = out->sd = out->ci_lo = out->ci_hi = NAN;
    out->median = out->min = out->max = NAN;
    if (n == 0)
        return MLP_OK;
    double *s = malloc(n * sizeof *s);
    if (s == NULL)
        return MLP_ENOMEM;
    memcpy(s, x, n * sizeof *s);
    gsl_sort(s, 1, n);
    out->mean = gsl_stats_mean(x, 1, n);
    out->median = gsl_stats_median_from_sorted_data(s, 1, n);
    out->min = s[0];
    out->max = s[n - 1];
    free(s);
    if (n >= 2) {
        out->sd = gsl_stats_sd_m(x, 1, n, out->mean);
        double t = gsl_cdf_tdist_Pinv(0.5 + level / 2, (double)(n - 1));
        double half = t * out->sd / sqrt((double)n);
        out->ci_lo = out->mean - half;
        out->ci_hi = out->mean + half;
    }
    return MLP_OK;
}

void stats_welch_test(const double *a, size_t na, const double *b, size_t nb, stats_welch *out)
{
    out->diff = out->t = out->df = out->p = NAN;
    if (na < 2 || nb < 2)
        return;
    double ma = gsl_stats_mean(a, 1, na), mb = gsl_stats_mean(b, 1, nb);
    double qa = gsl_stats_variance_m(a, 1, na, ma) / (double)na;
    double qb = gsl_stats_variance_m(b, 1, nb, mb) / (double)nb;
    out->diff = ma - mb;
    if (qa + qb == 0) {
        out->t = out->diff == 0 ? 0 : copysign(INFINITY, out->diff);
        out->p = out->diff == 0 ? 1 : 0;
        return;
    }
    out->t = out->diff / sqrt(qa + qb);
    out->df = (qa + qb) * (qa + qb) /
              (qa * qa / (double)(na - 1) + qb * qb / (double)(nb - 1));
    out->p = 2 * gsl_cdf_tdist_Q(fabs(out->t), out->df);
}

typedef struct {
    double v;
    int from_a;
} tagged;

static int cmp_tagged(const void *x, const void *y)
{
    double a = ((const tagged *)x)->v, b = ((const tagged *)y)->v;
    return (a > b) - (a < b);
}

int stats_mann_whitney(const double *a, size_t na, const double *b, size_t nb, stats_mwu *out)
{
    out->u = out->z = out->p = NAN;
    if (na == 0 || nb == 0)
        return MLP_OK;
    size_t n = na + nb;
    tagged *all = malloc(n * sizeof *all);
    if (all == NULL)
        return MLP_ENOMEM;
    for (size_t i = 0; i < na; i++)
        all[i] = (tagged){a[i], 1};
    for (size_t i = 0; i < nb; i++)
        all[na + i] = (tagged){b[i], 0};
    qsort(all, n, sizeof *all, cmp_tagged);
    /* midranks for ties; sum (t^3 - t) over tie groups for the variance */
    double rank_sum_a = 0, ties = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && all[j].v == all[i].v)
            j++;
        double mid = (double)(i + 1 + j) / 2, t = (double)(j - i);
        for (size_t k = i; k < j; k++)
            if (all[k].from_a)
                rank_sum_a += mid;
        ties += t * t * t - t;
        i = j;
    }
    free(all);
    double dn = (double)n, prod = (double)na * (double)nb;
    out->u = rank_sum_a - (double)na * ((double)na + 1) / 2;
    double mu = prod / 2;
    double var = prod / 12 * ((dn + 1) - ties / (dn * (dn - 1)));
    if (!(var > 0)) {
        out->z = 0;
        out->p = 1;
        return MLP_OK;
    }
    double big = out->u > prod - out->u ? out->u : prod - out->u;
    out->z = (big - mu - 0.5) / sqrt(var);
    out->p = 2 * gsl_cdf_ugaussian_Q(out->z);
    if (out->p > 1)
        out->p = 1;
    return MLP_OK;
}

static int cmp_abs(const void *x, const void *y)
{
    double a = fabs(*(const double *)x), b = fabs(*(const double *)y);
    return (a > b) - (a < b);
}

int stats_wilcoxon_signed_rank(const double *d, size_t n, stats_wilcoxon *out)
{
    out->n = 0;
    out->w = out->z = 0;
    out->p = 1;
    double *nz = malloc((n + 1) * sizeof *nz);
    if (nz == NULL)
        return MLP_ENOMEM;
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (d[i] != 0)
            nz[m++] = d[i];
    out->n = m;
    if (m == 0) {
        free(nz);
        return MLP_OK;
    }
    qsort(nz, m, sizeof *nz, cmp_abs);
    double r_plus = 0, r_minus = 0, ties = 0;
    for (size_t i = 0; i < m;) {
        size_t j = i;
        while (j < m && fabs(nz[j]) == fabs(nz[i]))
            j++;
        double mid = (double)(i + 1 + j) / 2, t = (double)(j - i);
        for (size_t k = i; k < j; k++)
            *(nz[k] > 0 ? &r_plus : &r_minus) += mid;
        ties += t * t * t - t;
        i = j;
    }
    free(nz);
    double dm = (double)m;
    out->w = r_plus < r_minus ? r_plus : r_minus;
    double var = dm * (dm + 1) * (2 * dm + 1) / 24 - ties / 48;
    if (!(var > 0))
        return MLP_OK;
    out->z = (out->w - dm * (dm + 1) / 4) / sqrt(var);
    out->p = 2 * gsl_cdf_ugaussian_P(out->z);
    if (out->p > 1)
        out->p = 1;
    return MLP_OK;
}
