#include "summary.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "status.h"

void summary_free(summary *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->g[i].acc);
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
    double learned = 0;
    size_t n_learned = 0;
    if (g->acc == NULL) {
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

/* "0.123", or "-" for an undefined value. */
static const char *f3(char *buf, double v)
{
    if (isnan(v))
        return "-";
    snprintf(buf, 16, "%.3f", v);
    return buf;
}

static const char *pval(char *buf, double p)
{
    if (isnan(p))
        return "-";
    snprintf(buf, 16, p < 0.001 ? "%.1e" : "%.3f", p);
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
    for (size_t k = 0; k < s->n; k++)
        if (s->g[k].diverged)
            fprintf(f, "note: %s: %zu run(s) diverged (status nonfinite), left out\n", s->g[k].config,
                    s->g[k].diverged);
    if (s->n < 2)
        return MLP_OK;
    fprintf(f, "\nDifferences in test accuracy, two-sided tests: Welch's t-test (unequal\n"
               "variances) and Mann-Whitney U (normal approximation, tie and continuity\n"
               "corrected); significant means p < 0.05 in both, without correction for\n"
               "multiple comparisons:\n\n");
    for (size_t x = 0; x < s->n; x++)
        for (size_t y = x + 1; y < s->n; y++) {
            const summary_group *a = &s->g[x], *b = &s->g[y];
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
            fprintf(f, "%s vs %s: mean difference %+.3f; Welch t = %.2f, df = %.1f, p = %s; "
                       "Mann-Whitney U = %.1f, p = %s: %s\n",
                    a->config, b->config, wt.diff, wt.t, wt.df, pval(p1, wt.p), mw.u,
                    pval(p2, mw.p), verdict);
        }
    return MLP_OK;
}
