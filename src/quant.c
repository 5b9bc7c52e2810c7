#include "quant.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "act.h"
#include "status.h"

const char *quant_act_names(void)
{
    return "relu, relu6, tanh";
}

int quant_act_ok(const act_def *a)
{
    return a->id == ACT_RELU || a->id == ACT_RELU6 || a->id == ACT_TANH;
}

int quant_supported(const mlp *m, char *err)
{
    for (size_t l = 1; l < m->n_layers; l++) {
        if (!quant_act_ok(m->act[l])) {
            mlp_seterr(err, "--quant supports %s hidden layers, not %s", quant_act_names(),
                       m->act[l]->name);
            return 0;
        }
    }
    return 1;
}

int64_t quant_sat(int64_t v, int bits)
{
    int64_t hi = (int64_t)((UINT64_C(1) << (bits - 1)) - 1), lo = -hi - 1;
    return v > hi ? hi : v < lo ? lo : v;
}

/* v * 2^s for s >= 0, saturating at int64 */
static int64_t shl_sat(int64_t v, int s)
{
    if (v == 0)
        return 0;
    if (s >= 63 || (v > 0 ? v > (INT64_MAX >> s) : v < (INT64_MIN >> s)))
        return v > 0 ? INT64_MAX : INT64_MIN;
    return v * (int64_t)(UINT64_C(1) << s);
}

int64_t quant_round_shift(int64_t v, int s)
{
    if (s <= 0)
        return shl_sat(v, s < -64 ? 64 : -s);
    if (s >= 64)
        return 0;
    /* on the magnitude, so that ties round away from zero symmetrically and
     * no signed shift of a negative number is needed */
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    uint64_t r = (mag >> s) + ((mag >> (s - 1)) & 1);
    return v < 0 ? -(int64_t)r : (int64_t)r;
}

int quant_frac_bits(double bound, int bits)
{
    int I = 0;
    if (bound > 0 && isfinite(bound)) {
        int e;
        double mant = frexp(bound, &e); /* bound = mant * 2^e, mant in [0.5, 1) */
        I = mant == 0.5 ? e - 1 : e;    /* ceil(log2(bound)) */
    } else if (!isfinite(bound)) {
        I = 64;
    }
    /* keep shifts well inside int64 */
    if (I < -64)
        I = -64;
    if (I > 64)
        I = 64;
    return bits - 1 - I;
}

int64_t quant_from_double(double v, int f, int bits)
{
    double s = round(ldexp(v, f)); /* ties away from zero, as quant_round_shift */
    double hi = ldexp(1.0, bits - 1);
    if (!(s < hi))
        return quant_sat(INT64_MAX, bits);
    if (s < -hi)
        return quant_sat(INT64_MIN, bits);
    return (int64_t)s;
}

void quant_free(qnet *q)
{
    if (q == NULL)
        return;
    free(q->f_in);
    free(q->f_w);
    free(q->f_b);
    free(q->f_z);
    free(q->f_out);
    free(q->q);
    free(q->tanh_tab);
    free(q->buf0);
    free(q->buf1);
    free(q);
}

static double max_abs(const double *v, size_t n)
{
    double m = 0;
    for (size_t i = 0; i < n; i++)
        m = fabs(v[i]) > m ? fabs(v[i]) : m;
    return m;
}

/* The calibration pass: per layer, the largest |z| and the largest
 * activation over the rows of ds (double precision). */
static int calibrate(const mlp *m, const dataset *ds, double *zmax, double *amax)
{
    size_t L = m->n_layers;
    for (size_t l = 0; l <= L; l++)
        zmax[l] = amax[l] = 0;
    amax[0] = max_abs(ds->x, ds->n * ds->d);
    if (ds->n == 0) {
        for (size_t l = 0; l <= L; l++)
            zmax[l] = amax[l] = 1;
        return MLP_OK;
    }
    mlp_ws *ws = mlp_ws_alloc(m, mlp_ws_rows(m, ds->n, 256, 1 << 24));
    if (ws == NULL)
        return MLP_ENOMEM;
    for (size_t first = 0; first < ds->n; first += ws->max_batch) {
        size_t B = ds->n - first < ws->max_batch ? ds->n - first : ws->max_batch;
        mlp_forward(m, ws, ds->x + first * ds->d, B);
        for (size_t l = 1; l < L; l++)
            for (size_t j = 0; j < m->width[l]; j++)
                for (size_t i = 0; i < B; i++) { /* rows < B only: the lanes beyond are filler */
                    double zm = fabs(mlp_ws_z(ws, l, i, j)), am = fabs(mlp_ws_a(ws, l, i, j));
                    zmax[l] = zm > zmax[l] ? zm : zmax[l];
                    amax[l] = am > amax[l] ? am : amax[l];
                }
    }
    mlp_ws_free(ws);
    return MLP_OK;
}

int quant_build(const mlp *m, const dataset *calib, int bits, qnet **out, char *err)
{
    *out = NULL;
    if (bits < QUANT_MIN_BITS || bits > QUANT_MAX_BITS) {
        mlp_seterr(err, "--quant: %d bits is outside %d..%d", bits, QUANT_MIN_BITS,
                   QUANT_MAX_BITS);
        return MLP_EINVAL;
    }
    if (!quant_supported(m, err))
        return MLP_EINVAL;
    size_t L = m->n_layers, maxw = 0;
    for (size_t l = 0; l <= L; l++)
        maxw = m->width[l] > maxw ? m->width[l] : maxw;
    qnet *q = calloc(1, sizeof *q);
    double *zmax = calloc(L + 1, sizeof *zmax), *amax = calloc(L + 1, sizeof *amax);
    int st = MLP_ENOMEM;
    if (q == NULL || zmax == NULL || amax == NULL)
        goto fail;
    q->bits = bits;
    q->n_layers = L;
    q->m = m;
    q->f_in = calloc(L + 1, sizeof(int));
    q->f_w = calloc(L + 1, sizeof(int));
    q->f_b = calloc(L + 1, sizeof(int));
    q->f_z = calloc(L + 1, sizeof(int));
    q->f_out = calloc(L + 1, sizeof(int));
    q->q = calloc(m->n_params + 1, sizeof(int64_t));
    q->buf0 = calloc(maxw, sizeof(int64_t));
    q->buf1 = calloc(maxw, sizeof(int64_t));
    if (!q->f_in || !q->f_w || !q->f_b || !q->f_z || !q->f_out || !q->q || !q->buf0 || !q->buf1)
        goto fail;
    if ((st = calibrate(m, calib, zmax, amax)) != MLP_OK)
        goto fail;
    int need_tanh = 0;
    q->f_out[0] = quant_frac_bits(amax[0], bits);
    for (size_t l = 1; l <= L; l++) {
        size_t nw = m->width[l - 1] * m->width[l], nb = m->width[l];
        const double *W = mlp_W(m, m->params, l), *b = mlp_b(m, m->params, l);
        q->f_in[l] = q->f_out[l - 1];
        q->f_w[l] = quant_frac_bits(max_abs(W, nw), bits);
        q->f_b[l] = quant_frac_bits(max_abs(b, nb), bits);
        for (size_t i = 0; i < nw; i++)
            q->q[m->w_off[l] + i] = quant_from_double(W[i], q->f_w[l], bits);
        for (size_t i = 0; i < nb; i++)
            q->q[m->b_off[l] + i] = quant_from_double(b[i], q->f_b[l], bits);
        if (l == L)
            break;
        switch (m->act[l]->id) {
        case ACT_RELU6:
            q->f_z[l] = q->f_out[l] = bits - 1 - 3;
            break;
        case ACT_TANH:
            q->f_z[l] = quant_frac_bits(zmax[l], bits);
            q->f_out[l] = bits - 1;
            need_tanh = 1;
            break;
        default: /* relu */
            q->f_z[l] = q->f_out[l] = quant_frac_bits(amax[l], bits);
        }
    }
    if (need_tanh) {
        size_t n = ((size_t)QUANT_TANH_RANGE << QUANT_TANH_STEP_BITS) + 1;
        if ((q->tanh_tab = malloc(n * sizeof(int64_t))) == NULL) {
            st = MLP_ENOMEM;
            goto fail;
        }
        for (size_t k = 0; k < n; k++)
            q->tanh_tab[k] = quant_from_double(tanh(ldexp((double)k, -QUANT_TANH_STEP_BITS)),
                                               bits - 1, bits);
    }
    free(zmax);
    free(amax);
    *out = q;
    return MLP_OK;
fail:
    if (st == MLP_ENOMEM)
        mlp_seterr(err, "out of memory for the %d-bit network", bits);
    free(zmax);
    free(amax);
    quant_free(q);
    return st;
}

/* tanh of z (f_z fractional bits) in the tanh output format, integers only */
static int64_t q_tanh(const qnet *q, int64_t z, int f_z)
{
    uint64_t u = z < 0 ? (uint64_t)0 - (uint64_t)z : (uint64_t)z;
    const size_t last = (size_t)QUANT_TANH_RANGE << QUANT_TANH_STEP_BITS;
    int s = f_z - QUANT_TANH_STEP_BITS; /* index = u / 2^s */
    size_t k;
    uint64_t r = 0;
    if (s > 0) {
        k = s >= 64 ? 0 : (u >> s) > last ? last : (size_t)(u >> s);
        r = s >= 64 ? 0 : u & ((UINT64_C(1) << s) - 1);
    } else {
        k = u == 0 ? 0 : -s >= 64 || u > (last >> -s) ? last : (size_t)(u << -s);
    }
    int64_t t = q->tanh_tab[k];
    if (k < last && r != 0) {
        /* t + (T[k+1] - T[k]) * r / 2^s, rounded: neighbours differ by at
         * most 2^(bits-11) + 1 and r is cut to 31 bits, so the product
         * stays below 2^53 */
        int64_t diff = q->tanh_tab[k + 1] - t;
        int drop = s > 31 ? s - 31 : 0;
        t += quant_round_shift(diff * (int64_t)(r >> drop), s - drop);
    }
    return z < 0 ? -t : t;
}

/* The accumulator: 128 bits, so that no sum of int64 products (each
 * |.| <= 2^62, at most 2^20 of them) can overflow, even at 32 bits where
 * the fractional bits of a product alone take 62 bits. */
__extension__ typedef __int128 acc_t;
#define ACC_BIG ((acc_t)1 << 126)

/* b * 2^s (s may be negative: rounded), saturating at +-2^126 */
static acc_t acc_align(int64_t b, int s)
{
    if (s <= 0)
        return quant_round_shift(b, -s);
    if (b == 0)
        return 0;
    if (s >= 63)
        return b > 0 ? ACC_BIG : -ACC_BIG;
    return (acc_t)b * ((acc_t)1 << s); /* |b| < 2^63, so |.| < 2^126 */
}

/* round(v / 2^s), ties away from zero, saturated to a signed bits-bit value */
static int64_t acc_narrow(acc_t v, int s, int bits)
{
    int64_t hi = (int64_t)((UINT64_C(1) << (bits - 1)) - 1), lo = -hi - 1;
    if (v == 0)
        return 0;
    if (s <= 0) {
        if (v > ((acc_t)1 << 64) || v < -((acc_t)1 << 64) || -s >= 63)
            return v > 0 ? hi : lo;
        v *= (acc_t)1 << -s; /* |.| < 2^127 */
    } else {
        __extension__ typedef unsigned __int128 uacc_t;
        uacc_t mag = v < 0 ? (uacc_t)0 - (uacc_t)v : (uacc_t)v;
        mag = s >= 128 ? 0 : (mag >> s) + (s >= 1 ? (mag >> (s - 1)) & 1 : 0);
        v = v < 0 ? -(acc_t)mag : (acc_t)mag;
    }
    return v > hi ? hi : v < lo ? lo : (int64_t)v;
}

int quant_classify(const qnet *q, const double *x, double *logit_out)
{
    const mlp *m = q->m;
    const int bits = q->bits;
    int64_t *in = q->buf0, *out = q->buf1;
    for (size_t p = 0; p < m->width[0]; p++)
        in[p] = quant_from_double(x[p], q->f_out[0], bits);
    for (size_t l = 1; l <= q->n_layers; l++) {
        size_t k = m->width[l - 1], n = m->width[l];
        const int64_t *W = q->q + m->w_off[l], *b = q->q + m->b_off[l];
        int f_acc = q->f_in[l] + q->f_w[l];
        for (size_t j = 0; j < n; j++) {
            acc_t acc = acc_align(b[j], f_acc - q->f_b[l]);
            for (size_t p = 0; p < k; p++)
                acc += in[p] * W[p * n + j]; /* int64 product, |.| <= 2^62: exact */
            if (l == q->n_layers) {
                if (logit_out) /* for reports and tests only, after the fact */
                    *logit_out = ldexp((double)acc, -f_acc);
                return acc > 0;
            }
            int64_t z = acc_narrow(acc, f_acc - q->f_z[l], bits);
            switch (m->act[l]->id) {
            case ACT_RELU6: {
                int64_t six = (int64_t)6 << q->f_out[l];
                out[j] = z < 0 ? 0 : z > six ? six : z;
                break;
            }
            case ACT_TANH:
                out[j] = q_tanh(q, z, q->f_z[l]);
                break;
            default:
                out[j] = z < 0 ? 0 : z;
            }
        }
        int64_t *t = in;
        in = out;
        out = t;
    }
    return 0; /* not reached: the last layer returns */
}

/* accuracy of the fixed-point net on ds; flips against the double pass */
static double q_accuracy(const qnet *q, const dataset *ds, const int *float_class,
                         size_t *changed)
{
    size_t correct = 0;
    *changed = 0;
    for (size_t i = 0; i < ds->n; i++) {
        int c = quant_classify(q, ds->x + i * ds->d, NULL);
        correct += c == (ds->y[i] > 0.5);
        *changed += c != float_class[i];
    }
    return ds->n ? (double)correct / (double)ds->n : NAN;
}

/* the double pass's class of every row (p > 0.5, as train_evaluate) */
static int float_classes(const mlp *m, const dataset *ds, int *cls, double *acc)
{
    size_t correct = 0;
    *acc = NAN;
    if (ds->n == 0)
        return MLP_OK;
    mlp_ws *ws = mlp_ws_alloc(m, mlp_ws_rows(m, ds->n, 256, 1 << 24));
    if (ws == NULL)
        return MLP_ENOMEM;
    for (size_t first = 0; first < ds->n; first += ws->max_batch) {
        size_t B = ds->n - first < ws->max_batch ? ds->n - first : ws->max_batch;
        const double *z = mlp_forward(m, ws, ds->x + first * ds->d, B);
        for (size_t i = 0; i < B; i++) {
            cls[first + i] = act_sigmoid(z[i]) > 0.5;
            correct += cls[first + i] == (ds->y[first + i] > 0.5);
        }
    }
    mlp_ws_free(ws);
    *acc = (double)correct / (double)ds->n;
    return MLP_OK;
}

int quant_table(const mlp *m, const dataset *train, const dataset *test, const int *bits,
                size_t n_bits, quant_row *rows, char *err)
{
    int *ctr = malloc((train->n + 1) * sizeof(int)), *cte = malloc((test->n + 1) * sizeof(int));
    double ftr, fte;
    int st = MLP_ENOMEM;
    if (!ctr || !cte || float_classes(m, train, ctr, &ftr) != MLP_OK ||
        float_classes(m, test, cte, &fte) != MLP_OK) {
        mlp_seterr(err, "out of memory for the fixed-point evaluation");
        goto done;
    }
    for (size_t i = 0; i < n_bits; i++) {
        qnet *q;
        if ((st = quant_build(m, train, bits[i], &q, err)) != MLP_OK)
            goto done;
        quant_row *r = &rows[i];
        size_t unused;
        r->bits = bits[i];
        r->float_train_acc = ftr;
        r->float_test_acc = fte;
        r->train_acc = q_accuracy(q, train, ctr, &unused);
        r->test_acc = q_accuracy(q, test, cte, &r->test_changed);
        r->test_changed_frac = test->n ? (double)r->test_changed / (double)test->n : NAN;
        quant_free(q);
    }
    st = MLP_OK;
done:
    free(ctr);
    free(cte);
    return st;
}
