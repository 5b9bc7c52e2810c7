/* grid.c: shape, ordering and values of the probability grid. */
#include <math.h>
#include <stdlib.h>

#include "check.h"
#include "grid.h"
#include "init.h"
#include "rng.h"
#include "status.h"

/* Write the grid of m into memory and parse it back: rows x (x1, x2, p). */
static size_t grid_rows(const mlp *m, const double lo[2], const double hi[2], size_t size,
                        double **out, char *header)
{
    char *buf = NULL, err[MLP_ERRLEN];
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    CHECK(grid_write(m, lo, hi, size, f, err) == MLP_OK);
    fclose(f);
    double *v = malloc(3 * size * size * sizeof *v + 1);
    size_t n = 0;
    char *p = buf, *nl = strchr(p, '\n');
    memcpy(header, p, (size_t)(nl - p));
    header[nl - p] = '\0';
    for (p = nl + 1; *p != '\0' && n < size * size; p = strchr(p, '\n') + 1) {
        CHECK(sscanf(p, "%lf,%lf,%lf", &v[3 * n], &v[3 * n + 1], &v[3 * n + 2]) == 3);
        n++;
    }
    CHECK(*p == '\0'); /* nothing after the last row */
    free(buf);
    *out = v;
    return n;
}

/* A logistic regression (no hidden layer) with known weights: the grid's
 * p must be sigmoid(w1 x1 + w2 x2 + b) at the stated points. */
static void test_known_weights(void)
{
    mlp *m;
    char err[MLP_ERRLEN], header[64];
    CHECK(mlp_alloc(&m, 2, NULL, 0, act_find("relu"), err) == MLP_OK);
    double *W = mlp_W(m, m->params, 1), *b = mlp_b(m, m->params, 1);
    W[0] = 2.0;
    W[1] = -3.0;
    b[0] = 0.5;
    double lo[2] = {-1, -2}, hi[2] = {1, 2}, *v;
    size_t n = grid_rows(m, lo, hi, 5, &v, header);
    CHECK_STR(header, "x1,x2,p");
    CHECK(n == 25);
    /* x1 outer, x2 inner: row 1 is (-1, -1), row 5 is (-0.5, -2) */
    CHECK(v[0] == -1 && v[1] == -2);
    CHECK(v[3] == -1 && v[4] == -1);
    CHECK(v[15] == -0.5 && v[16] == -2);
    CHECK(v[3 * 24] == 1 && v[3 * 24 + 1] == 2);
    for (size_t i = 0; i < n; i++) {
        double x1 = v[3 * i], x2 = v[3 * i + 1], p = v[3 * i + 2];
        CHECK_NEAR(p, 1 / (1 + exp(-(2 * x1 - 3 * x2 + 0.5))), 1e-15);
    }
    /* by hand at (0, 0): sigmoid(0.5) = 0.6224593312018546 */
    CHECK_NEAR(v[3 * 12 + 2], 0.6224593312018546, 1e-15);
    CHECK(v[3 * 12] == 0 && v[3 * 12 + 1] == 0);
    free(v);
    mlp_free(m);
}

/* The article's 11x5 relu6 net with random weights: p equals the
 * network's own forward pass at every grid point, and lies in [0, 1]. */
static void test_deep_net(void)
{
    size_t widths[11];
    for (int i = 0; i < 11; i++)
        widths[i] = 5;
    mlp *m;
    char err[MLP_ERRLEN], header[64];
    CHECK(mlp_alloc(&m, 2, widths, 11, act_find("tanh"), err) == MLP_OK);
    init_spec gl = {INIT_GLOROT_UNIFORM, 0, 0};
    np_rng *g = np_rng_alloc(7);
    mlp_init(m, &gl, &gl, g);
    double lo[2] = {-1, -1}, hi[2] = {1, 1}, *v;
    size_t n = grid_rows(m, lo, hi, 7, &v, header);
    CHECK(n == 49);
    mlp_ws *ws = mlp_ws_alloc(m, 1);
    int all_in = 1, all_match = 1, varies = 0;
    for (size_t i = 0; i < n; i++) {
        double x[2] = {v[3 * i], v[3 * i + 1]};
        double p = act_sigmoid(mlp_forward(m, ws, x, 1)[0]);
        all_in &= v[3 * i + 2] >= 0 && v[3 * i + 2] <= 1;
        all_match &= v[3 * i + 2] == p; /* shortest round-trip text: exact */
        varies |= v[3 * i + 2] != v[2];
    }
    CHECK(all_in);
    CHECK(all_match);
    CHECK(varies); /* a constant grid would hide a wrong input */
    free(v);
    mlp_ws_free(ws);
    np_rng_free(g);
    mlp_free(m);
}

static void test_bounds(void)
{
    dataset *a = dataset_alloc(2, 2), *b = dataset_alloc(1, 2);
    double xa[] = {0.5, -2, 3, 1}, xb[] = {-1, 4};
    memcpy(a->x, xa, sizeof xa);
    memcpy(b->x, xb, sizeof xb);
    double lo[2], hi[2];
    grid_bounds(a, b, lo, hi);
    CHECK(lo[0] == -1 && hi[0] == 3 && lo[1] == -2 && hi[1] == 4);
    /* no spread in a column: widened so the grid still has an area */
    dataset *c = dataset_alloc(2, 2);
    double xc[] = {1, 5, 1, 6};
    memcpy(c->x, xc, sizeof xc);
    dataset *e = dataset_alloc(0, 2);
    grid_bounds(c, e, lo, hi);
    CHECK(lo[0] == 0 && hi[0] == 2 && lo[1] == 5 && hi[1] == 6);
    dataset_free(a);
    dataset_free(b);
    dataset_free(c);
    dataset_free(e);
}

static void test_refused(void)
{
    mlp *m;
    char err[MLP_ERRLEN];
    CHECK(mlp_alloc(&m, 3, NULL, 0, act_find("relu"), err) == MLP_OK);
    double lo[2] = {-1, -1}, hi[2] = {1, 1};
    FILE *f = fopen("/dev/null", "w");
    CHECK(grid_write(m, lo, hi, 5, f, err) == MLP_EINVAL);
    mlp_free(m);
    CHECK(mlp_alloc(&m, 2, NULL, 0, act_find("relu"), err) == MLP_OK);
    CHECK(grid_write(m, lo, hi, 1, f, err) == MLP_EINVAL);
    mlp_free(m);
    fclose(f);
}

int main(void)
{
    test_known_weights();
    test_deep_net();
    test_bounds();
    test_refused();
    return check_done("grid");
}
