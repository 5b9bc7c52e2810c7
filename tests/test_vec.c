/* Our vectorized tanh (src/vec.h): its error against tanhl (80-bit long
 * double, whose own error is far below a double ulp), special values, and
 * the scalar and vector forms giving the same bits. */
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
    /* ranges: where t = expm1(2|x|) has k = 0, small k, large k, saturation,
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
    CHECK_MSG(worst <= 2.5, "max error %.3f ulp at x = %.17g", worst, worst_x);
    CHECK_MSG(sum / n <= 0.5, "mean error %.3f ulp", sum / n);
    printf("vec_tanh: max error %.3f ulp at %.17g, mean %.3f ulp over %ld points\n", worst,
           worst_x, sum / n, n);

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
    np_rng_free(g);
    return check_done("vec");
}
