/* The sweep summary: per-run rows grouped by configuration, the test
 * accuracy of each group summarized, and every pair of groups compared
 * with Welch's t-test and the Mann-Whitney U test.  Shared by
 * `mlptrain sweep` and `mlptrain summarize`, so both print the same. */
#ifndef MLP_SUMMARY_H
#define MLP_SUMMARY_H

#include <stdint.h>
#include <stdio.h>

#include "runs.h"
#include "stats.h"

typedef struct {
    const char *config;    /* points into the rows */
    size_t runs;           /* rows with status ok */
    size_t diverged;       /* rows with status nonfinite (left out of the statistics) */
    unsigned long epochs_min, epochs_max; /* epochs_run of the ok runs: they differ when rows
                                             of runs with different --epochs were mixed */
    size_t collapsed;
    stats_summary test;    /* test accuracy of the ok runs */
    double learned_mean;   /* mean test accuracy of the runs that did not collapse; NAN if none */
    double *acc;           /* runs values, owned */
    uint32_t *seed;        /* the seed of each acc[i], owned */
} summary_group;

typedef struct {
    summary_group *g;
    size_t n;
} summary;

/* Group rows by config, in order of first appearance.  MLP_OK,
 * MLP_ENOMEM, or MLP_EINVAL when a group has no test accuracies (no test
 * rows: "CONFIG: no test accuracy in the rows (trained without test rows?)"). */
int summary_build(const run_list *rows, summary *out, char *err);
void summary_free(summary *s);

/* The tables, as text for a terminal and a README. */
int summary_print(const summary *s, FILE *f);

#endif
