/* The per-epoch history file, in Keras CSVLogger's format: header
 * "epoch,accuracy,loss,val_accuracy,val_loss" (keys sorted), epochs from 0,
 * one row per epoch, flushed as it goes: rows collect in the history's
 * own buffer and go to the file whole, after the first row, then at most
 * every HISTORY_FLUSH_SECONDS (a write per epoch cost the article's 24 ms
 * run 0.4 ms) or when the buffer is full, and at the end.  Written to a
 * temporary file beside the target and renamed into place when closed, so
 * a reader never sees a truncated file.  A run that stopped early ends with
 * one comment line
 *   # partial: REASON
 * (gnuplot and the sweep summary skip or read '#' lines). */
#ifndef MLP_HISTORY_H
#define MLP_HISTORY_H

#include "atomic.h"
#include "fmt.h"
#include "train.h"

#define HISTORY_FLUSH_SECONDS 0.1
#define HISTORY_ROW_MAX (24 + 4 * FMT_DOUBLE_LEN)

typedef struct {
    atomic_file *af;
    int has_val;       /* write the val_ columns */
    double last_flush; /* CLOCK_MONOTONIC seconds of the last flush; < 0: none yet */
    size_t len;        /* bytes of whole rows in buf, not yet written */
    char buf[16384];
} history;

/* Open PATH for writing ("-" is stdout); NULL with err set on failure. */
history *history_open(const char *path, int has_val, char *err);
int history_write(history *h, const epoch_log *log, char *err);
/* Finish: when partial_reason is not NULL, mark the file partial. Then
 * rename into place.  Frees h (also on error). */
int history_close(history *h, const char *partial_reason, char *err);
/* Drop the file (nothing is written at PATH). Accepts NULL. */
void history_abort(history *h);

#endif
