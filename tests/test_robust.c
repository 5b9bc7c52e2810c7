/* Robustness pieces below the command line: error messages stay one line
 * (control bytes escaped, a full buffer cut cleanly), impossible networks
 * are measured without allocating (even when the count overflows size_t),
 * the trainer refuses a weight that became non-finite although every loss
 * stayed finite, and the batch workspace size is reported for messages. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "dataset.h"
#include "mlp.h"
#include "status.h"
#include "train.h"

static void test_seterr(void)
{
    char err[MLP_ERRLEN];
    mlp_seterr(err, "a%sb", "\n\r\t\033\177x");
    CHECK_STR(err, "a\\n\\r\\x09\\x1B\\x7Fxb");
    mlp_seterr(err, "%s: caf\xc3\xa9", "ok"); /* UTF-8 is text: kept */
    CHECK_STR(err, "ok: caf\xc3\xa9");
    mlp_seterr(NULL, "ignored %d", 1);
    /* a message longer than the buffer: cut, NUL-terminated, never half an
     * escape (each \n below takes 2 bytes, so 510 bytes hold 255 of them) */
    char big[2 * MLP_ERRLEN];
    memset(big, '\n', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    mlp_seterr(err, "%s", big);
    CHECK(strlen(err) == MLP_ERRLEN - 2);
    CHECK(err[strlen(err) - 1] == 'n' && err[strlen(err) - 2] == '\\');
    memset(big, 'x', sizeof big - 1);
    mlp_seterr(err, "%s", big);
    CHECK(strlen(err) == MLP_ERRLEN - 1);
}

static void test_check_size(void)
{
    char err[MLP_ERRLEN];
    size_t n = 0;
    size_t w[3] = {5, 5, 5};
    /* (2+1)*5 + (5+1)*5 + (5+1)*5 + (5+1)*1 */
    CHECK(mlp_check_size(2, w, 3, &n, err) == MLP_OK && n == 15 + 30 + 30 + 6);
    size_t huge[2] = {SIZE_MAX / 2, SIZE_MAX / 2}; /* the count overflows size_t */
    n = 0;
    CHECK(mlp_check_size(2, huge, 2, &n, err) == MLP_EINVAL && n == 0);
    CHECK_MSG(strstr(err, "the network has ") == err && strstr(err, " GiB for weights") != NULL,
              "%s", err);
    size_t over[1] = {33333333}; /* (2+1)w + (w+1) = 4w + 1 = 133333333 */
    CHECK(mlp_check_size(2, over, 1, &n, err) == MLP_EINVAL);
    CHECK_STR(err, "the network has 133333333 parameters (3 GiB for weights, gradients and "
                   "velocities); the limit is 100000000 parameters");
    size_t fit[1] = {24999999}; /* 4w + 1 = 99999997, just under the limit */
    CHECK(mlp_check_size(2, fit, 1, &n, err) == MLP_OK && n == 99999997);
    size_t zero[2] = {3, 0};
    CHECK(mlp_check_size(2, zero, 2, &n, err) == MLP_EINVAL);
    CHECK_STR(err, "hidden layer 2 has width 0 (each needs at least 1 unit)");
    CHECK(mlp_check_size(0, w, 1, &n, err) == MLP_EINVAL);
    CHECK(mlp_check_size(2, w, MLP_MAX_LAYERS + 1, &n, err) == MLP_EINVAL);
}

/* A dead relu unit whose bias is -inf: its output is 0 for every row, so
 * every loss stays finite and its gradient is 0; only the weight check at
 * the end of the epoch can see the infinite parameter. */
static void test_nonfinite_weight(void)
{
    char err[MLP_ERRLEN];
    size_t hidden[1] = {1};
    mlp *m = NULL;
    CHECK(mlp_alloc(&m, 2, hidden, 1, act_find("relu"), err) == MLP_OK);
    if (m == NULL)
        return;
    np_rng *g = np_rng_alloc(3);
    init_spec zeros = {INIT_ZEROS, 0, 0};
    mlp_init(m, &zeros, &zeros, g);
    mlp_b(m, m->params, 1)[0] = -INFINITY;
    dataset *tr = dataset_alloc(4, 2), *va = dataset_alloc(0, 2);
    for (size_t i = 0; i < 4; i++) {
        tr->x[2 * i] = (double)i - 1.5;
        tr->x[2 * i + 1] = 0.5;
        tr->y[i] = (double)(i % 2);
    }
    train_cfg cfg = {3, 2, 0.1, 0.9, 0, NULL};
    size_t done = 99;
    CHECK(train_fit(m, tr, va, &cfg, g, NULL, &done, err) == MLP_ENONFINITE);
    CHECK(done == 0);
    CHECK_STR(err, "a weight became infinite in epoch 1 of 3; try a smaller --lr");
    /* the same network with a finite bias trains its 3 epochs */
    mlp_init(m, &zeros, &zeros, g);
    mlp_b(m, m->params, 1)[0] = -1;
    CHECK(train_fit(m, tr, va, &cfg, g, NULL, &done, err) == MLP_OK && done == 3);
    /* workspace bytes (the layout is mlp.c's): grow with the batch, and
     * stay a plain number where the size_t product would overflow */
    CHECK(mlp_ws_bytes(m, 8) > 0 && mlp_ws_bytes(m, 8) == 2 * mlp_ws_bytes(m, 4));
    CHECK(mlp_ws_bytes(m, SIZE_MAX / 2) > (double)SIZE_MAX);
    dataset_free(tr);
    dataset_free(va);
    np_rng_free(g);
    mlp_free(m);
}

int main(void)
{
    test_seterr();
    test_check_size();
    test_nonfinite_weight();
    return check_done("robust");
}
