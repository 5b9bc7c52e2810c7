/* Training diagnostics on networks small enough to know every number:
 * gradient norms, weight norms, dead and saturated units, mean activation,
 * and the dead-at-initialization check. */
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "diag.h"
#include "status.h"

typedef struct {
    size_t epoch, layer;
    double grad, weight, dead, sat, mean;
} row;

/* Read the rows of a diag CSV (after checking its header). */
static size_t read_rows(const char *path, row *rows, size_t max)
{
    FILE *f = fopen(path, "r");
    char line[512];
    size_t n = 0;
    CHECK(f != NULL && fgets(line, sizeof line, f) != NULL);
    CHECK_STR(line, "epoch,layer,grad_norm,weight_norm,dead_frac,saturated_frac,mean_act\n");
    while (n < max && fgets(line, sizeof line, f)) {
        row *r = &rows[n++];
        CHECK(sscanf(line, "%zu,%zu,%lf,%lf,%lf,%lf,%lf", &r->epoch, &r->layer, &r->grad,
                     &r->weight, &r->dead, &r->sat, &r->mean) == 7);
    }
    fclose(f);
    return n;
}

/* 1 input -> 2 hidden units -> output, weights W1 = [1, -1], b1 = [b, -0.5],
 * W2 = [2, 3], b2 = 0.25; two batches: x = {0.5, 1, 2} with dlogit
 * {0.1, -0.2, 0.3}, then x = {1} with dlogit {0.5}. */
static void run(const char *act, double w1, double b1, row *rows, size_t *n, const char *path)
{
    size_t hidden[] = {2};
    mlp *m;
    char err[MLP_ERRLEN];
    CHECK(mlp_alloc(&m, 1, hidden, 1, act_find(act), err) == MLP_OK);
    double W1[] = {w1, -w1}, B1[] = {b1, -0.5}, W2[] = {2, 3}, B2[] = {0.25};
    memcpy(mlp_W(m, m->params, 1), W1, sizeof W1);
    memcpy(mlp_b(m, m->params, 1), B1, sizeof B1);
    memcpy(mlp_W(m, m->params, 2), W2, sizeof W2);
    memcpy(mlp_b(m, m->params, 2), B2, sizeof B2);
    diag *d = diag_open(path, m, err);
    CHECK(d != NULL);
    mlp_ws *ws = mlp_ws_alloc(m, 3);
    double x1[] = {0.5, 1, 2}, g1[] = {0.1, -0.2, 0.3}, x2[] = {1}, g2[] = {0.5};
    mlp_forward(m, ws, x1, 3);
    mlp_backward(m, ws, x1, g1, 3);
    diag_batch(m, ws, 3, d);
    mlp_forward(m, ws, x2, 1);
    mlp_backward(m, ws, x2, g2, 1);
    diag_batch(m, ws, 1, d);
    CHECK(diag_epoch(d, 7, err) == MLP_OK);
    CHECK(diag_close(d, NULL, err) == MLP_OK);
    *n = read_rows(path, rows, 4);
    mlp_ws_free(ws);
    mlp_free(m);
}

static double sig(double z) { return 1 / (1 + exp(-z)); }

static void test_relu(const char *path)
{
    row r[4];
    size_t n;
    /* unit 1: z = x > 0, alive; unit 2: z = -x - 0.5 < 0 on every row, dead.
     * batch 1: dW1 = [2 * (0.5*0.1 - 1*0.2 + 2*0.3), 0] = [0.9, 0],
     *          dW2 = [0.45, 0]; batch 2: dW1 = [1.0, 0], dW2 = [0.5, 0] */
    run("relu", 1, 0, r, &n, path);
    CHECK(n == 2);
    CHECK(r[0].epoch == 7 && r[0].layer == 1 && r[1].epoch == 7 && r[1].layer == 2);
    CHECK_NEAR(r[0].grad, (0.9 + 1.0) / 2, 1e-15);
    CHECK_NEAR(r[1].grad, (0.45 + 0.5) / 2, 1e-15);
    CHECK_NEAR(r[0].weight, sqrt(2), 1e-15);
    CHECK_NEAR(r[1].weight, sqrt(13), 1e-15);
    CHECK(r[0].dead == 0.5 && r[0].sat == 0);
    CHECK_NEAR(r[0].mean, (0.5 + 1 + 2 + 1) / 8, 1e-15);
    /* the output layer: the sigmoid of 2x + 0.25; not saturated (|s'| >= 0.0136) */
    CHECK(r[1].dead == 0 && r[1].sat == 0);
    CHECK_NEAR(r[1].mean, (sig(1.25) + 2 * sig(2.25) + sig(4.25)) / 4, 1e-15);
}

static void test_relu6(const char *path)
{
    row r[4];
    size_t n;
    /* unit 1: z = x + 10 >= 6 on every row: output 6, saturated; unit 2 dead */
    run("relu6", 1, 10, r, &n, path);
    CHECK(r[0].dead == 0.5 && r[0].sat == 0.5);
    CHECK_NEAR(r[0].mean, 6.0 / 2, 1e-15);
    CHECK(r[0].grad == 0); /* no gradient through either unit */
    /* a unit that is 6 on some rows and 0 on others is neither */
    run("relu6", 10, -9, r, &n, path); /* z = 10x - 9: -4, 1, 11 and 1 */
    CHECK(r[0].dead == 0.5 && r[0].sat == 0);
    /* the output layer saturates when |logit| is large: W2 = [2, 3] on
     * relu6 outputs of 6 gives a logit of 12.25, s' = 4.8e-6 */
    run("relu6", 1, 10, r, &n, path);
    CHECK(r[1].sat == 1 && r[1].dead == 0);
}

static void test_tanh(const char *path)
{
    row r[4];
    size_t n;
    /* W1 = [100, -100]: |z| >= 50 on every row, tanh' < 1e-3: both units
     * saturated (one at +1, one at -1), never dead */
    run("tanh", 100, 0, r, &n, path);
    CHECK(r[0].sat == 1 && r[0].dead == 0);
    CHECK_NEAR(r[0].mean, 0, 1e-15);
    /* W1 = [0.1, -0.1]: nothing saturates */
    run("tanh", 0.1, 0, r, &n, path);
    CHECK(r[0].sat == 0 && r[0].dead == 0);
    /* |tanh'(z)| < 1e-3 is |z| > 4.14: z = 4x + 0.3 with x >= 1 except 0.5 */
    run("tanh", 4, 0.3, r, &n, path); /* unit 1: 2.3, 4.3, 8.3, 4.3: not every row */
    CHECK(r[0].sat == 0);
    run("tanh", 4, 2.5, r, &n, path); /* unit 1: 4.5, 6.5, 10.5, 6.5: saturated */
    CHECK(r[0].sat == 0.5);
}

static void test_dead_at_init(void)
{
    size_t hidden[] = {3, 3};
    mlp *m;
    char err[MLP_ERRLEN];
    CHECK(mlp_alloc(&m, 2, hidden, 2, act_find("relu"), err) == MLP_OK);
    dataset *ds = dataset_alloc(4, 2);
    double X[] = {0.1, 0.2, -0.5, 0.7, 1, -1, 0.3, 0.3};
    memcpy(ds->x, X, sizeof X);
    for (size_t i = 0; i < m->n_params; i++)
        m->params[i] = 0.5;
    double z;
    CHECK(diag_output_constant(m, ds, &z) == 0);
    /* the second layer's biases at -10: every unit 0, the logit is b_out */
    for (size_t j = 0; j < 3; j++)
        mlp_b(m, m->params, 2)[j] = -10;
    CHECK(diag_output_constant(m, ds, &z) == 1);
    CHECK(z == 0.5);
    /* the first-batch filter sees the same */
    mlp_ws *ws = mlp_ws_alloc(m, 4);
    mlp_forward(m, ws, ds->x, 4);
    CHECK(diag_batch_constant(m, ws, 4) == 1);
    mlp_b(m, m->params, 2)[0] = 0.1; /* unit 1 of layer 2 comes alive */
    CHECK(diag_output_constant(m, ds, &z) == 0);
    mlp_forward(m, ws, ds->x, 4);
    CHECK(diag_batch_constant(m, ws, 4) == 0);
    mlp_ws_free(ws);
    /* the extra pass's workspace stays within the budget given */
    size_t per4 = (size_t)mlp_ws_bytes(m, 4); /* rows come in fours */
    CHECK(mlp_ws_rows(m, 1000, 256, per4 / 4 * 12) == 12);
    CHECK(mlp_ws_bytes(m, mlp_ws_rows(m, 1000, 256, 100000)) <= 100000);
    CHECK(mlp_ws_rows(m, 1000, 256, 1 << 24) == 256);
    CHECK(mlp_ws_rows(m, 7, 256, 1 << 24) == 7);
    CHECK(mlp_ws_rows(m, 1000, 256, 1) == 1);
    ds->n = 0;
    CHECK(diag_output_constant(m, ds, &z) == -1);
    ds->n = 4;
    dataset_free(ds);
    mlp_free(m);
}

int main(void)
{
    char path[] = "/tmp/test_diag_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    close(fd);
    test_relu(path);
    test_relu6(path);
    test_tanh(path);
    test_dead_at_init();
    unlink(path);
    return check_done("diag");
}
