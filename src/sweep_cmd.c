#include "sweep_cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "atomic.h"
#include "runs.h"
#include "sigstop.h"
#include "status.h"
#include "summary.h"
#include "sweep.h"
#include "sweep_cli.h"

typedef struct {
    FILE *csv;          /* per-run rows, or NULL */
    run_list rows;      /* every row, for the summary */
    int oom;
    int progress;       /* stderr is a terminal */
    size_t total;
    double t0, last_shown;
} sweep_out;

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void on_row(const run_row *row, size_t done, void *vctx)
{
    sweep_out *o = vctx;
    if (o->csv)
        runs_write_row(o->csv, row);
    if (runs_append(&o->rows, row) != MLP_OK)
        o->oom = 1;
    if (o->progress) {
        double t = now_seconds(), el = t - o->t0;
        if (t - o->last_shown >= 0.2 || done == o->total) {
            o->last_shown = t;
            fprintf(stderr, "\rsweep: %zu/%zu runs, %.0f s elapsed, about %.0f s left   ", done,
                    o->total, el, el / (double)done * (double)(o->total - done));
            if (done == o->total)
                fputc('\n', stderr);
        }
    }
}

/* The results go to stdout: 1 (and the message) when writing them failed. */
static int flush_stdout(const char *prog)
{
    char err[MLP_ERRLEN];
    if (atomic_flush_stdout(err) != MLP_OK) {
        fprintf(stderr, "%s: %s\n", prog, err);
        return 1;
    }
    return 0;
}

/* One mlptrain command per run, for GNU parallel: the settings line of the
 * configuration (every effective setting, so that a machine with other
 * defaults runs the same thing) with the seed, printing one CSV row. */
static int emit_jobs(const sweep_options *o, const char *prog)
{
    for (size_t k = 0; k < o->n_cfg * o->n_seeds; k++) {
        cli_config cfg = o->cfgs[k % o->n_cfg];
        cfg.seed = o->seeds[k / o->n_cfg];
        if (cfg.data_path && strcspn(cfg.data_path, " \t\n'\"\\$`;&|<>()*?[]#~!{}") !=
                                 strlen(cfg.data_path)) {
            fprintf(stderr, "mlptrain sweep: --emit-jobs: --data %s: the file name needs shell "
                    "quoting; rename or link it\n", cfg.data_path);
            return 2;
        }
        char *line = NULL;
        size_t len = 0;
        FILE *m = open_memstream(&line, &len);
        if (m == NULL) {
            fprintf(stderr, "mlptrain sweep: out of memory\n");
            return 1;
        }
        cli_print_settings(&cfg, m);
        fclose(m);
        /* "mlptrain VERSION: settings: --samples ..." -> the options */
        const char *opts = strstr(line, "settings:");
        opts = opts ? opts + strlen("settings:") : line;
        line[len > 0 && line[len - 1] == '\n' ? len - 1 : len] = '\0';
        printf("%s%s --quiet --result -\n", prog, opts);
        free(line);
    }
    return flush_stdout("mlptrain sweep");
}

int sweep_command(int argc, char **argv, volatile sig_atomic_t *stop)
{
    sweep_options o;
    char err[MLP_ERRLEN];
    int st = sweep_cli_parse(argc, argv, &o, err);
    if (st == CLI_HELP) {
        sweep_options_free(&o);
        sweep_cli_usage(stdout);
        return flush_stdout("mlptrain sweep");
    }
    if (st != CLI_RUN) {
        sweep_options_free(&o);
        fprintf(stderr, "%s\n", err);
        return 2;
    }
    if (o.emit_jobs) {
        st = emit_jobs(&o, "mlptrain");
        sweep_options_free(&o);
        return st;
    }
    atomic_file *af = NULL;
    if (o.out_path && atomic_check_dir(o.out_path, err) != MLP_OK) {
        sweep_options_free(&o);
        fprintf(stderr, "mlptrain sweep: --out: %s\n", err);
        return 2;
    }
    /* the rows are renamed into place at the end: never over the data */
    const char *data = o.cfgs[0].data_path;
    if (o.out_path && data && strcmp(o.out_path, "-") != 0 && strcmp(data, "-") != 0 &&
        experiment_same_file(o.out_path, data)) {
        fprintf(stderr, "mlptrain sweep: --out: %s: is the --data file; the rows would replace "
                "the data (allowed another file name)\n", o.out_path);
        sweep_options_free(&o);
        return 2;
    }
    if (o.out_path && (af = atomic_open(o.out_path, err)) == NULL) {
        sweep_options_free(&o);
        fprintf(stderr, "mlptrain sweep: %s\n", err);
        return 1;
    }
    int quiet = o.cfgs[0].quiet; /* -q: the training option, the same in every configuration */
    sweep_out out = {af ? af->f : NULL, {NULL, 0, 0, 0}, 0, !quiet && isatty(2),
                     o.n_cfg * o.n_seeds, 0, 0};
    if (out.csv)
        fputs(RUNS_HEADER "\n", out.csv);
    unsigned jobs = o.jobs < out.total ? o.jobs : (unsigned)out.total;
    if (!quiet)
        fprintf(stderr,
                "mlptrain sweep: %zu runs (%zu configuration%s x %zu seed%s) on %u thread%s\n",
                out.total, o.n_cfg, o.n_cfg == 1 ? "" : "s", o.n_seeds, o.n_seeds == 1 ? "" : "s",
                jobs, jobs == 1 ? "" : "s");
    out.t0 = now_seconds();
    sweep_spec spec = {o.cfgs, o.n_cfg, o.seeds, o.n_seeds, o.jobs, stop, on_row, &out};
    size_t done;
    /* a stop signal ends the sweep after the runs' current batches, all of
     * it, data loading included (see sigstop.h) */
    if (stop)
        sigstop_defer_begin();
    st = sweep_run(&spec, &done, err);
    if (stop)
        sigstop_defer_end();
    double elapsed = now_seconds() - out.t0;
    if (out.progress && done < out.total)
        fputc('\n', stderr);
    int rc = 0;
    if (st != MLP_OK && st != MLP_EINTR) {
        fprintf(stderr, "mlptrain sweep: %s\n", err);
        atomic_abort(af);
        af = NULL;
        rc = st == MLP_EINVAL ? 2 : 1; /* as a single run: a bad --data is a usage error */
    } else if (out.oom) {
        fprintf(stderr, "mlptrain sweep: out of memory for the rows\n");
        rc = 1;
    } else {
        if (!quiet)
            fprintf(stderr, "mlptrain sweep: %zu runs in %.1f s\n", done, elapsed);
        if (st == MLP_EINTR) {
            fprintf(stderr, "mlptrain sweep: %s; summary of the completed runs\n", err);
            if (out.csv)
                fprintf(out.csv, "# partial: %s\n", err);
            rc = 128 + (int)*stop;
        }
        summary s;
        if (out.rows.n > 0 && summary_build(&out.rows, &s, err) == MLP_OK) {
            summary_print(&s, stdout);
            summary_free(&s);
        } else if (out.rows.n > 0) {
            fprintf(stderr, "mlptrain sweep: %s\n", err);
            rc = rc ? rc : 1;
        }
    }
    if (af && atomic_commit(af, err) != MLP_OK) {
        fprintf(stderr, "mlptrain sweep: %s\n", err);
        rc = rc ? rc : 1;
    }
    runs_list_free(&out.rows);
    sweep_options_free(&o);
    if (flush_stdout("mlptrain sweep"))
        rc = rc ? rc : 1;
    return rc;
}

int summarize_command(int argc, char **argv)
{
    char err[MLP_ERRLEN];
    const char **files = malloc((size_t)argc * sizeof *files);
    int n_files;
    if (files == NULL) {
        fprintf(stderr, "mlptrain summarize: out of memory\n");
        return 1;
    }
    int st = summarize_cli_parse(argc, argv, files, &n_files, err);
    if (st != CLI_RUN) {
        free(files);
        if (st == CLI_HELP) {
            summarize_cli_usage(stdout);
            return flush_stdout("mlptrain summarize");
        }
        fprintf(stderr, "%s\n", err);
        return 2;
    }
    run_list rows = {NULL, 0, 0, 0};
    int rc = 0;
    for (int i = 0; i < n_files && rc == 0; i++) {
        size_t partial = rows.n_partial;
        int rs = runs_read(files[i], &rows, err);
        if (rs != MLP_OK) {
            fprintf(stderr, "mlptrain summarize: %s\n", err);
            /* an input that cannot be read or is not per-run rows is a
             * usage error, as a bad --data file is */
            rc = rs == MLP_ENOMEM ? 1 : 2;
        } else if (rows.n_partial > partial) {
            fprintf(stderr, "mlptrain summarize: note: %s is marked partial (a sweep that "
                    "stopped early): its configurations may lack seeds\n",
                    strcmp(files[i], "-") == 0 ? "stdin" : files[i]);
        }
    }
    if (rc == 0 && rows.n == 0) {
        fprintf(stderr, "mlptrain summarize: no runs in the files given\n");
        rc = 2;
    }
    int rs;
    if (rc == 0 && (rs = runs_find_repeat(&rows, err)) != MLP_OK) {
        fprintf(stderr, "mlptrain summarize: %s\n", err);
        rc = rs == MLP_ENOMEM ? 1 : 2;
    }
    summary s;
    if (rc == 0 && summary_build(&rows, &s, err) != MLP_OK) {
        fprintf(stderr, "mlptrain summarize: %s\n", err);
        rc = 1;
    } else if (rc == 0) {
        summary_print(&s, stdout);
        summary_free(&s);
    }
    runs_list_free(&rows);
    free(files);
    if (flush_stdout("mlptrain summarize"))
        rc = rc ? rc : 1;
    return rc;
}
