/* stats.c against known answers.  Reference values computed once with
 * Debian's python3-scipy 1.10.1 / numpy 1.24:
 *   m = x.mean(); s = x.std(ddof=1); h = scipy.stats.t.ppf(0.975, n-1)*s/sqrt(n)
 *   scipy.stats.ttest_ind(a, b, equal_var=False)
 *   scipy.stats.mannwhitneyu(a, b, alternative="two-sided", method="asymptotic")
 *   scipy.stats.wilcoxon(d, zero_method="wilcox", correction=False, method="approx")
 * (the commands are in README.md, "How the statistics are checked"). */
#include <math.h>

#include "check.h"
#include "stats.h"
#include "status.h"

/* test accuracies of six and five runs, with ties, as a sweep gives them */
static const double A[] = {0.79, 0.48, 0.83, 0.52, 0.76, 0.48};
static const double B[] = {0.48, 0.52, 0.48, 0.71, 0.5};

/* gsl_cdf_tdist_Pinv is accurate to about 1e-10 relative (scipy: 1e-15),
 * so the interval bounds are checked to 1e-9: far below the 3 decimals
 * printed. */
static void test_summary(void)
{
    stats_summary s;
    CHECK(stats_summarize(A, 6, 0.95, &s) == MLP_OK);
    CHECK(s.n == 6);
    CHECK_NEAR(s.mean, 0.6433333333333333, 1e-14);
    CHECK_NEAR(s.sd, 0.16645319662495722, 1e-14);
    CHECK_NEAR(s.ci_lo, 0.4686514163540011, 1e-9);
    CHECK_NEAR(s.ci_hi, 0.8180152503126655, 1e-9);
    CHECK_NEAR(s.median, 0.64, 1e-15); /* even n: mean of 0.52 and 0.76 */
    CHECK(s.min == 0.48 && s.max == 0.83);
    CHECK(A[0] == 0.79 && A[5] == 0.48); /* input left unsorted */

    CHECK(stats_summarize(B, 5, 0.95, &s) == MLP_OK);
    CHECK_NEAR(s.mean, 0.538, 1e-14);
    CHECK_NEAR(s.sd, 0.09757048734120373, 1e-14);
    CHECK_NEAR(s.ci_lo, 0.41685023858123105, 1e-9);
    CHECK_NEAR(s.ci_hi, 0.659149761418769, 1e-9);
    CHECK(s.median == 0.5);

    /* one value: mean, median, range defined; sd and interval are not */
    double one = 0.7;
    CHECK(stats_summarize(&one, 1, 0.95, &s) == MLP_OK);
    CHECK(s.mean == 0.7 && s.median == 0.7 && s.min == 0.7 && s.max == 0.7);
    CHECK(isnan(s.sd) && isnan(s.ci_lo) && isnan(s.ci_hi));
    CHECK(stats_summarize(NULL, 0, 0.95, &s) == MLP_OK);
    CHECK(s.n == 0 && isnan(s.mean) && isnan(s.median));

    /* by hand: {1,2,3}: mean 2, sd 1, t(0.975, 2) = 4.302652729911275 */
    double x3[] = {3, 1, 2};
    CHECK(stats_summarize(x3, 3, 0.95, &s) == MLP_OK);
    CHECK_NEAR(s.sd, 1, 1e-15);
    CHECK_NEAR(s.ci_hi - 2, 4.302652729911275 / sqrt(3), 1e-9);
}

static void test_welch(void)
{
    stats_welch w;
    stats_welch_test(A, 6, B, 5, &w);
    CHECK_NEAR(w.diff, 0.6433333333333333 - 0.538, 1e-14);
    CHECK_NEAR(w.t, 1.3043160234185711, 1e-12);
    CHECK_NEAR(w.df, 8.22528353710804, 1e-12);
    CHECK_NEAR(w.p, 0.22743858266191005, 1e-10);

    double c[] = {1, 2, 3, 4, 5}, d[] = {6, 7, 8, 9, 10, 11, 12};
    stats_welch_test(c, 5, d, 7, &w);
    CHECK_NEAR(w.t, -5.5549205986353085, 1e-12);
    CHECK_NEAR(w.p, 0.0002454269399460993, 1e-10);

    /* symmetric in the sign of t, same p */
    stats_welch v;
    stats_welch_test(d, 7, c, 5, &v);
    CHECK_NEAR(v.t, 5.5549205986353085, 1e-12);
    CHECK_NEAR(v.p, w.p, 1e-15);

    /* degenerate: no spread on either side */
    double e[] = {0.48, 0.48, 0.48}, f[] = {0.52, 0.52};
    stats_welch_test(e, 3, e, 3, &w);
    CHECK(w.t == 0 && w.p == 1);
    stats_welch_test(e, 3, f, 2, &w);
    CHECK(isinf(w.t) && w.t < 0 && w.p == 0);
    stats_welch_test(e, 1, f, 2, &w);
    CHECK(isnan(w.t) && isnan(w.p));
}

static void test_mwu(void)
{
    stats_mwu m;
    CHECK(stats_mann_whitney(A, 6, B, 5, &m) == MLP_OK);
    CHECK(m.u == 20.5); /* scipy's statistic is U of the first sample */
    CHECK_NEAR(m.p, 0.3489716531497421, 1e-12);

    double c[] = {1, 2, 3, 4, 5}, d[] = {6, 7, 8, 9, 10, 11, 12};
    CHECK(stats_mann_whitney(c, 5, d, 7, &m) == MLP_OK);
    CHECK(m.u == 0);
    CHECK_NEAR(m.p, 0.005766120914237261, 1e-12);
    CHECK(stats_mann_whitney(d, 7, c, 5, &m) == MLP_OK);
    CHECK(m.u == 35);
    CHECK_NEAR(m.p, 0.005766120914237261, 1e-12);

    /* all tied: no evidence of a difference */
    double e[] = {0.5, 0.5, 0.5};
    CHECK(stats_mann_whitney(e, 3, e, 2, &m) == MLP_OK);
    CHECK(m.u == 3 && m.p == 1);
    CHECK(stats_mann_whitney(e, 0, e, 2, &m) == MLP_OK);
    CHECK(isnan(m.p));
}

static void test_wilcoxon(void)
{
    /* paired differences with zeros (dropped) and ties in |d| */
    double d[] = {0.03, -0.01, 0.0, 0.05, 0.03, -0.02, 0.0, 0.04, 0.01, -0.03, 0.03, 0.06};
    stats_wilcoxon w;
    CHECK(stats_wilcoxon_signed_rank(d, 12, &w) == MLP_OK);
    CHECK(w.n == 10);
    CHECK(w.w == 10.0);
    CHECK_NEAR(w.p, 0.07239207373879514, 1e-12);
    /* by hand: ranks 1..6, R- = 6, R+ = 15; no ties */
    double e[] = {1, 2, 3, 4, 5, -6};
    CHECK(stats_wilcoxon_signed_rank(e, 6, &w) == MLP_OK);
    CHECK(w.w == 6.0);
    CHECK_NEAR(w.z, (6 - 10.5) / sqrt(6 * 7 * 13 / 24.0), 1e-15);
    CHECK_NEAR(w.p, 0.3454475304692257, 1e-12);
    /* all pairs equal: nothing to test */
    double z[] = {0, 0, 0};
    CHECK(stats_wilcoxon_signed_rank(z, 3, &w) == MLP_OK);
    CHECK(w.n == 0 && w.p == 1);
}

int main(void)
{
    test_summary();
    test_welch();
    test_mwu();
    test_wilcoxon();
    return check_done("stats");
}
