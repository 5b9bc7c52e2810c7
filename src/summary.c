#include "summary.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "status.h"

void summary_free(summary *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->g[i].acc), free(s->g[i].seed);
    free(s->g);
    s->g = NULL;
    s->n = 0;
}

static int fill_group(const run_list *rows, summary_group *g, char *err)
{
    size_t n = 0;
    for (size_t i = 0; i < rows->n; i++)
        if (strcmp(rows->rows[i].config, g->config) == 0)
            n++;
    g->acc = malloc(n * sizeof *g->acc);
    g->seed = malloc(n * sizeof *g->seed);
    double learned = 0;
    size_t n_learned = 0;
    if (g->acc == NULL || g->seed == NULL) {
        mlp_seterr(err, "out of memory");
        return MLP_ENOMEM;
    }
    for (size_t i = 0; i < rows->n; i++) {
        const run_row *r = &rows->rows[i];
        if (strcmp(r->config, g->config) != 0)
            continue;
        if (!r->ok) {
            g->diverged++;
            continue;
        }
        if (isnan(r->test_acc)) {
            mlp_seterr(err, "%s: no test accuracy in the rows (trained without test rows?)",
                       g->config);
            return MLP_EINVAL;
        }
        if (g->runs == 0 || r->epochs_run < g->epochs_min)
            g->epochs_min = r->epochs_run;
        if (g->runs == 0 || r->epochs_run > g->epochs_max)
            g->epochs_max = r->epochs_run;
        g->seed[g->runs] = r->seed;
        g->acc[g->runs++] = r->test_acc;
        if (r->collapsed)
            g->collapsed++;
        else {
            learned += r->test_acc;
            n_learned++;
        }
    }
    g->learned_mean = n_learned ? learned / (double)n_learned : NAN;
    if (stats_summarize(g->acc, g->runs, 0.95, &g->test) != MLP_OK) {
        mlp_seterr(err, "out of memory");
        return MLP_ENOMEM;
    }
    return MLP_OK;
}

int summary_build(const run_list *rows, summary *out, char *err)
{
    out->g = NULL;
    out->n = 0;
    for (size_t i = 0; i < rows->n; i++) {
        size_t k = 0;
        while (k < out->n && strcmp(out->g[k].config, rows->rows[i].config) != 0)
            k++;
        if (k < out->n)
            continue;
        summary_group *p = realloc(out->g, (out->n + 1) * sizeof *p);
        if (p == NULL) {
            summary_free(out);
            mlp_seterr(err, "out of memory");
            return MLP_ENOMEM;
        }
        out->g = p;
        memset(&out->g[out->n], 0, sizeof out->g[out->n]);
        out->g[out->n++].config = rows->rows[i].config;
    }
    for (size_t k = 0; k < out->n; k++) {
        int st = fill_group(rows, &out->g[k], err);
        if (st != MLP_OK) {
            summary_free(out);
            return st;
        }
    }
    return MLP_OK;
}

static const char *pval(char *buf, double p)
{
    if (isnan(p))
        return "-";
    snprintf(buf, 16, p < 0.001 ? "%.1e" : "%.3f", p);
    return buf;
}

/* Runs of a group sorted by seed, for pairing two groups by merging. */
typedef struct {
    uint32_t seed;
    double acc;
} seeded;

static int cmp_seeded(const void *x, const void *y)
{
    uint32_t a = ((const seeded *)x)->seed, b = ((const seeded *)y)->seed;
    return (a > b) - (a < b);
}

static seeded *sorted_by_seed(const summary_group *g)
{
    seeded *v = malloc((g->runs + 1) * sizeof *v);
    if (v == NULL)
        return NULL;
    for (size_t i = 0; i < g->runs; i++)
        v[i] = (seeded){g->seed[i], g->acc[i]};
    qsort(v, g->runs, sizeof *v, cmp_seeded);
    return v;
}

/* The paired comparison of a and b over their common seeds, one line. */
static int print_paired(const summary_group *a, const summary_group *b, FILE *f)
{
    seeded *va = sorted_by_seed(a), *vb = sorted_by_seed(b);
    double *d = malloc((a->runs + 1) * sizeof *d);
    int st = MLP_OK;
    if (!va || !vb || !d) {
        st = MLP_ENOMEM;
        goto done;
    }
    for (size_t i = 1; i < a->runs; i++)
        if (va[i].seed == va[i - 1].seed)
            goto repeated;
    for (size_t i = 1; i < b->runs; i++)
        if (vb[i].seed == vb[i - 1].seed)
            goto repeated;
    size_t n = 0, i = 0, j = 0, better = 0, worse = 0;
    while (i < a->runs && j < b->runs) {
        if (va[i].seed < vb[j].seed)
            i++;
        else if (va[i].seed > vb[j].seed)
            j++;
        else {
            d[n] = va[i++].acc - vb[j++].acc;
            better += d[n] > 0;
            worse += d[n] < 0;
            n++;
        }
    }
    if (n == 0) {
        fprintf(f, "  paired by seed: no common seeds\n");
        goto done;
    }
    stats_wilcoxon w;
    if ((st = stats_wilcoxon_signed_rank(d, n, &w)) != MLP_OK)
        goto done;
    char p[16];
    fprintf(f, "  paired by seed (%zu seeds: first higher %zu, lower %zu, equal %zu): Wilcoxon "
               "signed-rank W = %.1f, p = %s: %s\n",
            n, better, worse, n - better - worse, w.w, pval(p, w.p),
            w.n < 10 ? "too few differing pairs to tell" : w.p < 0.05 ? "significant" : "not significant");
    goto done;
repeated:
    fprintf(f, "  paired by seed: a seed repeats within a configuration: no paired test\n");
done:
    free(va);
    free(vb);
    free(d);
    return st;
}

/* "0.123", or "-" for an undefined value. */
static const char *f3(char *buf, double v)
{
    if (isnan(v))
        return "-";
    snprintf(buf, 16, "%.3f", v);
    return buf;
}


int summary_print(const summary *s, FILE *f)
{
    size_t w = strlen("config");
    for (size_t k = 0; k < s->n; k++)
        if (strlen(s->g[k].config) > w)
            w = strlen(s->g[k].config);
    int W = (int)w;
    fprintf(f, "Test accuracy per configuration (95%% CI: t interval for the mean;\n"
               "collapsed: the final model predicts one class for every row):\n\n");
    fprintf(f, "%-*s  runs   mean     sd  95%% CI         median    min    max  collapsed  "
               "mean if not collapsed\n", W, "config");
    for (size_t k = 0; k < s->n; k++) {
        const summary_group *g = &s->g[k];
        char a[16], b[16], c[16], d[16], e[16], h[16], i[16], j[16], ci[40], col[32];
        if (isnan(g->test.ci_lo))
            snprintf(ci, sizeof ci, "-");
        else
            snprintf(ci, sizeof ci, "%s-%s", f3(a, g->test.ci_lo), f3(b, g->test.ci_hi));
        snprintf(col, sizeof col, "%zu/%zu", g->collapsed, g->runs);
        fprintf(f, "%-*s  %4zu  %5s  %5s  %-13s  %5s  %5s  %5s  %9s  %21s\n", W, g->config,
                g->runs, f3(c, g->test.mean), f3(d, g->test.sd), ci, f3(e, g->test.median),
                f3(h, g->test.min), f3(i, g->test.max), col, f3(j, g->learned_mean));
    }
    for (size_t k = 0; k < s->n; k++) {
        if (s->g[k].diverged)
            fprintf(f, "note: %s: %zu run(s) diverged (status nonfinite), left out\n", s->g[k].config,
                    s->g[k].diverged);
        if (s->g[k].epochs_min != s->g[k].epochs_max)
            fprintf(f, "note: %s: runs of %lu to %lu epochs: rows of runs with different settings "
                       "mixed?\n", s->g[k].config, s->g[k].epochs_min, s->g[k].epochs_max);
    }
    if (s->n < 2)
        return MLP_OK;
    fprintf(f, "\nDifferences in test accuracy, two-sided tests at the 0.05 level, without\n"
               "correction for multiple comparisons.  Unpaired: Welch's t-test (unequal\n"
               "variances) and Mann-Whitney U (normal approximation, tie and continuity\n"
               "corrected), significant when both are.  Paired by seed (runs with the same\n"
               "seed start from the same random draws): Wilcoxon signed-rank test of the\n"
               "per-seed differences (zero differences dropped, normal approximation, tie\n"
               "corrected).\n");
    for (size_t x = 0; x < s->n; x++)
        for (size_t y = x + 1; y < s->n; y++) {
            const summary_group *a = &s->g[x], *b = &s->g[y];
            if (a->runs < 2 || b->runs < 2) {
                fprintf(f, "\n%s vs %s: fewer than 2 runs on a side: no test\n", a->config,
                        b->config);
                continue;
            }
            stats_welch wt;
            stats_mwu mw;
            stats_welch_test(a->acc, a->runs, b->acc, b->runs, &wt);
            if (stats_mann_whitney(a->acc, a->runs, b->acc, b->runs, &mw) != MLP_OK)
                return MLP_ENOMEM;
            char p1[16], p2[16];
            const char *verdict = isnan(wt.p) || isnan(mw.p) ? "too few runs to tell"
                                  : wt.p < 0.05 && mw.p < 0.05 ? "significant"
                                  : wt.p < 0.05 || mw.p < 0.05 ? "the tests disagree"
                                  : "not significant";
            fprintf(f, "\n%s vs %s: mean difference %+.3f\n"
                       "  unpaired: Welch t = %.2f, df = %.1f, p = %s; Mann-Whitney U = %.1f, "
                       "p = %s: %s\n",
                    a->config, b->config, wt.diff, wt.t, wt.df, pval(p1, wt.p), mw.u,
                    pval(p2, mw.p), verdict);
            if (print_paired(a, b, f) != MLP_OK)
                return MLP_ENOMEM;
        }
    return MLP_OK;
}
