#include "history.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "fmt.h"
#include "status.h"

history *history_open(const char *path, int has_val, char *err)
{
    history *h = calloc(1, sizeof *h);
    if (h == NULL) {
        mlp_seterr(err, "%s: out of memory", path);
        return NULL;
    }
    h->has_val = has_val;
    h->last_flush = -1;
    h->af = atomic_open(path, err);
    if (h->af == NULL) {
        free(h);
        return NULL;
    }
    fputs(has_val ? "epoch,accuracy,loss,val_accuracy,val_loss\n" : "epoch,accuracy,loss\n",
          h->af->f);
    return h;
}

static double monotonic_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int history_write(history *h, const epoch_log *log, char *err)
{
    char a[FMT_DOUBLE_LEN], l[FMT_DOUBLE_LEN], va[FMT_DOUBLE_LEN], vl[FMT_DOUBLE_LEN];
    fmt_double(a, log->accuracy);
    fmt_double(l, log->loss);
    if (h->has_val) {
        fmt_double(va, log->val_accuracy);
        fmt_double(vl, log->val_loss);
    }
    /* a full buffer makes fprintf write: its failure's errno is the reason */
    errno = 0;
    if (h->has_val)
        fprintf(h->af->f, "%zu,%s,%s,%s,%s\n", log->epoch, a, l, va, vl);
    else
        fprintf(h->af->f, "%zu,%s,%s\n", log->epoch, a, l);
    double now = monotonic_seconds();
    int due = h->last_flush < 0 || now - h->last_flush >= HISTORY_FLUSH_SECONDS;
    if (due)
        h->last_flush = now;
    if ((due && fflush(h->af->f) != 0) || ferror(h->af->f)) {
        atomic_write_error(h->af, errno, err);
        return MLP_EIO;
    }
    return MLP_OK;
}

int history_close(history *h, const char *partial_reason, char *err)
{
    if (partial_reason != NULL)
        fprintf(h->af->f, "# partial: %s\n", partial_reason);
    int st = atomic_commit(h->af, err);
    free(h);
    return st;
}

void history_abort(history *h)
{
    if (h == NULL)
        return;
    atomic_abort(h->af);
    free(h);
}
