/* Per-run result rows: one CSV row per training run, the unit a seed sweep
 * produces and `mlptrain summarize` reads back, from any number of files
 * and machines.
 *
 * Header (RUNS_HEADER), then one row per run:
 *   config      ACT/INIT/OUT_INIT, e.g. "tanh/uniform:0:1/uniform:0:1": the
 *               group the summary compares (no commas)
 *   act         hidden activation
 *   seed        --seed of the run
 *   train_acc, test_acc, train_loss, test_loss
 *               final weights on all training / test rows (shortest
 *               round-trip doubles; "nan" when there are no test rows or
 *               the run diverged)
 *   collapsed   1 when the final model predicts one class for every row
 *   epochs_run  complete epochs
 *   seconds     wall-clock time of the run (data, training, evaluation)
 *   status      "ok", or "nonfinite" when the loss diverged
 * Lines starting with '#' and repeated header lines are skipped when
 * reading, so files can be concatenated and marked partial. */
#ifndef MLP_RUNS_H
#define MLP_RUNS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "cli.h"
#include "experiment.h"

#define RUNS_HEADER \
    "config,act,seed,train_acc,test_acc,train_loss,test_loss,collapsed,epochs_run,seconds,status"
#define RUNS_CONFIG_LEN 200
#define RUNS_NAME_LEN 32

typedef struct {
    char config[RUNS_CONFIG_LEN];
    char act[RUNS_NAME_LEN];
    uint32_t seed;
    double train_acc, test_acc, train_loss, test_loss;
    int collapsed;
    unsigned long epochs_run;
    double seconds;
    int ok; /* status "ok" (1) or "nonfinite" (0) */
    const char *src; /* where runs_read found it ("stdin" or the path it was
                      * given, borrowed), NULL for a row made here */
    size_t line;     /* its line in src, 0 for a row made here */
} run_row;

/* "ACT/INIT/OUT_INIT" of cfg into buf[RUNS_CONFIG_LEN]. */
void runs_config_name(const cli_config *cfg, char *buf);

/* The row of a finished run: st is experiment_run's status (MLP_OK or
 * MLP_ENONFINITE), res its result. */
void runs_row_from(const cli_config *cfg, const experiment_result *res, int st, double seconds,
                   run_row *row);

/* Write one row (no header; fputs(RUNS_HEADER "\n") for that). */
void runs_write_row(FILE *f, const run_row *row);

/* --result: RUNS_HEADER and the row at PATH ("-" is stdout), atomically.
 * MLP_OK or MLP_EIO with err set. */
int runs_write_file(const char *path, const run_row *row, char *err);

/* A growing list of rows. */
typedef struct {
    run_row *rows;
    size_t n, cap;
    size_t n_partial; /* "# partial:" lines runs_read has met */
} run_list;

/* Append row to list; MLP_OK or MLP_ENOMEM. */
int runs_append(run_list *list, const run_row *row);
void runs_list_free(run_list *list); /* frees the rows, leaves an empty list */

/* Read every row of PATH ("-" is stdin) and append to list.  MLP_EIO
 * ("FILE: cannot open: REASON", "FILE: read error: REASON"), MLP_EFORMAT
 * ("FILE:LINE: REASON", also for a NUL byte or a line longer than
 * DATASET_MAX_LINE, 1 MiB, as --data), MLP_ENOMEM ("FILE:LINE: out of
 * memory ..."). */
int runs_read(const char *path, run_list *list, char *err);

/* MLP_OK when no configuration has a seed twice; else MLP_EFORMAT with err
 * naming both rows ("FILE:LINE: ... also at FILE:LINE"), or MLP_ENOMEM.  A
 * run counted twice (files collected twice, a retried job) would narrow
 * the confidence intervals and shrink the p-values. */
int runs_find_repeat(const run_list *list, char *err);

#endif
