/* Run-time choice between the two builds of the kernels (kern_simd.c). */
#include "kern.h"

#if defined(__x86_64__) && defined(__GNUC__) && !defined(MLP_NO_DISPATCH)
static int use_avx2(void)
{
    /* Threads of a sweep may ask at the same time: whoever comes first
     * decides, the others may repeat the same test; relaxed atomics make
     * that sharing defined (a plain int is a data race, ThreadSanitizer
     * says so). */
    static int cached = -1;
    int c = __atomic_load_n(&cached, __ATOMIC_RELAXED);
    if (c < 0) {
        __builtin_cpu_init();
        c = __builtin_cpu_supports("avx2") != 0;
        __atomic_store_n(&cached, c, __ATOMIC_RELAXED);
    }
    return c;
}
#else
static int use_avx2(void) { return 0; }
#define kern_forward_avx2 kern_forward_base
#define kern_backward_avx2 kern_backward_base
#endif

void kern_forward(const mlp *m, mlp_ws *ws, size_t B)
{
    if (use_avx2())
        kern_forward_avx2(m, ws, B);
    else
        kern_forward_base(m, ws, B);
}

void kern_backward(mlp *m, mlp_ws *ws, size_t B)
{
    if (use_avx2())
        kern_backward_avx2(m, ws, B);
    else
        kern_backward_base(m, ws, B);
}

const char *kern_isa(void)
{
    return use_avx2() ? "avx2" : "baseline";
}
