/* Known answers for the data stage: numpy's RandomState primitives, and
 * make_circles / MinMaxScaler against every scikit-learn fixture in
 * tests/fixtures (see scripts/make_fixtures.py), to the bit. */
#include <dirent.h>
#include <float.h>
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "circles.h"
#include "dataset.h"
#include "rng.h"
#include "status.h"

#define FIXTURES "tests/fixtures"

static int same_bits(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

/* ---- numpy RandomState primitives (values printed by numpy 1.24) ---- */

static void test_rng(void)
{
    /* RandomState(s).randint(0, 2**32, dtype=uint64): the raw 32-bit outputs */
    static const uint32_t raw0[] = {2357136044u, 2546248239u, 3071714933u};
    static const uint32_t raw1[] = {1791095845u, 4282876139u, 3093770124u};
    np_rng *g = np_rng_alloc(0);
    CHECK(g != NULL);
    for (int i = 0; i < 3; i++)
        CHECK_MSG(np_rng_next32(g) == raw0[i], "seed 0, draw %d", i);
    np_rng_free(g);
    g = np_rng_alloc(1);
    for (int i = 0; i < 3; i++)
        CHECK_MSG(np_rng_next32(g) == raw1[i], "seed 1, draw %d", i);
    np_rng_free(g);

    /* np_rng_next32 runs GSL's mt19937 on GSL's own state: the same words
     * as gsl_rng_get over several refills of the 624-word block, and the
     * state it leaves is GSL's (a copy of it goes on in gsl_rng_get) */
    static const uint32_t seeds[] = {1, 12345, 4294967295u};
    for (size_t si = 0; si < sizeof seeds / sizeof seeds[0]; si++) {
        gsl_rng *ref = gsl_rng_alloc(gsl_rng_mt19937);
        gsl_rng_set(ref, seeds[si]);
        g = np_rng_alloc(seeds[si]);
        int differ = 0;
        for (int i = 0; i < 5000; i++)
            differ += np_rng_next32(g) != (uint32_t)gsl_rng_get(ref);
        CHECK_MSG(differ == 0, "seed %u: %d of 5000 draws differ from gsl_rng_get", seeds[si],
                  differ);
        gsl_rng *copy = gsl_rng_clone(g->r);
        differ = 0;
        for (int i = 0; i < 1000; i++)
            differ += (uint32_t)gsl_rng_get(copy) != (uint32_t)gsl_rng_get(ref);
        CHECK_MSG(differ == 0, "seed %u: GSL's state after np_rng: %d of 1000 draws differ",
                  seeds[si], differ);
        gsl_rng_free(copy);
        np_rng_free(g);
        gsl_rng_free(ref);
    }

    /* np_rng_shuffle takes the words np_rng_interval would: the same
     * permutation as the plain Fisher-Yates loop, over many refills and
     * every mask size, and the stream goes on from the same place */
    {
        enum { NS = 70000 };
        size_t *a = malloc(NS * sizeof *a), *b = malloc(NS * sizeof *b);
        np_rng *ga = np_rng_alloc(99), *gb = np_rng_alloc(99);
        for (size_t i = 0; i < NS; i++)
            a[i] = b[i] = i;
        for (int rep = 0; rep < 3; rep++) {
            np_rng_shuffle(ga, a, NS - (size_t)rep * 1000);
            for (size_t i = NS - (size_t)rep * 1000; i-- > 1;) {
                size_t j = np_rng_interval(gb, (uint32_t)i), t = b[i];
                b[i] = b[j];
                b[j] = t;
            }
        }
        CHECK(memcmp(a, b, NS * sizeof *a) == 0);
        CHECK(np_rng_next32(ga) == np_rng_next32(gb));
        np_rng_free(ga);
        np_rng_free(gb);
        free(a);
        free(b);
    }

    /* RandomState(0).standard_normal(5) */
    static const double normal0[] = {1.764052345967664, 0.4001572083672233, 0.9787379841057392,
                                     2.240893199201458, 1.8675579901499675};
    g = np_rng_alloc(0);
    for (int i = 0; i < 5; i++) {
        double v = np_rng_gauss(g);
        CHECK_MSG(same_bits(v, normal0[i]), "gauss %d: got %.17g want %.17g", i, v, normal0[i]);
    }
    np_rng_free(g);

    /* RandomState(0).random_sample(3) */
    static const double uniform0[] = {0.5488135039273248, 0.7151893663724195, 0.6027633760716439};
    g = np_rng_alloc(0);
    for (int i = 0; i < 3; i++)
        CHECK(same_bits(np_rng_double(g), uniform0[i]));
    np_rng_free(g);

    /* RandomState(4294967295).random_sample(2): the largest seed */
    g = np_rng_alloc(4294967295u);
    CHECK(same_bits(np_rng_double(g), 0.0976320289940138));
    CHECK(same_bits(np_rng_double(g), 0.9123828453026218));
    np_rng_free(g);

    /* a = arange(10); RandomState(0).shuffle(a) */
    static const size_t shuffled0[] = {2, 8, 4, 9, 1, 6, 7, 3, 0, 5};
    size_t idx[10];
    for (size_t i = 0; i < 10; i++)
        idx[i] = i;
    g = np_rng_alloc(0);
    np_rng_shuffle(g, idx, 10);
    CHECK(memcmp(idx, shuffled0, sizeof idx) == 0);
    np_rng_free(g);

    /* r = RandomState(7); r.shuffle(arange(5)); r.standard_normal(); r.random_sample():
     * the three primitives interleaved on one stream */
    static const size_t shuffled7[] = {0, 3, 2, 1, 4};
    for (size_t i = 0; i < 5; i++)
        idx[i] = i;
    g = np_rng_alloc(7);
    np_rng_shuffle(g, idx, 5);
    CHECK(memcmp(idx, shuffled7, 5 * sizeof idx[0]) == 0);
    CHECK(same_bits(np_rng_gauss(g), -0.037100224950122586));
    CHECK(same_bits(np_rng_double(g), 0.30801276518773935));
    np_rng_free(g);
}

/* ---- fixtures ---- */

/* Every value bit-equal (and, said differently, within 1e-15), labels equal. */
static void check_same(const dataset *got, const dataset *want, const char *what)
{
    CHECK_MSG(got->n == want->n && got->d == want->d, "%s: shape %zux%zu, want %zux%zu", what,
              got->n, got->d, want->n, want->d);
    if (got->n != want->n || got->d != want->d)
        return;
    size_t differ = 0, labels = 0;
    double worst = 0.0;
    for (size_t i = 0; i < want->n * want->d; i++) {
        differ += !same_bits(got->x[i], want->x[i]);
        double e = fabs(got->x[i] - want->x[i]);
        if (!(e <= worst))
            worst = e;
    }
    for (size_t i = 0; i < want->n; i++)
        labels += got->y[i] != want->y[i];
    CHECK_MSG(differ == 0, "%s: %zu values differ in their bits", what, differ);
    CHECK_MSG(worst <= 1e-15, "%s: max |difference| %g", what, worst);
    CHECK_MSG(labels == 0, "%s: %zu labels differ", what, labels);
}

static dataset *load(const char *path)
{
    char err[MLP_ERRLEN];
    dataset *ds = NULL;
    int rc = dataset_read_csv(path, &ds, err);
    CHECK_MSG(rc == MLP_OK, "%s", err);
    return ds;
}

/* circles_{raw,scaled}_nN_noiseX_seedS_factorF.csv */
static int check_circles_fixture(const char *name, const char *path)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", name);
    char *dot = strstr(buf, ".csv");
    if (dot == NULL)
        return 0;
    *dot = '\0';
    char *kind = NULL;
    unsigned long n = 0, seed = 0;
    double noise = -1, factor = -1;
    int fields = 0;
    char *save, *end;
    for (char *t = strtok_r(buf, "_", &save); t != NULL; t = strtok_r(NULL, "_", &save)) {
        if (fields == 0 && strcmp(t, "circles") == 0)
            fields++;
        else if (fields == 1 && (strcmp(t, "raw") == 0 || strcmp(t, "scaled") == 0))
            kind = t, fields++;
        else if (fields == 2 && t[0] == 'n' && (n = strtoul(t + 1, &end, 10), *end == '\0'))
            fields++;
        else if (fields == 3 && strncmp(t, "noise", 5) == 0 &&
                 (noise = strtod(t + 5, &end), *end == '\0'))
            fields++;
        else if (fields == 4 && strncmp(t, "seed", 4) == 0 &&
                 (seed = strtoul(t + 4, &end, 10), *end == '\0'))
            fields++;
        else if (fields == 5 && strncmp(t, "factor", 6) == 0 &&
                 (factor = strtod(t + 6, &end), *end == '\0'))
            fields++;
        else
            return 0;
    }
    if (fields != 6)
        return 0;
    char err[MLP_ERRLEN];
    dataset *got = NULL, *want = load(path);
    int rc = circles_make(n, noise, factor, (uint32_t)seed, &got, err);
    CHECK_MSG(rc == MLP_OK, "%s: %s", name, err);
    if (rc == MLP_OK && strcmp(kind, "scaled") == 0) {
        minmax mm;
        rc = minmax_fit(got, -1.0, 1.0, &mm, err);
        CHECK_MSG(rc == MLP_OK, "%s: %s", name, err);
        minmax_apply(&mm, got);
    }
    if (got != NULL && want != NULL)
        check_same(got, want, name);
    dataset_free(got);
    dataset_free(want);
    return 1;
}

/* minmax_NAME_out_loLO_hiHI.csv is MinMaxScaler((LO, HI)) of minmax_NAME_in.csv */
static int check_minmax_fixture(const char *name, const char *path)
{
    char stem[256], base[128];
    double lo, hi;
    int used = 0;
    size_t len = strlen(name);
    if (len < 4 || len >= sizeof stem || strcmp(name + len - 4, ".csv") != 0)
        return 0;
    memcpy(stem, name, len - 4); /* without ".csv", which strtod would eat into */
    stem[len - 4] = '\0';
    if (sscanf(stem, "minmax_%127[a-z]_out_lo%lf_hi%lf%n", base, &lo, &hi, &used) != 3 ||
        stem[used] != '\0') {
        /* an input: checked through its outputs */
        used = 0;
        return sscanf(stem, "minmax_%127[a-z]_in%n", base, &used) == 1 && stem[used] == '\0';
    }
    char in[512], err[MLP_ERRLEN];
    snprintf(in, sizeof in, FIXTURES "/minmax_%s_in.csv", base);
    dataset *got = load(in), *want = load(path);
    if (got != NULL && want != NULL) {
        minmax mm;
        int rc = minmax_fit(got, lo, hi, &mm, err);
        CHECK_MSG(rc == MLP_OK, "%s: %s", name, err);
        minmax_apply(&mm, got);
        check_same(got, want, name);
    }
    dataset_free(got);
    dataset_free(want);
    return 1;
}

static void test_fixtures(void)
{
    DIR *dir = opendir(FIXTURES);
    CHECK_MSG(dir != NULL, "cannot open " FIXTURES " (run from the top directory)");
    if (dir == NULL)
        return;
    int circles = 0, minmaxes = 0;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char path[512];
        snprintf(path, sizeof path, FIXTURES "/%s", e->d_name);
        if (check_circles_fixture(e->d_name, path))
            circles++;
        else if (check_minmax_fixture(e->d_name, path))
            minmaxes++;
        else
            CHECK_MSG(0, "%s: a fixture no test reads (name not understood)", path);
    }
    closedir(dir);
    /* as many as scripts/make_fixtures.py writes: none skipped or lost */
    CHECK_MSG(circles == 22, "%d circles fixtures, want 22", circles);
    CHECK_MSG(minmaxes == 6, "%d minmax fixtures, want 6", minmaxes);
}

/* ---- data/circles.csv is the article's dataset, current ---- */

static void test_committed_dataset(void)
{
    char err[MLP_ERRLEN];
    dataset *ds = NULL;
    minmax mm;
    CHECK(circles_make(600, 0.1, 0.8, 1, &ds, err) == MLP_OK);
    CHECK(minmax_fit(ds, -1.0, 1.0, &mm, err) == MLP_OK);
    minmax_apply(&mm, ds);
    char *mem = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&mem, &len);
    CHECK(f != NULL && dataset_write_csv(ds, f, err) == MLP_OK);
    fclose(f);
    dataset_free(ds);

    FILE *c = fopen("data/circles.csv", "rb");
    CHECK_MSG(c != NULL, "data/circles.csv missing (make it with ./circles -o data/circles.csv)");
    if (c != NULL) {
        char *file = malloc(len + 2);
        size_t got = fread(file, 1, len + 1, c);
        fclose(c);
        CHECK_MSG(got == len && memcmp(file, mem, len) == 0,
                  "data/circles.csv is not what ./circles writes now; regenerate it with "
                  "./circles -o data/circles.csv");
        free(file);
    }
    free(mem);
}

/* ---- argument checks of circles_make ---- */

static void test_invalid(void)
{
    char err[MLP_ERRLEN];
    dataset *ds = (dataset *)&err; /* must come back NULL */
    CHECK(circles_make(0, 0.1, 0.8, 1, &ds, err) == MLP_EINVAL && ds == NULL);
    CHECK(circles_make(10, -0.1, 0.8, 1, &ds, err) == MLP_EINVAL);
    CHECK(circles_make(10, NAN, 0.8, 1, &ds, err) == MLP_EINVAL);
    CHECK(circles_make(10, 0.1, 1.0, 1, &ds, err) == MLP_EINVAL);
    CHECK(circles_make(10, 0.1, -0.1, 1, &ds, err) == MLP_EINVAL);
    CHECK(circles_make(CIRCLES_MAX_SAMPLES + 1, 0.1, 0.8, 1, &ds, err) == MLP_EINVAL);
}

int main(void)
{
    test_rng();
    test_fixtures();
    test_committed_dataset();
    test_invalid();
    return check_done("circles");
}
