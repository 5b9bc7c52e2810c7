/* Four-double vectors (GCC/Clang vector extensions) and the few operations
 * the kernels need.  On a plain x86-64 target the compiler splits a v4d
 * into two SSE2 registers; compiled with -mavx2 (kern_simd.c's second
 * build) it is one register, and with AVX-512F (the third build) tanh also
 * has an 8-lane form on v8d.  Only IEEE add, subtract, multiply, divide and
 * bit operations are used, lane by lane, and the build forbids contraction
 * into FMA (-ffp-contract=off), so every lane gets the same bits whatever
 * the instruction set: the scalar, SSE2, AVX2 and AVX-512 paths agree
 * exactly. */
#ifndef MLP_VEC_H
#define MLP_VEC_H

#include <stdint.h>
#include <string.h>

/* The helpers below are always inlined, so passing vectors by value never
 * crosses an ABI boundary; GCC's note about the AVX calling convention is moot. */
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wpsabi"
#elif defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wpsabi"
#endif

typedef double v4d __attribute__((vector_size(32)));
typedef int64_t v4l __attribute__((vector_size(32)));

#define VEC_INLINE static inline __attribute__((always_inline))

/* For a function of vector code outside the kernels: an AVX2 copy beside
 * the baseline one, chosen when the program loads (GCC's target_clones, on
 * x86-64 with glibc's ifunc).  Without FMA, both give the same bits. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(MLP_NO_DISPATCH)
#define SIMD_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define SIMD_CLONES
#endif

VEC_INLINE v4d v4_load(const double *p)
{
    v4d v;
    memcpy(&v, p, sizeof v);
    return v;
}

VEC_INLINE void v4_store(double *p, v4d v)
{
    memcpy(p, &v, sizeof v);
}

VEC_INLINE v4d v4_set1(double x)
{
    return (v4d){x, x, x, x};
}

/* Lanes i0..i3 of the concatenation of a and b (0-3 from a, 4-7 from b).
 * __builtin_shufflevector is GCC >= 12 and Clang; older GCC has __builtin_shuffle. */
#if defined(__clang__) || (defined(__GNUC__) && __GNUC__ >= 12)
#define V4_SHUFFLE(a, b, i0, i1, i2, i3) __builtin_shufflevector(a, b, i0, i1, i2, i3)
#else
#define V4_SHUFFLE(a, b, i0, i1, i2, i3) __builtin_shuffle(a, b, (v4l){i0, i1, i2, i3})
#endif

/* mask ? a : b, lane by lane; mask lanes are all ones or all zeros */
VEC_INLINE v4d v4_select(v4l mask, v4d a, v4d b)
{
    return (v4d)(((v4l)a & mask) | ((v4l)b & ~mask));
}

/* a > b ? a : b and a < b ? a : b, lane by lane: b when either is NaN or
 * both are zero, which is exactly x86's maxpd / minpd, so relu and relu6 are
 * two instructions instead of compare-and-blend sequences. */
#if defined(__AVX__)
#include <immintrin.h>
VEC_INLINE v4d v4_max(v4d a, v4d b) { return (v4d)_mm256_max_pd((__m256d)a, (__m256d)b); }
VEC_INLINE v4d v4_min(v4d a, v4d b) { return (v4d)_mm256_min_pd((__m256d)a, (__m256d)b); }
#else
VEC_INLINE v4d v4_max(v4d a, v4d b) { return v4_select(a > b, a, b); }
VEC_INLINE v4d v4_min(v4d a, v4d b) { return v4_select(a < b, a, b); }
#endif

/* tanh(x), lane by lane, in double precision.
 *
 * With a = 2|x| = k ln2 + r, |r| <= ln2/2 (Cody-Waite split of ln 2,
 * fdlibm's constants), s = 2^k and e^r = (w + r) / (w - r), where
 * w = r coth(r/2) = 2 + r^2 P(r^2) is fdlibm's exp polynomial (P1..P5,
 * error below 2^-59):
 *
 *     tanh|x| = (e^a - 1) / (e^a + 1) = (m + r) / (m + w),  m = (s - 1)/2 (w + r).
 *
 * One division, and for k = 0 (|x| < ln2/4) m = 0, so the numerator is r
 * itself, without cancellation.  About 30 operations per four lanes,
 * against 45 for the expm1-based formula it replaced (t/(t+2) with a
 * degree-13 Taylor polynomial).  |x| is clamped at 20, where tanh is 1.0 in
 * double; NaN stays NaN.  The error against tanhl (tests/test_vec.c) is at
 * most 3.1 ulp, a bound found by measurement, not proved: the worst of
 * 1.2e10 points was 3.055 ulp.  Errors above 3 ulp occur only for |x| in
 * about [0.1765, 0.199] (k = 1 with r near -ln2/2, where m + r partly
 * cancels), above 2.65 only below 0.222; from 1 to 20 at most 1.56.  The
 * mean is 0.46 ulp on [0, 1] and 0.41 on [1, 20].  glibc's tanh measures 2.2 ulp here,
 * SLEEF's vectorized tanh is documented at 3.5 (u35) or 1.0 (u10).
 * v4_tanh_n does x[0..n-1] in place (n <= 8); v4_tanh below is n = 1.
 * The code is in vec_tanh.h, shared with v8_tanh_n. */
#define TANH_NAME v4_tanh_n
#define TANH_VD v4d
#define TANH_VL v4l
#define TANH_MIN v4_min
#if defined(__AVX__)
#define TANH_ROUND(v) (v4d)_mm256_round_pd((__m256d)(v), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC)
#endif
#include "vec_tanh.h"

/* With AVX-512F (kern_simd.c's third build): the same tanh on eight lanes,
 * the same bits. */
#if defined(__AVX512F__)
typedef double v8d __attribute__((vector_size(64)));
typedef int64_t v8l __attribute__((vector_size(64)));
VEC_INLINE v8d v8_min(v8d a, v8d b) { return (v8d)_mm512_min_pd((__m512d)a, (__m512d)b); }
#define V8_CONCAT(lo, hi) \
    ((v8d)_mm512_insertf64x4(_mm512_castpd256_pd512((__m256d)(lo)), (__m256d)(hi), 1))
#define V8_LO(v) ((v4d)_mm512_castpd512_pd256((__m512d)(v)))
#define V8_HI(v) ((v4d)_mm512_extractf64x4_pd((__m512d)(v), 1))
#define TANH_NAME v8_tanh_n
#define TANH_VD v8d
#define TANH_VL v8l
#define TANH_MIN v8_min
#define TANH_ROUND(v) (v8d)_mm512_roundscale_pd((__m512d)(v), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC)
#include "vec_tanh.h"
#endif

VEC_INLINE v4d v4_tanh(v4d x)
{
    v4_tanh_n(&x, 1);
    return x;
}

/* The same function on one double (lane 0 of the vector code, so the bits
 * agree with the vector path). */
static inline double vec_tanh(double x)
{
    return v4_tanh(v4_set1(x))[0];
}

/* log1p(x) for 0 <= x <= 1, lane by lane (the loss's log1p(exp(-|z|))).
 *
 * fdlibm's method without its branches: log1p(x) = k ln2 + log(1 + f) with
 * k = 0, f = x for x < 0.41422 (exact), else k = 1 and 1 + x = 2 (1 + f),
 * f = (1+x)/2 - 1 in [-0.293, 0] (exact), plus c, the rounding error of 1 + x
 * divided by it.  log(1 + f) = f - (f^2/2 - s (f^2/2 + R(s^2))) with
 * s = f / (2 + f) and fdlibm's minimax R (|s| <= 0.172).  For k = 0 the
 * formula below is fdlibm's k = 0 formula, bit for bit.  Unlike glibc's
 * log1p, whose x86-64 build picks an FMA or an SSE2 variant at run time,
 * this gives the same bits on every machine.  tests/test_vec.c measures
 * the error against log1pl: below 1 ulp.  NaN stays NaN. */
VEC_INLINE v4d v4_log1p_unit(v4d x)
{
    const double ln2_hi = 6.93147180369123816490e-01, ln2_lo = 1.90821492927058770002e-10;
    const double lp1 = 6.666666666666735130e-01, lp2 = 3.999999999940941908e-01,
                 lp3 = 2.857142874366239149e-01, lp4 = 2.222219843214978396e-01,
                 lp5 = 1.818357216161805012e-01, lp6 = 1.531383769920937332e-01,
                 lp7 = 1.479819860511658591e-01;
    v4l big = x >= 0x1.a827ap-2; /* 1 + x >= sqrt(2) */
    v4d u = 1.0 + x;
    v4d c = (x - (u - 1.0)) / u;
    v4d f = v4_select(big, u * 0.5 - 1.0, x);
    v4d k = v4_select(big, v4_set1(1.0), v4_set1(0.0));
    c = v4_select(big, c, v4_set1(0.0));
    v4d hfsq = 0.5 * f * f;
    v4d s = f / (2.0 + f);
    v4d z = s * s;
    v4d R = z * (lp1 + z * (lp2 + z * (lp3 + z * (lp4 + z * (lp5 + z * (lp6 + z * lp7))))));
    return k * ln2_hi - ((hfsq - (s * (hfsq + R) + (k * ln2_lo + c))) - f);
}

/* The same function on one double (lane 0 of the vector code). */
static inline double vec_log1p_unit(double x)
{
    return v4_log1p_unit(v4_set1(x))[0];
}

#endif
