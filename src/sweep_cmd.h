/* The `mlptrain sweep` and `mlptrain summarize` commands, called by
 * mlptrain's main with argv starting at the subcommand's name.  They print
 * (summary on stdout, progress and errors on stderr) and return the exit
 * status; they never exit.  stop is set by main's signal handler. */
#ifndef MLP_SWEEP_CMD_H
#define MLP_SWEEP_CMD_H

#include <signal.h>

int sweep_command(int argc, char **argv, volatile sig_atomic_t *stop);
int summarize_command(int argc, char **argv);

#endif
