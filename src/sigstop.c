#include "sigstop.h"

#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t stop_flag;
static int deferred; /* a counter, read and changed atomically */
static const char *tracked[SIGSTOP_MAX_TRACKED];

static void on_signal(int sig)
{
    if (__atomic_load_n(&deferred, __ATOMIC_RELAXED) > 0 && sig != SIGPIPE) {
        stop_flag = sig;
        return;
    }
    for (int i = 0; i < SIGSTOP_MAX_TRACKED; i++) {
        const char *p = __atomic_load_n(&tracked[i], __ATOMIC_ACQUIRE);
        if (p != NULL)
            unlink(p);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

void sigstop_install(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    /* a deferred signal must not make a write to a pipe fail with EINTR and
     * lose the history: interrupted calls resume */
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL); /* the terminal closed: keep the epochs too */
    sigaction(SIGPIPE, &sa, NULL);
    /* killed by SIGXFSZ, the process would leave its temporary file behind
     * and say nothing; ignored, the write fails with EFBIG and is reported */
    signal(SIGXFSZ, SIG_IGN);
}

volatile sig_atomic_t *sigstop_flag(void)
{
    return &stop_flag;
}

void sigstop_defer_begin(void)
{
    __atomic_add_fetch(&deferred, 1, __ATOMIC_SEQ_CST);
}

void sigstop_defer_end(void)
{
    __atomic_sub_fetch(&deferred, 1, __ATOMIC_SEQ_CST);
}

int sigstop_track(const char *path)
{
    for (int i = 0; i < SIGSTOP_MAX_TRACKED; i++) {
        const char *expected = NULL;
        if (__atomic_compare_exchange_n(&tracked[i], &expected, path, 0, __ATOMIC_RELEASE,
                                        __ATOMIC_RELAXED))
            return 0;
    }
    return -1;
}

void sigstop_untrack(const char *path)
{
    for (int i = 0; i < SIGSTOP_MAX_TRACKED; i++) {
        const char *expected = path;
        if (__atomic_compare_exchange_n(&tracked[i], &expected, NULL, 0, __ATOMIC_RELEASE,
                                        __ATOMIC_RELAXED))
            return;
    }
}
