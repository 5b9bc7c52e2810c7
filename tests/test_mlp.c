/* The network and the trainer: whole-network central-difference gradient
 * checks for every activation, initializer draws against numpy, and the
 * Keras fit semantics on cases small enough to compute by hand. */
#include <stdlib.h>

#include "check.h"
#include "loss.h"
#include "mlp.h"
#include "status.h"
#include "train.h"

/* mean logit-BCE of m on x[B x d], y[B] */
static double batch_loss(const mlp *m, mlp_ws *ws, const double *x, const double *y, size_t B)
{
    const double *z = mlp_forward(m, ws, x, B);
    double s = 0;
    for (size_t i = 0; i < B; i++)
        s += bce_logit_loss(z[i], y[i]);
    return s / (double)B;
}

static void gradient_check(const act_def *a)
{
    size_t hidden[] = {4, 3};
    mlp *m;
    char err[MLP_ERRLEN];
    CHECK(mlp_alloc(&m, 2, hidden, 2, a, err) == MLP_OK);
    np_rng *g = np_rng_alloc(42);
    init_spec wi = {INIT_NORMAL, 0.0, 0.8};
    mlp_init(m, &wi, &wi, g);
    for (size_t i = 0; i < m->n_params; i++) /* non-zero biases too */
        if (m->params[i] == 0)
            m->params[i] = 0.1;
    for (size_t l = 1; l <= m->n_layers; l++)
        for (size_t j = 0; j < m->width[l]; j++)
            mlp_b(m, m->params, l)[j] = np_rng_uniform(g, -0.5, 0.5);
    enum { B = 5 };
    double x[B * 2], y[B], dz[B];
    for (size_t i = 0; i < B; i++) {
        x[2 * i] = np_rng_uniform(g, -1, 1);
        x[2 * i + 1] = np_rng_uniform(g, -1, 1);
        y[i] = i % 2;
    }
    mlp_ws *ws = mlp_ws_alloc(m, B);
    const double *z = mlp_forward(m, ws, x, B);
    for (size_t i = 0; i < B; i++)
        dz[i] = bce_logit_grad(z[i], y[i]) / B;
    mlp_backward(m, ws, x, dz, B);
    size_t bad = 0, nonzero = 0;
    for (size_t p = 0; p < m->n_params; p++) {
        double w0 = m->params[p], h = 1e-6;
        m->params[p] = w0 + h;
        double lp = batch_loss(m, ws, x, y, B);
        m->params[p] = w0 - h;
        double lm = batch_loss(m, ws, x, y, B);
        m->params[p] = w0;
        double want = (lp - lm) / (2 * h), got = m->grads[p];
        double rel = fabs(got - want) / (fabs(want) > 1e-4 ? fabs(want) : 1e-4);
        if (rel >= 1e-6) {
            bad++;
            fprintf(stderr, "    %s param %zu: analytic %.12g, central difference %.12g\n",
                    a->name, p, got, want);
        }
        nonzero += got != 0;
    }
    CHECK_MSG(bad == 0, "%s: %zu of %zu gradients off", a->name, bad, m->n_params);
    CHECK_MSG(nonzero > m->n_params / 3, "%s: gradient trivially zero", a->name);
    mlp_ws_free(ws);
    np_rng_free(g);
    mlp_free(m);
}

static void test_init(void)
{
    /* he_uniform, fan_in 2: numpy RandomState(1).uniform(-sqrt(3), sqrt(3), 3)
     * = [-0.28744421, 0.76322643, -1.7316546] (8 digits as numpy prints) */
    init_spec he = {INIT_HE_UNIFORM, 0, 0};
    double w[6];
    np_rng *g = np_rng_alloc(1);
    init_fill(&he, g, w, 2, 3);
    CHECK_NEAR(w[0], -0.28744421, 1e-8);
    CHECK_NEAR(w[1], 0.76322643, 1e-8);
    CHECK_NEAR(w[2], -1.7316546, 1e-7);
    np_rng_free(g);
    /* limits */
    double big[5000];
    g = np_rng_alloc(7);
    init_spec glorot = {INIT_GLOROT_UNIFORM, 0, 0};
    init_fill(&glorot, g, big, 50, 100); /* limit sqrt(6 / 150) = 0.2 */
    double mx = 0;
    for (int i = 0; i < 5000; i++)
        mx = fabs(big[i]) > mx ? fabs(big[i]) : mx;
    CHECK(mx <= 0.2 && mx > 0.19);
    init_spec hn = {INIT_HE_NORMAL, 0, 0};
    init_fill(&hn, g, big, 50, 100); /* truncated at 2 sd = 2 * sqrt(2/50) / 0.8796 */
    mx = 0;
    double ss = 0;
    for (int i = 0; i < 5000; i++) {
        mx = fabs(big[i]) > mx ? fabs(big[i]) : mx;
        ss += big[i] * big[i];
    }
    CHECK(mx <= 2 * sqrt(2.0 / 50) / 0.87962566103423978);
    CHECK_NEAR(sqrt(ss / 5000), sqrt(2.0 / 50), 0.01); /* variance preserved */
    init_spec u01;
    char err[MLP_ERRLEN];
    CHECK(init_parse("uniform:0:1", &u01, err) == MLP_OK && u01.a == 0 && u01.b == 1);
    CHECK(init_parse("uniform:1:0", &u01, err) == MLP_EINVAL);
    CHECK_STR(err, "expected uniform:A:B with finite numbers A < B");
    CHECK(init_parse("normal:0:-1", &u01, err) == MLP_EINVAL);
    CHECK(init_parse("he", &u01, err) == MLP_EINVAL);
    char buf[96];
    init_parse("normal:0.5:2", &u01, err);
    init_format(&u01, buf, sizeof buf);
    CHECK_STR(buf, "normal:0.5:2");
    np_rng_free(g);
}

static size_t batches_seen[16], n_batches_seen;
static void record_batch(const mlp *m, const mlp_ws *ws, size_t B, void *ctx)
{
    (void)m, (void)ws, (void)ctx;
    if (n_batches_seen < 16)
        batches_seen[n_batches_seen++] = B;
}
static epoch_log logs[4];
static int record_epoch(const epoch_log *e, void *ctx, char *err)
{
    (void)ctx, (void)err;
    logs[e->epoch] = *e;
    return 0;
}

/* Logistic regression (no hidden layer) from zero weights, full batch,
 * momentum 0: every number can be written down. */
static void test_fit_by_hand(void)
{
    dataset *tr = dataset_alloc(4, 2), *va = dataset_alloc(2, 2);
    double X[8] = {1, 0, 0, 1, -1, 0.5, 0.25, -2}, Y[4] = {1, 0, 1, 1};
    memcpy(tr->x, X, sizeof X);
    memcpy(tr->y, Y, sizeof Y);
    va->x[0] = 1, va->x[1] = 1, va->y[0] = 1;
    va->x[2] = -1, va->x[3] = -1, va->y[1] = 0;
    mlp *m;
    char err[MLP_ERRLEN];
    CHECK(mlp_alloc(&m, 2, NULL, 0, NULL, err) == MLP_OK);
    CHECK(m->n_params == 3);
    train_cfg cfg = {1, 4, 0.5, 0.0, 0, NULL};
    np_rng *g = np_rng_alloc(3);
    train_hooks hooks = {record_epoch, record_batch, NULL};
    size_t done;
    n_batches_seen = 0;
    CHECK(train_fit(m, tr, va, &cfg, g, &hooks, &done, err) == MLP_OK);
    CHECK(done == 1);
    /* before the update z = 0: p = 0.5 is not > 0.5, so class 0 everywhere;
     * accuracy = share of label 0 = 1/4; loss = log 2 */
    CHECK_NEAR(logs[0].accuracy, 0.25, 0);
    CHECK_NEAR(logs[0].loss, 0.6931471805599453, 1e-15);
    /* gradient: mean over rows of (0.5 - y) x; w = -0.5 * g
     * g_w1 = (-0.5*1 + 0.5*0 - 0.5*(-1) - 0.5*0.25) / 4 = -0.03125
     * g_w2 = (-0.5*0 + 0.5*1 - 0.5*0.5 - 0.5*(-2)) / 4 = 0.3125
     * g_b  = (-0.5 + 0.5 - 0.5 - 0.5) / 4 = -0.25 */
    CHECK_NEAR(m->params[0], 0.015625, 1e-15);
    CHECK_NEAR(m->params[1], -0.15625, 1e-15);
    CHECK_NEAR(m->params[2], 0.125, 1e-15);
    /* validation after the update: z(1,1) = -0.015625 -> class 0 (wrong),
     * z(-1,-1) = 0.265625 -> class 1 (wrong) */
    CHECK_NEAR(logs[0].val_accuracy, 0.0, 0);
    double want_vl = (bce_logit_loss(-0.015625, 1) + bce_logit_loss(0.265625, 0)) / 2;
    CHECK_NEAR(logs[0].val_loss, want_vl, 1e-15);

    /* remainder batch: 5 rows in batches of 2 -> 2, 2, 1 */
    dataset *t5 = dataset_alloc(5, 2);
    cfg.batch = 2;
    n_batches_seen = 0;
    CHECK(train_fit(m, t5, va, &cfg, g, &hooks, &done, err) == MLP_OK);
    CHECK(n_batches_seen == 3 && batches_seen[0] == 2 && batches_seen[1] == 2 &&
          batches_seen[2] == 1);
    /* a batch larger than the data is one batch */
    cfg.batch = 100;
    n_batches_seen = 0;
    CHECK(train_fit(m, t5, va, &cfg, g, &hooks, &done, err) == MLP_OK);
    CHECK(n_batches_seen == 1 && batches_seen[0] == 5);

    /* divergence stops with the epoch and batch: two linear layers and a
     * huge rate overflow in the second epoch's products */
    mlp_free(m);
    size_t h3[] = {3};
    CHECK(mlp_alloc(&m, 2, h3, 1, act_find("linear"), err) == MLP_OK);
    init_spec one = {INIT_ONES, 0, 0};
    mlp_init(m, &one, &one, g);
    cfg.batch = 4;
    cfg.lr = 1e300;
    cfg.epochs = 3;
    int st = train_fit(m, tr, va, &cfg, g, &hooks, &done, err);
    CHECK(st == MLP_ENONFINITE);
    CHECK(done == 1);
    CHECK_STR(err, "the loss became NaN in epoch 2 of 3 (batch 1 of 1); try a smaller --lr");

    mlp_free(m);
    np_rng_free(g);
    dataset_free(tr);
    dataset_free(va);
    dataset_free(t5);
}

/* The same seed gives the same weights, bit for bit. */
static void test_determinism(void)
{
    double *snap = NULL;
    for (int rep = 0; rep < 2; rep++) {
        size_t hidden[] = {5, 5, 5};
        mlp *m;
        char err[MLP_ERRLEN];
        mlp_alloc(&m, 2, hidden, 3, act_find("relu6"), err);
        np_rng *g = np_rng_alloc(11);
        init_spec he = {INIT_HE_UNIFORM, 0, 0}, gl = {INIT_GLOROT_UNIFORM, 0, 0};
        mlp_init(m, &he, &gl, g);
        dataset *tr = dataset_alloc(40, 2), *va = dataset_alloc(0, 2);
        for (size_t i = 0; i < 40; i++) {
            tr->x[2 * i] = np_rng_uniform(g, -1, 1);
            tr->x[2 * i + 1] = np_rng_uniform(g, -1, 1);
            tr->y[i] = tr->x[2 * i] * tr->x[2 * i + 1] > 0;
        }
        train_cfg cfg = {20, 8, 0.01, 0.9, 0, NULL};
        size_t done;
        CHECK(train_fit(m, tr, va, &cfg, g, NULL, &done, err) == MLP_OK && done == 20);
        if (rep == 0) {
            snap = malloc(m->n_params * sizeof *snap);
            memcpy(snap, m->params, m->n_params * sizeof *snap);
        } else {
            CHECK(memcmp(snap, m->params, m->n_params * sizeof *snap) == 0);
        }
        mlp_free(m);
        np_rng_free(g);
        dataset_free(tr);
        dataset_free(va);
    }
    free(snap);
}

static void test_alloc_limits(void)
{
    mlp *m;
    char err[MLP_ERRLEN];
    size_t wide[] = {1000000, 1000000};
    CHECK(mlp_alloc(&m, 2, wide, 2, act_find("relu"), err) == MLP_EINVAL && m == NULL);
    CHECK_STR(err, "the network has 1000005000001 parameters (22352 GiB for weights, "
                   "gradients and velocities); the limit is 100000000 parameters");
    size_t zero[] = {3, 0};
    CHECK(mlp_alloc(&m, 2, zero, 2, act_find("relu"), err) == MLP_EINVAL);
    CHECK_STR(err, "hidden layer 2 has width 0 (each needs at least 1 unit)");
}

int main(void)
{
    for (int id = 0; id < ACT_COUNT; id++)
        gradient_check(act_get(id));
    test_init();
    test_fit_by_hand();
    test_determinism();
    test_alloc_limits();
    return check_done("mlp");
}
