#include "runs.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "atomic.h"
#include "dataset.h"
#include "fmt.h"
#include "parse.h"
#include "status.h"

void runs_config_name(const cli_config *cfg, char *buf)
{
    char init[96], out[96];
    init_format(&cfg->init, init, sizeof init);
    init_format(&cfg->out_init, out, sizeof out);
    snprintf(buf, RUNS_CONFIG_LEN, "%s/%s/%s", cfg->act->name, init, out);
}

void runs_row_from(const cli_config *cfg, const experiment_result *res, int st, double seconds,
                   run_row *row)
{
    memset(row, 0, sizeof *row);
    runs_config_name(cfg, row->config);
    snprintf(row->act, sizeof row->act, "%s", cfg->act->name);
    row->seed = cfg->seed;
    row->ok = st == MLP_OK;
    row->train_acc = row->ok ? res->train_acc : NAN;
    row->test_acc = row->ok ? res->test_acc : NAN;
    row->train_loss = row->ok ? res->train_loss : NAN;
    row->test_loss = row->ok ? res->test_loss : NAN;
    row->collapsed = row->ok && res->collapsed;
    row->epochs_run = res->epochs_run;
    row->seconds = seconds;
}

void runs_write_row(FILE *f, const run_row *r)
{
    char a[FMT_DOUBLE_LEN], b[FMT_DOUBLE_LEN], c[FMT_DOUBLE_LEN], d[FMT_DOUBLE_LEN];
    fprintf(f, "%s,%s,%lu,%s,%s,%s,%s,%d,%lu,%.3f,%s\n", r->config, r->act,
            (unsigned long)r->seed, fmt_double(a, r->train_acc), fmt_double(b, r->test_acc),
            fmt_double(c, r->train_loss), fmt_double(d, r->test_loss), r->collapsed,
            r->epochs_run, r->seconds, r->ok ? "ok" : "nonfinite");
}

int runs_write_file(const char *path, const run_row *row, char *err)
{
    atomic_file *af = atomic_open(path, err);
    if (af == NULL)
        return MLP_EIO;
    fputs(RUNS_HEADER "\n", af->f);
    runs_write_row(af->f, row);
    return atomic_commit(af, err);
}

int runs_append(run_list *list, const run_row *row)
{
    if (list->n == list->cap) {
        size_t cap = list->cap ? 2 * list->cap : 64;
        run_row *p = realloc(list->rows, cap * sizeof *p);
        if (p == NULL)
            return MLP_ENOMEM;
        list->rows = p;
        list->cap = cap;
    }
    list->rows[list->n++] = *row;
    return MLP_OK;
}

void runs_list_free(run_list *list)
{
    free(list->rows);
    list->rows = NULL;
    list->n = list->cap = list->n_partial = 0;
}

/* A double field: a finite number or "nan" (a diverged run, no test rows). */
static int field_double(const char *s, double *out)
{
    if (strcmp(s, "nan") == 0) {
        *out = NAN;
        return MLP_OK;
    }
    return parse_double(s, -1e308, 1e308, out, NULL);
}

static int parse_row(char *line, run_row *r, const char **why)
{
    enum { NF = 11 };
    char *f[NF];
    size_t n = 0;
    for (char *p = line;;) {
        if (n == NF) {
            *why = "more than 11 fields";
            return MLP_EFORMAT;
        }
        f[n++] = p;
        char *comma = strchr(p, ',');
        if (comma == NULL)
            break;
        *comma = '\0';
        p = comma + 1;
    }
    if (n != NF) {
        *why = "fewer than 11 fields";
        return MLP_EFORMAT;
    }
    unsigned long seed, collapsed;
    memset(r, 0, sizeof *r);
    if (*f[0] == '\0' || strlen(f[0]) >= RUNS_CONFIG_LEN) {
        *why = "config empty or longer than 199 characters";
        return MLP_EFORMAT;
    }
    if (*f[1] == '\0' || strlen(f[1]) >= RUNS_NAME_LEN) {
        *why = "act empty or longer than 31 characters";
        return MLP_EFORMAT;
    }
    strcpy(r->config, f[0]);
    strcpy(r->act, f[1]);
    if (parse_ulong(f[2], 0, 4294967295UL, &seed, NULL) != MLP_OK) {
        *why = "seed is not a whole number 0..4294967295";
        return MLP_EFORMAT;
    }
    r->seed = (uint32_t)seed;
    double *d[] = {&r->train_acc, &r->test_acc, &r->train_loss, &r->test_loss};
    for (int i = 0; i < 4; i++)
        if (field_double(f[3 + i], d[i]) != MLP_OK) {
            *why = "accuracy or loss is not a number";
            return MLP_EFORMAT;
        }
    if (parse_ulong(f[7], 0, 1, &collapsed, NULL) != MLP_OK) {
        *why = "collapsed is not 0 or 1";
        return MLP_EFORMAT;
    }
    r->collapsed = (int)collapsed;
    if (parse_ulong(f[8], 0, 100000000UL, &r->epochs_run, NULL) != MLP_OK) {
        *why = "epochs_run is not a whole number";
        return MLP_EFORMAT;
    }
    if (parse_double(f[9], 0, 1e12, &r->seconds, NULL) != MLP_OK) {
        *why = "seconds is not a number >= 0";
        return MLP_EFORMAT;
    }
    if (strcmp(f[10], "ok") != 0 && strcmp(f[10], "nonfinite") != 0) {
        *why = "status is not ok or nonfinite";
        return MLP_EFORMAT;
    }
    r->ok = strcmp(f[10], "ok") == 0;
    if (r->ok && (isnan(r->train_acc) || r->train_acc < 0 || r->train_acc > 1 ||
                  r->test_acc < 0 || r->test_acc > 1)) {
        *why = "accuracy outside 0..1 in a run with status ok";
        return MLP_EFORMAT;
    }
    return MLP_OK;
}

int runs_read(const char *path, run_list *list, char *err)
{
    int is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "stdin" : path;
    FILE *f = is_stdin ? stdin : fopen(path, "r");
    if (f == NULL) {
        mlp_seterr(err, "%s: cannot open: %s", name, strerror(errno));
        return MLP_EIO;
    }
    char *line = NULL;
    size_t cap = 0, len, lineno = 0;
    int st = MLP_OK, got;
    while ((got = dataset_read_line(f, name, ++lineno, &line, &cap, &len, err)) > 0) {
        /* strncmp and strcmp would stop at a NUL: refuse it, as --data does */
        const char *nul = memchr(line, '\0', len);
        if (nul != NULL) {
            mlp_seterr(err, "%s:%zu: NUL byte at column %zu (a text CSV file is expected)", name,
                       lineno, (size_t)(nul - line) + 1);
            st = MLP_EFORMAT;
            break;
        }
        if (strncmp(line, "# partial:", 10) == 0)
            list->n_partial++;
        if (len == 0 || line[0] == '#' || strcmp(line, RUNS_HEADER) == 0)
            continue;
        run_row r;
        const char *why;
        if (parse_row(line, &r, &why) != MLP_OK) {
            mlp_seterr(err, "%s:%zu: %s (expected rows under the header " RUNS_HEADER ")", name,
                       lineno, why);
            st = MLP_EFORMAT;
            break;
        }
        r.src = name;
        r.line = lineno;
        if (runs_append(list, &r) != MLP_OK) {
            mlp_seterr(err, "%s:%zu: out of memory for the rows", name, lineno);
            st = MLP_ENOMEM;
            break;
        }
    }
    if (got < 0)
        st = -got;
    free(line);
    if (!is_stdin)
        fclose(f);
    return st;
}

static int cmp_config_seed(const void *x, const void *y)
{
    const run_row *a = *(const run_row *const *)x, *b = *(const run_row *const *)y;
    int c = strcmp(a->config, b->config);
    if (c != 0)
        return c;
    if (a->seed != b->seed)
        return a->seed < b->seed ? -1 : 1;
    /* equal keys: keep the order of reading, so the message names the
     * first occurrence second */
    return a < b ? -1 : a > b;
}

int runs_find_repeat(const run_list *list, char *err)
{
    if (list->n < 2)
        return MLP_OK;
    const run_row **by = malloc(list->n * sizeof *by);
    if (by == NULL) {
        mlp_seterr(err, "out of memory for %zu rows", list->n);
        return MLP_ENOMEM;
    }
    for (size_t i = 0; i < list->n; i++)
        by[i] = &list->rows[i];
    qsort(by, list->n, sizeof *by, cmp_config_seed);
    int st = MLP_OK;
    for (size_t i = 1; i < list->n; i++) {
        const run_row *a = by[i - 1], *b = by[i];
        if (strcmp(a->config, b->config) == 0 && a->seed == b->seed && a->src && b->src &&
            a->line == b->line && strcmp(a->src, b->src) == 0) {
            mlp_seterr(err, "%s:%zu: configuration %s, seed %lu again: %s is given twice (a run "
                       "read twice would count twice; allowed each file once)", b->src, b->line,
                       b->config, (unsigned long)b->seed, b->src);
            st = MLP_EFORMAT;
            break;
        }
        if (strcmp(a->config, b->config) == 0 && a->seed == b->seed) {
            mlp_seterr(err, "%s:%zu: configuration %s, seed %lu again (first at %s:%zu); a run "
                       "read twice would count twice (allowed one row per configuration and seed)",
                       b->src ? b->src : "?", b->line, b->config, (unsigned long)b->seed,
                       a->src ? a->src : "?", a->line);
            st = MLP_EFORMAT;
            break;
        }
    }
    free(by);
    return st;
}
