#include "parse.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
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
    /* a value of thousands of characters would push WHY and ALLOWED out
     * of the one-line message: show its first 60 */
    if (value == NULL || *value == '\0')
        value = "\"\"";
    int cut = strlen(value) > 60;
    mlp_seterr(err, "%s: %s: %.*s%s: %s (allowed %s)", prog, opt, cut ? 60 : (int)strlen(value),
               value, cut ? "..." : "", why, allowed);
}

int parse_file_arg(char *err, const char *prog, const char *opt, const char *value,
                   const char *allowed)
{
    if (*value == '\0') {
        parse_seterr(err, prog, opt, value, "empty value", allowed);
        return MLP_EINVAL;
    }
    if (value[0] == '-' && value[1] != '\0') {
        char how[MLP_ERRLEN];
        if (strlen(value) <= 60)
            snprintf(how, sizeof how, "%s; write ./%s for a file of that name", allowed, value);
        else
            snprintf(how, sizeof how, "%s; prefix ./ for a file of that name", allowed);
        parse_seterr(err, prog, opt, value, "looks like an option, not a file name", how);
        return MLP_EINVAL;
    }
    return MLP_OK;
}

/* A long option, for messages: "--name" of arg (up to any '='). */
static int long_name_len(const char *arg)
{
    const char *eq = strchr(arg, '=');
    return (int)(eq ? (size_t)(eq - arg) : strlen(arg));
}

void parse_option_error(char *err, const char *prog, const char *shortopts,
                        const struct option *longopts, int c, char **argv)
{
    const char *arg = argv[optind - 1];
    /* glibc stores a short option's character as a (signed) char, a long
     * option's val as is; a short option failed when optopt is a character
     * that is not one of the valid short options (those can only fail as
     * --long=VALUE) */
    int oc = optopt < 0 ? optopt + 256 : optopt;
    int is_short = oc > 0 && oc < 256 && (oc == ':' || strchr(shortopts, oc) == NULL);
    if (c == ':' || strncmp(arg, "--", 2) != 0)
        is_short = strncmp(arg, "--", 2) != 0;
    if (is_short) {
        char opt[8];
        snprintf(opt, sizeof opt, isgraph(oc) ? "-%c" : "-\\x%02X", oc);
        mlp_seterr(err, "%s: %s: %s (see %s --help)", prog, opt,
                   c == ':' ? "missing value" : "unknown option", prog);
        return;
    }
    int len = long_name_len(arg);
    const char *name = arg + 2;
    size_t nlen = (size_t)len - 2;
    if (c == ':') { /* getopt matched one option: name it in full ("--ep" is --epochs) */
        const struct option *hit = NULL;
        for (const struct option *o = longopts; o->name != NULL; o++)
            if (strncmp(o->name, name, nlen) == 0 && (hit == NULL || strlen(o->name) == nlen))
                hit = o; /* an exact name wins over a longer one it begins */
        if (hit != NULL)
            mlp_seterr(err, "%s: --%s: missing value (see %s --help)", prog, hit->name, prog);
        else
            mlp_seterr(err, "%s: %.*s: missing value (see %s --help)", prog, len, arg, prog);
        return;
    }
    char could[256] = "";
    int matches = 0;
    const struct option *hit = NULL;
    for (const struct option *o = longopts; o->name != NULL; o++) {
        if (strncmp(o->name, name, nlen) != 0)
            continue;
        if (strlen(o->name) == nlen) { /* exact: it is this option */
            hit = o;
            matches = 1;
            break;
        }
        hit = o;
        matches++;
        size_t used = strlen(could);
        snprintf(could + used, sizeof could - used, "%s--%s", used ? ", " : "", o->name);
    }
    if (matches > 1)
        mlp_seterr(err, "%s: %.*s: ambiguous option (could be %s)", prog, len, arg, could);
    else if (matches == 1 && hit->has_arg == no_argument && arg[len] == '=')
        mlp_seterr(err, "%s: %s: --%s takes no value (see %s --help)", prog, arg, hit->name, prog);
    else
        mlp_seterr(err, "%s: %s: unknown option (see %s --help)", prog, arg, prog);
}
