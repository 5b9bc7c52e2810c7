#include "experiment.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "circles.h"
#include "diag.h"
#include "history.h"
#include "saved.h"
#include "sigstop.h"
#include "status.h"
#include "train.h"

/* A mean training loss this far above chance (ln 2 = 0.693) means the
 * weights blew up: the logits are confidently wrong by ~100 on average. */
#define DIVERGED_LOSS 100.0
/* Unscaled inputs beyond this make the first updates huge (lr * x). */
#define UNSCALED_LIMIT 1e4

typedef struct {
    history *hist;
    FILE *log;
    int verbose;
    int warned_diverged;
    diag *diag;            /* --diag, or NULL */
    size_t epoch_base;     /* epochs of a --load model: the numbering goes on */
    const dataset *check_dead; /* the training rows, until the first batch checked them */
} epoch_ctx;

static void warn_dead(const mlp *m, const mlp_ws *ws, size_t B, const dataset *train, FILE *log);

static void on_batch(const mlp *m, const mlp_ws *ws, size_t B, void *vctx)
{
    epoch_ctx *ctx = vctx;
    if (ctx->check_dead) {
        warn_dead(m, ws, B, ctx->check_dead, ctx->log);
        ctx->check_dead = NULL;
    }
    if (ctx->diag)
        diag_batch(m, ws, B, ctx->diag);
}

static int on_epoch(const epoch_log *e0, void *vctx, char *err)
{
    epoch_ctx *ctx = vctx;
    epoch_log shifted = *e0;
    shifted.epoch += ctx->epoch_base;
    const epoch_log *e = &shifted;
    if (ctx->diag && diag_epoch(ctx->diag, e->epoch, err) != MLP_OK)
        return MLP_EIO;
    if (ctx->verbose && ctx->log)
        fprintf(ctx->log, "epoch %zu: loss %.4f accuracy %.4f val_loss %.4f val_accuracy %.4f\n",
                e->epoch, e->loss, e->accuracy, e->val_loss, e->val_accuracy);
    if (!ctx->warned_diverged && e->loss > DIVERGED_LOSS && ctx->log) {
        fprintf(ctx->log, "mlptrain: warning: the training loss reached %.6g in epoch %zu "
                "(chance level is 0.693): the run diverged; try a smaller --lr\n", e->loss, e->epoch);
        ctx->warned_diverged = 1;
    }
    return ctx->hist ? history_write(ctx->hist, e, err) : MLP_OK;
}

/* Valid but odd data: say so, and go on. */
static void warn_odd_data(const cli_config *cfg, const dataset *all, FILE *log)
{
    if (log == NULL)
        return;
    const char *src = cfg->data_path ? (strcmp(cfg->data_path, "-") == 0 ? "stdin" : cfg->data_path)
                                     : "the generated data";
    for (size_t c = 0; c < all->d; c++) {
        size_t i = 1;
        while (i < all->n && all->x[i * all->d + c] == all->x[c])
            i++;
        if (i == all->n && all->n > 1)
            fprintf(log, "mlptrain: warning: column x%zu has the same value in all %zu rows of "
                    "%s; it carries no information\n", c + 1, all->n, src);
    }
    if (!cfg->scale) {
        double big = 0;
        for (size_t i = 0; i < all->n * all->d; i++)
            if (fabs(all->x[i]) > big)
                big = fabs(all->x[i]);
        if (big > UNSCALED_LIMIT)
            fprintf(log, "mlptrain: warning: inputs of %s reach |x| = %g unscaled; SGD "
                    "diverges on such inputs: give --scale\n", src, big);
    }
    size_t n_train = cfg->train_rows, n0 = 0, n1 = 0; /* the first rows train */
    for (size_t i = 0; i < n_train; i++)
        n1 += all->y[i] != 0.0;
    n0 = n_train - n1;
    if ((n0 == 0 || n1 == 0) && n_train == 1)
        fprintf(log, "mlptrain: warning: the only training row is class %d; the model can "
                "only learn to predict class %d\n", n0 == 0, n0 == 0);
    else if (n0 == 0 || n1 == 0)
        fprintf(log, "mlptrain: warning: all %zu training rows are class %d; the model can "
                "only learn to predict class %d\n", n_train, n0 == 0, n0 == 0);
}

static int load_data(const cli_config *cfg, dataset **out, minmax *mm, char *err)
{
    int st;
    if (cfg->data_path) {
        /* a file the user named that cannot be used is a usage error */
        char lerr[MLP_ERRLEN];
        st = dataset_read_csv(cfg->data_path, out, lerr);
        if (st == MLP_EIO || st == MLP_EFORMAT) {
            mlp_seterr(err, "--data: %s", lerr);
            return MLP_EINVAL;
        }
        if (st != MLP_OK)
            memcpy(err, lerr, MLP_ERRLEN);
    } else
        st = circles_make(cfg->samples, cfg->noise, cfg->factor, cfg->data_seed, out, err);
    if (st != MLP_OK)
        return st;
    if (cfg->scale) {
        st = minmax_fit(*out, cfg->range_lo, cfg->range_hi, mm, err);
        if (st != MLP_OK)
            return st;
        minmax_apply(mm, *out);
    }
    if (cfg->train_rows > (*out)->n) {
        mlp_seterr(err, "--train: %lu: more than the %zu rows of %s (allowed 1..%zu)",
                   cfg->train_rows, (*out)->n, cfg->data_path ? cfg->data_path : "the data",
                   (*out)->n);
        return MLP_EINVAL;
    }
    return MLP_OK;
}

/* Whether paths a and b name the same file: the same inode when both
 * exist, else the same name in the same (resolved) directory.  Devices and
 * FIFOs (/dev/null for two outputs) never count. */
int experiment_same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    int ea = stat(a, &sa) == 0, eb = stat(b, &sb) == 0;
    if (ea && eb)
        return S_ISREG(sa.st_mode) && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    if (ea || eb)
        return 0;
    const char *ba = strrchr(a, '/'), *bb = strrchr(b, '/');
    const char *na = ba ? ba + 1 : a, *nb = bb ? bb + 1 : b;
    if (strcmp(na, nb) != 0)
        return 0;
    char da[4096], db[4096], ra[4096], rb[4096];
    snprintf(da, sizeof da, "%.*s", ba ? (int)(ba - a) + 1 : 1, ba ? a : ".");
    snprintf(db, sizeof db, "%.*s", bb ? (int)(bb - b) + 1 : 1, bb ? b : ".");
    return realpath(da, ra) != NULL && realpath(db, rb) != NULL && strcmp(ra, rb) == 0;
}

/* Outputs are renamed into place when the run ends: one must not replace
 * an input (the --data rows, the --load model, except by --save: training
 * a model further in place is fine) or another output, and two outputs
 * must not share stdout.  outs[i] = {option, path or NULL, what it holds}. */
static int check_paths(const cli_config *cfg, const char *outs[][3], size_t n, char *err)
{
    for (size_t i = 0; i < n; i++) {
        const char *opt = outs[i][0], *path = outs[i][1], *what = outs[i][2];
        if (path == NULL)
            continue;
        int is_out = strcmp(path, "-") == 0;
        for (size_t j = 0; j < i; j++) {
            const char *other = outs[j][1];
            if (other == NULL)
                continue;
            if (is_out && strcmp(other, "-") == 0) {
                mlp_seterr(err, "%s: -: %s writes stdout too; the two would mix (allowed a "
                           "file name)", opt, outs[j][0]);
                return MLP_EINVAL;
            }
            if (!is_out && strcmp(other, "-") != 0 && experiment_same_file(path, other)) {
                mlp_seterr(err, "%s: %s: is also the %s file; one would replace the other "
                           "(allowed another file name)", opt, path, outs[j][0]);
                return MLP_EINVAL;
            }
        }
        if (is_out)
            continue;
        if (cfg->data_path && strcmp(cfg->data_path, "-") != 0 &&
            experiment_same_file(path, cfg->data_path)) {
            mlp_seterr(err, "%s: %s: is the --data file; the %s would replace the data "
                       "(allowed another file name)", opt, path, what);
            return MLP_EINVAL;
        }
        if (cfg->load_path && strcmp(opt, "--save") != 0 && strcmp(cfg->load_path, "-") != 0 &&
            experiment_same_file(path, cfg->load_path)) {
            mlp_seterr(err, "%s: %s: is the --load file; the %s would replace the model "
                       "(allowed another file name)", opt, path, what);
            return MLP_EINVAL;
        }
    }
    return MLP_OK;
}

void experiment_free(experiment *ex)
{
    if (ex == NULL)
        return;
    dataset_free(ex->train);
    dataset_free(ex->test);
    mlp_free(ex->model);
    free(ex);
}

/* The one-line warning when the fresh network's output is the same for
 * every training row: no gradient reaches its hidden layers.  Called on the
 * first batch, still with the initial weights (before its update), once the
 * training buffers exist; the full pass runs only when that batch's output
 * is already constant. */
static void warn_dead(const mlp *m, const mlp_ws *ws, size_t B, const dataset *train, FILE *log)
{
    double z;
    if (log && diag_batch_constant(m, ws, B) && diag_output_constant(m, train, &z) == 1)
        fprintf(log, "mlptrain: warning: the network is dead at initialization: its output "
                "is the same (logit %.6g) for all %zu training rows; try another --seed or "
                "--init\n", z, train->n);
}

/* A file that could not be closed (written out, renamed) is the error to
 * report, also after a run that stopped early: its rows are lost, and the
 * stop's own reason follows. */
static void close_failed(int cst, const char *cerr, int *st, char *err)
{
    if (cst == MLP_OK)
        return;
    if (*st == MLP_OK)
        memcpy(err, cerr, MLP_ERRLEN);
    else if (*st == MLP_ENONFINITE || *st == MLP_EINTR) {
        char stop[MLP_ERRLEN];
        memcpy(stop, err, MLP_ERRLEN);
        mlp_seterr(err, "%s; the run had stopped: %s", cerr, stop);
    } else
        return; /* a write error of its own is already the report */
    *st = cst;
}

int experiment_run(const cli_config *cfg, FILE *log, volatile sig_atomic_t *stop,
                   experiment **out, char *err)
{
    *out = NULL;
    /* --load: the architecture, seed and scaling come from the model file */
    cli_config eff;
    model *saved = NULL;
    diag *dg = NULL;
    if (cfg->load_path) {
        int lst = saved_prepare(cfg, &eff, &saved, err);
        if (lst != MLP_OK)
            return lst;
        cfg = &eff;
    }
    dataset *all = NULL;
    mlp_ws *ws = NULL;
    np_rng *g = NULL;
    history *hist = NULL;
    int st;
    experiment *ex = NULL;
    /* every output file, checked before a long run starts */
    const char *outs[][3] = {{"--csv", cfg->csv_path, "history"},
                             {"--diag", cfg->diag_path, "diagnostics"},
                             {"--quant-csv", cfg->quant_csv_path, "fixed-point table"},
                             {"--save", cfg->save_path, "model"},
                             {"--grid", cfg->grid_path, "grid"},
                             {"--dump-data", cfg->dump_path, "data dump"},
                             {"--result", cfg->result_path, "result row"}};
    for (size_t i = 0; i < sizeof outs / sizeof outs[0]; i++) {
        char cerr[MLP_ERRLEN];
        if (outs[i][1] && atomic_check_dir(outs[i][1], cerr) != MLP_OK) {
            mlp_seterr(err, "%s: %s", outs[i][0], cerr);
            st = MLP_EINVAL;
            goto done;
        }
    }
    if ((st = check_paths(cfg, outs, sizeof outs / sizeof outs[0], err)) != MLP_OK)
        goto done;
    ex = calloc(1, sizeof *ex);
    if (ex == NULL) {
        mlp_seterr(err, "out of memory");
        st = MLP_ENOMEM;
        goto done;
    }
    experiment_result *res = &ex->res;
    res->test_acc = res->test_loss = NAN;
    if ((st = load_data(cfg, &all, &ex->scaler, err)) != MLP_OK)
        goto done;
    ex->scaled = cfg->scale;
    if (log)
        cli_print_settings(cfg, log);
    warn_odd_data(cfg, all, log);
    /* the split copies the test rows out and keeps the training rows where
     * they are: peak memory is the data plus the test rows, not twice the data */
    ex->test = dataset_slice(all, cfg->train_rows, all->n - cfg->train_rows);
    all->n = cfg->train_rows;
    ex->train = all;
    all = NULL;
    g = np_rng_alloc(cfg->seed);
    if (!ex->test || !g) {
        st = MLP_ENOMEM;
        mlp_seterr(err, "out of memory for the data");
        goto done;
    }
    if ((st = mlp_alloc(&ex->model, ex->train->d, cfg->widths, cfg->n_hidden, cfg->act, err)) != MLP_OK)
        goto done;
    mlp *m = ex->model;
    mlp_init(m, &cfg->init, &cfg->out_init, g);
    if (saved) {
        if ((st = saved_restore(saved, &ex->scaler, m, ex->train->n, g, err)) != MLP_OK)
            goto done;
        ex->epochs_before = saved->epochs;
        /* --save always writes the momentum state; a file without it
         * (written by hand or by another tool) trains on from zero velocity */
        if (!saved->has_velocity && cfg->epochs > 0 && log)
            fprintf(log, "mlptrain: warning: %s has no velocity block: training goes on from "
                    "zero momentum, not as one uninterrupted run would\n", cfg->load_path);
    }
    res->n_train = ex->train->n;
    res->n_test = ex->test->n;
    if (cfg->diag_path && (dg = diag_open(cfg->diag_path, m, err)) == NULL) {
        st = MLP_EIO;
        goto done;
    }
    if (cfg->csv_path && (hist = history_open(cfg->csv_path, ex->test->n > 0, err)) == NULL) {
        st = MLP_EIO;
        goto done;
    }
    train_cfg tc = {cfg->epochs, cfg->batch, cfg->lr, cfg->momentum, cfg->nesterov, stop};
    epoch_ctx ctx = {hist, log, cfg->verbose, 0, dg, ex->epochs_before, saved ? NULL : ex->train};
    train_hooks hooks = {on_epoch, on_batch, &ctx};
    /* a stop signal during training ends it after the batch (see sigstop.h) */
    if (stop)
        sigstop_defer_begin();
    st = train_fit(m, ex->train, ex->test, &tc, g, &hooks, &res->epochs_run, err);
    if (stop)
        sigstop_defer_end();
    int partial = st == MLP_ENONFINITE || st == MLP_EINTR;
    char reason[MLP_ERRLEN + 64];
    if (partial)
        snprintf(reason, sizeof reason, "%zu of %lu epochs complete; %s", res->epochs_run,
                 cfg->epochs, err);
    if (hist && (st == MLP_OK || partial)) {
        char cerr[MLP_ERRLEN];
        int cst = history_close(hist, partial ? reason : NULL, cerr);
        hist = NULL;
        close_failed(cst, cerr, &st, err);
    }
    if (dg && (st == MLP_OK || partial)) {
        char cerr[MLP_ERRLEN];
        int cst = diag_close(dg, partial ? reason : NULL, cerr);
        dg = NULL;
        close_failed(cst, cerr, &st, err);
    }
    if (st != MLP_OK)
        goto done;
    ws = mlp_ws_alloc(m, cfg->batch < 1024 ? cfg->batch : 1024);
    if (ws == NULL) {
        st = MLP_ENOMEM;
        mlp_seterr(err, "out of memory for evaluation");
        goto done;
    }
    eval_result rt = train_evaluate(m, ws, ex->train), re = train_evaluate(m, ws, ex->test);
    res->train_acc = rt.accuracy;
    res->train_loss = rt.loss;
    res->test_acc = re.accuracy;
    res->test_loss = re.loss;
    size_t pos = rt.n_pos + re.n_pos, n = rt.n + re.n;
    res->collapsed = pos == 0 || pos == n;
    res->collapsed_class = pos == n;
    if (cfg->save_path)
        st = saved_write(cfg, m, ex->scaled, &ex->scaler, ex->epochs_before + res->epochs_run, err);
done:
    diag_abort(dg);
    model_free(saved);
    history_abort(hist);
    mlp_ws_free(ws);
    np_rng_free(g);
    dataset_free(all);
    if (st == MLP_OK || st == MLP_ENONFINITE || st == MLP_EINTR)
        *out = ex;
    else
        experiment_free(ex);
    return st;
}
