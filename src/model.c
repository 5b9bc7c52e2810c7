#include "model.h"

#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "act.h"
#include "atomic.h"
#include "fmt.h"
#include "parse.h"
#include "status.h"

void model_free(model *md)
{
    if (md == NULL)
        return;
    mlp_free(md->m);
    free(md);
}

/* ---- writing ---- */

static void put_layers(const mlp *m, const double *buf, FILE *f)
{
    char num[FMT_DOUBLE_LEN];
    for (size_t l = 1; l <= m->n_layers; l++) {
        size_t k = m->width[l - 1], n = m->width[l];
        fprintf(f, "layer %zu %zu %zu\n", l, k, n);
        const double *W = mlp_W(m, buf, l), *b = mlp_b(m, buf, l);
        for (size_t p = 0; p <= k; p++) { /* k kernel rows, then the biases */
            const double *row = p < k ? W + p * n : b;
            for (size_t j = 0; j < n; j++)
                fprintf(f, "%s%s", j ? " " : "", fmt_double(num, row[j]));
            fputc('\n', f);
        }
    }
}

int model_write(const model *md, const char *comment, FILE *f, char *err)
{
    const mlp *m = md->m;
    char a[FMT_DOUBLE_LEN], b[FMT_DOUBLE_LEN], init[96];
    fprintf(f, "%s %d\n", MODEL_MAGIC, MODEL_VERSION);
    if (comment)
        fprintf(f, "# %s\n", comment);
    fprintf(f, "inputs %zu\nhidden %zu", m->width[0], m->n_layers - 1);
    for (size_t l = 1; l < m->n_layers; l++)
        fprintf(f, " %zu", m->width[l]);
    fprintf(f, "\nactivation %s\n", m->n_layers > 1 ? m->act[1]->name : "relu6");
    init_format(&md->init, init, sizeof init);
    fprintf(f, "init %s\n", init);
    init_format(&md->out_init, init, sizeof init);
    fprintf(f, "out-init %s\nseed %lu\nepochs %lu\n", init, (unsigned long)md->seed, md->epochs);
    if (md->scaled) {
        fprintf(f, "scaler minmax %s %s\n", fmt_double(a, md->range_lo),
                fmt_double(b, md->range_hi));
        for (int row = 0; row < 2; row++) {
            fputs(row ? "shift" : "scale", f);
            for (size_t c = 0; c < md->scaler.d; c++)
                fprintf(f, " %s", fmt_double(a, row ? md->scaler.shift[c] : md->scaler.scale[c]));
            fputc('\n', f);
        }
    } else {
        fputs("scaler none\n", f);
    }
    fputs("params\n", f);
    put_layers(m, m->params, f);
    if (md->has_velocity) {
        fputs("velocity\n", f);
        put_layers(m, m->vel, f);
    }
    fputs("end\n", f);
    if (ferror(f)) {
        mlp_seterr(err, "write failed: %s", strerror(errno));
        return MLP_EIO;
    }
    return MLP_OK;
}

int model_save(const model *md, const char *comment, const char *path, char *err)
{
    atomic_file *af = atomic_open(path, err);
    if (af == NULL)
        return MLP_EIO;
    char werr[MLP_ERRLEN];
    if (model_write(md, comment, af->f, werr) != MLP_OK) {
        atomic_fail_message(af, werr, err);
        atomic_abort(af);
        return MLP_EIO;
    }
    return atomic_commit(af, err);
}

/* ---- reading ---- */

#define MAX_TOKENS (MODEL_MAX_LINE / 2 + 1)

typedef struct {
    FILE *f;
    const char *name;
    size_t line;          /* number of the line in buf */
    char buf[MODEL_MAX_LINE + 1];
    char **tok;           /* MAX_TOKENS pointers into buf */
    size_t ntok;
    int eof;
    char *err;
} reader;

static int fail(reader *r, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static int fail(reader *r, const char *fmt, ...)
{
    char msg[MLP_ERRLEN];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    mlp_seterr(r->err, "%s:%zu: %s", r->name, r->line, msg);
    return MLP_EFORMAT;
}

/* A token as shown in messages: at most 24 bytes, printable ASCII only. */
static const char *shown(const char *s, char *out)
{
    size_t i = 0;
    for (; s[i] && i < 24; i++)
        out[i] = s[i] >= 0x20 && s[i] < 0x7f ? s[i] : '?';
    if (s[i]) {
        memcpy(out + i, "...", 3);
        i += 3;
    }
    out[i] = '\0';
    return out;
}

/* Read the next line that is not empty or a comment and split it into
 * tokens.  MLP_OK with r->ntok >= 1, MLP_OK with r->eof set at the end,
 * or an error. */
static int next_line(reader *r)
{
    for (;;) {
        size_t len = 0;
        int c;
        r->line++;
        while ((c = getc(r->f)) != EOF && c != '\n') {
            if (len == MODEL_MAX_LINE)
                return fail(r, "line longer than %d bytes", MODEL_MAX_LINE);
            if (c == '\0')
                return fail(r, "NUL byte in the file");
            r->buf[len++] = (char)c;
        }
        if (ferror(r->f)) {
            mlp_seterr(r->err, "%s: read error: %s", r->name, strerror(errno));
            return MLP_EIO;
        }
        if (c == EOF && len == 0) {
            r->eof = 1;
            r->ntok = 0;
            return MLP_OK;
        }
        if (len > 0 && r->buf[len - 1] == '\r')
            len--;
        r->buf[len] = '\0';
        r->ntok = 0;
        char *p = r->buf;
        for (;;) {
            while (*p == ' ' || *p == '\t')
                p++;
            if (*p == '\0')
                break;
            r->tok[r->ntok++] = p;
            while (*p && *p != ' ' && *p != '\t')
                p++;
            if (*p)
                *p++ = '\0';
        }
        if (r->ntok > 0 && r->tok[0][0] != '#')
            return MLP_OK;
    }
}

/* The next line must be "KEY ..." with ntok tokens (0: any count >= 1). */
static int expect_key(reader *r, const char *key, size_t ntok, const char *form)
{
    int st = next_line(r);
    if (st != MLP_OK)
        return st;
    if (r->eof)
        return fail(r, "unexpected end of file (expected \"%s\"; the file is truncated)", form);
    char s[32];
    if (strcmp(r->tok[0], key) != 0)
        return fail(r, "expected \"%s\", found \"%s\"", form, shown(r->tok[0], s));
    if (ntok && r->ntok != ntok)
        return fail(r, "expected \"%s\" (%zu fields), found %zu fields", form, ntok, r->ntok);
    return MLP_OK;
}

static int get_ulong(reader *r, size_t i, const char *what, unsigned long min, unsigned long max,
                     unsigned long *out)
{
    const char *why;
    char s[32];
    if (parse_ulong(r->tok[i], min, max, out, &why) != MLP_OK)
        return fail(r, "%s: \"%s\": %s (allowed %lu..%lu)", what, shown(r->tok[i], s), why, min,
                    max);
    return MLP_OK;
}

static int get_double(reader *r, size_t i, const char *what, double *out)
{
    const char *why;
    char s[32];
    if (parse_double(r->tok[i], -DBL_MAX, DBL_MAX, out, &why) != MLP_OK)
        return fail(r, "%s: \"%s\": %s (allowed finite numbers)", what, shown(r->tok[i], s), why);
    return MLP_OK;
}

/* One set of layer blocks (weights or velocities) into buf[n_params]. */
static int read_layers(reader *r, const mlp *m, double *buf)
{
    int st;
    char form[96];
    for (size_t l = 1; l <= m->n_layers; l++) {
        size_t k = m->width[l - 1], n = m->width[l];
        snprintf(form, sizeof form, "layer %zu %zu %zu", l, k, n);
        if ((st = expect_key(r, "layer", 4, form)) != MLP_OK)
            return st;
        unsigned long v[3];
        for (size_t i = 0; i < 3; i++)
            if ((st = get_ulong(r, i + 1, "layer", 0, MODEL_MAX_WIDTH * 1000, &v[i])) != MLP_OK)
                return st;
        if (v[0] != l || v[1] != k || v[2] != n)
            return fail(r, "expected \"%s\" (from the architecture), found \"layer %lu %lu %lu\"",
                        form, v[0], v[1], v[2]);
        double *W = mlp_W(m, buf, l), *b = mlp_b(m, buf, l);
        for (size_t p = 0; p <= k; p++) {
            if ((st = next_line(r)) != MLP_OK)
                return st;
            if (r->eof)
                return fail(r, "unexpected end of file in layer %zu (the file is truncated)", l);
            if (r->ntok != n)
                return fail(r, "layer %zu %s: expected %zu numbers, found %zu", l,
                            p < k ? "kernel row" : "biases", n, r->ntok);
            double *row = p < k ? W + p * n : b;
            for (size_t j = 0; j < n; j++)
                if ((st = get_double(r, j, p < k ? "weight" : "bias", &row[j])) != MLP_OK)
                    return st;
        }
    }
    return MLP_OK;
}

static int read_header(reader *r, model *md, size_t *n_in, size_t *widths, size_t *n_hidden,
                       const act_def **act)
{
    int st;
    unsigned long v;
    char s[32], ierr[MLP_ERRLEN];
    if ((st = next_line(r)) != MLP_OK)
        return st;
    if (r->eof)
        return fail(r, "empty file (expected \"%s %d\")", MODEL_MAGIC, MODEL_VERSION);
    if (strcmp(r->tok[0], MODEL_MAGIC) != 0 || r->ntok != 2)
        return fail(r, "not an mlptrain model (expected \"%s %d\" on the first line)",
                    MODEL_MAGIC, MODEL_VERSION);
    if ((st = get_ulong(r, 1, "version", 1, ULONG_MAX, &v)) != MLP_OK)
        return st;
    if (v > MODEL_VERSION)
        return fail(r, "format version %lu is newer than this mlptrain reads (%d); use a newer "
                    "mlptrain", v, MODEL_VERSION);
    if ((st = expect_key(r, "inputs", 2, "inputs N")) != MLP_OK ||
        (st = get_ulong(r, 1, "inputs", 1, MODEL_MAX_WIDTH, &v)) != MLP_OK)
        return st;
    *n_in = v;
    if ((st = expect_key(r, "hidden", 0, "hidden COUNT WIDTH...")) != MLP_OK)
        return st;
    if (r->ntok < 2)
        return fail(r, "expected \"hidden COUNT WIDTH...\", found no count");
    if ((st = get_ulong(r, 1, "hidden", 0, MLP_MAX_LAYERS, &v)) != MLP_OK)
        return st;
    if (r->ntok != v + 2)
        return fail(r, "hidden: %lu layers but %zu widths", v, r->ntok - 2);
    *n_hidden = v;
    for (size_t i = 0; i < *n_hidden; i++) {
        if ((st = get_ulong(r, i + 2, "hidden width", 1, MODEL_MAX_WIDTH, &v)) != MLP_OK)
            return st;
        widths[i] = v;
    }
    if ((st = expect_key(r, "activation", 2, "activation NAME")) != MLP_OK)
        return st;
    if ((*act = act_find(r->tok[1])) == NULL)
        return fail(r, "activation: \"%s\": unknown (allowed %s)", shown(r->tok[1], s),
                    act_names());
    if ((st = expect_key(r, "init", 2, "init SPEC")) != MLP_OK)
        return st;
    if (init_parse(r->tok[1], &md->init, ierr) != MLP_OK)
        return fail(r, "init: \"%s\": %s", shown(r->tok[1], s), ierr);
    if ((st = expect_key(r, "out-init", 2, "out-init SPEC")) != MLP_OK)
        return st;
    if (init_parse(r->tok[1], &md->out_init, ierr) != MLP_OK)
        return fail(r, "out-init: \"%s\": %s", shown(r->tok[1], s), ierr);
    if ((st = expect_key(r, "seed", 2, "seed S")) != MLP_OK ||
        (st = get_ulong(r, 1, "seed", 0, 4294967295UL, &v)) != MLP_OK)
        return st;
    md->seed = (uint32_t)v;
    if ((st = expect_key(r, "epochs", 2, "epochs N")) != MLP_OK ||
        (st = get_ulong(r, 1, "epochs", 0, ULONG_MAX, &md->epochs)) != MLP_OK)
        return st;
    if ((st = expect_key(r, "scaler", 0, "scaler none|minmax LO HI")) != MLP_OK)
        return st;
    if (r->ntok == 2 && strcmp(r->tok[1], "none") == 0)
        return MLP_OK;
    if (r->ntok != 4 || strcmp(r->tok[1], "minmax") != 0)
        return fail(r, "expected \"scaler none\" or \"scaler minmax LO HI\"");
    if ((st = get_double(r, 2, "scaler", &md->range_lo)) != MLP_OK ||
        (st = get_double(r, 3, "scaler", &md->range_hi)) != MLP_OK)
        return st;
    if (!(md->range_lo < md->range_hi))
        return fail(r, "scaler: the range needs LO < HI");
    if (*n_in > 2)
        return fail(r, "scaler: minmax supports at most 2 inputs, the model has %zu", *n_in);
    md->scaled = 1;
    md->scaler.d = *n_in;
    for (int row = 0; row < 2; row++) {
        const char *key = row ? "shift" : "scale";
        char form[48];
        snprintf(form, sizeof form, "%s %s", key, *n_in == 1 ? "X" : "X1 X2");
        if ((st = expect_key(r, key, *n_in + 1, form)) != MLP_OK)
            return st;
        for (size_t c = 0; c < *n_in; c++)
            if ((st = get_double(r, c + 1, key, row ? &md->scaler.shift[c] : &md->scaler.scale[c]))
                != MLP_OK)
                return st;
    }
    return MLP_OK;
}

static int read_model(reader *r, model *md)
{
    size_t widths[MLP_MAX_LAYERS];
    size_t n_in = 0, n_hidden = 0;
    const act_def *act = NULL;
    char merr[MLP_ERRLEN];
    int st = read_header(r, md, &n_in, widths, &n_hidden, &act);
    if (st != MLP_OK)
        return st;
    if ((st = expect_key(r, "params", 1, "params")) != MLP_OK)
        return st;
    /* the size limit of mlp_alloc, checked before allocating; the
     * allocation then happens only for a plausible architecture */
    if ((st = mlp_alloc(&md->m, n_in, widths, n_hidden, act, merr)) != MLP_OK) {
        fail(r, "%s", st == MLP_ENOMEM ? "out of memory" : merr);
        return st == MLP_ENOMEM ? MLP_ENOMEM : MLP_EFORMAT;
    }
    if ((st = read_layers(r, md->m, md->m->params)) != MLP_OK)
        return st;
    if ((st = next_line(r)) != MLP_OK)
        return st;
    if (!r->eof && strcmp(r->tok[0], "velocity") == 0 && r->ntok == 1) {
        if ((st = read_layers(r, md->m, md->m->vel)) != MLP_OK)
            return st;
        md->has_velocity = 1;
        if ((st = next_line(r)) != MLP_OK)
            return st;
    }
    char s[32];
    if (r->eof)
        return fail(r, "unexpected end of file (expected \"end\"; the file is truncated)");
    if (strcmp(r->tok[0], "end") != 0 || r->ntok != 1)
        return fail(r, "expected \"%s\", found \"%s\"", md->has_velocity ? "end" : "velocity or end",
                    shown(r->tok[0], s));
    if ((st = next_line(r)) != MLP_OK)
        return st;
    if (!r->eof)
        return fail(r, "unexpected content after \"end\"");
    return MLP_OK;
}

int model_read(FILE *f, const char *name, model **out, char *err)
{
    *out = NULL;
    reader *r = calloc(1, sizeof *r);
    model *md = calloc(1, sizeof *md);
    if (r)
        r->tok = malloc(MAX_TOKENS * sizeof *r->tok);
    if (!r || !md || !r->tok) {
        if (r)
            free(r->tok);
        free(r);
        free(md);
        mlp_seterr(err, "%s: out of memory", name);
        return MLP_ENOMEM;
    }
    r->f = f;
    r->name = name;
    r->err = err;
    int st = read_model(r, md);
    free(r->tok);
    free(r);
    if (st != MLP_OK) {
        model_free(md);
        return st;
    }
    *out = md;
    return MLP_OK;
}

int model_load(const char *path, model **out, char *err)
{
    *out = NULL;
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "r");
    if (f == NULL) {
        mlp_seterr(err, "%s: cannot open: %s", path, strerror(errno));
        return MLP_EIO;
    }
    int st = model_read(f, is_stdin ? "stdin" : path, out, err);
    if (!is_stdin)
        fclose(f);
    return st;
}

int model_predict(const model *md, const double *x, size_t n, double *prob, char *err)
{
    if (n == 0)
        return MLP_OK;
    const mlp *m = md->m;
    dataset *ds = dataset_alloc(n, m->width[0]);
    mlp_ws *ws = mlp_ws_alloc(m, mlp_ws_rows(m, n, 256, 1 << 24));
    if (!ds || !ws) {
        dataset_free(ds);
        mlp_ws_free(ws);
        mlp_seterr(err, "out of memory for %zu rows", n);
        return MLP_ENOMEM;
    }
    memcpy(ds->x, x, n * m->width[0] * sizeof(double));
    if (md->scaled)
        minmax_apply(&md->scaler, ds);
    for (size_t first = 0; first < n; first += ws->max_batch) {
        size_t B = n - first < ws->max_batch ? n - first : ws->max_batch;
        const double *z = mlp_forward(m, ws, ds->x + first * ds->d, B);
        for (size_t i = 0; i < B; i++) {
            prob[first + i] = act_sigmoid(z[i]);
            if (isnan(z[i])) { /* finite weights whose sums overflow: inf - inf */
                mlp_seterr(err, "row %zu: the model's output is not a number (its sums "
                           "overflow)", first + i + 1);
                dataset_free(ds);
                mlp_ws_free(ws);
                return MLP_ENONFINITE;
            }
        }
    }
    dataset_free(ds);
    mlp_ws_free(ws);
    return MLP_OK;
}
