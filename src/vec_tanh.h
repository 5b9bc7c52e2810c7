/* The body of vec.h's v4_tanh_n and v8_tanh_n, included once per vector
 * type (the C way of writing a template): see vec.h for the method and
 * its error.  The includer defines
 *   TANH_NAME   the function's name
 *   TANH_VD     the vector of doubles, TANH_VL the int64 vector of its size
 *   TANH_MIN    minpd's semantics: TANH_MIN(a, b) = a < b ? a : b, b if NaN
 *   TANH_ROUND  (optional) round to nearest even, as vroundpd
 * and this file undefines them.  Every lane gets the same IEEE operations
 * whatever the vector type, so all instantiations give the same bits. */
VEC_INLINE void TANH_NAME(TANH_VD *x, int n)
{
    const TANH_VL sign = (TANH_VL){0} + INT64_MIN;
    const double magic = 6755399441055744.0; /* 1.5 * 2^52: adding it rounds to an integer */
    const double ln2_hi = 6.93147180369123816490e-01, ln2_lo = 1.90821492927058770002e-10;
    const double inv_ln2 = 1.44269504088896338700e+00;
    const double P1 = 1.66666666666666019037e-01, P2 = -2.77777777770155933842e-03,
                 P3 = 6.61375632143793436117e-05, P4 = -1.65339022054652515390e-06,
                 P5 = 4.13813679705723846039e-08;
    TANH_VL xb[8];
    TANH_VD r[8], kb[8], w[8];
    /* Everything below works with halves, c = a/2 = |x|, r/2 and w/2, which
     * are exact (powers of two), saves the doubling, and leaves the ratio
     * unchanged.  n (1 to 8) vectors side by side, step by step:
     * independent chains in program order keep the out-of-order window busy. */
#pragma GCC unroll 8
    for (int v = 0; v < n; v++) {
        xb[v] = (TANH_VL)x[v];
        TANH_VD c = (TANH_VD)(xb[v] & ~sign);
        c = TANH_MIN((TANH_VD){0} + 20.0, c); /* 20 < c ? 20 : c, so NaN stays NaN */
        TANH_VD al = c * (2 * inv_ln2);
        kb[v] = al + magic; /* low bits hold k = round(a / ln2) */
#if defined(TANH_ROUND)
        /* the same k, off the chain of the add and subtract above */
        TANH_VD k = TANH_ROUND(al);
#else
        TANH_VD k = kb[v] - magic;
#endif
        r[v] = (c - k * (ln2_hi / 2)) - k * (ln2_lo / 2); /* r/2 */
    }
#pragma GCC unroll 8
    for (int v = 0; v < n; v++) {
        /* w/2 = 1 + z Q(z), z = (r/2)^2, Q_i = 2 4^(i-1) P_i; Estrin's
         * scheme, a tree instead of Horner's chain */
        TANH_VD z = r[v] * r[v], z2 = z * z;
        TANH_VD q = (2 * P1 + z * (8 * P2)) + z2 * ((32 * P3 + z * (128 * P4)) + z2 * (512 * P5));
        w[v] = 1.0 + z * q;
    }
#pragma GCC unroll 8
    for (int v = 0; v < n; v++) {
        /* s/2 = 2^(k-1) from k's bits (the low 12 bits of kb; 0 <= k <= 58),
         * exact; (s - 1)/2 = s/2 - 1/2 is exact for k <= 53 and rounds to
         * s/2 above (|x| > 18.5), where the result is 1 - 2^-53 or 1 and the
         * error at most 1 ulp */
        TANH_VD hs = (TANH_VD)(((TANH_VL)kb[v] << 52) + ((int64_t)1022 << 52));
        TANH_VD m = (hs - 0.5) * (w[v] + r[v]);
        /* the denominator from the rounded numerator, as num + (w - r):
         * the two then share num's rounding error, which near tanh = 1
         * cancels in the ratio (1.56 ulp there instead of 2.4) */
        TANH_VD num = m + r[v];
        TANH_VD th = num / (num + (w[v] - r[v]));
        x[v] = (TANH_VD)((TANH_VL)th | (xb[v] & sign));
    }
}

#undef TANH_NAME
#undef TANH_VD
#undef TANH_VL
#undef TANH_MIN
#undef TANH_ROUND
