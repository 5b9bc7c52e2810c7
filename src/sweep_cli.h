/* Command lines of `mlptrain sweep` and `mlptrain summarize`: options ->
 * validated settings.  Training options are handed on to cli_parse, once
 * per configuration, so a sweep's run is exactly the single run with the
 * same options and --seed. */
#ifndef MLP_SWEEP_CLI_H
#define MLP_SWEEP_CLI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "act.h"
#include "cli.h"

#define SWEEP_MAX_SEEDS 10000000UL

typedef struct {
    cli_config cfgs[ACT_COUNT]; /* one per --act, in the order given */
    size_t n_cfg;
    uint32_t *seeds;            /* n_seeds, owned: free with sweep_options_free */
    size_t n_seeds;
    unsigned jobs;              /* worker threads */
    const char *out_path;       /* per-run CSV; NULL: none */
    int emit_jobs;              /* print one mlptrain command per run instead */
    int article_init;
    char *fwd[256];             /* training options as --NAME=VALUE, owned */
    size_t n_fwd;
} sweep_options;

/* argv[0] is "sweep".  Returns CLI_RUN, CLI_HELP, or MLP_EINVAL with one
 * line in err ("mlptrain sweep: --OPT: VALUE: WHY (allowed ALLOWED)" or
 * cli_parse's message for a training option). */
int sweep_cli_parse(int argc, char **argv, sweep_options *o, char *err);
void sweep_options_free(sweep_options *o);
void sweep_cli_usage(FILE *f);

/* Parse a seed list "1-100", "3,5,7", "1-10,20-29" into a new array. */
int sweep_parse_seeds(const char *s, uint32_t **out, size_t *n, const char **why);

/* argv[0] is "summarize".  Returns CLI_RUN with the *n_files file names
 * in files[] (room for argc entries), CLI_HELP, or MLP_EINVAL with err set. */
int summarize_cli_parse(int argc, char **argv, const char **files, int *n_files, char *err);
void summarize_cli_usage(FILE *f);

#endif
