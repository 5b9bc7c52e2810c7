#include "init.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "status.h"

/* stddev of a standard normal truncated to [-2, 2] (Keras VarianceScaling) */
#define TRUNC_SD 0.87962566103423978

static const struct {
    const char *name;
    init_kind kind;
} names[] = {
    {"he_uniform", INIT_HE_UNIFORM},         {"he_normal", INIT_HE_NORMAL},
    {"glorot_uniform", INIT_GLOROT_UNIFORM}, {"glorot_normal", INIT_GLOROT_NORMAL},
    {"lecun_uniform", INIT_LECUN_UNIFORM},   {"lecun_normal", INIT_LECUN_NORMAL},
    {"zeros", INIT_ZEROS},                   {"ones", INIT_ONES},
};

const char *init_names(void)
{
    return "he_uniform, he_normal, glorot_uniform, glorot_normal, lecun_uniform, "
           "lecun_normal, uniform:A:B, normal:MEAN:SD, zeros, ones";
}

static int parse_two(const char *s, double *a, double *b)
{
    char *end;
    errno = 0;
    *a = strtod(s, &end);
    if (end == s || *end != ':' || errno == ERANGE || !isfinite(*a))
        return -1;
    s = end + 1;
    *b = strtod(s, &end);
    if (end == s || *end != '\0' || errno == ERANGE || !isfinite(*b))
        return -1;
    return 0;
}

int init_parse(const char *s, init_spec *out, char *err)
{
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(s, names[i].name) == 0) {
            out->kind = names[i].kind;
            out->a = out->b = 0;
            return MLP_OK;
        }
    if (strncmp(s, "uniform:", 8) == 0) {
        if (parse_two(s + 8, &out->a, &out->b) != 0 || !(out->a < out->b)) {
            mlp_seterr(err, "expected uniform:A:B with finite numbers A < B");
            return MLP_EINVAL;
        }
        out->kind = INIT_UNIFORM;
        return MLP_OK;
    }
    if (strncmp(s, "normal:", 7) == 0) {
        if (parse_two(s + 7, &out->a, &out->b) != 0 || !(out->b >= 0)) {
            mlp_seterr(err, "expected normal:MEAN:SD with finite numbers and SD >= 0");
            return MLP_EINVAL;
        }
        out->kind = INIT_NORMAL;
        return MLP_OK;
    }
    mlp_seterr(err, "unknown initializer");
    return MLP_EINVAL;
}

void init_format(const init_spec *spec, char *buf, size_t len)
{
    if (spec->kind == INIT_UNIFORM)
        snprintf(buf, len, "uniform:%.17g:%.17g", spec->a, spec->b);
    else if (spec->kind == INIT_NORMAL)
        snprintf(buf, len, "normal:%.17g:%.17g", spec->a, spec->b);
    else
        for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
            if (names[i].kind == spec->kind)
                snprintf(buf, len, "%s", names[i].name);
}

/* Keras TruncatedNormal: redraw values outside two standard deviations. */
static double truncated_gauss(np_rng *g)
{
    double z;
    do
        z = np_rng_gauss(g);
    while (fabs(z) > 2.0);
    return z;
}

void init_fill(const init_spec *spec, np_rng *g, double *w, size_t fan_in, size_t fan_out)
{
    size_t n = fan_in * fan_out;
    double fin = (double)fan_in, favg = 0.5 * (double)(fan_in + fan_out);
    double limit = 0, sd = 0;
    switch (spec->kind) {
    case INIT_ZEROS:
    case INIT_ONES:
        for (size_t i = 0; i < n; i++)
            w[i] = spec->kind == INIT_ONES ? 1.0 : 0.0;
        return;
    case INIT_UNIFORM:
        for (size_t i = 0; i < n; i++)
            w[i] = np_rng_uniform(g, spec->a, spec->b);
        return;
    case INIT_NORMAL: /* Keras RandomNormal: not truncated */
        for (size_t i = 0; i < n; i++)
            w[i] = spec->a + spec->b * np_rng_gauss(g);
        return;
    /* VarianceScaling(scale, mode, distribution): uniform limit sqrt(3 scale / n),
     * truncated normal sd sqrt(scale / n) / TRUNC_SD */
    case INIT_HE_UNIFORM:
        limit = sqrt(6.0 / fin);
        break;
    case INIT_LECUN_UNIFORM:
        limit = sqrt(3.0 / fin);
        break;
    case INIT_GLOROT_UNIFORM:
        limit = sqrt(3.0 / favg);
        break;
    case INIT_HE_NORMAL:
        sd = sqrt(2.0 / fin) / TRUNC_SD;
        break;
    case INIT_LECUN_NORMAL:
        sd = sqrt(1.0 / fin) / TRUNC_SD;
        break;
    case INIT_GLOROT_NORMAL:
        sd = sqrt(1.0 / favg) / TRUNC_SD;
        break;
    }
    if (limit > 0)
        for (size_t i = 0; i < n; i++)
            w[i] = np_rng_uniform(g, -limit, limit);
    else
        for (size_t i = 0; i < n; i++)
            w[i] = sd * truncated_gauss(g);
}
