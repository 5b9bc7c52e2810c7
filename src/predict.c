#include "predict.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "parse.h"
#include "status.h"

#define CHUNK 256

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    return s;
}

/* Split line at commas into at most max fields; returns the count, or
 * max + 1 when there are more. */
static size_t split(char *line, char **field, size_t max)
{
    size_t n = 0;
    for (char *p = line;; p++) {
        char *comma = strchr(p, ',');
        if (n == max)
            return max + 1;
        field[n++] = p;
        if (comma == NULL)
            return n;
        *comma = '\0';
        p = comma;
    }
}

/* header: write the header line first (once, so that a bad first row
 * leaves stdout empty) */
static int flush_chunk(const model *md, const double *x, size_t n, double *prob, FILE *out,
                       int *header, char *err)
{
    int st = model_predict(md, x, n, prob, err);
    if (st != MLP_OK)
        return st;
    if (*header) {
        fputs("probability,class\n", out);
        *header = 0;
    }
    char buf[FMT_DOUBLE_LEN];
    for (size_t i = 0; i < n; i++)
        fprintf(out, "%s,%d\n", fmt_double(buf, prob[i]), prob[i] > 0.5);
    fflush(out);
    if (ferror(out)) {
        mlp_seterr(err, "write failed: %s", strerror(errno));
        return MLP_EIO;
    }
    return MLP_OK;
}

int predict_stream(const model *md, FILE *in, const char *name, FILE *out, char *err)
{
    size_t d = md->m->width[0];
    double *x = malloc(CHUNK * d * sizeof *x), *prob = malloc(CHUNK * sizeof *prob);
    char **field = malloc((d + 2) * sizeof *field);
    char *line = malloc(PREDICT_MAX_LINE + 2);
    int st = MLP_OK;
    if (!x || !prob || !field || !line) {
        mlp_seterr(err, "out of memory");
        st = MLP_ENOMEM;
        goto done;
    }
    int header = 1;
    size_t lineno = 0, n = 0;
    int header_ok = 1;
    while (fgets(line, PREDICT_MAX_LINE + 2, in)) {
        lineno++;
        size_t len = strlen(line);
        if (len > 0 && line[len - 1] == '\n')
            line[--len] = '\0';
        else if (!feof(in)) {
            mlp_seterr(err, "%s:%zu: line longer than %d bytes", name, lineno, PREDICT_MAX_LINE);
            st = MLP_EFORMAT;
            goto done;
        }
        if (len > 0 && line[len - 1] == '\r')
            line[--len] = '\0';
        char *s = line;
        if (lineno == 1 && strncmp(s, "\xef\xbb\xbf", 3) == 0)
            s += 3;
        if (*trim(s) == '\0')
            continue;
        size_t nf = split(s, field, d + 1);
        if (header_ok && nf >= 1 && strcmp(trim(field[0]), "x1") == 0) {
            int ok = nf == d || nf == d + 1;
            for (size_t c = 0; ok && c < nf; c++) {
                char want[16];
                snprintf(want, sizeof want, c < d ? "x%zu" : "y", c + 1);
                ok = strcmp(trim(field[c]), want) == 0;
            }
            if (!ok) {
                mlp_seterr(err, "%s:%zu: bad header (expected \"x1,x2\" or \"x1,x2,y\")", name,
                           lineno);
                st = MLP_EFORMAT;
                goto done;
            }
            header_ok = 0;
            continue;
        }
        header_ok = 0;
        if (nf != d && nf != d + 1) {
            mlp_seterr(err, "%s:%zu: expected %zu or %zu fields (x1,x2 or x1,x2,y), found %s%zu",
                       name, lineno, d, d + 1, nf > d + 1 ? "more than " : "",
                       nf > d + 1 ? d + 1 : nf);
            st = MLP_EFORMAT;
            goto done;
        }
        for (size_t c = 0; c < d; c++) {
            const char *why;
            char *v = trim(field[c]);
            if (parse_double(v, -PREDICT_MAX_ABS, PREDICT_MAX_ABS, &x[n * d + c], &why) !=
                MLP_OK) {
                mlp_seterr(err, "%s:%zu: x%zu: \"%.24s\": %s (allowed finite numbers, |x| <= 1e10)",
                           name, lineno, c + 1, v, why);
                st = MLP_EFORMAT;
                goto done;
            }
        }
        if (++n == CHUNK) {
            if ((st = flush_chunk(md, x, n, prob, out, &header, err)) != MLP_OK)
                goto done;
            n = 0;
        }
    }
    if (ferror(in)) {
        mlp_seterr(err, "%s: read error: %s", name, strerror(errno));
        st = MLP_EIO;
        goto done;
    }
    st = flush_chunk(md, x, n, prob, out, &header, err);
done:
    free(x);
    free(prob);
    free(field);
    free(line);
    return st;
}
