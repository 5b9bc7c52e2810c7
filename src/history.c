#include "history.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
    const char *header =
        has_val ? "epoch,accuracy,loss,val_accuracy,val_loss\n" : "epoch,accuracy,loss\n";
    h->len = strlen(header);
    memcpy(h->buf, header, h->len);
    return h;
}

static double monotonic_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Hand the rows held so far to the file and flush it: every write ends at
 * the end of a row, so nothing else written to the same pipe or terminal
 * (the -v progress on stderr, say) lands inside one. */
static int write_rows(history *h, char *err)
{
    errno = 0;
    if ((h->len > 0 && fwrite(h->buf, 1, h->len, h->af->f) != h->len) ||
        fflush(h->af->f) != 0 || ferror(h->af->f)) {
        atomic_write_error(h->af, errno, err);
        return MLP_EIO;
    }
    h->len = 0;
    return MLP_OK;
}

int history_write(history *h, const epoch_log *log, char *err)
{
    char a[FMT_DOUBLE_LEN], l[FMT_DOUBLE_LEN], va[FMT_DOUBLE_LEN], vl[FMT_DOUBLE_LEN];
    char row[HISTORY_ROW_MAX];
    fmt_double(a, log->accuracy);
    fmt_double(l, log->loss);
    int n;
    if (h->has_val)
        n = snprintf(row, sizeof row, "%zu,%s,%s,%s,%s\n", log->epoch, a, l,
                     fmt_double(va, log->val_accuracy), fmt_double(vl, log->val_loss));
    else
        n = snprintf(row, sizeof row, "%zu,%s,%s\n", log->epoch, a, l);
    if (h->len + (size_t)n > sizeof h->buf && write_rows(h, err) != MLP_OK)
        return MLP_EIO;
    memcpy(h->buf + h->len, row, (size_t)n);
    h->len += (size_t)n;
    double now = monotonic_seconds();
    if (h->last_flush < 0 || now - h->last_flush >= HISTORY_FLUSH_SECONDS) {
        h->last_flush = now;
        return write_rows(h, err);
    }
    return MLP_OK;
}

int history_close(history *h, const char *partial_reason, char *err)
{
    int st = write_rows(h, err);
    if (st != MLP_OK) {
        atomic_abort(h->af);
        free(h);
        return st;
    }
    if (partial_reason != NULL)
        fprintf(h->af->f, "# partial: %s\n", partial_reason);
    st = atomic_commit(h->af, err);
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
