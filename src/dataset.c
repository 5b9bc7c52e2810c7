#include "dataset.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "status.h"

dataset *dataset_alloc(size_t n, size_t d)
{
    if (d != 0 && n > SIZE_MAX / sizeof(double) / d)
        return NULL;
    dataset *ds = calloc(1, sizeof *ds);
    if (ds == NULL)
        return NULL;
    ds->n = n;
    ds->d = d;
    /* +1 so that n == 0 still gives distinct, freeable pointers */
    ds->x = calloc(n * d + 1, sizeof(double));
    ds->y = calloc(n + 1, sizeof(double));
    if (ds->x == NULL || ds->y == NULL) {
        dataset_free(ds);
        return NULL;
    }
    return ds;
}

void dataset_free(dataset *ds)
{
    if (ds == NULL)
        return;
    free(ds->x);
    free(ds->y);
    free(ds);
}

dataset *dataset_slice(const dataset *ds, size_t first, size_t count)
{
    if (first > ds->n || count > ds->n - first)
        return NULL;
    dataset *s = dataset_alloc(count, ds->d);
    if (s == NULL)
        return NULL;
    if (count > 0) {
        memcpy(s->x, ds->x + first * ds->d, count * ds->d * sizeof(double));
        memcpy(s->y, ds->y + first, count * sizeof(double));
    }
    return s;
}

void dataset_class_counts(const dataset *ds, size_t *n0, size_t *n1)
{
    size_t ones = 0;
    for (size_t i = 0; i < ds->n; i++)
        ones += ds->y[i] != 0.0;
    *n0 = ds->n - ones;
    *n1 = ones;
}

/* ---- writing ---- */

/* fputs that keeps the first error's errno in *e and does nothing after it */
static void put(const char *s, FILE *f, int *e)
{
    if (*e != 0)
        return;
    errno = 0;
    if (fputs(s, f) == EOF)
        *e = errno != 0 ? errno : EIO;
}

int dataset_write_csv(const dataset *ds, FILE *f, char *err)
{
    char num[FMT_DOUBLE_LEN + 1];
    int e = 0;
    for (size_t c = 0; c < ds->d; c++) {
        snprintf(num, sizeof num, "x%zu,", c + 1);
        put(num, f, &e);
    }
    put("y\n", f, &e);
    for (size_t i = 0; i < ds->n && e == 0; i++) {
        for (size_t c = 0; c < ds->d; c++) {
            fmt_double(num, ds->x[i * ds->d + c]);
            strcat(num, ",");
            put(num, f, &e);
        }
        put(ds->y[i] != 0.0 ? "1\n" : "0\n", f, &e);
    }
    if (e == 0 && ferror(f))
        e = EIO;
    if (e != 0) {
        mlp_seterr(err, "write failed: %s", strerror(e));
        return MLP_EIO;
    }
    return MLP_OK;
}

/* ---- reading ---- */

typedef struct {
    FILE *f;
    const char *name;   /* for messages */
    char *err;
    char *buf;          /* the current line, NUL-terminated */
    size_t cap, len;
    unsigned long line; /* 1-based number of the line in buf */
} csv_reader;

static const char HEADER[] = "x1,x2,y";

int dataset_read_line(FILE *f, const char *name, unsigned long line, char **buf, size_t *cap,
                      size_t *len, char *err)
{
    int c = EOF, any = 0;
    *len = 0;
    while ((c = getc_unlocked(f)) != EOF) {
        any = 1;
        if (c == '\n')
            break;
        if (*len == DATASET_MAX_LINE) {
            /* stop here: never hold more than one bounded line */
            mlp_seterr(err, "%s:%lu: line longer than 1 MiB (allowed up to %d bytes per line)",
                       name, line, DATASET_MAX_LINE);
            return -MLP_EFORMAT;
        }
        if (*len + 1 >= *cap) {
            size_t n = *cap < 256 ? 256 : 2 * *cap;
            if (n > DATASET_MAX_LINE + 1)
                n = DATASET_MAX_LINE + 1;
            char *p = realloc(*buf, n);
            if (p == NULL) {
                mlp_seterr(err, "%s:%lu: out of memory for a line", name, line);
                return -MLP_ENOMEM;
            }
            *buf = p;
            *cap = n;
        }
        (*buf)[(*len)++] = (char)c;
    }
    if (c == EOF && ferror(f)) {
        mlp_seterr(err, "%s: read error: %s", name, strerror(errno));
        return -MLP_EIO;
    }
    if (!any)
        return 0;
    if (*len > 0 && (*buf)[*len - 1] == '\r')
        (*len)--;
    if (*buf == NULL) { /* an empty first line */
        *buf = malloc(1);
        if (*buf == NULL) {
            mlp_seterr(err, "%s:%lu: out of memory for a line", name, line);
            return -MLP_ENOMEM;
        }
        *cap = 1;
    }
    (*buf)[*len] = '\0';
    return 1;
}

/* The next line into r->buf (see dataset_read_line). */
static int read_line(csv_reader *r)
{
    r->line++;
    return dataset_read_line(r->f, r->name, r->line, &r->buf, &r->cap, &r->len, r->err);
}

/* Reject NUL bytes, control characters and anything outside ASCII. */
static int check_text(csv_reader *r, size_t from)
{
    for (size_t i = from; i < r->len; i++) {
        unsigned char c = (unsigned char)r->buf[i];
        if (c == '\0') {
            mlp_seterr(r->err, "%s:%lu: NUL byte at column %zu (a text CSV file is expected)",
                       r->name, r->line, i + 1);
            return MLP_EFORMAT;
        }
        if ((c < 0x20 && c != '\t') || c >= 0x7f) {
            mlp_seterr(r->err, "%s:%lu: non-text byte 0x%02X at column %zu (only ASCII text is allowed)",
                       r->name, r->line, c, i + 1);
            return MLP_EFORMAT;
        }
    }
    return MLP_OK;
}

/* s quoted for a message, cut to 40 characters. */
static const char *shown(const char *s, char *out, size_t size)
{
    if (strlen(s) > 40)
        snprintf(out, size, "\"%.40s...\"", s);
    else
        snprintf(out, size, "\"%s\"", s);
    return out;
}

static int looks_numeric(const char *s)
{
    char *end;
    strtod(s, &end);
    return end != s;
}

/* The header must be "x1,x2,y"; recognise "x1,...,xk,y" to say that only
 * k = 2 is supported, and a numeric first line to say the header is missing. */
static int check_header(csv_reader *r, const char *h)
{
    if (strcmp(h, HEADER) == 0)
        return MLP_OK;
    char q[64];
    size_t k = 0;
    const char *p = h;
    for (;;) {
        char name[32];
        int used = 0;
        snprintf(name, sizeof name, "x%zu,%n", k + 1, &used);
        if (strncmp(p, name, (size_t)used) != 0)
            break;
        p += used;
        k++;
    }
    if (k > 0 && strcmp(p, "y") == 0) {
        mlp_seterr(r->err, "%s:1: header %s has %zu feature%s (only 2 features, x1,x2, are supported for now)",
                   r->name, shown(h, q, sizeof q), k, k == 1 ? "" : "s");
        return MLP_EFORMAT;
    }
    if (looks_numeric(h)) {
        mlp_seterr(r->err, "%s:1: missing header: expected \"%s\"", r->name, HEADER);
        return MLP_EFORMAT;
    }
    mlp_seterr(r->err, "%s:1: bad header %s (expected \"%s\")", r->name, shown(h, q, sizeof q),
               HEADER);
    return MLP_EFORMAT;
}

/* Trim blanks around s[0..len) in place; returns the start, NUL-terminated. */
static char *trim(char *s, size_t len)
{
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    s[len] = '\0';
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

static int parse_feature(csv_reader *r, const char *name, const char *s, double *out)
{
    char q[64];
    if (*s == '\0') {
        mlp_seterr(r->err, "%s:%lu: %s is empty (expected a finite number)", r->name, r->line, name);
        return MLP_EFORMAT;
    }
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    int overflow = errno == ERANGE && isinf(v);
    if (end == s || *end != '\0') {
        mlp_seterr(r->err, "%s:%lu: %s %s is not a number (expected a finite number)", r->name,
                   r->line, name, shown(s, q, sizeof q));
        return MLP_EFORMAT;
    }
    if (!isfinite(v) && !overflow) {
        mlp_seterr(r->err, "%s:%lu: %s %s is not finite (expected a finite number)", r->name,
                   r->line, name, shown(s, q, sizeof q));
        return MLP_EFORMAT;
    }
    if (!(fabs(v) <= DATASET_MAX_ABS)) {
        mlp_seterr(r->err, "%s:%lu: %s %s is too large (allowed |value| <= 1e10)", r->name,
                   r->line, name, shown(s, q, sizeof q));
        return MLP_EFORMAT;
    }
    *out = v;
    return MLP_OK;
}

static int parse_label(csv_reader *r, const char *s, double *out)
{
    char q[64];
    if (*s == '\0') {
        mlp_seterr(r->err, "%s:%lu: label is empty (expected 0 or 1)", r->name, r->line);
        return MLP_EFORMAT;
    }
    if (strcmp(s, "0") == 0 || strcmp(s, "0.0") == 0)
        *out = 0.0;
    else if (strcmp(s, "1") == 0 || strcmp(s, "1.0") == 0)
        *out = 1.0;
    else {
        mlp_seterr(r->err, "%s:%lu: label %s is not 0 or 1", r->name, r->line,
                   shown(s, q, sizeof q));
        return MLP_EFORMAT;
    }
    return MLP_OK;
}

/* Parse the line in r->buf as "x1,x2,y" into x[0..1], *y. */
static int parse_row(csv_reader *r, double *x, double *y)
{
    char *field[3];
    size_t nf = 0, commas = 0;
    char *start = r->buf;
    for (char *p = r->buf;; p++) {
        if (*p == ',' || *p == '\0') {
            int last = *p == '\0';
            if (nf < 3)
                field[nf++] = trim(start, (size_t)(p - start));
            else
                nf++;
            commas += !last;
            if (last)
                break;
            start = p + 1;
        }
    }
    if (nf != 3) {
        mlp_seterr(r->err, "%s:%lu: expected 3 fields (x1,x2,y), found %zu", r->name, r->line,
                   commas + 1);
        return MLP_EFORMAT;
    }
    int rc = parse_feature(r, "x1", field[0], &x[0]);
    if (rc == MLP_OK)
        rc = parse_feature(r, "x2", field[1], &x[1]);
    if (rc == MLP_OK)
        rc = parse_label(r, field[2], y);
    return rc;
}

/* Rows are kept in geometrically grown arrays until the end of the file. */
typedef struct {
    size_t n, cap;
    double *x, *y;
} row_buf;

static int push_row(row_buf *rb, const double x[2], double y)
{
    if (rb->n == rb->cap) {
        size_t cap = rb->cap == 0 ? 1024 : 2 * rb->cap;
        if (cap > SIZE_MAX / (2 * sizeof(double)))
            return MLP_ENOMEM;
        double *nx = realloc(rb->x, cap * 2 * sizeof(double));
        if (nx == NULL)
            return MLP_ENOMEM;
        rb->x = nx;
        double *ny = realloc(rb->y, cap * sizeof(double));
        if (ny == NULL)
            return MLP_ENOMEM;
        rb->y = ny;
        rb->cap = cap;
    }
    rb->x[2 * rb->n] = x[0];
    rb->x[2 * rb->n + 1] = x[1];
    rb->y[rb->n] = y;
    rb->n++;
    return MLP_OK;
}

static int read_all(csv_reader *r, row_buf *rb)
{
    int got = read_line(r);
    if (got < 0)
        return -got;
    size_t from = 0;
    /* a UTF-8 byte order mark is accepted silently at the very start */
    if (got == 1 && r->len >= 3 && memcmp(r->buf, "\xEF\xBB\xBF", 3) == 0)
        from = 3;
    if (got == 1 && r->len == from) { /* a blank first line: is anything else there? */
        while ((got = read_line(r)) == 1 && r->len == 0)
            ;
        if (got < 0)
            return -got;
        if (got == 1) {
            mlp_seterr(r->err, "%s:1: empty line instead of the header (expected \"%s\")",
                       r->name, HEADER);
            return MLP_EFORMAT;
        }
    }
    if (got == 0) {
        mlp_seterr(r->err, "%s: empty file (expected a header \"%s\" and data rows)", r->name,
                   HEADER);
        return MLP_EFORMAT;
    }
    int rc = check_text(r, from);
    if (rc == MLP_OK)
        rc = check_header(r, r->buf + from);
    if (rc != MLP_OK)
        return rc;
    unsigned long first_blank = 0; /* an empty line is fine only at the end */
    while ((got = read_line(r)) == 1) {
        if (r->len == 0) {
            if (first_blank == 0)
                first_blank = r->line;
            continue;
        }
        if (first_blank != 0) {
            mlp_seterr(r->err, "%s:%lu: empty line (expected 3 fields x1,x2,y)", r->name,
                       first_blank);
            return MLP_EFORMAT;
        }
        double x[2], y;
        if ((rc = check_text(r, 0)) != MLP_OK || (rc = parse_row(r, x, &y)) != MLP_OK)
            return rc;
        if (push_row(rb, x, y) != MLP_OK) {
            mlp_seterr(r->err, "%s:%lu: out of memory after %zu rows", r->name, r->line, rb->n);
            return MLP_ENOMEM;
        }
    }
    if (got < 0)
        return -got;
    if (rb->n == 0) {
        mlp_seterr(r->err, "%s: no data rows after the header", r->name);
        return MLP_EFORMAT;
    }
    return MLP_OK;
}

int dataset_read_csv(const char *path, dataset **out, char *err)
{
    *out = NULL;
    int is_stdin = strcmp(path, "-") == 0;
    csv_reader r = {.name = is_stdin ? "stdin" : path, .err = err};
    r.f = is_stdin ? stdin : fopen(path, "r");
    if (r.f == NULL) {
        mlp_seterr(err, "%s: cannot open: %s", path, strerror(errno));
        return MLP_EIO;
    }
    row_buf rb = {0};
    flockfile(r.f);
    int rc = read_all(&r, &rb);
    funlockfile(r.f);
    if (!is_stdin)
        fclose(r.f);
    free(r.buf);
    dataset *ds = NULL;
    if (rc == MLP_OK && (ds = calloc(1, sizeof *ds)) == NULL) {
        mlp_seterr(err, "%s: out of memory after %zu rows", r.name, rb.n);
        rc = MLP_ENOMEM;
    }
    if (rc != MLP_OK) {
        free(rb.x);
        free(rb.y);
        return rc;
    }
    ds->n = rb.n;
    ds->d = 2;
    ds->x = rb.x; /* the slack past n rows is harmless; not worth a copy */
    ds->y = rb.y;
    *out = ds;
    return MLP_OK;
}
