/* mlptrain's command line: options -> a validated config.  All parsing and
 * every usage message lives here; main() only dispatches. */
#ifndef MLP_CLI_H
#define MLP_CLI_H

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>

#include "act.h"
#include "init.h"
#include "mlp.h"

#define CLI_MAX_QUANT 32

typedef struct {
    /* data */
    const char *data_path;   /* NULL: generate make_circles */
    unsigned long samples;
    double noise, factor;
    uint32_t data_seed;
    int scale;               /* MinMax-scale all rows before the split */
    double range_lo, range_hi;
    unsigned long train_rows;
    /* network */
    size_t n_hidden;
    size_t widths[MLP_MAX_LAYERS];
    const act_def *act;
    init_spec init, out_init;
    /* training */
    unsigned long epochs, batch;
    double lr, momentum;
    int nesterov;
    uint32_t seed;
    /* output */
    const char *csv_path;    /* NULL: no history file */
    int verbose;             /* per-epoch lines on stderr */
    /* diagnostics, fixed point, saved models (issue 6) */
    const char *diag_path;   /* NULL: no diagnostics file */
    int quant_bits[CLI_MAX_QUANT];
    size_t n_quant;          /* 0: no fixed-point table */
    const char *quant_csv_path;
    const char *save_path, *load_path;
    unsigned given;          /* CLI_GIVEN_* bits: options given explicitly */
    /* single-run outputs of the seed-sweep tooling (issue 3) */
    int quiet;               /* no settings line or notes on stderr */
    const char *result_path; /* NULL: no per-run CSV row (runs.h) */
    const char *grid_path;   /* NULL: no probability grid (grid.h) */
    unsigned long grid_size; /* grid points per axis */
    const char *dump_path;   /* NULL: do not write the data as the model sees it */
} cli_config;

/* Options that a model file (--load) also sets; given and different from
 * the file's value, they contradict it. */
enum {
    CLI_GIVEN_WIDTHS = 1,   /* --layers, --units or --widths */
    CLI_GIVEN_ACT = 2,
    CLI_GIVEN_INIT = 4,
    CLI_GIVEN_OUT_INIT = 8,
    CLI_GIVEN_SEED = 16,
    CLI_GIVEN_SCALE = 32,   /* --scale */
    CLI_GIVEN_NO_SCALE = 64,
    CLI_GIVEN_RANGE = 128
};

enum { CLI_RUN = 0, CLI_HELP = 100, CLI_VERSION = 101 };

/* The article's relu6 configuration. */
void cli_defaults(cli_config *cfg);

/* Parse argv into cfg.  Returns CLI_RUN, CLI_HELP, CLI_VERSION, or
 * MLP_EINVAL with one line in err:
 *   "mlptrain: --OPT: VALUE: WHY (allowed ALLOWED)" */
int cli_parse(int argc, char **argv, cli_config *cfg, char *err);

void cli_usage(FILE *f);

/* `mlptrain predict`: argv[0] is "predict". */
typedef struct {
    const char *load_path;  /* required */
    const char *input_path; /* "-" (stdin) unless --input */
} cli_predict_config;
int cli_parse_predict(int argc, char **argv, cli_predict_config *cfg, char *err);
void cli_predict_usage(FILE *f);

/* The training options (getopt_long table, ends with a zero entry), for
 * subcommands that accept "any normal training option" and hand those on
 * to cli_parse. */
const struct option *cli_options(void);

/* Every effective setting as one command line that repeats the run. */
void cli_print_settings(const cli_config *cfg, FILE *f);

#endif
