/* The fixed-point table of a finished run (--quant, --quant-csv): per bit
 * width, train and test accuracy next to the double-precision ones and the
 * share of test rows whose class changed.
 *
 * CSV: bits,train_acc,test_acc,float_train_acc,float_test_acc,
 *      test_changed,test_changed_frac
 * (empty test fields when there are no test rows). */
#ifndef MLP_QUANT_REPORT_H
#define MLP_QUANT_REPORT_H

#include <stdio.h>

#include "cli.h"
#include "experiment.h"

/* Compute the table for cfg->quant_bits, print it to out and write
 * cfg->quant_csv_path when set.  MLP_OK or an error with err set. */
int quant_report(const cli_config *cfg, const experiment *ex, FILE *out, char *err);

#endif
