/* The dataset type: n rows of d features and a 0/1 label; CSV read/write.
 *
 * CSV format (same as ../shared/fixtures): a header line "x1,x2,...,y",
 * then one row per sample, every double in shortest round-trip form. */
#ifndef MLP_DATASET_H
#define MLP_DATASET_H

#include <stddef.h>
#include <stdio.h>

typedef struct {
    size_t n;   /* rows */
    size_t d;   /* features per row */
    double *x;  /* n*d, row-major, owned */
    double *y;  /* n labels, each 0.0 or 1.0, owned */
} dataset;

/* Allocate an n x d dataset (zeroed). NULL on failure or overflow. n may be 0. */
dataset *dataset_alloc(size_t n, size_t d);
void dataset_free(dataset *ds); /* accepts NULL */

/* A view of rows [first, first+count) copied into a new dataset. */
dataset *dataset_slice(const dataset *ds, size_t first, size_t count);

/* Number of rows labelled 0 and 1 (a label is 1 when y != 0). */
void dataset_class_counts(const dataset *ds, size_t *n0, size_t *n1);

/* Limits of dataset_read_csv. */
#define DATASET_MAX_LINE 1048576 /* bytes per line, without the "\n" */

/* Read the next line of f into *buf (NUL-terminated, without its "\n" or
 * "\r\n"; capacity *cap, grown as needed, owned by the caller), at most
 * DATASET_MAX_LINE bytes; *len is its length.  Returns 1 for a line, 0 at
 * end of file, or a negative status with err set: -MLP_EFORMAT ("NAME:LINE:
 * line longer than 1 MiB ..."), -MLP_ENOMEM, -MLP_EIO.  LINE is the line's
 * number, for the messages.  The dataset and per-run readers share it. */
int dataset_read_line(FILE *f, const char *name, unsigned long line, char **buf, size_t *cap,
                      size_t *len, char *err);
#define DATASET_MAX_ABS 1e10     /* largest |feature value| accepted */

/* Write ds as CSV to f: header "x1,...,xd,y", each double in the shortest
 * of %.15g/%.16g/%.17g that reads back to the same bits, labels "0"/"1".
 * Does not flush or close f.  MLP_EIO on a write error, message
 * "write failed: REASON" (the caller knows the file name). */
int dataset_write_csv(const dataset *ds, FILE *f, char *err);

/* Read a CSV with header exactly "x1,x2,y" (2 features only, for now) and
 * at least one row "x1,x2,y": finite numbers with |value| <= 1e10 and a
 * label 0, 1, 0.0 or 1.0; blanks around a field are ignored.  "-" is stdin.
 * A UTF-8 byte order mark, CRLF line ends and empty lines at the very end
 * are accepted.  The file is read as a stream (memory is the data plus one
 * line of at most DATASET_MAX_LINE bytes).
 *
 * On success *out is a new n x 2 dataset (caller frees).  Otherwise *out is
 * NULL, err holds one line and the status is:
 *   MLP_EIO      "FILE: cannot open: REASON", "FILE: read error: REASON"
 *   MLP_ENOMEM   "FILE:LINE: out of memory after N rows"
 *   MLP_EFORMAT  "FILE: empty file (expected a header \"x1,x2,y\" and data rows)"
 *                (also for a file of blank lines)
 *                "FILE: no data rows after the header"
 *                "FILE:LINE: REASON (WHAT IS ALLOWED)" for any bad line;
 *                see tests/test_dataset.c for every message.
 * FILE is the path as given, or "stdin". */
int dataset_read_csv(const char *path, dataset **out, char *err);

#endif
