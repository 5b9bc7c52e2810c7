/* libFuzzer harness for mlptrain's option parsers (cli_parse, and
 * cli_parse_predict for "mlptrain predict" on the same arguments).
 *
 * The input is split at NUL bytes into arguments after argv[0]; each
 * argument is its own heap copy, freed after the call, so that AddressSanitizer
 * sees any pointer getopt keeps into an earlier argv.  Invariants: an error
 * is one non-empty line starting "mlptrain: "; an accepted configuration
 * has its values in the documented ranges and prints its settings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "status.h"

#define MAX_ARGS 64

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    char *argv[MAX_ARGS + 2];
    int argc = 0;
    argv[argc++] = strdup("mlptrain");
    size_t start = 0;
    for (size_t i = 0; i <= size && argc <= MAX_ARGS; i++)
        if (i == size || data[i] == '\0') {
            char *a = malloc(i - start + 1);
            memcpy(a, data + start, i - start);
            a[i - start] = '\0';
            argv[argc++] = a;
            start = i + 1;
        }
    argv[argc] = NULL;
    static cli_config cfg;
    char err[MLP_ERRLEN] = "";
    int rc = cli_parse(argc, argv, &cfg, err);
    if (rc == CLI_RUN) {
        if (cfg.n_hidden > MLP_MAX_LAYERS || cfg.batch < 1 || cfg.act == NULL ||
            !(cfg.lr >= 0) || !(cfg.momentum >= 0 && cfg.momentum <= 1) ||
            !(cfg.range_lo < cfg.range_hi) || cfg.train_rows < 1)
            abort();
        for (size_t l = 0; l < cfg.n_hidden; l++)
            if (cfg.widths[l] < 1)
                abort();
        static FILE *null;
        if (null == NULL && (null = fopen("/dev/null", "w")) == NULL)
            abort();
        cli_print_settings(&cfg, null);
    } else if (rc != CLI_HELP && rc != CLI_VERSION) {
        if (rc != MLP_EINVAL || strncmp(err, "mlptrain: ", 10) != 0 || strchr(err, '\n') != NULL)
            abort();
    }
    /* the same arguments to the predict subcommand's parser */
    cli_predict_config pc;
    err[0] = '\0';
    rc = cli_parse_predict(argc, argv, &pc, err);
    if (rc == CLI_RUN) {
        if (pc.load_path == NULL || pc.input_path == NULL || *pc.load_path == '\0')
            abort();
    } else if (rc != CLI_HELP) {
        if (rc != MLP_EINVAL || strncmp(err, "mlptrain predict: ", 18) != 0 ||
            strchr(err, '\n') != NULL)
            abort();
    }
    for (int i = 0; i < argc; i++)
        free(argv[i]);
    return 0;
}
