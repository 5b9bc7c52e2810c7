/* What SIGINT, SIGTERM, SIGHUP and SIGPIPE do.
 *
 * While training (between sigstop_defer_begin and _end) the first three
 * only set a flag that the trainer reads after each batch: the run stops,
 * delivers its complete epochs marked partial, and main exits 128 + the
 * signal.  At any other
 * time (reading data, replaying a loaded model, writing a grid, predicting,
 * waiting for a FIFO) and for SIGPIPE always, the handler removes every
 * temporary output file that is registered and ends the process by the
 * signal, so nothing half-written is left and nothing blocks for good.
 * SIGXFSZ (a write beyond `ulimit -f`) is ignored: the write fails with
 * EFBIG instead, and the writer's error path removes the temporary file and
 * says which file could not be written.
 *
 * Temporary files are registered by atomic.c (sigstop_track) and dropped
 * when they are renamed or removed (sigstop_untrack); the strings must stay
 * valid while tracked.  The registry is a fixed array of atomic pointers, so
 * the handler (which may only call async-signal-safe functions: unlink,
 * signal, raise) never takes a lock, and sweep threads may register at once. */
#ifndef MLP_SIGSTOP_H
#define MLP_SIGSTOP_H

#include <signal.h>

#define SIGSTOP_MAX_TRACKED 32

/* Install the handlers (once, from main). */
void sigstop_install(void);

/* The flag the trainer polls: 0, or the signal that asked it to stop. */
volatile sig_atomic_t *sigstop_flag(void);

/* Between begin and end, SIGINT/SIGTERM/SIGHUP only set the flag; outside
 * (the default) they end the process after removing the tracked temporary
 * files.  The calls nest (a counter): a sweep defers for its whole length
 * while each of its runs also begins and ends around its training. */
void sigstop_defer_begin(void);
void sigstop_defer_end(void);

/* Track / untrack a temporary file.  sigstop_track returns 0, or -1 when
 * the registry is full (the file is then left behind by a signal, as by
 * SIGKILL). */
int sigstop_track(const char *path);
void sigstop_untrack(const char *path);

#endif
