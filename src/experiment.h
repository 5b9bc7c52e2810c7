/* One experiment, end to end: get the data (generate or load), scale,
 * split, build and initialize the network, train with the history file,
 * evaluate.  The CLI's main job and the seed sweep both call this. */
#ifndef MLP_EXPERIMENT_H
#define MLP_EXPERIMENT_H

#include <signal.h>
#include <stdio.h>

#include "cli.h"

typedef struct {
    double train_acc, test_acc, train_loss, test_loss; /* final weights; test NAN if no test rows */
    size_t n_train, n_test;
    size_t epochs_run;   /* complete epochs */
    int collapsed;       /* one class predicted for every row */
    int collapsed_class; /* which, when collapsed */
} experiment_result;

/* Run cfg.  Messages (settings line, warnings, per-epoch lines when
 * cfg->verbose) go to `log` (may be NULL).  stop: see train_cfg.  Returns
 * MLP_OK or an error status with err set; res is filled as far as the run
 * got (on MLP_ENONFINITE and MLP_EINTR, the history file holds the
 * complete epochs and is marked partial). */
int experiment_run(const cli_config *cfg, FILE *log, volatile sig_atomic_t *stop,
                   experiment_result *res, char *err);

#endif
