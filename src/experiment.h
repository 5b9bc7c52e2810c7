/* One experiment, end to end: get the data (generate or load), scale,
 * split, build and initialize the network, train with the history file,
 * evaluate.  The CLI's main job and the seed sweep both call this. */
#ifndef MLP_EXPERIMENT_H
#define MLP_EXPERIMENT_H

#include <signal.h>
#include <stdio.h>

#include "circles.h"
#include "cli.h"
#include "dataset.h"
#include "mlp.h"

typedef struct {
    double train_acc, test_acc, train_loss, test_loss; /* final weights; test NAN if no test rows */
    size_t n_train, n_test;
    size_t epochs_run;   /* complete epochs */
    int collapsed;       /* one class predicted for every row */
    int collapsed_class; /* which, when collapsed */
} experiment_result;

/* What a run leaves behind, for the steps after training (evaluation
 * tables, saved models, grids).  All owned; free with experiment_free. */
typedef struct {
    dataset *train, *test;  /* after scaling and the split */
    int scaled;
    minmax scaler;          /* valid when scaled */
    mlp *model;             /* the trained network */
    experiment_result res;
    unsigned long epochs_before; /* epochs of the --load model (0 without) */
} experiment;

/* Run cfg.  Messages (settings line, warnings, per-epoch lines when
 * cfg->verbose) go to `log` (may be NULL).  stop: see train_cfg.  Returns
 * MLP_OK or an error status with err set.  *out is set (caller frees) on
 * MLP_OK, and also on MLP_ENONFINITE and MLP_EINTR, where the history file
 * holds the complete epochs and is marked partial; NULL otherwise. */
/* 1 when paths a and b name the same file (the same inode when both
 * exist; else the same name in the same directory, however spelled). */
int experiment_same_file(const char *a, const char *b);

int experiment_run(const cli_config *cfg, FILE *log, volatile sig_atomic_t *stop,
                   experiment **out, char *err);
void experiment_free(experiment *ex); /* accepts NULL */

#endif
