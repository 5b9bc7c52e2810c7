/* The seed sweep engine: every configuration x every seed, each one a full
 * experiment_run (re-entrant), spread over worker threads.
 *
 * Runs are numbered k = 0..n_cfg*n_seeds-1 in seed-major order (seed 0 of
 * every configuration, then seed 1, ...), so that the runs done so far
 * always cover every configuration evenly and the time left can be
 * estimated early.  Results are handed to on_row in that order, whatever
 * order the threads finish in, so the output does not depend on --jobs. */
#ifndef MLP_SWEEP_H
#define MLP_SWEEP_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#include "cli.h"
#include "runs.h"

typedef struct {
    const cli_config *cfgs; /* n_cfg configurations; their seed is ignored */
    size_t n_cfg;
    const uint32_t *seeds;  /* n_seeds */
    size_t n_seeds;
    unsigned jobs;          /* worker threads, >= 1 */
    volatile sig_atomic_t *stop; /* when set: finish no more runs, return MLP_EINTR */
    /* Called with row k, in order of k, one call at a time (under the
     * sweep's lock: keep it short).  done = rows handed over so far,
     * including this one. */
    void (*on_row)(const run_row *row, size_t done, void *ctx);
    void *ctx;
} sweep_spec;

/* Run the sweep.  Returns MLP_OK; MLP_EINTR (stopped: the rows of the
 * runs that completed were handed over, in order, gaps skipped); or the
 * first failed run's status with err "seed S, CONFIG: MESSAGE" (the
 * remaining runs are not started).  A run whose loss diverged is not a
 * failure: its row has status nonfinite. *n_done gets the rows handed over. */
int sweep_run(const sweep_spec *spec, size_t *n_done, char *err);

/* Worker threads to use by default: the online processors (at least 1). */
unsigned sweep_default_jobs(void);

#endif
