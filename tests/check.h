/* A tiny test harness: each test binary counts its checks and prints
 * "NAME: N passed, N failed"; tests/run-tests.sh adds the counts up. */
#ifndef MLP_CHECK_H
#define MLP_CHECK_H

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static int check_passed, check_failed;

/* How many files in dir have ".tmp." in their names (an atomic output's
 * temporary file left behind). */
static inline int check_temp_files_in(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while (d != NULL && (e = readdir(d)) != NULL)
        n += strstr(e->d_name, ".tmp.") != NULL;
    if (d != NULL)
        closedir(d);
    return n;
}

#define CHECK(cond) check_report((cond) != 0, __FILE__, __LINE__, #cond)
#define CHECK_MSG(cond, ...)                                          \
    do {                                                              \
        if (!check_report((cond) != 0, __FILE__, __LINE__, #cond)) {  \
            fprintf(stderr, "    ");                                  \
            fprintf(stderr, __VA_ARGS__);                             \
            fprintf(stderr, "\n");                                    \
        }                                                             \
    } while (0)
/* |got - want| <= tol * max(1, |want|) */
#define CHECK_NEAR(got, want, tol)                                              \
    do {                                                                        \
        double g_ = (got), w_ = (want), t_ = (tol);                             \
        double s_ = fabs(w_) > 1.0 ? fabs(w_) : 1.0;                            \
        if (!check_report(fabs(g_ - w_) <= t_ * s_, __FILE__, __LINE__, #got))  \
            fprintf(stderr, "    got %.17g, want %.17g (tol %g)\n", g_, w_, t_); \
    } while (0)
#define CHECK_STR(got, want)                                                   \
    do {                                                                       \
        const char *g_ = (got), *w_ = (want);                                  \
        if (!check_report(g_ != NULL && strcmp(g_, w_) == 0, __FILE__, __LINE__, \
                          #got))                                               \
            fprintf(stderr, "    got \"%s\"\n    want \"%s\"\n",               \
                    g_ ? g_ : "(null)", w_);                                   \
    } while (0)

static int check_report(int ok, const char *file, int line, const char *what)
{
    if (ok)
        check_passed++;
    else {
        check_failed++;
        fprintf(stderr, "FAIL %s:%d: %s\n", file, line, what);
    }
    return ok;
}

static int check_done(const char *name)
{
    printf("%s: %d passed, %d failed\n", name, check_passed, check_failed);
    return check_failed == 0 ? 0 : 1;
}

#endif
