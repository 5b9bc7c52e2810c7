/* Activations: known values (Keras 3 definitions) and central-difference
 * checks of every derivative away from kinks. */
#include "act.h"
#include "check.h"

static double fd(const act_def *a, double z)
{
    double h = 1e-5 * (fabs(z) > 1 ? fabs(z) : 1);
    return (a->f(z + h) - a->f(z - h)) / (2 * h);
}

int main(void)
{
    /* known answers */
    CHECK_NEAR(act_find("relu6")->f(7.5), 6.0, 0);
    CHECK_NEAR(act_find("relu6")->f(-2), 0.0, 0);
    CHECK_NEAR(act_find("relu6")->f(2.5), 2.5, 0);
    CHECK_NEAR(act_find("relu6")->df(0.0), 0.0, 0);
    CHECK_NEAR(act_find("relu6")->df(6.0), 0.0, 0);
    CHECK_NEAR(act_find("relu6")->df(5.999), 1.0, 0);
    CHECK_NEAR(act_find("relu")->df(0.0), 0.0, 0);
    CHECK_NEAR(act_find("relu")->df(1e-300), 1.0, 0);
    CHECK_NEAR(act_find("leaky_relu")->f(-1), -0.2, 1e-16);
    CHECK_NEAR(act_find("hard_sigmoid")->f(1), 1.0 / 6 + 0.5, 1e-16);
    CHECK_NEAR(act_find("hard_sigmoid")->f(3.5), 1.0, 0);
    CHECK_NEAR(act_find("hard_sigmoid")->f(-3.5), 0.0, 0);
    CHECK_NEAR(act_find("gelu")->f(1), 0.8413447460685429, 1e-15);        /* python math.erf */
    CHECK_NEAR(act_find("selu")->f(-1), -1.1113307378125625, 1e-15);      /* Keras constants */
    CHECK_NEAR(act_find("elu")->f(-1), -0.6321205588285577, 1e-15);
    CHECK_NEAR(act_find("swish")->f(1), 0.7310585786300049, 1e-15);
    CHECK_NEAR(act_find("softplus")->f(0), 0.6931471805599453, 1e-15);
    CHECK_NEAR(act_find("softplus")->f(800), 800.0, 1e-15);               /* no overflow */
    CHECK_NEAR(act_find("softsign")->f(1), 0.5, 0);
    CHECK_NEAR(act_find("sigmoid")->f(-800), 0.0, 1e-300);
    CHECK(act_sigmoid(-800) >= 0 && act_sigmoid(800) == 1.0);
    CHECK(act_find("nope") == NULL);

    /* every derivative against a central difference, away from kinks
     * (kinks at 0 for the relu family and elu, 6 for relu6, +-3 for hard_sigmoid) */
    static const double zs[] = {-4.1, -2.3, -0.7, -0.05, 0.05, 0.9, 2.2, 4.4, 7.3};
    for (int id = 0; id < ACT_COUNT; id++) {
        const act_def *a = act_get(id);
        CHECK(act_find(a->name) == a);
        int nonzero = 0;
        for (size_t i = 0; i < sizeof zs / sizeof zs[0]; i++) {
            double want = fd(a, zs[i]), got = a->df(zs[i]);
            double rel = fabs(got - want) / (fabs(want) > 1e-3 ? fabs(want) : 1e-3);
            CHECK_MSG(rel < 1e-6, "%s'(%g): analytic %.17g, central difference %.17g",
                      a->name, zs[i], got, want);
            nonzero += got != 0;
        }
        /* guard against a trivially zero derivative */
        CHECK_MSG(nonzero >= 3, "%s: derivative is zero almost everywhere", a->name);
        /* the array versions agree with the scalar ones */
        double z[9], out[9], dz[9];
        for (int i = 0; i < 9; i++) {
            z[i] = zs[i];
            dz[i] = 1.0 + i;
        }
        act_forward(a, z, out, 9);
        act_backward(a, z, dz, 9);
        for (int i = 0; i < 9; i++) {
            CHECK(out[i] == a->f(z[i]));
            CHECK(dz[i] == (1.0 + i) * a->df(z[i]));
        }
    }
    return check_done("act");
}
