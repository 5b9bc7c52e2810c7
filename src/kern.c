/* Run-time choice between the three builds of the kernels (kern_simd.c). */
#include "kern.h"

enum { ISA_BASE, ISA_AVX2, ISA_AVX512 };

#if defined(__x86_64__) && defined(__GNUC__) && !defined(MLP_NO_DISPATCH)
static int isa(void)
{
    /* Threads of a sweep may ask at the same time: whoever comes first
     * decides, the others may repeat the same test; relaxed atomics make
     * that sharing defined (a plain int is a data race, ThreadSanitizer
     * says so). */
    static int cached = -1;
    int c = __atomic_load_n(&cached, __ATOMIC_RELAXED);
    if (c < 0) {
        __builtin_cpu_init();
        c = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") ? ISA_AVX512
            : __builtin_cpu_supports("avx2")                                         ? ISA_AVX2
                                                                                     : ISA_BASE;
        __atomic_store_n(&cached, c, __ATOMIC_RELAXED);
    }
    return c;
}
#else
static int isa(void) { return ISA_BASE; }
#define kern_forward_avx2 kern_forward_base
#define kern_backward_avx2 kern_backward_base
#define kern_forward_avx512 kern_forward_base
#define kern_backward_avx512 kern_backward_base
#endif

void kern_forward(const mlp *m, mlp_ws *ws, size_t B)
{
    switch (isa()) {
    case ISA_AVX512: kern_forward_avx512(m, ws, B); break;
    case ISA_AVX2: kern_forward_avx2(m, ws, B); break;
    default: kern_forward_base(m, ws, B); break;
    }
}

void kern_backward(mlp *m, mlp_ws *ws, size_t B)
{
    switch (isa()) {
    case ISA_AVX512: kern_backward_avx512(m, ws, B); break;
    case ISA_AVX2: kern_backward_avx2(m, ws, B); break;
    default: kern_backward_base(m, ws, B); break;
    }
}

const char *kern_isa(void)
{
    static const char *const names[] = {"baseline", "avx2", "avx512"};
    return names[isa()];
}
