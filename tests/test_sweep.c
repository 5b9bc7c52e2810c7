/* sweep.c: every configuration x seed runs once, rows arrive in seed-major
 * order whatever the number of threads, and equal the single runs. */
#include <stdlib.h>

#include "check.h"
#include "cli.h"
#include "experiment.h"
#include "status.h"
#include "sweep.h"

typedef struct {
    run_row rows[16];
    size_t n, last_done;
    int order_ok;
} collect;

static void on_row(const run_row *row, size_t done, void *vctx)
{
    collect *c = vctx;
    c->order_ok &= done == c->n + 1 && done > c->last_done;
    c->last_done = done;
    if (c->n < 16)
        c->rows[c->n++] = *row;
}

static void configs(cli_config cfg[2])
{
    for (int i = 0; i < 2; i++) {
        cli_defaults(&cfg[i]);
        cfg[i].epochs = 3;
    }
    cfg[1].act = act_find("tanh");
    cfg[1].init.kind = INIT_GLOROT_UNIFORM;
}

static int same_row(const run_row *a, const run_row *b)
{
    return strcmp(a->config, b->config) == 0 && a->seed == b->seed &&
           a->train_acc == b->train_acc && a->test_acc == b->test_acc &&
           a->train_loss == b->train_loss && a->test_loss == b->test_loss &&
           a->collapsed == b->collapsed && a->epochs_run == b->epochs_run && a->ok == b->ok;
}

int main(void)
{
    cli_config cfg[2];
    configs(cfg);
    const uint32_t seeds[3] = {5, 1, 9};
    char err[MLP_ERRLEN];
    collect c2 = {.order_ok = 1}, c1 = {.order_ok = 1};
    size_t done;
    sweep_spec spec = {cfg, 2, seeds, 3, 2, NULL, on_row, &c2};
    CHECK(sweep_run(&spec, &done, err) == MLP_OK);
    CHECK(done == 6 && c2.n == 6 && c2.order_ok);
    spec.jobs = 1;
    spec.ctx = &c1;
    CHECK(sweep_run(&spec, &done, err) == MLP_OK);
    CHECK(done == 6 && c1.n == 6 && c1.order_ok);
    for (size_t k = 0; k < 6; k++) {
        /* seed-major: k = seed index * n_cfg + config index */
        CHECK(c2.rows[k].seed == seeds[k / 2]);
        CHECK_STR(c2.rows[k].act, k % 2 ? "tanh" : "relu6");
        CHECK(same_row(&c1.rows[k], &c2.rows[k]));
        /* the single run with the same settings and seed */
        cli_config one = cfg[k % 2];
        one.seed = seeds[k / 2];
        experiment *ex;
        CHECK(experiment_run(&one, NULL, NULL, &ex, err) == MLP_OK);
        run_row r;
        runs_row_from(&one, &ex->res, MLP_OK, 0, &r);
        CHECK(same_row(&r, &c2.rows[k]));
        experiment_free(ex);
    }
    /* more threads than runs */
    collect c8 = {.order_ok = 1};
    spec.jobs = 8;
    spec.ctx = &c8;
    CHECK(sweep_run(&spec, &done, err) == MLP_OK);
    CHECK(done == 6 && c8.order_ok && same_row(&c8.rows[5], &c2.rows[5]));

    /* stopped before the start: nothing runs, MLP_EINTR */
    volatile sig_atomic_t stop = 1;
    collect cs = {.order_ok = 1};
    spec.stop = &stop;
    spec.ctx = &cs;
    CHECK(sweep_run(&spec, &done, err) == MLP_EINTR);
    CHECK(done == 0 && cs.n == 0);
    CHECK_STR(err, "interrupted after 0 of 6 runs");

    /* a failing run stops the sweep with its seed and configuration named */
    cli_config bad[2];
    configs(bad);
    bad[0].data_path = "/nonexistent/data.csv";
    collect cb = {.order_ok = 1};
    sweep_spec bspec = {bad, 2, seeds, 3, 2, NULL, on_row, &cb};
    CHECK(sweep_run(&bspec, &done, err) == MLP_EINVAL); /* a bad --data is a usage error */
    CHECK(done < 6);
    /* which seed fails first depends on the threads: all of them would */
    const char *tail = strstr(err, ", relu6/he_uniform/glorot_uniform: --data: /nonexistent/data.csv: "
                                   "cannot open: No such file or directory");
    CHECK(strncmp(err, "seed ", 5) == 0 && tail != NULL);
    return check_done("sweep_engine");
}
