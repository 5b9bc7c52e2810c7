/* The kernels; compiled three times (see the Makefile): for baseline
 * x86-64 (names ending _base), with -mavx2 -DKERN_AVX2 (_avx2) and with
 * AVX-512F and VL -DKERN_AVX512 (_avx512).  kern.c picks one at run time.
 * All give the same bits: see vec.h. */
#include "kern.h"

#include "vec.h"

#if defined(KERN_AVX512)
#define KERN_FN(name) name##_avx512
#elif defined(KERN_AVX2)
#define KERN_FN(name) name##_avx2
#else
#define KERN_FN(name) name##_base
#endif

/* Activations applied inside the kernels; the others go through the act
 * table's scalar f and df after the kernel. */

enum { K_GENERIC, K_LINEAR, K_RELU, K_RELU6, K_TANH };

static int fused_kind(const act_def *a)
{
    if (a == NULL)
        return K_LINEAR;
    switch (a->id) {
    case ACT_LINEAR: return K_LINEAR;
    case ACT_RELU: return K_RELU;
    case ACT_RELU6: return K_RELU6;
    case ACT_TANH: return K_TANH;
    default: return K_GENERIC;
    }
}

static size_t round4(size_t n)
{
    return (n + 3) & ~(size_t)3;
}

/* f(z) for a fused kind: the same values as act.c's scalar loops, bit for bit. */
VEC_INLINE v4d act_vec(v4d z, int kind)
{
    const v4d zero = v4_set1(0.0), six = v4_set1(6.0);
    switch (kind) {
    /* z > 0 ? z : 0 and z > 0 ? (z < 6 ? z : 6) : 0, NaN and -0 included */
    case K_RELU: return v4_max(z, zero);
    case K_RELU6: return v4_min(v4_max(z, zero), six);
    case K_TANH: return v4_tanh(z);
    default: return z;
    }
}

/* dx * f'(z) for a fused kind, with a = f(z) (tanh' = 1 - a^2). */
VEC_INLINE v4d dact_vec(v4d dx, v4d z, v4d a, int kind)
{
    const v4d zero = v4_set1(0.0);
    switch (kind) {
    case K_RELU: return v4_select(z > 0.0, dx, zero);
    case K_RELU6: return v4_select((z > 0.0) & (z < 6.0), dx, zero);
    case K_TANH: return dx * (1.0 - a * a);
    default: return dx;
    }
}

/* Forward, one block: units j0..j0+JB-1, rows i0..i0+4*IV-1.
 *   in[k x S], W[k x n], b[n]  ->  z[n x S], a[n x S] (a may be NULL)
 * z[j][i] = b[j] + in[0][i] W[0][j] + in[1][i] W[1][j] + ... */
VEC_INLINE void fwd_block(double *z, double *a, const double *in, const double *W,
                          const double *b, size_t S, size_t k, size_t n, size_t j0, size_t i0,
                          int JB, int IV, int kind)
{
    v4d acc[4][4];
#pragma GCC unroll 4
    for (int jj = 0; jj < JB; jj++)
#pragma GCC unroll 4
        for (int v = 0; v < IV; v++)
            acc[jj][v] = v4_set1(b[j0 + jj]);
    for (size_t p = 0; p < k; p++) {
        v4d x[4];
#pragma GCC unroll 4
        for (int v = 0; v < IV; v++)
            x[v] = v4_load(in + p * S + i0 + 4 * v);
#pragma GCC unroll 4
        for (int jj = 0; jj < JB; jj++) {
            v4d w = v4_set1(W[p * n + j0 + jj]);
#pragma GCC unroll 4
            for (int v = 0; v < IV; v++)
                acc[jj][v] += x[v] * w;
        }
    }
    if (a != NULL && kind == K_TANH && JB * IV > 1) {
        /* tanh G vectors at a time (v4_tanh_n): the same operations on each
         * lane, G chains side by side for the out-of-order core */
        const int n = JB * IV, G = n % 8 == 0 ? 8 : n % 4 == 0 ? 4 : n % 2 == 0 ? 2 : 1;
#pragma GCC unroll 16
        for (int q = 0; q < n; q += G) {
            v4d t[8];
            size_t o[8];
#pragma GCC unroll 8
            for (int u = 0; u < G; u++) {
                int jj = (q + u) / IV, v = (q + u) % IV;
                o[u] = (j0 + (size_t)jj) * S + i0 + 4 * (size_t)v;
                t[u] = acc[jj][v];
                v4_store(z + o[u], t[u]);
            }
#if defined(__AVX512F__)
            if (G % 2 == 0) {
                /* pairs of vectors as one of eight lanes: half the
                 * instructions, and 32 registers */
                v8d t8[4];
#pragma GCC unroll 4
                for (int u = 0; u < G / 2; u++)
                    t8[u] = V8_CONCAT(t[2 * u], t[2 * u + 1]);
                v8_tanh_n(t8, G / 2);
#pragma GCC unroll 4
                for (int u = 0; u < G / 2; u++) {
                    t[2 * u] = V8_LO(t8[u]);
                    t[2 * u + 1] = V8_HI(t8[u]);
                }
            } else
#endif
                v4_tanh_n(t, G);
#pragma GCC unroll 8
            for (int u = 0; u < G; u++)
                v4_store(a + o[u], t[u]);
        }
        return;
    }
#pragma GCC unroll 4
    for (int jj = 0; jj < JB; jj++)
#pragma GCC unroll 4
        for (int v = 0; v < IV; v++) {
            size_t o = (j0 + jj) * S + i0 + 4 * v;
            v4_store(z + o, acc[jj][v]);
            if (a != NULL)
                v4_store(a + o, act_vec(acc[jj][v], kind));
        }
}

/* Forward, one layer: rows 0..round4(B)-1, every unit, in blocks of 2
 * units x 16 rows (8 accumulators: 8 of the 16 AVX2 registers). */
VEC_INLINE void fwd_layer(double *z, double *a, const double *in, const double *W,
                          const double *b, size_t S, size_t B, size_t k, size_t n, int kind)
{
    size_t Bp = round4(B), j = 0;
    for (; j + 2 <= n; j += 2) {
        size_t i = 0;
        for (; i + 16 <= Bp; i += 16)
            fwd_block(z, a, in, W, b, S, k, n, j, i, 2, 4, kind);
        for (; i < Bp; i += 4)
            fwd_block(z, a, in, W, b, S, k, n, j, i, 2, 1, kind);
    }
    if (j < n) {
        size_t i = 0;
        for (; i + 16 <= Bp; i += 16)
            fwd_block(z, a, in, W, b, S, k, n, j, i, 1, 4, kind);
        for (; i < Bp; i += 4)
            fwd_block(z, a, in, W, b, S, k, n, j, i, 1, 1, kind);
    }
}

/* One copy of the layer loop per fused activation, so that the activation
 * is a constant inside the blocks. */
VEC_INLINE void fwd_layer_dispatch(double *z, double *a, const double *in, const double *W,
                                   const double *b, size_t S, size_t B, size_t k, size_t n,
                                   int kind)
{
    switch (kind) {
    case K_RELU: fwd_layer(z, a, in, W, b, S, B, k, n, K_RELU); break;
    case K_RELU6: fwd_layer(z, a, in, W, b, S, B, k, n, K_RELU6); break;
    case K_TANH: fwd_layer(z, a, in, W, b, S, B, k, n, K_TANH); break;
    default: fwd_layer(z, a, in, W, b, S, B, k, n, K_LINEAR); break;
    }
}

/* dt[Bp x nP] = d[nP x S] transposed, Bp = round4(B).  Rows n..nP-1 of d
 * hold finite filler (mlp_ws_alloc zeroes them, later layers may leave
 * stale deltas): they only reach dW and db lanes that are never stored.
 * In 4 x 4 tiles: scalar stores followed by the dW kernel's vector
 * loads of the same bytes would stall on store forwarding. */
VEC_INLINE void transpose(double *dt, const double *d, size_t S, size_t B, size_t nP)
{
    size_t Bp = round4(B);
    for (size_t j = 0; j < nP; j += 4)
        for (size_t i = 0; i < Bp; i += 4) {
            v4d r[4];
#pragma GCC unroll 4
            for (int q = 0; q < 4; q++)
                r[q] = v4_load(d + (j + q) * S + i);
            v4d t0 = V4_SHUFFLE(r[0], r[1], 0, 4, 2, 6);
            v4d t1 = V4_SHUFFLE(r[0], r[1], 1, 5, 3, 7);
            v4d t2 = V4_SHUFFLE(r[2], r[3], 0, 4, 2, 6);
            v4d t3 = V4_SHUFFLE(r[2], r[3], 1, 5, 3, 7);
            v4_store(dt + (i + 0) * nP + j, V4_SHUFFLE(t0, t2, 0, 1, 4, 5));
            v4_store(dt + (i + 1) * nP + j, V4_SHUFFLE(t1, t3, 0, 1, 4, 5));
            v4_store(dt + (i + 2) * nP + j, V4_SHUFFLE(t0, t2, 2, 3, 6, 7));
            v4_store(dt + (i + 3) * nP + j, V4_SHUFFLE(t1, t3, 2, 3, 6, 7));
        }
}

/* dW, one block: inputs p0..p0+PB-1, units j0..j0+4*JV-1 (only j < n stored),
 * and db for those units when db is not NULL.
 *   in[k x S], dt[B x nP]  ->  dW[k x n], db[n]
 * dW[p][j] = 0 + in[p][0] dt[0][j] + in[p][1] dt[1][j] + ...  (rows in order)
 * db[j]    = 0 + dt[0][j] + dt[1][j] + ... */
VEC_INLINE void dw_block(double *dW, double *db, const double *in, const double *dt, size_t S,
                         size_t B, size_t n, size_t nP, size_t p0, size_t j0, int PB, int JV,
                         int with_db)
{
    v4d acc[6][2], dbacc[2];
#pragma GCC unroll 4
    for (int v = 0; v < JV; v++) {
        dbacc[v] = v4_set1(0.0);
#pragma GCC unroll 6
        for (int pp = 0; pp < PB; pp++)
            acc[pp][v] = v4_set1(0.0);
    }
    for (size_t i = 0; i < B; i++) {
        v4d d[2];
#pragma GCC unroll 4
        for (int v = 0; v < JV; v++) {
            d[v] = v4_load(dt + i * nP + j0 + 4 * v);
            if (with_db)
                dbacc[v] += d[v];
        }
#pragma GCC unroll 6
        for (int pp = 0; pp < PB; pp++) {
            v4d x = v4_set1(in[(p0 + pp) * S + i]);
#pragma GCC unroll 4
            for (int v = 0; v < JV; v++)
                acc[pp][v] += x * d[v];
        }
    }
#pragma GCC unroll 4
    for (int v = 0; v < JV; v++) {
        size_t j = j0 + 4 * (size_t)v, left = n - j < 4 ? n - j : 4;
#pragma GCC unroll 6
        for (int pp = 0; pp < PB; pp++) {
            double *o = dW + (p0 + pp) * n + j;
            if (left == 4)
                v4_store(o, acc[pp][v]);
            else
                for (size_t q = 0; q < left; q++)
                    o[q] = acc[pp][v][q];
        }
        if (with_db)
            for (size_t q = 0; q < left; q++)
                db[j + q] = dbacc[v][q];
    }
}

/* One column block (JV vectors of units from j) for every input: a single
 * pass over the rows when k <= 6 (up to 12 accumulators + 3 operands fit in
 * the 16 AVX2 registers), else passes of 4 inputs and one for the rest. */
VEC_INLINE void dw_cols(double *dW, double *db, const double *in, const double *dt, size_t S,
                        size_t B, size_t k, size_t n, size_t nP, size_t j, int JV)
{
    size_t p = 0;
    if (k > 6) {
        dw_block(dW, db, in, dt, S, B, n, nP, 0, j, 4, JV, 1);
        for (p = 4; p + 4 <= k; p += 4)
            dw_block(dW, db, in, dt, S, B, n, nP, p, j, 4, JV, 0);
        switch (k - p) {
        case 3: dw_block(dW, db, in, dt, S, B, n, nP, p, j, 3, JV, 0); break;
        case 2: dw_block(dW, db, in, dt, S, B, n, nP, p, j, 2, JV, 0); break;
        case 1: dw_block(dW, db, in, dt, S, B, n, nP, p, j, 1, JV, 0); break;
        default: break;
        }
        return;
    }
    switch (k) {
    case 6: dw_block(dW, db, in, dt, S, B, n, nP, 0, j, 6, JV, 1); break;
    case 5: dw_block(dW, db, in, dt, S, B, n, nP, 0, j, 5, JV, 1); break;
    case 4: dw_block(dW, db, in, dt, S, B, n, nP, 0, j, 4, JV, 1); break;
    case 3: dw_block(dW, db, in, dt, S, B, n, nP, 0, j, 3, JV, 1); break;
    case 2: dw_block(dW, db, in, dt, S, B, n, nP, 0, j, 2, JV, 1); break;
    default: dw_block(dW, db, in, dt, S, B, n, nP, 0, j, 1, JV, 1); break;
    }
}

/* dW[k x n] and db[n] of one layer, in column blocks of 8 units (4 at the
 * end); db rides along with the first block of inputs.  A block of 5 or 6
 * inputs by 8 units would need 10-12 accumulators, 2 for db, 2 operands, the
 * broadcast input and a product: more than the 16 AVX2 registers, and the
 * spilled accumulator chains every row through a store and a reload (the
 * article's 5-wide layers ran at half speed so).  Those take blocks of 4 units:
 * the same multiplies, with one more load of each broadcast input. */
VEC_INLINE void dw_layer(double *dW, double *db, const double *in, const double *dt, size_t S,
                         size_t B, size_t k, size_t n)
{
    size_t nP = round4(n), j = 0;
    if (k <= 4 || k > 6)
        for (; j + 8 <= nP; j += 8)
            dw_cols(dW, db, in, dt, S, B, k, n, nP, j, 2);
    for (; j < nP; j += 4)
        dw_cols(dW, db, in, dt, S, B, k, n, nP, j, 1);
}

/* dW and db of a small layer, k <= 6 inputs and n = 1 or 5 units (the
 * article's 2 -> 5, 5 -> 5 and 5 -> 1), in one pass over the rows.  In
 * dw_layer's blocks of 4 units, the fifth unit takes a second pass of k
 * vectors for one useful lane each, and a pass of k accumulators waits on
 * add latency row after row.  Here one pass holds
 *   units 0-3 (NV = 1): a vector of units per input, as dw_block;
 *   the last unit times inputs 0-3 (KV = 1): the 4 inputs as a vector, from
 *     xt (the inputs transposed), times the unit's delta;
 *   the last unit times the last KR inputs: scalars.
 * Every sum still runs over the rows in order from 0 and multiplies the
 * same pairs, so the bits are dw_layer's.  dt holds units 0-3 of the
 * deltas transposed (when NV), d the deltas feature-major. */
VEC_INLINE void dw_small(double *dW, double *db, const double *in, const double *xt,
                         const double *dt, const double *d, size_t S, size_t B, int NV, int KV,
                         int KR)
{
    const int k = 4 * KV + KR, n = 4 * NV + 1;
    const double *dl = d + (size_t)(n - 1) * S; /* the last unit's deltas */
    v4d acc[6], dbv = v4_set1(0.0), accl = v4_set1(0.0);
    double sl[3] = {0, 0, 0}, dbl = 0;
#pragma GCC unroll 6
    for (int p = 0; p < k; p++)
        acc[p] = v4_set1(0.0);
    for (size_t i = 0; i < B; i++) {
        double di = dl[i];
        if (NV) {
            v4d dv = v4_load(dt + 4 * i);
            dbv += dv;
            /* inputs 0-3 from xt when it holds them: one pointer for all four */
#pragma GCC unroll 6
            for (int p = 0; p < k; p++)
                acc[p] += v4_set1(KV && p < 4 ? xt[4 * i + (size_t)p] : in[(size_t)p * S + i]) * dv;
        }
        if (KV)
            accl += v4_load(xt + 4 * i) * di;
#pragma GCC unroll 3
        for (int q = 0; q < KR; q++)
            sl[q] += in[(size_t)(4 * KV + q) * S + i] * di;
        dbl += di;
    }
    if (NV) {
#pragma GCC unroll 6
        for (int p = 0; p < k; p++)
            v4_store(dW + (size_t)p * n, acc[p]);
        v4_store(db, dbv);
    }
    if (KV)
        for (int p = 0; p < 4; p++)
            dW[(size_t)p * n + n - 1] = accl[p];
    for (int q = 0; q < KR; q++)
        dW[(size_t)(4 * KV + q) * n + n - 1] = sl[q];
    db[n - 1] = dbl;
}

static int dw_is_small(size_t k, size_t n)
{
    return (n == 1 || n == 5) && k <= 6;
}

/* dw_small for a layer with dw_is_small(k, n), after the transposes it needs */
VEC_INLINE void dw_small_layer(double *dW, double *db, const double *in, double *xt, double *dt,
                               const double *d, size_t S, size_t B, size_t k, size_t n)
{
    int NV = n == 5;
    if (NV)
        transpose(dt, d, S, B, 4);
    if (k >= 4)
        transpose(xt, in, S, B, 4);
#define DW_SMALL(KV, KR)                                                                     \
    (NV ? dw_small(dW, db, in, xt, dt, d, S, B, 1, KV, KR)                                   \
        : dw_small(dW, db, in, xt, dt, d, S, B, 0, KV, KR))
    switch (k) {
    case 1: DW_SMALL(0, 1); break;
    case 2: DW_SMALL(0, 2); break;
    case 3: DW_SMALL(0, 3); break;
    case 4: DW_SMALL(1, 0); break;
    case 5: DW_SMALL(1, 1); break;
    default: DW_SMALL(1, 2); break;
    }
#undef DW_SMALL
}

/* dx, one block: inputs p0..p0+PB-1, rows i0..i0+4*IV-1.
 *   d[n x S], W[k x n], zp, ap[k x S] (previous layer)  ->  dx[k x S]
 * dx[p][i] = (0 + d[0][i] W[p][0] + d[1][i] W[p][1] + ...) * f'(zp[p][i]) */
VEC_INLINE void dx_block(double *dx, const double *d, const double *W, const double *zp,
                         const double *ap, size_t S, size_t n, size_t p0, size_t i0, int PB,
                         int IV, int kind)
{
    v4d acc[4][4];
#pragma GCC unroll 4
    for (int pp = 0; pp < PB; pp++)
#pragma GCC unroll 4
        for (int v = 0; v < IV; v++)
            acc[pp][v] = v4_set1(0.0);
    for (size_t j = 0; j < n; j++) {
        v4d dv[4];
#pragma GCC unroll 4
        for (int v = 0; v < IV; v++)
            dv[v] = v4_load(d + j * S + i0 + 4 * v);
#pragma GCC unroll 4
        for (int pp = 0; pp < PB; pp++) {
            v4d w = v4_set1(W[(p0 + pp) * n + j]);
#pragma GCC unroll 4
            for (int v = 0; v < IV; v++)
                acc[pp][v] += dv[v] * w;
        }
    }
#pragma GCC unroll 4
    for (int pp = 0; pp < PB; pp++)
#pragma GCC unroll 4
        for (int v = 0; v < IV; v++) {
            size_t o = (p0 + pp) * S + i0 + 4 * v;
            v4d r = acc[pp][v];
            if (kind != K_LINEAR)
                r = dact_vec(r, v4_load(zp + o), v4_load(ap + o), kind);
            v4_store(dx + o, r);
        }
}

VEC_INLINE void dx_layer(double *dx, const double *d, const double *W, const double *zp,
                         const double *ap, size_t S, size_t B, size_t k, size_t n, int kind)
{
    size_t Bp = round4(B), p = 0;
    for (; p + 2 <= k; p += 2) {
        size_t i = 0;
        for (; i + 16 <= Bp; i += 16)
            dx_block(dx, d, W, zp, ap, S, n, p, i, 2, 4, kind);
        for (; i < Bp; i += 4)
            dx_block(dx, d, W, zp, ap, S, n, p, i, 2, 1, kind);
    }
    if (p < k) {
        size_t i = 0;
        for (; i + 16 <= Bp; i += 16)
            dx_block(dx, d, W, zp, ap, S, n, p, i, 1, 4, kind);
        for (; i < Bp; i += 4)
            dx_block(dx, d, W, zp, ap, S, n, p, i, 1, 1, kind);
    }
}

VEC_INLINE void dx_layer_dispatch(double *dx, const double *d, const double *W,
                                  const double *zp, const double *ap, size_t S, size_t B,
                                  size_t k, size_t n, int kind)
{
    switch (kind) {
    case K_RELU: dx_layer(dx, d, W, zp, ap, S, B, k, n, K_RELU); break;
    case K_RELU6: dx_layer(dx, d, W, zp, ap, S, B, k, n, K_RELU6); break;
    case K_TANH: dx_layer(dx, d, W, zp, ap, S, B, k, n, K_TANH); break;
    default: dx_layer(dx, d, W, zp, ap, S, B, k, n, K_LINEAR); break;
    }
}

#ifdef MLP_BLAS
/* BLAS builds (make BLAS=openblas): layers with at least this many weights
 * go to cblas_dgemm, which blocks for the caches and uses FMA: faster on
 * wide layers (bench kernels: 1.3x at 256 x 256 with batch 32), but its
 * sums are rounded differently, so a BLAS build's histories differ from the
 * default build's in the last bits (each build is deterministic). */
#include <gsl/gsl_cblas.h>
#define BLAS_MIN_WEIGHTS 16384

static int use_blas(size_t k, size_t n)
{
    return k * n >= BLAS_MIN_WEIGHTS;
}

/* a = f(z) on rows x lanes 0..Bp-1 */
VEC_INLINE void act_rows(double *a, const double *z, size_t n, size_t S, size_t Bp, int kind)
{
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < Bp; i += 4) {
            size_t o = j * S + i;
            v4d r = v4_load(z + o);
            switch (kind) {
            case K_RELU: r = act_vec(r, K_RELU); break;
            case K_RELU6: r = act_vec(r, K_RELU6); break;
            case K_TANH: r = act_vec(r, K_TANH); break;
            default: break;
            }
            v4_store(a + o, r);
        }
}

/* dx *= f'(zp) on rows x lanes 0..Bp-1 */
VEC_INLINE void dact_rows(double *dx, const double *zp, const double *ap, size_t k, size_t S,
                          size_t Bp, int kind)
{
    for (size_t p = 0; p < k; p++)
        for (size_t i = 0; i < Bp; i += 4) {
            size_t o = p * S + i;
            v4d r = v4_load(dx + o), z = v4_load(zp + o), a = v4_load(ap + o);
            switch (kind) {
            case K_RELU: r = dact_vec(r, z, a, K_RELU); break;
            case K_RELU6: r = dact_vec(r, z, a, K_RELU6); break;
            case K_TANH: r = dact_vec(r, z, a, K_TANH); break;
            default: break;
            }
            v4_store(dx + o, r);
        }
}
#endif

void KERN_FN(kern_forward)(const mlp *m, mlp_ws *ws, size_t B)
{
    size_t S = ws->stride;
    const double *in = ws->x;
    for (size_t l = 1; l <= m->n_layers; l++) {
        size_t k = m->width[l - 1], n = m->width[l];
        int hidden = l < m->n_layers, kind = hidden ? fused_kind(m->act[l]) : K_LINEAR;
#ifdef MLP_BLAS
        if (use_blas(k, n)) {
            /* z = b, then z += W^T in */
            const double *b = mlp_b(m, m->params, l);
            size_t Bp = round4(B);
            for (size_t j = 0; j < n; j++)
                for (size_t i = 0; i < Bp; i++)
                    ws->z[l][j * S + i] = b[j];
            cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, (int)n, (int)Bp, (int)k, 1.0,
                        mlp_W(m, m->params, l), (int)n, in, (int)S, 1.0, ws->z[l], (int)S);
            if (hidden)
                act_rows(ws->a[l], ws->z[l], n, S, Bp, kind);
        } else
#endif
        fwd_layer_dispatch(ws->z[l], hidden ? ws->a[l] : NULL, in, mlp_W(m, m->params, l),
                           mlp_b(m, m->params, l), S, B, k, n, kind);
        if (hidden && kind == K_GENERIC)
            for (size_t j = 0; j < n; j++)
                act_forward(m->act[l], ws->z[l] + j * S, ws->a[l] + j * S, B);
        in = ws->a[l];
    }
}

void KERN_FN(kern_backward)(mlp *m, mlp_ws *ws, size_t B)
{
    size_t S = ws->stride;
    double *d = ws->d0, *dx = ws->d1;
    for (size_t l = m->n_layers; l >= 1; l--) {
        size_t k = m->width[l - 1], n = m->width[l];
        const double *in = l > 1 ? ws->a[l - 1] : ws->x;
#ifdef MLP_BLAS
        if (use_blas(k, n)) {
            /* dW = in d^T over the B rows; db row sums in order; dx = W d */
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (int)k, (int)n, (int)B, 1.0, in,
                        (int)S, d, (int)S, 0.0, mlp_W(m, m->grads, l), (int)n);
            double *db = mlp_b(m, m->grads, l);
            for (size_t j = 0; j < n; j++) {
                double sum = 0;
                for (size_t i = 0; i < B; i++)
                    sum += d[j * S + i];
                db[j] = sum;
            }
            if (l == 1)
                break;
            int kind = fused_kind(m->act[l - 1]);
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, (int)k, (int)round4(B), (int)n,
                        1.0, mlp_W(m, m->params, l), (int)n, d, (int)S, 0.0, dx, (int)S);
            dact_rows(dx, ws->z[l - 1], ws->a[l - 1], k, S, round4(B), kind);
            if (kind == K_GENERIC)
                for (size_t p = 0; p < k; p++)
                    act_backward(m->act[l - 1], ws->z[l - 1] + p * S, dx + p * S, B);
            double *t = d;
            d = dx;
            dx = t;
            continue;
        }
#endif
        if (dw_is_small(k, n)) {
            dw_small_layer(mlp_W(m, m->grads, l), mlp_b(m, m->grads, l), in, ws->xt, ws->dt, d, S,
                           B, k, n);
        } else {
            transpose(ws->dt, d, S, B, round4(n));
            dw_layer(mlp_W(m, m->grads, l), mlp_b(m, m->grads, l), in, ws->dt, S, B, k, n);
        }
        if (l == 1)
            break;
        int kind = fused_kind(m->act[l - 1]);
        dx_layer_dispatch(dx, d, mlp_W(m, m->params, l), ws->z[l - 1], ws->a[l - 1], S, B, k,
                          n, kind);
        if (kind == K_GENERIC)
            for (size_t p = 0; p < k; p++)
                act_backward(m->act[l - 1], ws->z[l - 1] + p * S, dx + p * S, B);
        double *t = d;
        d = dx;
        dx = t;
    }
}
