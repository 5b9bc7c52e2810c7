/* mlptrain: train a dense network on the two-circles problem, as Keras does.
 * Parsing lives in cli.c, the work in experiment.c; main maps statuses to
 * exit codes. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <gsl/gsl_errno.h>

#include "atomic.h"
#include "cli.h"
#include "experiment.h"
#include "grid.h"
#include "model.h"
#include "predict.h"
#include "quant_report.h"
#include "runs.h"
#include "sigstop.h"
#include "status.h"
#include "sweep_cmd.h"
#include "version.h"

/* The result goes to stdout: a full disk or closed pipe there is a failure
 * too, not a silent success. */
static int flush_stdout(void)
{
    char err[MLP_ERRLEN];
    if (atomic_flush_stdout(err) != MLP_OK) {
        fprintf(stderr, "mlptrain: %s\n", err);
        return 1;
    }
    return 0;
}

/* mlptrain predict --load FILE [--input CSV] */
static int predict_main(int argc, char **argv)
{
    cli_predict_config pc;
    char err[MLP_ERRLEN] = "";
    int st = cli_parse_predict(argc, argv, &pc, err);
    if (st == CLI_HELP) {
        cli_predict_usage(stdout);
        return flush_stdout();
    }
    if (st != CLI_RUN) {
        fprintf(stderr, "%s\n", err);
        return 2;
    }
    model *md;
    if ((st = model_load(pc.load_path, &md, err)) != MLP_OK) {
        /* as with --data: a named file that cannot be used is a usage error */
        fprintf(stderr, "mlptrain predict: --load: %s\n", err);
        return st == MLP_ENOMEM ? 1 : 2;
    }
    int is_stdin = strcmp(pc.input_path, "-") == 0;
    FILE *in = is_stdin ? stdin : fopen(pc.input_path, "r");
    if (in == NULL) {
        /* a named file that cannot be opened is a usage error, as --load */
        fprintf(stderr, "mlptrain predict: --input: %s: cannot open: %s\n", pc.input_path,
                strerror(errno));
        model_free(md);
        return 2;
    }
    st = predict_stream(md, in, is_stdin ? "stdin" : pc.input_path, stdout, err);
    if (!is_stdin)
        fclose(in);
    model_free(md);
    if (st != MLP_OK) {
        fprintf(stderr, "mlptrain predict: %s\n", err);
        return 1;
    }
    return flush_stdout();
}

/* Does one of the file outputs go to stdout ("-", or a name of the file
 * stdout is)?  cli_parse allows one "-" at most. */
static int stdout_carries_a_file(const cli_config *cfg)
{
    const char *outs[] = {cfg->csv_path,  cfg->diag_path, cfg->save_path,
                          cfg->grid_path, cfg->dump_path, cfg->quant_csv_path};
    for (size_t i = 0; i < sizeof outs / sizeof outs[0]; i++)
        if (outs[i] && atomic_is_stdout(outs[i]))
            return 1;
    return 0;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The outputs written after training (--grid, --dump-data, --result). */
static int write_outputs(const cli_config *cfg, const experiment *ex, int run_status,
                         double seconds, char *err)
{
    int st = MLP_OK;
    double range[2] = {cfg->range_lo, cfg->range_hi};
    if (run_status == MLP_OK && cfg->grid_path)
        st = grid_write_file(ex, cfg->scale ? range : NULL, cfg->grid_path, cfg->grid_size, err);
    if (st == MLP_OK && run_status == MLP_OK && cfg->dump_path)
        st = grid_dump_data(ex, cfg->dump_path, err);
    if (st == MLP_OK && cfg->result_path &&
        (run_status == MLP_OK || run_status == MLP_ENONFINITE)) {
        run_row row;
        runs_row_from(cfg, &ex->res, run_status, seconds, &row);
        st = runs_write_file(cfg->result_path, &row, err);
    }
    return st;
}

int main(int argc, char **argv)
{
    static cli_config cfg;
    char err[MLP_ERRLEN] = "";
    gsl_set_error_handler_off();
    /* a signal stops training after the batch (keeping the epochs); at any
     * other time it removes the temporary files and ends the process */
    sigstop_install();
    volatile sig_atomic_t *stop_signal = sigstop_flag();
    if (argc > 1 && strcmp(argv[1], "predict") == 0)
        return predict_main(argc - 1, argv + 1);
    if (argc > 1 && strcmp(argv[1], "sweep") == 0)
        return sweep_command(argc - 1, argv + 1, stop_signal);
    if (argc > 1 && strcmp(argv[1], "summarize") == 0)
        return summarize_command(argc - 1, argv + 1);
    int st = cli_parse(argc, argv, &cfg, err);
    if (st == CLI_HELP) {
        cli_usage(stdout);
        return flush_stdout();
    }
    if (st == CLI_VERSION) {
        printf("mlptrain %s\n", MLPTRAIN_VERSION);
        return flush_stdout();
    }
    if (st != CLI_RUN) {
        fprintf(stderr, "%s\n", err);
        return 2;
    }
    /* experiment_run checks every output's directory before any work */
    experiment *ex;
    double t0 = now_seconds();
    st = experiment_run(&cfg, cfg.quiet ? NULL : stderr, stop_signal, &ex, err);
    double seconds = now_seconds() - t0;
    char oerr[MLP_ERRLEN];
    if (ex && write_outputs(&cfg, ex, st, seconds, oerr) != MLP_OK) {
        fprintf(stderr, "mlptrain: %s\n", oerr);
        if (st == MLP_OK) {
            experiment_free(ex);
            return 1;
        }
    }
    if (st != MLP_OK) {
        experiment_free(ex);
        fprintf(stderr, "mlptrain: %s\n", err);
        if (st == MLP_EINTR)
            return 128 + (int)*stop_signal;
        return st == MLP_EINVAL ? 2 : 1;
    }
    experiment_result res = ex->res;
    /* the explanation users need: a dead ReLU network is not a bug */
    int relu_net = cfg.n_hidden > 0 && (cfg.act->id == ACT_RELU || cfg.act->id == ACT_RELU6);
    if (res.collapsed && !cfg.quiet)
        fprintf(stderr, "mlptrain: note: the model collapsed to a constant output (class %d for "
                "every row)%s: try another --seed\n", res.collapsed_class,
                relu_net ? "; deep narrow ReLU networks often do" : "");
    /* --result -: the row takes the place of the Train/Test line; when a
     * file goes to stdout (--csv -, --save -, ...), the line and the
     * fixed-point table go to stderr, so the file stays a valid file */
    FILE *report = stdout_carries_a_file(&cfg) ? stderr : stdout;
    if (!(cfg.result_path && atomic_is_stdout(cfg.result_path))) {
        if (res.n_test > 0)
            fprintf(report, "Train: %.3f, Test: %.3f\n", res.train_acc, res.test_acc);
        else
            fprintf(report, "Train: %.3f, Test: n/a\n", res.train_acc);
    }
    /* the fixed-point table follows the Train/Test line */
    st = cfg.n_quant ? quant_report(&cfg, ex, report, err) : MLP_OK;
    experiment_free(ex);
    if (st != MLP_OK) {
        fprintf(stderr, "mlptrain: %s\n", err);
        return 1;
    }
    return flush_stdout();
}
