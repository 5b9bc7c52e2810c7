/* The vectorized dense kernels against the textbook loops they replace:
 * on random shapes (widths and batch sizes that are and are not multiples
 * of the vector width) every pre-activation, activation, logit and
 * gradient must be bit for bit the same, for the fused activations and
 * for the ones that go through the act table; and the baseline, AVX2 and
 * AVX-512 builds of the kernels must agree.  (In a BLAS build the wide layers go to
 * cblas_dgemm and agree to 1e-10 instead.) */
#include <float.h>
#include <stdlib.h>

#include "check.h"
#include "kern.h"
#include "mlp.h"
#include "rng.h"
#include "status.h"
#include "vec.h"

/* The reference: row-major batches, sums in the documented order. */
static void ref_dense_forward(double *out, const double *in, const double *W, const double *b,
                              size_t B, size_t k, size_t n)
{
    for (size_t i = 0; i < B; i++)
        for (size_t j = 0; j < n; j++) {
            double s = b[j];
            for (size_t p = 0; p < k; p++)
                s += in[i * k + p] * W[p * n + j];
            out[i * n + j] = s;
        }
}

static void ref_dense_backward(double *din, double *dW, double *db, const double *dout,
                               const double *in, const double *W, size_t B, size_t k, size_t n)
{
    for (size_t p = 0; p < k; p++)
        for (size_t j = 0; j < n; j++) {
            double s = 0;
            for (size_t i = 0; i < B; i++)
                s += in[i * k + p] * dout[i * n + j];
            dW[p * n + j] = s;
        }
    for (size_t j = 0; j < n; j++) {
        double s = 0;
        for (size_t i = 0; i < B; i++)
            s += dout[i * n + j];
        db[j] = s;
    }
    if (din != NULL)
        for (size_t i = 0; i < B; i++)
            for (size_t p = 0; p < k; p++) {
                double s = 0;
                for (size_t j = 0; j < n; j++)
                    s += dout[i * n + j] * W[p * n + j];
                din[i * k + p] = s;
            }
}

/* Bit for bit, except in a BLAS build (make BLAS=openblas|blis), whose
 * dgemm sums wide layers in another order and with FMA. */
#ifdef MLP_BLAS
static const double tol = 1e-10;
#else
static const double tol = 0;
#endif

static int same_bits(double a, double b)
{
    if (tol > 0)
        return fabs(a - b) <= tol * (fabs(b) > 1 ? fabs(b) : 1);
    return memcmp(&a, &b, sizeof a) == 0;
}

/* Whether this CPU can run build `variant` (0: the public functions and
 * 1: the baseline build, always; 2: AVX2; 3: AVX-512), from the choice
 * kern.c makes (the best build the CPU has: every lower one runs too), and
 * running it: forward, then backward if asked. */
static int cpu_has(int variant)
{
    const char *isa = kern_isa();
    int best = strcmp(isa, "avx512") == 0 ? 3 : strcmp(isa, "avx2") == 0 ? 2 : 1;
    return variant <= best;
}

static void kern_variant(int variant, mlp *m, mlp_ws *ws, size_t B, int backward)
{
#if defined(__x86_64__) && defined(__GNUC__) && !defined(MLP_NO_DISPATCH)
    if (variant == 3) {
        kern_forward_avx512(m, ws, B);
        if (backward)
            kern_backward_avx512(m, ws, B);
        return;
    }
    if (variant == 2) {
        kern_forward_avx2(m, ws, B);
        if (backward)
            kern_backward_avx2(m, ws, B);
        return;
    }
#else
    (void)variant; /* one build only */
#endif
    kern_forward_base(m, ws, B);
    if (backward)
        kern_backward_base(m, ws, B);
}

/* One random network and batch; compares everything.  Returns mismatches. */
static size_t compare_once(const act_def *act, size_t n_in, const size_t *hidden, size_t nh,
                           size_t max_batch, size_t B, np_rng *g)
{
    mlp *m;
    char err[MLP_ERRLEN];
    if (mlp_alloc(&m, n_in, hidden, nh, act, err) != MLP_OK)
        return 1;
    init_spec wi = {INIT_NORMAL, 0.0, 0.9};
    mlp_init(m, &wi, &wi, g);
    for (size_t l = 1; l <= m->n_layers; l++)
        for (size_t j = 0; j < m->width[l]; j++)
            mlp_b(m, m->params, l)[j] = np_rng_uniform(g, -0.5, 0.5);
    /* hidden pre-activations exactly at the kinks, where relu's and relu6's
     * derivatives are 0 (z = 0 and z = 6): in hidden layers of 3 or more
     * units, unit 0 has zero weights and bias (z = 0) and unit 1 zero
     * weights and bias 6 (z = 6) */
    for (size_t l = 1; l < m->n_layers; l++) {
        if (m->width[l] < 3)
            continue;
        double *W = mlp_W(m, m->params, l);
        for (size_t p = 0; p < m->width[l - 1]; p++)
            W[p * m->width[l]] = W[p * m->width[l] + 1] = 0.0;
        mlp_b(m, m->params, l)[0] = 0.0;
        mlp_b(m, m->params, l)[1] = 6.0;
    }
    size_t L = m->n_layers, maxw = 0;
    for (size_t l = 0; l <= L; l++)
        maxw = m->width[l] > maxw ? m->width[l] : maxw;
    double *x = malloc(B * n_in * sizeof *x), *dl = malloc(B * sizeof *dl);
    double **z = calloc(L + 1, sizeof *z), **a = calloc(L + 1, sizeof *a);
    double *d0 = malloc(B * maxw * sizeof *d0), *d1 = malloc(B * maxw * sizeof *d1);
    double *grads = malloc(m->n_params * sizeof *grads);
    for (size_t i = 0; i < B * n_in; i++)
        x[i] = np_rng_uniform(g, -2, 2);
    for (size_t i = 0; i < B; i++)
        dl[i] = np_rng_uniform(g, -1, 1);
    /* a few exact zeros and kink values, where relu's and relu6's choices matter */
    if (B * n_in > 2)
        x[1] = 0.0, x[2] = -0.0;

    /* reference forward */
    const double *in = x;
    for (size_t l = 1; l <= L; l++) {
        size_t k = m->width[l - 1], n = m->width[l];
        z[l] = malloc(B * n * sizeof **z);
        a[l] = malloc(B * n * sizeof **a);
        ref_dense_forward(z[l], in, mlp_W(m, m->params, l), mlp_b(m, m->params, l), B, k, n);
        if (l < L)
            for (size_t i = 0; i < B * n; i++)
                a[l][i] = act->f(z[l][i]);
        in = a[l];
    }
    /* reference backward */
    memcpy(d0, dl, B * sizeof *d0);
    double *dout = d0, *din = d1;
    for (size_t l = L; l >= 1; l--) {
        size_t k = m->width[l - 1], n = m->width[l];
        ref_dense_backward(l > 1 ? din : NULL, mlp_W(m, grads, l), mlp_b(m, grads, l), dout,
                           l > 1 ? a[l - 1] : x, mlp_W(m, m->params, l), B, k, n);
        if (l > 1) {
            for (size_t i = 0; i < B * k; i++)
                din[i] *= act->df(z[l - 1][i]);
            double *t = dout;
            dout = din;
            din = t;
        }
    }

    size_t bad = 0;
    mlp_ws *ws = mlp_ws_alloc(m, max_batch);
    for (int variant = 0; variant < 4; variant++) {
        /* 0: the public functions (whichever build the CPU picks),
         * 1: the baseline build, 2: the AVX2 build, 3: the AVX-512 build
         * (2 and 3 if the CPU has them) */
        if (!cpu_has(variant))
            continue;
        memset(m->grads, 0xff, m->n_params * sizeof *m->grads); /* NaN: every slot must be written */
        const double *logits;
        if (variant == 0) {
            logits = mlp_forward(m, ws, x, B);
            mlp_backward(m, ws, NULL, dl, B);
        } else {
            mlp_forward(m, ws, x, B); /* fills ws->x */
            memcpy(ws->d0, dl, B * sizeof *dl);
            for (size_t i = B; i < ((B + 3) & ~(size_t)3); i++)
                ws->d0[i] = 0;
            kern_variant(variant, m, ws, B, 1);
            logits = ws->z[L];
        }
        for (size_t i = 0; i < B; i++)
            bad += !same_bits(logits[i], z[L][i]);
        for (size_t l = 1; l < L; l++)
            for (size_t i = 0; i < B; i++)
                for (size_t j = 0; j < m->width[l]; j++) {
                    bad += !same_bits(mlp_ws_z(ws, l, i, j), z[l][i * m->width[l] + j]);
                    bad += !same_bits(mlp_ws_a(ws, l, i, j), a[l][i * m->width[l] + j]);
                }
        for (size_t p = 0; p < m->n_params; p++)
            bad += !same_bits(m->grads[p], grads[p]);
    }
    /* the gathering forward gives the same logits as the row-major one */
    size_t *idx = malloc(B * sizeof *idx);
    double *xr = malloc(B * n_in * sizeof *xr);
    for (size_t i = 0; i < B; i++) {
        idx[i] = B - 1 - i;
        memcpy(xr + i * n_in, x + (B - 1 - i) * n_in, n_in * sizeof *x);
    }
    double *l1 = malloc(B * sizeof *l1);
    memcpy(l1, mlp_forward(m, ws, xr, B), B * sizeof *l1);
    const double *l2 = mlp_forward_rows(m, ws, x, idx, B);
    for (size_t i = 0; i < B; i++)
        bad += !same_bits(l1[i], l2[i]);

    free(idx);
    free(xr);
    free(l1);
    mlp_ws_free(ws);
    for (size_t l = 1; l <= L; l++) {
        free(z[l]);
        free(a[l]);
    }
    free(z);
    free(a);
    free(x);
    free(dl);
    free(d0);
    free(d1);
    free(grads);
    mlp_free(m);
    return bad;
}

/* tanh inside the kernels, every build (eight vectors at a time, vroundpd
 * and minpd in the AVX2 one, 8-lane vectors in the AVX-512 one), on the
 * inputs where a vector tanh goes wrong: signed zeros, infinities, NaN,
 * huge and tiny values, the ends of the k = round(2|x| / ln2) steps, the
 * clamp at 20.
 * One input into 8 tanh units of weight 1 and bias 0, so z = x and each
 * unit's a must equal vec_tanh(z) (act.c's scalar tanh), NaN for NaN.
 * Returns mismatches. */
static size_t tanh_special(np_rng *g)
{
    size_t hidden[1] = {8}, B = 0, bad = 0;
    double x[1000];
    static const double fixed[] = {0.0, -0.0, INFINITY, -INFINITY, NAN, -NAN, DBL_MAX, -DBL_MAX,
                                   DBL_MIN, 0x1p-1074, -0x1p-1074, 1e-300, 1e-160, 1e-8,
                                   0x1.6a40ac46157a5p-3, 18.54, 19.0615474653985, 20.0,
                                   0x1.4000000000001p+4, -20.0, 1e300};
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        x[B++] = fixed[i];
    for (int k = 0; k <= 58; k++) { /* both sides of each step, x = (k + 1/2) ln2 / 2 */
        double edge = (k + 0.5) * 0.34657359027997264;
        x[B++] = nextafter(edge, 0), x[B++] = -nextafter(edge, 0);
        x[B++] = nextafter(edge, 40), x[B++] = -nextafter(edge, 40);
    }
    while (B < 997) { /* random magnitudes, 2^-30 .. 2^6, both signs */
        double v = ldexp(np_rng_uniform(g, 1, 2), (int)np_rng_interval(g, 37) - 30);
        x[B++] = np_rng_interval(g, 2) ? -v : v;
    }
    mlp *m;
    char err[MLP_ERRLEN];
    if (mlp_alloc(&m, 1, hidden, 1, act_find("tanh"), err) != MLP_OK)
        return 1;
    for (size_t j = 0; j < 8; j++)
        mlp_W(m, m->params, 1)[j] = 1.0, mlp_b(m, m->params, 1)[j] = 0.0;
    mlp_ws *ws = mlp_ws_alloc(m, B);
    for (int variant = 1; variant < 4; variant++) {
        if (!cpu_has(variant))
            continue;
        mlp_forward(m, ws, x, B); /* fills ws->x */
        kern_variant(variant, m, ws, B, 0);
        for (size_t i = 0; i < B; i++) {
            double want = vec_tanh(0.0 + x[i] * 1.0);
            for (size_t j = 0; j < 8; j++) {
                double got = mlp_ws_a(ws, 1, i, j);
                bad += isnan(want) ? !isnan(got) : memcmp(&got, &want, sizeof got) != 0;
            }
        }
    }
    mlp_ws_free(ws);
    mlp_free(m);
    return bad;
}

int main(void)
{
    static const char *acts[] = {"relu6", "relu", "tanh", "linear", "elu", "sigmoid"};
    static const size_t widths[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 17};
    static const size_t batches[] = {1, 2, 3, 5, 13, 16, 17, 20, 32, 33};
    np_rng *g = np_rng_alloc(2024);
    for (size_t ai = 0; ai < sizeof acts / sizeof acts[0]; ai++) {
        const act_def *act = act_find(acts[ai]);
        for (int rep = 0; rep < 12; rep++) {
            size_t nh = np_rng_interval(g, 3), hidden[3];
            for (size_t l = 0; l < nh; l++)
                hidden[l] = widths[np_rng_interval(g, 10)];
            size_t n_in = 1 + np_rng_interval(g, 4);
            size_t B = batches[np_rng_interval(g, 9)];
            size_t max_batch = B + np_rng_interval(g, 5);
            size_t b = compare_once(act, n_in, hidden, nh, max_batch, B, g);
            CHECK_MSG(b == 0, "%s: inputs %zu, %zu hidden (%zu %zu %zu), batch %zu of %zu: %zu "
                      "values differ", acts[ai], n_in, nh, nh > 0 ? hidden[0] : 0,
                      nh > 1 ? hidden[1] : 0, nh > 2 ? hidden[2] : 0, B, max_batch, b);
        }
    }
    /* the article's shape and a wide one */
    size_t h11[11] = {5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5}, h64[2] = {64, 37}, hbig[2] = {130, 128};
    CHECK(compare_once(act_find("relu6"), 2, h11, 11, 32, 32, g) == 0);
    CHECK(compare_once(act_find("tanh"), 2, h11, 11, 32, 20, g) == 0);
    CHECK(compare_once(act_find("relu"), 2, h64, 2, 32, 29, g) == 0);
    /* 5 and 6 inputs into 8 or more units: dW in blocks of 4 units */
    size_t h56[4] = {5, 9, 6, 12};
    CHECK(compare_once(act_find("relu6"), 2, h56, 4, 32, 32, g) == 0);
    CHECK(compare_once(act_find("tanh"), 2, h56, 4, 20, 17, g) == 0);
    /* every small layer of dw_small (1 to 6 inputs into 1 or 5 units),
     * next to wider ones */
    size_t hs5[13] = {6, 5, 6, 1, 5, 1, 3, 5, 1, 2, 5, 4, 5}, hs1[8] = {4, 1, 2, 1, 3, 1, 1, 1};
    CHECK(compare_once(act_find("relu"), 3, hs5, 13, 32, 32, g) == 0);
    CHECK(compare_once(act_find("tanh"), 2, hs5, 13, 20, 13, g) == 0);
    CHECK(compare_once(act_find("elu"), 6, hs1, 8, 32, 31, g) == 0);
    CHECK(compare_once(act_find("relu6"), 1, hs1, 8, 5, 3, g) == 0);
    /* 130 x 128 = 16640 weights: the cblas_dgemm path in a BLAS build */
    CHECK(compare_once(act_find("tanh"), 3, hbig, 2, 32, 32, g) == 0);
    size_t bt = tanh_special(g);
    CHECK_MSG(bt == 0, "tanh in the kernels: %zu special inputs differ from vec_tanh", bt);
    np_rng_free(g);
    return check_done("kern");
}
