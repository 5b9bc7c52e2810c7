/* Reading a dataset streams it: the loader's peak memory is the rows it
 * keeps (24 bytes each) plus one bounded line, never the file's size or a
 * copy of it.  A 400,000-row CSV (~17 MB of text, 9.6 MB of rows) is read
 * and the growth of the peak resident set is bounded by the rows + 4 MiB.
 * (Under AddressSanitizer the bound does not hold, by its shadow memory
 * and quarantine; there only the content is checked.) */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

#include "check.h"
#include "dataset.h"
#include "status.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

static long peak_kib(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

int main(void)
{
    enum { ROWS = 400000 };
    char path[] = "/tmp/mlp-test-stream-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("x1,x2,y\n", f);
    /* wide numbers, so the text (~43 bytes a row) is well above the rows */
    for (long i = 0; i < ROWS; i++)
        fprintf(f, "%.17g,%.17g,%ld\n", (double)i / ROWS - 0.123456789, 1.0 / (i + 3.0), i % 2);
    CHECK(fclose(f) == 0);
    long text = 0;
    FILE *g = fopen(path, "r");
    if (g != NULL) {
        fseek(g, 0, SEEK_END);
        text = ftell(g);
        fclose(g);
    }
    long before = peak_kib();
    dataset *ds = NULL;
    char err[MLP_ERRLEN] = "";
    CHECK(dataset_read_csv(path, &ds, err) == MLP_OK);
    long grown = peak_kib() - before;
    long rows_kib = (long)ROWS * 3 * sizeof(double) / 1024;
    CHECK(ds != NULL && ds->n == ROWS && ds->d == 2);
    if (ds != NULL) {
        CHECK(ds->y[0] == 0.0 && ds->y[ROWS - 1] == 1.0);
        CHECK(ds->x[2 * (ROWS - 1) + 1] == 1.0 / (ROWS - 1 + 3.0));
    }
    CHECK_MSG(text > 4 * rows_kib * 1024 / 3, "the text (%ld bytes) should dwarf the rows", text);
    if (!UNDER_ASAN)
        CHECK_MSG(grown <= rows_kib + 4096, "peak grew by %ld KiB reading %ld KiB of rows "
                  "from %ld KiB of text", grown, rows_kib, text / 1024);
    if (getenv("MLP_TEST_VERBOSE"))
        fprintf(stderr, "stream: peak grew %ld KiB for %ld KiB of rows, %ld KiB of text\n",
                grown, rows_kib, text / 1024);
    dataset_free(ds);
    unlink(path);
    return check_done("stream");
}
