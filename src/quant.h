/* Fixed-point inference: the trained network evaluated with integers only,
 * as a microcontroller without a floating-point unit would run it.
 *
 * Every value is a signed BITS-bit integer q in a Q format with F
 * fractional bits, standing for q / 2^F; q saturates at
 * [-2^(BITS-1), 2^(BITS-1) - 1].  F comes from a bound M on |value|:
 *   I = ceil(log2 M)   (integer bits, may be negative for small M; 0 if M = 0)
 *   F = BITS - 1 - I   (one bit is the sign)
 * so the largest value is just representable (a value equal to 2^I, e.g. a
 * tanh of 1.0, saturates one step below).  The bounds, per dense layer l:
 *   inputs          M = max |x| over the training rows
 *   kernel W_l      M = max |W_l|       biases b_l: M = max |b_l|
 *   relu6 output    M = 6, known: I = 3 (no calibration: ReLU6's point)
 *   tanh output     I = 0 (the range is (-1, 1))
 *   relu output     M = max activation of the layer over the training rows
 *   tanh input z    M = max |z| of the layer over the training rows
 * (the calibration rule: "the largest magnitude seen on the training rows in
 * the double-precision pass fits exactly"; unseen larger values saturate,
 * as FANN's fann_save_to_fixed sizes its decimal point from the largest
 * value it sees).  relu and relu6 take their input z in the output format
 * (negative z saturating is harmless: the unit outputs 0).
 *
 * Forward pass of layer l, unit j:
 *   acc = b_j aligned to F_acc = F_in + F_W    (a 128-bit accumulator)
 *   acc += a_p * W_pj  for every input p      (int64 products of two
 *                                              <= 32-bit values, exact; the
 *                                              sum cannot overflow 128 bits)
 *   z = saturate(round(acc / 2^(F_acc - F_z)))  round to nearest, ties away
 *                                               from zero
 *   relu: max(z, 0)   relu6: min(max(z, 0), 6 * 2^F)   tanh: see below
 * The output unit's class is acc > 0 on its int64 accumulator, which is
 * exactly sigmoid(logit) > 0.5 for the fixed-point logit (no sigmoid needed).
 *
 * tanh: a table of tanh(k / 1024) for k = 0..8192 in the output format
 * (built once per bit width with the C library's tanh), linear
 * interpolation between entries with integer arithmetic, odd symmetry, and
 * |z| >= 16 maps to the last entry.  The interpolation error is below 1e-7
 * (|tanh''| <= 0.77, step 2^-10), under one output step up to 23 bits.
 *
 * Other hidden activations are refused (quant_supported). */
#ifndef MLP_QUANT_H
#define MLP_QUANT_H

#include <stddef.h>
#include <stdint.h>

#include "dataset.h"
#include "mlp.h"

#define QUANT_MIN_BITS 4
#define QUANT_MAX_BITS 32
#define QUANT_TANH_STEP_BITS 10 /* table step 2^-10 */
#define QUANT_TANH_RANGE 16     /* table covers |z| < 16 (1 - tanh 16 = 2.5e-14) */

typedef struct {
    int bits;
    size_t n_layers;
    const mlp *m;         /* not owned: the layout and activations */
    int *f_in;            /* per layer l = 1..L: fractional bits of the layer's input */
    int *f_w, *f_b, *f_z; /* kernel, bias, pre-activation (f_z = output format) */
    int *f_out;           /* activation output format of layer l (input of l + 1) */
    int64_t *q;           /* quantized parameters, the mlp's layout (w_off, b_off) */
    int64_t *tanh_tab;    /* QUANT_TANH_RANGE * 2^10 + 1 entries (tanh only), or NULL */
    int64_t *buf0, *buf1; /* activations of one row, max width each */
} qnet;

/* 1 when every hidden activation of m has a fixed-point version (relu,
 * relu6, tanh); else 0 with err "--quant supports relu, relu6 and tanh
 * hidden layers, not ACT". */
int quant_supported(const mlp *m, char *err);
int quant_act_ok(const act_def *a); /* a has a fixed-point version */
const char *quant_act_names(void);

/* Build the BITS-bit network for m, calibrated on the rows of calib
 * (n may be 0: then the unbounded formats assume M = 1).  MLP_OK,
 * MLP_EINVAL (bits outside 4..32, unsupported activation) or MLP_ENOMEM. */
int quant_build(const mlp *m, const dataset *calib, int bits, qnet **out, char *err);
void quant_free(qnet *q); /* accepts NULL */

/* Fixed-point class (0/1) of one row x[width[0]]; *logit (may be NULL) gets
 * the output accumulator converted to a double afterwards (for reports and
 * tests; the class itself is the integer comparison acc > 0). */
int quant_classify(const qnet *q, const double *x, double *logit);

/* Q-format helpers, exposed for the tests. */
int64_t quant_round_shift(int64_t v, int s); /* round(v / 2^s), any s; saturates at int64 */
int64_t quant_sat(int64_t v, int bits);     /* clamp to a signed bits-bit integer */
int quant_frac_bits(double bound, int bits); /* F for a bound M, as above */
int64_t quant_from_double(double v, int f, int bits); /* round(v * 2^f), saturated */

/* One line of the fixed-point table. */
typedef struct {
    int bits;
    double train_acc, test_acc;         /* fixed point; test NAN without test rows */
    double float_train_acc, float_test_acc;
    size_t test_changed;                /* test rows whose class differs from the double pass */
    double test_changed_frac;           /* NAN without test rows */
} quant_row;

/* Evaluate m at each of the n_bits widths, calibrated on train. */
int quant_table(const mlp *m, const dataset *train, const dataset *test, const int *bits,
                size_t n_bits, quant_row *rows, char *err);

#endif
