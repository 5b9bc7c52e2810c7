/* Shortest round-trip text for doubles (as Python's repr gives the digits). */
#ifndef MLP_FMT_H
#define MLP_FMT_H

#define FMT_DOUBLE_LEN 32

/* Write the shortest of %.15g, %.16g, %.17g that reads back to the same
 * double into buf[FMT_DOUBLE_LEN]; returns buf. */
char *fmt_double(char *buf, double v);

/* The same text by its definition (snprintf and strtod at each precision
 * until one reads back): fmt_double's fallback, and its test's reference. */
char *fmt_double_definition(char *buf, double v);

#endif
