#include "parse.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "status.h"

static int fail(const char **why, const char *msg)
{
    if (why != NULL)
        *why = msg;
    return MLP_EINVAL;
}

int parse_ulong(const char *s, unsigned long min, unsigned long max,
                unsigned long *out, const char **why)
{
    if (s == NULL || *s == '\0')
        return fail(why, "empty value");
    /* strtoul alone would skip blanks and negate "-1" into ULONG_MAX */
    for (const char *p = s; *p != '\0'; p++)
        if (!isdigit((unsigned char)*p))
            return fail(why, "not a whole number");
    errno = 0;
    unsigned long v = strtoul(s, NULL, 10);
    if (errno == ERANGE || v < min || v > max)
        return fail(why, "out of range");
    *out = v;
    return MLP_OK;
}

/* Parse s[0..len) as one finite double. */
static int parse_span(const char *s, size_t len, double *out, const char **why)
{
    if (len == 0)
        return fail(why, "empty value");
    if (isspace((unsigned char)s[0]))
        return fail(why, "not a number");
    char *copy = malloc(len + 1);
    if (copy == NULL)
        return fail(why, "out of memory");
    memcpy(copy, s, len);
    copy[len] = '\0';
    char *end;
    errno = 0;
    double v = strtod(copy, &end);
    int range_err = errno == ERANGE;
    int complete = end == copy + len && end != copy;
    free(copy);
    if (!complete)
        return fail(why, "not a number");
    if (isinf(v) && range_err)
        return fail(why, "out of range");
    if (!isfinite(v))
        return fail(why, "not a finite number");
    /* an underflow to 0 or a subnormal is a correct rounding: accept it */
    *out = v;
    return MLP_OK;
}

int parse_double(const char *s, double min, double max, double *out,
                 const char **why)
{
    double v;
    if (s == NULL)
        return fail(why, "empty value");
    int rc = parse_span(s, strlen(s), &v, why);
    if (rc != MLP_OK)
        return rc;
    if (!(v >= min && v <= max))
        return fail(why, "out of range");
    *out = v;
    return MLP_OK;
}

int parse_double_pair(const char *s, double min, double max, double *a,
                      double *b, const char **why)
{
    if (s == NULL || *s == '\0')
        return fail(why, "empty value");
    const char *comma = strchr(s, ',');
    if (comma == NULL || strchr(comma + 1, ',') != NULL)
        return fail(why, "not two numbers separated by a comma");
    double va, vb;
    int rc = parse_span(s, (size_t)(comma - s), &va, why);
    if (rc == MLP_OK)
        rc = parse_span(comma + 1, strlen(comma + 1), &vb, why);
    if (rc != MLP_OK)
        return rc;
    if (!(va >= min && va <= max && vb >= min && vb <= max))
        return fail(why, "out of range");
    if (!(va < vb))
        return fail(why, "first value not less than the second");
    *a = va;
    *b = vb;
    return MLP_OK;
}

void parse_seterr(char *err, const char *prog, const char *opt,
                  const char *value, const char *why, const char *allowed)
{
    mlp_seterr(err, "%s: %s: %s: %s (allowed %s)", prog, opt,
               value == NULL || *value == '\0' ? "\"\"" : value, why, allowed);
}
