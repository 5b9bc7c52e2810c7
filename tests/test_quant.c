/* Fixed-point inference: the Q-format helpers on known answers, a tiny
 * network computed by hand (every integer written down below), and trained
 * relu / relu6 / tanh networks against the double pass (same class for
 * every row at 30+ bits, logits within a few output steps). */
#include <stdlib.h>

#include "check.h"
#include "circles.h"
#include "quant.h"
#include "status.h"
#include "train.h"

static void test_helpers(void)
{
    /* round to nearest, ties away from zero */
    CHECK(quant_round_shift(5, 1) == 3);    /* 2.5 */
    CHECK(quant_round_shift(-5, 1) == -3);  /* -2.5 */
    CHECK(quant_round_shift(5, 2) == 1);    /* 1.25 */
    CHECK(quant_round_shift(6, 2) == 2);    /* 1.5 */
    CHECK(quant_round_shift(-6, 2) == -2);
    CHECK(quant_round_shift(-7, 2) == -2);  /* -1.75 */
    CHECK(quant_round_shift(3, 0) == 3);
    CHECK(quant_round_shift(3, -4) == 48);
    CHECK(quant_round_shift(-3, -4) == -48);
    CHECK(quant_round_shift(INT64_MAX, 1) == INT64_C(4611686018427387904));
    CHECK(quant_round_shift(INT64_MIN, 63) == -1);
    CHECK(quant_round_shift(INT64_MIN, 64) == 0);
    CHECK(quant_round_shift(1, -63) == INT64_MAX);   /* saturates */
    CHECK(quant_round_shift(-1, -70) == INT64_MIN);
    CHECK(quant_round_shift(INT64_C(1) << 40, -30) == INT64_MAX);
    CHECK(quant_sat(200, 8) == 127);
    CHECK(quant_sat(-200, 8) == -128);
    CHECK(quant_sat(-128, 8) == -128);
    CHECK(quant_sat(INT64_MAX, 32) == 2147483647);
    /* F = BITS - 1 - ceil(log2 M) */
    CHECK(quant_frac_bits(6, 8) == 4);
    CHECK(quant_frac_bits(1, 8) == 7);
    CHECK(quant_frac_bits(1.0000001, 8) == 6);
    CHECK(quant_frac_bits(0.5, 8) == 8);
    CHECK(quant_frac_bits(0.3, 8) == 8);
    CHECK(quant_frac_bits(0.25, 16) == 17);
    CHECK(quant_frac_bits(0, 8) == 7);
    CHECK(quant_frac_bits(1e300, 8) == 8 - 1 - 64); /* clamped */
    CHECK(quant_from_double(0.375, 4, 8) == 6);
    CHECK(quant_from_double(-0.40625, 4, 8) == -7); /* -6.5 -> -7 */
    CHECK(quant_from_double(2.0, 6, 8) == 127);     /* 128 saturates */
    CHECK(quant_from_double(-2.0, 6, 8) == -128);
    CHECK(quant_from_double(-1e300, 6, 8) == -128);
}

/* 2 inputs -> 2 relu6 units -> output, 8 bits; see the comments for every
 * number.  Formats: inputs max|x| = 1 -> F 7; W1 max 2 -> F 6 (2.0 itself
 * saturates to 127/64); b1 max 0.5 -> F 8; relu6 -> F 4; W2 max 1.5 -> F 6;
 * b2 0.125 -> F 10 (0.125 saturates to 127/1024). */
static void test_by_hand(void)
{
    size_t hidden[] = {2};
    mlp *m;
    char err[MLP_ERRLEN];
    CHECK(mlp_alloc(&m, 2, hidden, 1, act_find("relu6"), err) == MLP_OK);
    double W1[] = {0.5, -1.25, 0.75, 2.0}, b1[] = {0.25, -0.5}, W2[] = {1.5, -0.5}, b2[] = {0.125};
    memcpy(mlp_W(m, m->params, 1), W1, sizeof W1);
    memcpy(mlp_b(m, m->params, 1), b1, sizeof b1);
    memcpy(mlp_W(m, m->params, 2), W2, sizeof W2);
    memcpy(mlp_b(m, m->params, 2), b2, sizeof b2);
    dataset *ds = dataset_alloc(2, 2);
    double X[] = {1, -0.5, -0.75, 0.5};
    memcpy(ds->x, X, sizeof X);
    qnet *q;
    CHECK(quant_build(m, ds, 8, &q, err) == MLP_OK);
    CHECK(q->f_out[0] == 7 && q->f_in[1] == 7);
    CHECK(q->f_w[1] == 6 && q->f_b[1] == 8 && q->f_z[1] == 4 && q->f_out[1] == 4);
    CHECK(q->f_in[2] == 4 && q->f_w[2] == 6 && q->f_b[2] == 10);
    const int64_t *qw1 = q->q + m->w_off[1], *qb1 = q->q + m->b_off[1];
    const int64_t *qw2 = q->q + m->w_off[2], *qb2 = q->q + m->b_off[2];
    CHECK(qw1[0] == 32 && qw1[1] == -80 && qw1[2] == 48 && qw1[3] == 127);
    CHECK(qb1[0] == 64 && qb1[1] == -128);
    CHECK(qw2[0] == 96 && qw2[1] == -32 && qb2[0] == 127);
    double logit;
    /* row 1: x = (127, -64) (1.0 saturates);
     * unit 1: 64<<5 + 127*32 - 64*48 = 3040, /2^9 = 5.94 -> 6 (0.375)
     * unit 2: -128<<5 - 127*80 - 64*127 = -22384 -> -44 -> relu6 0
     * output: 127 + 6*96 + 0*(-32) = 703 (0.6865; double 0.6875) -> class 1 */
    CHECK(quant_classify(q, ds->x, &logit) == 1);
    CHECK(logit == 703 / 1024.0);
    /* row 2: x = (-96, 64)
     * unit 1: 2048 - 96*32 + 64*48 = 2048 -> 4 (0.25)
     * unit 2: -4096 + 96*80 + 64*127 = 11712, /512 = 22.875 -> 23 (1.4375)
     * output: 127 + 4*96 - 23*32 = -225 (-0.2197; double -0.21875) -> class 0 */
    CHECK(quant_classify(q, ds->x + 2, &logit) == 0);
    CHECK(logit == -225 / 1024.0);
    quant_free(q);
    /* relu6 clamps at 6 without calibration: a unit driven to 20 outputs 6*16 */
    mlp_b(m, m->params, 1)[0] = 20;
    CHECK(quant_build(m, ds, 8, &q, err) == MLP_OK);
    CHECK(q->f_out[1] == 4 && q->f_b[1] == 2);
    quant_classify(q, ds->x, &logit);
    /* unit 1 = 96 (6.0), unit 2 = 0: output 127 + 96*96 = 9343 */
    CHECK(logit == 9343 / 1024.0);
    quant_free(q);
    CHECK(quant_build(m, ds, 3, &q, err) == MLP_EINVAL);
    CHECK_STR(err, "--quant: 3 bits is outside 4..32");
    dataset_free(ds);
    mlp_free(m);
    CHECK(mlp_alloc(&m, 2, hidden, 1, act_find("sigmoid"), err) == MLP_OK);
    CHECK(!quant_supported(m, err));
    CHECK_STR(err, "--quant supports relu, relu6, tanh hidden layers, not sigmoid");
    mlp_free(m);
}

/* The integer tanh against tanh(): within one output step plus the
 * interpolation error, odd, saturating. */
static void test_tanh(void)
{
    size_t hidden[] = {1};
    mlp *m;
    char err[MLP_ERRLEN];
    CHECK(mlp_alloc(&m, 1, hidden, 1, act_find("tanh"), err) == MLP_OK);
    mlp_W(m, m->params, 1)[0] = 1;
    mlp_W(m, m->params, 2)[0] = 1;
    dataset *ds = dataset_alloc(1, 1);
    for (int bits = 8; bits <= 32; bits += 8) {
        ds->x[0] = 16; /* calibrates z up to 16: F_z = bits - 5 */
        qnet *q;
        CHECK(quant_build(m, ds, bits, &q, err) == MLP_OK);
        double worst = 0;
        for (double x = -12; x <= 12; x += 0.01) {
            double got;
            quant_classify(q, &x, &got);
            /* output layer: weight 1 (F = bits-1, saturated to 1 - 2^-(bits-1)) */
            got /= 1 - ldexp(1, -(bits - 1));
            double e = fabs(got - tanh(x));
            worst = e > worst ? e : worst;
        }
        /* input step 2^-(bits-5) times slope 1, output step, table error */
        double tol = ldexp(1, -(bits - 5)) + ldexp(1, -(bits - 1)) * 2 + 1e-7;
        CHECK_MSG(worst <= tol, "%d bits: worst %g > %g", bits, worst, tol);
        if (bits == 32)
            CHECK(worst < 1e-6);
        quant_free(q);
    }
    dataset_free(ds);
    mlp_free(m);
}

/* Trained networks: the fixed-point pass agrees with the double pass. */
static void test_against_double(const char *act, const char *init)
{
    dataset *all;
    minmax mm;
    char err[MLP_ERRLEN];
    CHECK(circles_make(600, 0.1, 0.8, 1, &all, err) == MLP_OK);
    minmax_fit(all, -1, 1, &mm, err);
    minmax_apply(&mm, all);
    dataset *train = dataset_slice(all, 0, 500);
    size_t hidden[] = {8, 8, 8};
    mlp *m;
    CHECK(mlp_alloc(&m, 2, hidden, 3, act_find(act), err) == MLP_OK);
    np_rng *g = np_rng_alloc(3);
    init_spec hi, out = {INIT_GLOROT_UNIFORM, 0, 0};
    init_parse(init, &hi, err);
    mlp_init(m, &hi, &out, g);
    train_cfg tc = {40, 32, 0.05, 0.9, 0, NULL};
    size_t done;
    CHECK(train_fit(m, train, all, &tc, g, NULL, &done, err) == MLP_OK);
    mlp_ws *ws = mlp_ws_alloc(m, all->n);
    const double *z = mlp_forward(m, ws, all->x, all->n);
    size_t pos = 0;
    for (size_t i = 0; i < all->n; i++)
        pos += z[i] > 0;
    CHECK_MSG(pos > 50 && pos < 550, "%s: the test network should not be constant", act);
    for (int bits = 30; bits <= 32; bits++) {
        qnet *q;
        CHECK(quant_build(m, train, bits, &q, err) == MLP_OK);
        size_t differ = 0;
        double worst = 0;
        for (size_t i = 0; i < all->n; i++) {
            double logit;
            int c = quant_classify(q, all->x + 2 * i, &logit);
            differ += c != (act_sigmoid(z[i]) > 0.5);
            double e = fabs(logit - z[i]);
            worst = e > worst ? e : worst;
        }
        CHECK_MSG(differ == 0, "%s %d bits: %zu of 600 rows changed class", act, bits, differ);
        CHECK_MSG(worst < 1e-5, "%s %d bits: logit error %g", act, bits, worst);
        quant_free(q);
    }
    /* and 4 bits really is coarse: the logits move */
    quant_row row;
    int four = 4;
    dataset *test = dataset_slice(all, 500, 100);
    CHECK(quant_table(m, train, test, &four, 1, &row, err) == MLP_OK);
    CHECK(row.bits == 4 && row.float_test_acc >= 0 && row.test_changed <= 100);
    CHECK_NEAR(row.test_changed_frac, row.test_changed / 100.0, 0);
    dataset_free(test);
    mlp_ws_free(ws);
    np_rng_free(g);
    mlp_free(m);
    dataset_free(train);
    dataset_free(all);
}

int main(void)
{
    test_helpers();
    test_by_hand();
    test_tanh();
    test_against_double("relu", "he_uniform");
    test_against_double("relu6", "he_uniform");
    test_against_double("tanh", "glorot_uniform");
    return check_done("quant");
}
