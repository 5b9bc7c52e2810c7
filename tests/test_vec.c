/* Our vectorized tanh and log1p (src/vec.h): their error against tanhl and
 * log1pl (80-bit long double, whose own error is far below a double ulp),
 * special values, and the scalar and vector forms giving the same bits. */
#include <float.h>
#include <stdint.h>

#include "check.h"
#include "rng.h"
#include "vec.h"

/* |got - want| in units of the last place of the double nearest want */
static double ulp_error(double got, long double want)
{
    double w = (double)want;
    double ulp = fabs(w) < DBL_MIN ? 0x1p-1074 : nextafter(fabs(w), INFINITY) - fabs(w);
    return (double)(fabsl((long double)got - want) / ulp);
}

int main(void)
{
    np_rng *g = np_rng_alloc(5);
    /* ranges: where 2|x| = k ln2 + r has k = 0, small k, large k, saturation,
     * and tiny arguments down to the denormals */
    static const double ranges[][2] = {{0, 0.35}, {0.35, 1}, {1, 4}, {4, 20}, {20, 40}};
    double worst = 0, worst_x = 0, sum = 0;
    long n = 0;
    for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++)
        for (int i = 0; i < 40000; i++) {
            double x = np_rng_uniform(g, ranges[r][0], ranges[r][1]);
            if (i & 1)
                x = -x;
            double e = ulp_error(vec_tanh(x), tanhl((long double)x));
            sum += e, n++;
            if (e > worst)
                worst = e, worst_x = x;
        }
    for (int i = 0; i < 20000; i++) {
        double x = ldexp(np_rng_uniform(g, 0.5, 1), -(int)np_rng_interval(g, 1070));
        double e = ulp_error(vec_tanh(x), tanhl((long double)x));
        sum += e, n++;
        if (e > worst)
            worst = e, worst_x = x;
    }
    /* the weak spot: k = 1 with r near -ln2/2, |x| in about [0.1765, 0.199],
     * where every error above 3 ulp lies (a review's scans of 1.2e10 points
     * found at most 3.055, at the first point below).  Two million points
     * there: P5 multiplied by 1 + 1e-4 pushes the worst to 3.27 (by 1 - 1e-4
     * it stays within the bound, at 2.82). */
    static const double spots[] = {0x1.6a40ac46157a5p-3, -0x1.69ec34ebbe3e5p-3,
                                   0.17799163437500001};
    for (size_t i = 0; i < sizeof spots / sizeof spots[0]; i++) {
        double e = ulp_error(vec_tanh(spots[i]), tanhl((long double)spots[i]));
        CHECK_MSG(e <= 3.1, "error %.3f ulp at x = %a", e, spots[i]);
    }
    double weak = 0, weak_x = 0;
    for (int i = 0; i < 2000000; i++) {
        double x = np_rng_uniform(g, 0.1765, 0.199);
        if (i & 1)
            x = -x;
        double e = ulp_error(vec_tanh(x), tanhl((long double)x));
        if (e > weak)
            weak = e, weak_x = x;
    }
    CHECK_MSG(weak <= 3.1, "max error %.3f ulp at x = %a in [0.1765, 0.199]",
              weak, weak_x);
    CHECK_MSG(worst <= 3.1, "max error %.3f ulp at x = %.17g", worst, worst_x);
    CHECK_MSG(sum / n <= 0.5, "mean error %.3f ulp", sum / n);
    printf("vec_tanh: max error %.3f ulp at %.17g, mean %.3f ulp over %ld points; "
           "%.3f ulp at %a in [0.1765, 0.199]\n", worst, worst_x, sum / n, n, weak, weak_x);

    /* special values */
    CHECK(vec_tanh(0.0) == 0.0 && !signbit(vec_tanh(0.0)));
    CHECK(vec_tanh(-0.0) == 0.0 && signbit(vec_tanh(-0.0)));
    CHECK(vec_tanh(INFINITY) == 1.0 && vec_tanh(-INFINITY) == -1.0);
    CHECK(vec_tanh(19.1) == 1.0 && vec_tanh(1e300) == 1.0 && vec_tanh(-1e300) == -1.0);
    CHECK(isnan(vec_tanh(NAN)));
    CHECK(vec_tanh(1e-300) == 1e-300 && vec_tanh(-0x1p-1074) == -0x1p-1074);
    CHECK_NEAR(vec_tanh(0.5), 0.46211715726000974, 1.2e-16); /* python math.tanh; 2 ulp */

    /* lanes are independent and agree with the scalar form */
    v4d x = {-3.25, 0.125, 7.5, NAN};
    v4d t = v4_tanh(x);
    for (int i = 0; i < 3; i++)
        CHECK(t[i] == vec_tanh(x[i]));
    CHECK(isnan(t[3]));

    /* log1p on [0, 1], the loss's log1p(exp(-|z|)): uniform, exp(-u) for
     * u up to 40 (the loss's own arguments), and tiny values */
    worst = 0, sum = 0, n = 0;
    long same = 0;
    for (int i = 0; i < 300000; i++) {
        double x = i % 3 == 0   ? np_rng_uniform(g, 0, 1)
                   : i % 3 == 1 ? exp(-np_rng_uniform(g, 0, 40))
                                : ldexp(np_rng_uniform(g, 0.5, 1), -(int)np_rng_interval(g, 1070));
        double got = vec_log1p_unit(x), e = ulp_error(got, log1pl((long double)x));
        sum += e, n++;
        same += got == log1p(x);
        if (e > worst)
            worst = e, worst_x = x;
    }
    /* the ends of each branch: 0, the smallest denormal, either side of the
     * switch to 1 + x = 2 (1 + f) at 0x1.a827ap-2, and the last doubles below 1 */
    static const double edges[] = {0.0, 0x1p-1074, 0x1p-1022, 0x1p-53, 0x1.a827ap-2,
                                   0x1.a8279ffffffffp-2, 0x1.a827a00000001p-2, 0.5,
                                   0x1.fffffffffffffp-1, 0x1.ffffffffffffep-1, 1.0};
    for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++) {
        double e = ulp_error(vec_log1p_unit(edges[i]), log1pl((long double)edges[i]));
        CHECK_MSG(e < 1, "log1p(%a): error %.3f ulp", edges[i], e);
    }
    CHECK_MSG(worst < 1, "log1p: max error %.3f ulp at x = %a", worst, worst_x);
    CHECK_MSG(sum / n <= 0.3, "log1p: mean error %.3f ulp", sum / n);
    printf("vec_log1p_unit: max error %.3f ulp at %a, mean %.3f ulp over %ld points; "
           "equal to libm's log1p for %.2f%%\n",
           worst, worst_x, sum / n, n, 100.0 * (double)same / (double)n);
    CHECK(vec_log1p_unit(0.0) == 0.0 && !signbit(vec_log1p_unit(0.0)));
    CHECK(vec_log1p_unit(0x1p-1074) == 0x1p-1074);
    CHECK(vec_log1p_unit(1.0) == 0.6931471805599453); /* log(2), correctly rounded */
    CHECK(isnan(vec_log1p_unit(NAN)));
    v4d lx = {0.0, 0.25, 0.75, 1.0}, ly = v4_log1p_unit(lx);
    for (int i = 0; i < 4; i++)
        CHECK(ly[i] == vec_log1p_unit(lx[i]));
    np_rng_free(g);
    return check_done("vec");
}
