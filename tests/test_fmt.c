/* fmt_double against its definition (fmt_double_definition: the first of
 * %.15g, %.16g, %.17g that reads back to the same bits, by snprintf and
 * strtod): on random bit patterns of every exponent, on
 * the values a history holds (accuracies k/n, losses), and on the edges of
 * the fast path, of %g's layout and of rounding (powers of ten and the
 * nines below them, exact ties, powers of two). */
#include <float.h>
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "fmt.h"
#include "rng.h"

static long n_checked, n_bad;

static void one(double v)
{
    char got[FMT_DOUBLE_LEN], want[FMT_DOUBLE_LEN];
    fmt_double(got, v);
    fmt_double_definition(want, v);
    n_checked++;
    if (strcmp(got, want) != 0 && n_bad++ < 10)
        CHECK_MSG(0, "%a: got \"%s\", want \"%s\"", v, got, want);
}

static void around(double v)
{
    one(v);
    one(-v);
    one(nextafter(v, 0));
    one(nextafter(v, INFINITY));
}

int main(void)
{
    np_rng *g = np_rng_alloc(11);
    for (int i = 0; i < 300000; i++) { /* any finite double */
        uint64_t bits = (uint64_t)np_rng_next32(g) << 32 | np_rng_next32(g);
        double v;
        memcpy(&v, &bits, sizeof v);
        if (isfinite(v))
            one(v);
    }
    for (int i = 0; i < 150000; i++) { /* losses and the like, in and out of the fast range */
        one(np_rng_uniform(g, 0, 1));
        one(np_rng_uniform(g, 0, 10) * pow(10, 9 - (double)np_rng_interval(g, 30)));
    }
    for (int n = 1; n <= 1000; n++) /* accuracies */
        for (int k = 0; k <= n; k += 1 + n / 200)
            one((double)k / n);
    for (int e = -320; e <= 308; e++) { /* powers of ten and the nines below them */
        double p = pow(10, e);
        around(p);
        around(p * 0.5);
        around(p * 1.5);
        around(p * 9.999999999999999);
        around(p * 9.9999999999999999);
        around(p * 9.99999999999999999);
    }
    for (int e = -1074; e <= 1023; e++) /* powers of two: the uneven gap */
        around(ldexp(1, e));
    /* exact ties at the 16th and 17th digit (k 2^-24 has 17 or 18
     * significant digits, the last a 5): %g rounds those half to even */
    for (int k = 1; k < 4000; k += 2)
        for (int e = -30; e <= -20; e++)
            around(ldexp(k, e));
    /* %g's switch to e-notation at 1e-4 / 1e-5, and the fast path's ends */
    static const double edges[] = {1e-4, 1e-5, 1e-6, 9.9999999999999995e-5, 0.0001000000000000001,
                                   1e15, 1e16, 1e17, 999999999999999.9, 9999999999999998.0,
                                   0x1p52, 0x1p53, 4503599627370495.5, 123456789012345678.0,
                                   0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, DBL_MAX, DBL_MIN,
                                   DBL_TRUE_MIN, DBL_EPSILON, 1.0, 0.125, 2.5, 0.15, 0.25,
                                   0.35, 1e23, 8.41e21, 5e-310, 9007199254740993.0, 0.822,
                                   0.79, 0.504};
    for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++)
        around(edges[i]);
    /* zeros, infinities, NaN */
    one(0.0);
    one(-0.0);
    one(INFINITY);
    one(-INFINITY);
    one(NAN);
    char buf[FMT_DOUBLE_LEN];
    CHECK_STR(fmt_double(buf, -0.0), "-0");
    CHECK_STR(fmt_double(buf, 0.1), "0.1");
    CHECK_STR(fmt_double(buf, 0.39917099284913904), "0.39917099284913904");
    CHECK_STR(fmt_double(buf, 0.7053150446423077), "0.7053150446423077");
    CHECK_STR(fmt_double(buf, 4.248354255291589e-18), "4.248354255291589e-18");
    CHECK_STR(fmt_double(buf, 1e-5), "1e-05");
    CHECK_STR(fmt_double(buf, 0.1 + 0.2), "0.30000000000000004");
    CHECK_STR(fmt_double(buf, 1e16), "1e+16");
    CHECK_STR(fmt_double(buf, 123456.0), "123456");
    CHECK_MSG(n_bad == 0, "%ld of %ld values differ from the definition", n_bad, n_checked);
    printf("fmt_double: %ld values checked against %%.15g/%%.16g/%%.17g with strtod\n",
           n_checked);
    np_rng_free(g);
    return check_done("fmt");
}
