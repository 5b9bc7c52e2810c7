/* `mlptrain predict`: a saved model's probability and class for each input
 * row.  Input: CSV rows "x1,x2" or "x1,x2,y" (y ignored) in the original
 * units, an optional header line naming those columns, blanks around a
 * field ignored, CRLF and a UTF-8 byte order mark accepted, empty lines
 * skipped.  Output: "probability,class", then one line per row: the
 * probability in shortest round-trip form (fmt.h) and 1 when it is > 0.5. */
#ifndef MLP_PREDICT_H
#define MLP_PREDICT_H

#include <stdio.h>

#include "model.h"

#define PREDICT_MAX_LINE 4096
#define PREDICT_MAX_ABS 1e10 /* largest |x| accepted, as the data loader */

/* Read rows from in (name for messages), write to out, in chunks so that a
 * pipe gets answers as rows arrive.  MLP_OK; MLP_EFORMAT "NAME:LINE: REASON";
 * MLP_EIO "NAME: read error: REASON" or "write failed: REASON"; MLP_ENOMEM. */
int predict_stream(const model *md, FILE *in, const char *name, FILE *out, char *err);

#endif
