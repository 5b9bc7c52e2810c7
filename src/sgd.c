#include "sgd.h"

#include "vec.h"

/* Four parameters at a time (the same operations per parameter as the
 * scalar tail, so the same bits), then the rest one by one.  On x86-64 GCC
 * also builds an AVX2 copy and the loader picks it on CPUs that have AVX2
 * (target_clones; no FMA, so the bits are the same). */
SIMD_CLONES
void sgd_step(double *restrict w, double *restrict v, const double *restrict g, size_t n,
              double lr, double momentum, int nesterov)
{
    size_t i = 0;
    if (nesterov) {
        for (; i + 4 <= n; i += 4) {
            v4d gi = v4_load(g + i);
            v4d vi = momentum * v4_load(v + i) - lr * gi;
            v4_store(v + i, vi);
            v4_store(w + i, v4_load(w + i) + momentum * vi - lr * gi);
        }
        for (; i < n; i++) {
            v[i] = momentum * v[i] - lr * g[i];
            w[i] = w[i] + momentum * v[i] - lr * g[i];
        }
    } else {
        for (; i + 4 <= n; i += 4) {
            v4d vi = momentum * v4_load(v + i) - lr * v4_load(g + i);
            v4_store(v + i, vi);
            v4_store(w + i, v4_load(w + i) + vi);
        }
        for (; i < n; i++) {
            v[i] = momentum * v[i] - lr * g[i];
            w[i] = w[i] + v[i];
        }
    }
}
