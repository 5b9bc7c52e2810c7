/* libFuzzer harness for the per-run CSV reader (runs_read, behind
 * `mlptrain summarize`) and the repeated-seed check.
 *
 * As fuzz_csv.c, each input is an in-memory file (memfd) read back through
 * /proc/self/fd/N.  Invariants on success: every row has a config without
 * commas, accuracies within 0..1 for runs with status ok, and the summary
 * builds unless a configuration repeats a seed; on failure: one non-empty
 * line of error text, and nothing appended to the list is left half-made. */
#define _GNU_SOURCE
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "runs.h"
#include "status.h"
#include "summary.h"

static int fd = -1;
static char path[64];

static void one_line(const char *err)
{
    if (err[0] == '\0' || strchr(err, '\n') != NULL)
        abort();
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (fd < 0) {
        fd = memfd_create("fuzz_runs", 0);
        if (fd < 0)
            abort();
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    }
    if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
        abort();
    run_list rows = {NULL, 0, 0, 0};
    char err[MLP_ERRLEN] = "";
    int rc = runs_read(path, &rows, err);
    if (rc != MLP_OK) {
        one_line(err);
    } else {
        for (size_t i = 0; i < rows.n; i++) {
            const run_row *r = &rows.rows[i];
            if (strchr(r->config, ',') != NULL || r->line == 0 || r->src == NULL)
                abort();
            if (r->ok && !(r->train_acc >= 0 && r->train_acc <= 1))
                abort();
        }
        err[0] = '\0';
        if (runs_find_repeat(&rows, err) != MLP_OK) {
            one_line(err);
        } else if (rows.n > 0) {
            summary s;
            err[0] = '\0';
            if (summary_build(&rows, &s, err) == MLP_OK) {
                FILE *null = fopen("/dev/null", "w");
                if (null != NULL) {
                    summary_print(&s, null);
                    fclose(null);
                }
                summary_free(&s);
            } else {
                one_line(err);
            }
        }
    }
    runs_list_free(&rows);
    return 0;
}
