/* Strict parsers for numeric command-line values, shared by the binaries.
 *
 * Each parser accepts the whole string or nothing: no leading or trailing
 * blanks, no empty string, no trailing junk, no silent wrap-around.  On
 * failure it returns MLP_EINVAL, leaves *out untouched and, if why is not
 * NULL, points *why at a static phrase saying what is wrong ("not a whole
 * number", "out of range", ...) for parse_seterr. */
#ifndef MLP_PARSE_H
#define MLP_PARSE_H

#include <getopt.h>

/* A decimal whole number in [min, max]: digits only (no sign, no 0x). */
int parse_ulong(const char *s, unsigned long min, unsigned long max,
                unsigned long *out, const char **why);

/* A finite decimal number (strtod syntax) in [min, max]; "nan", "inf" and
 * values that overflow a double are rejected. */
int parse_double(const char *s, double min, double max, double *out,
                 const char **why);

/* Two finite numbers "A,B" with min <= A < B <= max (e.g. a feature range). */
int parse_double_pair(const char *s, double min, double max, double *a,
                      double *b, const char **why);

/* The standard message for a bad option value, one line, no newline:
 *   "PROG: OPT: VALUE: WHY (allowed ALLOWED)"
 * e.g. "circles: --seed: -1: not a whole number (allowed 0..4294967295)".
 * An empty VALUE is shown as "", one longer than 60 characters by its first
 * 60 and "...". */
void parse_seterr(char *err, const char *prog, const char *opt,
                  const char *value, const char *why, const char *allowed);

/* A file-name option's value: MLP_OK, or MLP_EINVAL with err set to
 *   "PROG: OPT: \"\": empty value (allowed ALLOWED)" or
 *   "PROG: OPT: -v: looks like an option, not a file name (allowed ALLOWED;
 *    write ./-v for a file of that name)"
 * for a value that starts with '-' and is not exactly "-" (getopt gives a
 * required argument the next word, so "--csv -v" would take -v as the
 * file).  "-" itself is left to the caller: it is stdin or stdout for most
 * options. */
int parse_file_arg(char *err, const char *prog, const char *opt, const char *value,
                   const char *allowed);

/* The message for getopt_long's ':' (missing value) or '?' (bad option)
 * return c, read from the getopt globals right after that return:
 *   "PROG: --epochs: missing value (see PROG --help)"
 *   "PROG: -x: unknown option (see PROG --help)"
 *   "PROG: --bogus: unknown option (see PROG --help)"
 *   "PROG: --l: ambiguous option (could be --layers, --lr)"
 *   "PROG: --scale=1: --scale takes no value (see PROG --help)"
 * getopt leaves optind on the cluster for "-xv", so a short option is
 * named from optopt, never from argv[optind - 1]. */
void parse_option_error(char *err, const char *prog, const char *shortopts,
                        const struct option *longopts, int c, char **argv);

#endif
