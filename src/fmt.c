#include "fmt.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The definition: the first of %.15g, %.16g, %.17g that reads back to v
 * (bits compared, so that -0.0 keeps its sign).  Three snprintf and three
 * strtod calls for most losses: a fifth of the article's run's history. */
char *fmt_double_definition(char *buf, double v)
{
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, FMT_DOUBLE_LEN, "%.*g", prec, v);
        double back = strtod(buf, NULL);
        if (memcmp(&back, &v, sizeof v) == 0)
            break;
    }
    return buf;
}

/* What %.*g prints at precision prec for the prec digits d[0..prec-1]
 * (value d.ddd x 10^x): glibc's layout, fixed for -4 <= x < prec, else
 * d.ddde+XX; trailing zeros and a bare point dropped. */
static void layout_g(char *out, int neg, const char *d, int prec, int x)
{
    int n = prec;
    while (n > 1 && d[n - 1] == '0')
        n--;
    char *o = out;
    if (neg)
        *o++ = '-';
    if (x >= -4 && x < prec) {
        if (x < 0) {
            *o++ = '0';
            *o++ = '.';
            for (int z = 0; z < -x - 1; z++)
                *o++ = '0';
            memcpy(o, d, (size_t)n);
            o += n;
        } else {
            for (int q = 0; q <= x; q++)
                *o++ = q < n ? d[q] : '0';
            if (n > x + 1) {
                *o++ = '.';
                memcpy(o, d + x + 1, (size_t)(n - x - 1));
                o += n - x - 1;
            }
        }
        *o = '\0';
        return;
    }
    *o++ = d[0];
    if (n > 1) {
        *o++ = '.';
        memcpy(o, d + 1, (size_t)(n - 1));
        o += n - 1;
    }
    int e = x < 0 ? -x : x;
    *o++ = 'e';
    *o++ = x < 0 ? '-' : '+';
    if (e >= 100)
        *o++ = (char)('0' + e / 100);
    *o++ = (char)('0' + e / 10 % 10);
    *o++ = (char)('0' + e % 10);
    *o = '\0';
}

typedef unsigned __int128 u128;

static const uint64_t pow10_64[20] = {1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL,
    1000000ULL, 10000000ULL, 100000000ULL, 1000000000ULL, 10000000000ULL, 100000000000ULL,
    1000000000000ULL, 10000000000000ULL, 100000000000000ULL, 1000000000000000ULL,
    10000000000000000ULL, 100000000000000000ULL, 1000000000000000000ULL,
    10000000000000000000ULL};

static u128 pow10_u128(int q) /* 0 <= q <= 38 */
{
    return q < 20 ? pow10_64[q] : (u128)pow10_64[19] * pow10_64[q - 19];
}

/* The fast path, exact integer arithmetic for 1e-6 <= |v| < 2^52 (normal,
 * mantissa not a power of two): |v| = m 2^-s, and at precision P with
 * Q = P - 1 - floor(log10 |v|) the P digits are d = round(m 10^Q / 2^s)
 * (half to even, as printf rounds the exact value), and they read back
 * iff |d 2^s - m 10^Q| < 10^Q / 2, the half gap to the next double on
 * either side (the same on both sides: the mantissa is not a power of
 * two).  Returns 0 when v is outside that range. */
static int fmt_double_fast(char *buf, double v)
{
    int neg = signbit(v) != 0;
    double a = fabs(v);
    if (!(a >= 1e-6 && a < 0x1p52))
        return 0;
    uint64_t bits;
    memcpy(&bits, &a, sizeof bits);
    uint64_t m = (bits & (((uint64_t)1 << 52) - 1)) | (uint64_t)1 << 52;
    int s = 1075 - (int)(bits >> 52); /* a = m 2^-s (normal), s >= 1 as a < 2^52 */
    if (m == (uint64_t)1 << 52)
        return 0; /* the gap below is half the gap above */
    int e10 = (int)floor(log10(a));
    for (int P = 15; P <= 17; P++) {
        int Q, tries = 0;
        uint64_t d;
        u128 rem, N;
        for (;;) { /* e10 from log10 may be one off near powers of ten */
            Q = P - 1 - e10;
            if (Q < 0 || Q > 22 || ++tries > 3)
                return 0;
            N = (u128)m * pow10_u128(Q); /* < 2^53 10^22 < 2^127 */
            u128 d0 = N >> s;
            if (d0 >= (u128)pow10_u128(P))
                e10++;
            else if (d0 < (u128)pow10_u128(P - 1))
                e10--;
            else {
                d = (uint64_t)d0;
                rem = N - (d0 << s);
                break;
            }
        }
        u128 half = (u128)1 << (s - 1), unit = (u128)1 << s;
        u128 diff = rem; /* |d 2^s - N| for d rounded down */
        if (rem > half || (rem == half && (d & 1))) {
            d++;
            diff = unit - rem;
        }
        int x = e10;
        char digits[24];
        if (d == (uint64_t)pow10_u128(P)) { /* 99..9 rounded up */
            d /= 10;
            x++;
        }
        for (int q = P - 1; q >= 0; q--, d /= 10)
            digits[q] = (char)('0' + d % 10);
        layout_g(buf, neg, digits, P, x);
        u128 ten_q = pow10_u128(Q);
        /* (2 diff == 10^Q, a decimal halfway between two doubles, cannot
         * happen: such a midpoint (2m+1) 2^-(s+1) has at least 17
         * significant digits) */
        if (P == 17 || 2 * diff < ten_q)
            return 1;
    }
    return 1;
}

char *fmt_double(char *buf, double v)
{
    if (!fmt_double_fast(buf, v))
        fmt_double_definition(buf, v);
    return buf;
}
