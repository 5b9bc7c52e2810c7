/* Saved models: a trained network in a text file, read back bit for bit.
 *
 * Format, version 1 (one item per line, fields separated by one or more
 * blanks; lines starting with '#' and empty lines are ignored anywhere):
 *
 *   mlptrain-model 1                 magic and format version (first line)
 *   inputs 2                         width[0]
 *   hidden 3 5 5 5                   hidden layer count, then each width
 *   activation relu6                 hidden activation (act.h names)
 *   init he_uniform                  hidden kernel initializer (init.h syntax)
 *   out-init glorot_uniform          output kernel initializer
 *   seed 1                           the --seed of the run
 *   epochs 500                       complete epochs trained so far
 *   scaler minmax -1 1               or "scaler none"; LO HI = feature_range
 *   scale S1 S2                      per input: x' = x * scale + shift
 *   shift H1 H2                      (only after "scaler minmax")
 *   params                           the weights, then for l = 1..L:
 *   layer L FAN_IN FAN_OUT             a layer header, FAN_IN lines of FAN_OUT
 *   W...                               numbers (the kernel, row-major, as
 *   b...                               Keras stores it), one line of FAN_OUT
 *                                      numbers (the biases)
 *   velocity                         optional: the SGD momentum state, the
 *   layer ...                        same layer blocks again
 *   end                              last line: a file without it is truncated
 *
 * Every number is a finite double in shortest round-trip form (fmt.h), so
 * a loaded model computes bit-identical outputs.  Integers are decimal
 * digits only.  The seed and initializers are kept so that continuing
 * training can replay the generator (saved.h).  Readers refuse versions
 * greater than MODEL_VERSION. */
#ifndef MLP_MODEL_H
#define MLP_MODEL_H

#include <stdint.h>
#include <stdio.h>

#include "circles.h"
#include "init.h"
#include "mlp.h"

#define MODEL_MAGIC "mlptrain-model"
#define MODEL_VERSION 1
#define MODEL_MAX_LINE 65536 /* bytes per line */
#define MODEL_MAX_WIDTH 1000000UL

typedef struct {
    mlp *m;                /* owned */
    init_spec init, out_init;
    uint32_t seed;
    unsigned long epochs;
    int scaled;            /* scaler valid */
    double range_lo, range_hi; /* the scaler's feature_range */
    minmax scaler;
    int has_velocity;      /* m->vel came from the file (else zero) */
} model;

/* Write md to f (no flush).  comment (may be NULL) is written as a '#' line
 * after the magic line.  MLP_EIO "write failed" on a stream error. */
int model_write(const model *md, const char *comment, FILE *f, char *err);
/* Write to PATH through atomic.h ("-" is stdout). */
int model_save(const model *md, const char *comment, const char *path, char *err);

/* Read a model from f; name is used in messages.  On success *out is a new
 * model (caller frees).  Errors (one line in err, *out NULL):
 *   MLP_EFORMAT "NAME:LINE: REASON" for any malformed, truncated,
 *               inconsistent or future-version file
 *   MLP_ENOMEM  "NAME:LINE: out of memory"
 *   MLP_EIO     "NAME: read error: REASON" */
int model_read(FILE *f, const char *name, model **out, char *err);
/* Open PATH ("-" is stdin) and read it; "PATH: cannot open: REASON". */
int model_load(const char *path, model **out, char *err);
void model_free(model *md); /* accepts NULL */

/* The model's probability for each of the n rows x[n x inputs], given in
 * the original (unscaled) units: the saved scaler is applied first.
 * MLP_ENONFINITE "row N: the model's output is not a number (its sums
 * overflow)" when finite but huge weights give inf - inf. */
int model_predict(const model *md, const double *x, size_t n, double *prob, char *err);

#endif
