#include "quant_report.h"

#include <math.h>
#include <stdlib.h>

#include "atomic.h"
#include "fmt.h"
#include "quant.h"
#include "status.h"

static const char *num(char *buf, double v)
{
    if (isnan(v)) {
        buf[0] = '\0';
        return buf;
    }
    return fmt_double(buf, v);
}

static int write_csv(const char *path, const quant_row *rows, size_t n, char *err)
{
    atomic_file *af = atomic_open(path, err);
    if (af == NULL)
        return MLP_EIO;
    fputs("bits,train_acc,test_acc,float_train_acc,float_test_acc,test_changed,"
          "test_changed_frac\n", af->f);
    for (size_t i = 0; i < n; i++) {
        char a[FMT_DOUBLE_LEN], b[FMT_DOUBLE_LEN], c[FMT_DOUBLE_LEN], d[FMT_DOUBLE_LEN],
            e[FMT_DOUBLE_LEN];
        const quant_row *r = &rows[i];
        int has_test = !isnan(r->test_acc);
        fprintf(af->f, "%d,%s,%s,%s,%s,", r->bits, num(a, r->train_acc), num(b, r->test_acc),
                num(c, r->float_train_acc), num(d, r->float_test_acc));
        if (has_test)
            fprintf(af->f, "%zu,%s\n", r->test_changed, num(e, r->test_changed_frac));
        else
            fputs(",\n", af->f);
    }
    return atomic_commit(af, err);
}

static void print_acc(FILE *out, double v)
{
    if (isnan(v))
        fprintf(out, "  %5s", "n/a");
    else
        fprintf(out, "  %5.3f", v);
}

int quant_report(const cli_config *cfg, const experiment *ex, FILE *out, char *err)
{
    quant_row *rows = calloc(cfg->n_quant, sizeof *rows);
    if (rows == NULL) {
        mlp_seterr(err, "out of memory");
        return MLP_ENOMEM;
    }
    int st = quant_table(ex->model, ex->train, ex->test, cfg->quant_bits, cfg->n_quant, rows, err);
    if (st == MLP_OK) {
        fprintf(out, "Fixed point (integers only; formats calibrated on the training rows):\n");
        fprintf(out, "bits    train   test  test rows changed\n");
        fprintf(out, "float");
        print_acc(out, rows[0].float_train_acc);
        print_acc(out, rows[0].float_test_acc);
        fputc('\n', out);
        for (size_t i = 0; i < cfg->n_quant; i++) {
            fprintf(out, "%-5d", rows[i].bits);
            print_acc(out, rows[i].train_acc);
            print_acc(out, rows[i].test_acc);
            if (ex->test->n)
                fprintf(out, "  %zu/%zu\n", rows[i].test_changed, ex->test->n);
            else
                fputc('\n', out);
        }
        if (cfg->quant_csv_path)
            st = write_csv(cfg->quant_csv_path, rows, cfg->n_quant, err);
    }
    free(rows);
    return st;
}
