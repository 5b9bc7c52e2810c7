/* Logit binary cross-entropy and the SGD momentum update. */
#include "check.h"
#include "loss.h"
#include "sgd.h"

int main(void)
{
    /* known answers: log 2 at z = 0; no overflow for large |z| */
    CHECK_NEAR(bce_logit_loss(0, 1), 0.6931471805599453, 1e-16);
    CHECK_NEAR(bce_logit_loss(0, 0), 0.6931471805599453, 1e-16);
    CHECK_NEAR(bce_logit_loss(-800, 1), 800.0, 1e-16);
    CHECK_NEAR(bce_logit_loss(800, 0), 800.0, 1e-16);
    CHECK_NEAR(bce_logit_loss(40, 1), 4.248354255291589e-18, 1e-30);
    CHECK_NEAR(bce_logit_loss(2, 1), 0.12692801104297263, 1e-15); /* -log(sigmoid(2)) */
    CHECK_NEAR(bce_logit_grad(0, 1), -0.5, 0);
    CHECK_NEAR(bce_logit_grad(-800, 0), 0.0, 0);
    /* gradient against a central difference */
    static const double zs[] = {-7, -1.5, -0.2, 0.3, 2.5, 9};
    for (int y = 0; y <= 1; y++)
        for (size_t i = 0; i < sizeof zs / sizeof zs[0]; i++) {
            double z = zs[i], h = 1e-6;
            double want = (bce_logit_loss(z + h, y) - bce_logit_loss(z - h, y)) / (2 * h);
            double got = bce_logit_grad(z, y);
            CHECK_MSG(fabs(got - want) <= 1e-6 * fabs(want), "z=%g y=%d: %.17g vs %.17g", z, y,
                      got, want);
        }

    /* SGD, by hand: w = 1, v = 0.5, g = 2, lr = 0.1, momentum = 0.9
     * v' = 0.9 * 0.5 - 0.1 * 2 = 0.25; w' = 1 + 0.25 = 1.25
     * nesterov: w' = 1 + 0.9 * 0.25 - 0.1 * 2 = 1.025 */
    double w[2] = {1, -3}, v[2] = {0.5, 0}, g[2] = {2, -1};
    sgd_step(w, v, g, 2, 0.1, 0.9, 0);
    CHECK_NEAR(v[0], 0.25, 1e-16);
    CHECK_NEAR(w[0], 1.25, 1e-16);
    CHECK_NEAR(v[1], 0.1, 1e-16);
    CHECK_NEAR(w[1], -2.9, 1e-16);
    double wn = 1, vn = 0.5, gn = 2;
    sgd_step(&wn, &vn, &gn, 1, 0.1, 0.9, 1);
    CHECK_NEAR(vn, 0.25, 1e-16);
    CHECK_NEAR(wn, 1.025, 1e-15);
    return check_done("loss_sgd");
}
