/* libFuzzer harness for the CSV loader (dataset_read_csv).
 *
 * The loader takes a path, so each input is put in an in-memory file
 * (memfd) and read back through /proc/self/fd/N: the real fopen + getc
 * path runs, nothing touches the disk.  Invariants checked on success:
 * n >= 1 rows, d == 2, finite features within DATASET_MAX_ABS, labels
 * exactly 0 or 1.  On failure: one non-empty line of error text. */
#define _GNU_SOURCE
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "dataset.h"
#include "status.h"

static int fd = -1;
static char path[64];

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (fd < 0) {
        fd = memfd_create("fuzz_csv", 0);
        if (fd < 0)
            abort();
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    }
    if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
        abort();
    dataset *ds = NULL;
    char err[MLP_ERRLEN] = "";
    int rc = dataset_read_csv(path, &ds, err);
    if (rc == MLP_OK) {
        if (ds == NULL || ds->n < 1 || ds->d != 2)
            abort();
        for (size_t i = 0; i < ds->n; i++) {
            if (!(fabs(ds->x[2 * i]) <= DATASET_MAX_ABS && fabs(ds->x[2 * i + 1]) <= DATASET_MAX_ABS))
                abort();
            if (ds->y[i] != 0.0 && ds->y[i] != 1.0)
                abort();
        }
        dataset_free(ds);
    } else {
        if (ds != NULL || err[0] == '\0' || strchr(err, '\n') != NULL)
            abort();
    }
    return 0;
}
