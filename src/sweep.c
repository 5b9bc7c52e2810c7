#include "sweep.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "experiment.h"
#include "status.h"

typedef struct {
    const sweep_spec *spec;
    pthread_mutex_t lock;
    size_t total, next_start, next_deliver, delivered;
    run_row *rows;      /* total */
    char *finished;     /* total: 1 when rows[k] holds a result */
    int failed;         /* status of the first failure, MLP_OK if none */
    char err[MLP_ERRLEN];
} sweep_state;

unsigned sweep_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 1024 ? 1024 : (unsigned)n;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Hand over every finished row at the front of the queue (lock held). */
static void deliver(sweep_state *s, int skip_gaps)
{
    while (s->next_deliver < s->total &&
           (s->finished[s->next_deliver] || (skip_gaps && s->next_deliver < s->next_start))) {
        size_t k = s->next_deliver++;
        if (!s->finished[k])
            continue;
        s->delivered++;
        if (s->spec->on_row)
            s->spec->on_row(&s->rows[k], s->delivered, s->spec->ctx);
    }
}

static int run_one(const sweep_spec *spec, size_t k, run_row *row, char *err)
{
    cli_config cfg = spec->cfgs[k % spec->n_cfg];
    cfg.seed = spec->seeds[k / spec->n_cfg];
    double t0 = now_seconds();
    experiment *ex = NULL;
    int st = experiment_run(&cfg, NULL, spec->stop, &ex, err);
    if (st == MLP_OK || st == MLP_ENONFINITE) {
        runs_row_from(&cfg, &ex->res, st, now_seconds() - t0, row);
        st = MLP_OK;
    }
    experiment_free(ex);
    return st;
}

static void *worker(void *arg)
{
    sweep_state *s = arg;
    const sweep_spec *spec = s->spec;
    for (;;) {
        pthread_mutex_lock(&s->lock);
        int go = s->failed == MLP_OK && !(spec->stop && *spec->stop) && s->next_start < s->total;
        size_t k = s->next_start;
        if (go)
            s->next_start++;
        pthread_mutex_unlock(&s->lock);
        if (!go)
            return NULL;
        run_row row;
        char err[MLP_ERRLEN] = "";
        int st = run_one(spec, k, &row, err);
        pthread_mutex_lock(&s->lock);
        if (st == MLP_OK) {
            s->rows[k] = row;
            s->finished[k] = 1;
            deliver(s, 0);
        } else if (st != MLP_EINTR && s->failed == MLP_OK) {
            char cname[RUNS_CONFIG_LEN];
            runs_config_name(&spec->cfgs[k % spec->n_cfg], cname);
            s->failed = st;
            mlp_seterr(s->err, "seed %lu, %s: %s", (unsigned long)spec->seeds[k / spec->n_cfg],
                       cname, err);
        }
        pthread_mutex_unlock(&s->lock);
    }
}

int sweep_run(const sweep_spec *spec, size_t *n_done, char *err)
{
    *n_done = 0;
    sweep_state s;
    memset(&s, 0, sizeof s);
    s.spec = spec;
    s.total = spec->n_cfg * spec->n_seeds;
    s.rows = malloc((s.total + 1) * sizeof *s.rows);
    s.finished = calloc(s.total + 1, 1);
    unsigned n_threads = spec->jobs < s.total ? spec->jobs : (unsigned)s.total;
    pthread_t *tid = malloc((n_threads + 1) * sizeof *tid);
    if (!s.rows || !s.finished || !tid) {
        free(s.rows);
        free(s.finished);
        free(tid);
        mlp_seterr(err, "out of memory for %zu runs", s.total);
        return MLP_ENOMEM;
    }
    pthread_mutex_init(&s.lock, NULL);
    unsigned started = 0;
    for (; started < n_threads; started++)
        if (pthread_create(&tid[started], NULL, worker, &s) != 0)
            break;
    if (started == 0 && s.total > 0) {
        s.failed = MLP_ENOMEM;
        mlp_seterr(s.err, "cannot start a worker thread");
    }
    for (unsigned i = 0; i < started; i++)
        pthread_join(tid[i], NULL);
    deliver(&s, 1);
    pthread_mutex_destroy(&s.lock);
    *n_done = s.delivered;
    int st = s.failed;
    if (st != MLP_OK)
        memcpy(err, s.err, MLP_ERRLEN);
    else if (s.delivered < s.total) {
        st = MLP_EINTR;
        mlp_seterr(err, "interrupted after %zu of %zu runs", s.delivered, s.total);
    }
    free(s.rows);
    free(s.finished);
    free(tid);
    return st;
}
