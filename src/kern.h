/* The dense-layer kernels behind mlp_forward and mlp_backward.
 *
 * They work on feature-major batches (mlp_ws: unit j of row i at
 * buf[j * stride + i]) and vectorize over the rows of the batch, so a layer
 * of 5 units runs as fast per multiply-add as a layer of 256.  Every sum is
 * taken in the same order as the textbook loops (tests/test_kern.c holds
 * them), so the results are bit for bit those of a plain implementation:
 *   z[i][j]  = b[j] + x[i][0] W[0][j] + x[i][1] W[1][j] + ...
 *   dW[p][j] = 0 + x[0][p] d[0][j] + x[1][p] d[1][j] + ...   (rows in order)
 *   db[j]    = 0 + d[0][j] + d[1][j] + ...
 *   dx[i][p] = (0 + d[i][0] W[p][0] + d[i][1] W[p][1] + ...) * f'(z_prev[i][p])
 * Each is compiled for baseline x86-64, for AVX2 and for AVX-512F+VL
 * (kern_simd.c, built three times) and chosen at run time; all give the
 * same bits. */
#ifndef MLP_KERN_H
#define MLP_KERN_H

#include <stddef.h>

#include "mlp.h"

/* Forward pass of B rows already in ws->x (lanes B..round4(B)-1 finite):
 * fills ws->z[l] for every layer and ws->a[l] for the hidden ones. */
void kern_forward(const mlp *m, mlp_ws *ws, size_t B);

/* Backward pass after kern_forward, with dLoss/dlogit in ws->d0[0..B-1]
 * (lanes B..round4(B)-1 zero): writes every gradient into m->grads. */
void kern_backward(mlp *m, mlp_ws *ws, size_t B);

/* The name of the instruction set the kernels run with on this machine
 * ("avx512", "avx2" or "baseline"), for the benchmark's report. */
const char *kern_isa(void);

/* The three builds of kern_simd.c, for kern.c and the tests only. */
void kern_forward_base(const mlp *m, mlp_ws *ws, size_t B);
void kern_backward_base(mlp *m, mlp_ws *ws, size_t B);
void kern_forward_avx2(const mlp *m, mlp_ws *ws, size_t B);
void kern_backward_avx2(mlp *m, mlp_ws *ws, size_t B);
void kern_forward_avx512(const mlp *m, mlp_ws *ws, size_t B);
void kern_backward_avx512(mlp *m, mlp_ws *ws, size_t B);

#endif
