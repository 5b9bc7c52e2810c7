#include "sweep_cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "status.h"
#include "sweep.h"

#define PROG "mlptrain sweep"
#define MAX_FWD 256
#define SHORTOPTS ":hvqV"

enum { S_SEEDS = 1000, S_ACT, S_ARTICLE, S_JOBS, S_OUT, S_EMIT };

static const struct option sweep_opts[] = {
    {"seeds", required_argument, NULL, S_SEEDS},
    {"act", required_argument, NULL, S_ACT},
    {"article-init", no_argument, NULL, S_ARTICLE},
    {"jobs", required_argument, NULL, S_JOBS},
    {"out", required_argument, NULL, S_OUT},
    {"emit-jobs", no_argument, NULL, S_EMIT},
};
#define N_SWEEP_OPTS (sizeof sweep_opts / sizeof sweep_opts[0])

/* Training options that make no sense for many runs at once, and why. */
static const struct {
    const char *name, *why;
} refused[] = {
    {"seed", "a sweep takes --seeds"},
    {"csv", "every run would write the same file; per-run rows go to --out"},
    {"result", "per-run rows go to --out"},
    {"grid", "train the seed of interest alone with --grid"},
    {"grid-size", "train the seed of interest alone with --grid"},
    {"dump-data", "the data is the same for every run: use it on a single run"},
    {"verbose", "per-epoch lines of parallel runs would interleave"},
    {"diag", "every run would write the same file: diagnose one seed alone"},
    {"quant", "the sweep compares float accuracy: quantize one seed alone"},
    {"quant-csv", "the sweep compares float accuracy: quantize one seed alone"},
    {"save", "every run would write the same file: save one seed alone"},
    {"load", "a saved model fixes the seed and the weights"},
    {"version", "use mlptrain --version"},
};

void sweep_cli_usage(FILE *f)
{
    fprintf(f,
"Usage: mlptrain sweep [SWEEP OPTION]... [TRAINING OPTION]...\n"
"Train every activation of --act with every seed of --seeds (all other\n"
"settings as in a single run), on all cores, and print per configuration the\n"
"runs, mean, sd, 95%% CI, median, min and max of the test accuracy, the share\n"
"of runs that collapsed to a constant output and the mean of the others, then\n"
"for every pair of configurations Welch's t-test and the Mann-Whitney U test,\n"
"and the Wilcoxon signed-rank test of the differences between runs with the\n"
"same seed.\n"
"\n"
"  --seeds LIST       seeds: N, A-B, or a comma list of both, up to 10000000\n"
"                     seeds [1-100]\n"
"  --act LIST         comma-separated activations [tanh,relu,relu6]\n"
"  --article-init     the article's initializers: tanh (and any activation\n"
"                     outside the relu family) uniform:0:1 on every layer;\n"
"                     relu, relu6, leaky_relu he_uniform, output glorot_uniform\n"
"  --jobs N           worker threads, 1..1024 [the number of processors]\n"
"  --out FILE         one CSV row per run (header:\n"
"                     config,act,seed,train_acc,test_acc,train_loss,test_loss,\n"
"                     collapsed,epochs_run,seconds,status)\n"
"  --emit-jobs        print one mlptrain command per run instead of running:\n"
"                     each prints its CSV row; for GNU parallel, e.g.\n"
"                       mlptrain sweep --emit-jobs | parallel -k > runs.csv\n"
"                       mlptrain summarize runs.csv\n"
"  -q, --quiet        no run counts or progress on stderr (errors are still\n"
"                     printed)\n"
"  -h, --help         this help\n"
"Any training option of mlptrain (--epochs, --layers, --init, --lr, ...)\n"
"applies to every run, except --seed, --csv, --result, --grid, --grid-size,\n"
"--dump-data, --verbose, --diag, --quant, --quant-csv, --save and --load.\n"
"The number of runs goes to stderr, and progress (runs done, elapsed, time\n"
"left) when it is a terminal, unless -q.\n"
"\n"
"Exit status: 0 done; 1 runtime failure; 2 invalid usage; 130/143 interrupted\n"
"(the runs that completed are summarized and written, marked partial).\n");
}

void summarize_cli_usage(FILE *f)
{
    fprintf(f,
"Usage: mlptrain summarize FILE...\n"
"Read per-run CSV rows (from mlptrain sweep --out, or --result of single\n"
"runs, e.g. collected by GNU parallel from many machines) from every FILE\n"
"(- is stdin) and print the sweep's summary for them.  Repeated header lines\n"
"and lines starting with '#' are skipped.\n"
"\n"
"  -h, --help         this help\n"
"\n"
"Exit status: 0 done; 1 out of memory or a failed write; 2 invalid usage,\n"
"including a FILE that cannot be read or is not per-run rows (FILE:LINE:\n"
"reason), or no rows at all.\n");
}

static int bad(char *err, const char *opt, const char *val, const char *why, const char *allowed)
{
    parse_seterr(err, PROG, opt, val, why, allowed);
    return MLP_EINVAL;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

int sweep_parse_seeds(const char *s, uint32_t **out, size_t *n, const char **why)
{
    *out = NULL;
    *n = 0;
    if (*s == '\0') {
        *why = "empty value";
        return MLP_EINVAL;
    }
    /* two passes: count, then fill */
    uint32_t *seeds = NULL;
    size_t count = 0;
    for (int pass = 0; pass < 2; pass++) {
        size_t k = 0;
        for (const char *p = s;;) {
            const char *comma = strchr(p, ',');
            size_t len = comma ? (size_t)(comma - p) : strlen(p);
            char item[48];
            if (len == 0 || len >= sizeof item) {
                free(seeds);
                *why = len ? "item too long" : "empty item";
                return MLP_EINVAL;
            }
            memcpy(item, p, len);
            item[len] = '\0';
            char *dash = strchr(item, '-');
            unsigned long a, b;
            if (dash)
                *dash = '\0';
            if (parse_ulong(item, 0, 4294967295UL, &a, why) != MLP_OK ||
                (dash && parse_ulong(dash + 1, 0, 4294967295UL, &b, why) != MLP_OK)) {
                free(seeds);
                return MLP_EINVAL;
            }
            if (!dash)
                b = a;
            if (b < a) {
                free(seeds);
                *why = "range A-B with A > B";
                return MLP_EINVAL;
            }
            if (b - a >= SWEEP_MAX_SEEDS || k + (b - a) >= SWEEP_MAX_SEEDS) {
                free(seeds);
                *why = "too many seeds";
                return MLP_EINVAL;
            }
            for (unsigned long v = a;; v++) {
                if (pass == 1)
                    seeds[k] = (uint32_t)v;
                k++;
                if (v == b)
                    break;
            }
            if (!comma)
                break;
            p = comma + 1;
        }
        if (pass == 0) {
            count = k;
            seeds = malloc(count * sizeof *seeds);
            if (seeds == NULL) {
                *why = "out of memory";
                return MLP_EINVAL;
            }
        }
    }
    uint32_t *sorted = malloc(count * sizeof *sorted);
    if (sorted == NULL) {
        free(seeds);
        *why = "out of memory";
        return MLP_EINVAL;
    }
    memcpy(sorted, seeds, count * sizeof *sorted);
    qsort(sorted, count, sizeof *sorted, cmp_u32);
    for (size_t i = 1; i < count; i++)
        if (sorted[i] == sorted[i - 1]) {
            free(sorted);
            free(seeds);
            *why = "a seed is repeated (its runs would be identical)";
            return MLP_EINVAL;
        }
    free(sorted);
    *out = seeds;
    *n = count;
    return MLP_OK;
}

/* Split "tanh,relu" into activation names, validated; acts[ACT_COUNT]. */
static int parse_acts(const char *s, const act_def **acts, size_t *n, char *err)
{
    *n = 0;
    if (*s == '\0')
        return bad(err, "--act", s, "empty value", act_names());
    for (const char *p = s;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        char name[64];
        if (len >= sizeof name)
            return bad(err, "--act", s, "name too long", act_names());
        memcpy(name, p, len);
        name[len] = '\0';
        const act_def *a = act_find(name);
        if (a == NULL) {
            char why[96];
            snprintf(why, sizeof why, "unknown activation \"%s\"", name);
            return bad(err, "--act", s, why, act_names());
        }
        for (size_t i = 0; i < *n; i++)
            if (acts[i] == a) {
                char why[96];
                snprintf(why, sizeof why, "%s given twice", name);
                return bad(err, "--act", s, why, "each activation once");
            }
        acts[(*n)++] = a;
        if (!comma)
            break;
        p = comma + 1;
    }
    return MLP_OK;
}

void sweep_options_free(sweep_options *o)
{
    free(o->seeds);
    o->seeds = NULL;
    for (size_t i = 0; i < o->n_fwd; i++)
        free(o->fwd[i]);
    o->n_fwd = 0;
}

static int parse(int argc, char **argv, struct option *all, sweep_options *o, char *err);

int sweep_cli_parse(int argc, char **argv, sweep_options *o, char *err)
{
    memset(o, 0, sizeof *o);
    /* sweep options first, then the training options they do not shadow */
    const struct option *train = cli_options();
    size_t n_train = 0, n_all = 0;
    while (train[n_train].name)
        n_train++;
    struct option *all = malloc((N_SWEEP_OPTS + n_train + 1) * sizeof *all);
    if (all == NULL) {
        mlp_seterr(err, PROG ": out of memory");
        return MLP_EINVAL;
    }
    for (size_t i = 0; i < N_SWEEP_OPTS; i++)
        all[n_all++] = sweep_opts[i];
    for (size_t i = 0; i < n_train; i++) {
        int shadowed = 0;
        for (size_t j = 0; j < N_SWEEP_OPTS; j++)
            shadowed |= strcmp(train[i].name, sweep_opts[j].name) == 0;
        if (!shadowed)
            all[n_all++] = train[i];
    }
    all[n_all] = (struct option){NULL, 0, NULL, 0};
    int st = parse(argc, argv, all, o, err);
    free(all);
    return st;
}

/* The options of argv, with all = the sweep's options and the training
 * options they do not shadow. */
static int parse(int argc, char **argv, struct option *all, sweep_options *o, char *err)
{
    char *fwd[MAX_FWD + 8];
    int n_fwd = 0, init_given = 0, jobs_given = 0;
    const char *acts_arg = "tanh,relu,relu6", *seeds_arg = "1-100";
    const char *why;
    unsigned long v;
    int c, idx;
    o->jobs = sweep_default_jobs();
    opterr = 0;
    optind = 0; /* as cli_parse: also forget a half-read cluster of an earlier call */
    fwd[n_fwd++] = "mlptrain";
    while ((c = getopt_long(argc, argv, SHORTOPTS, all, &idx)) != -1) {
        switch (c) {
        case S_SEEDS:
            seeds_arg = optarg;
            continue;
        case S_ACT:
            acts_arg = optarg;
            continue;
        case S_ARTICLE:
            o->article_init = 1;
            continue;
        case S_JOBS:
            if (parse_ulong(optarg, 1, 1024, &v, &why) != MLP_OK)
                return bad(err, "--jobs", optarg, why, "1..1024");
            o->jobs = (unsigned)v;
            jobs_given = 1;
            continue;
        case S_OUT:
            if (strcmp(optarg, "-") == 0)
                return bad(err, "--out", optarg, "the summary goes to stdout", "a file name");
            if (parse_file_arg(err, PROG, "--out", optarg, "a file name") != MLP_OK)
                return MLP_EINVAL;
            o->out_path = optarg;
            continue;
        case S_EMIT:
            o->emit_jobs = 1;
            continue;
        case 'h':
            return CLI_HELP;
        case ':':
        case '?':
            parse_option_error(err, PROG, SHORTOPTS, all, c, argv);
            sweep_options_free(o);
            return MLP_EINVAL;
        }
        /* a training option: refuse it, or hand it on as --NAME[=VALUE] */
        const char *name = c == 'v' ? "verbose" : c == 'q' ? "quiet" : c == 'V' ? "version"
                                                                          : all[idx].name;
        for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
            if (strcmp(name, refused[i].name) == 0) {
                mlp_seterr(err, PROG ": --%s: not for a sweep: %s", name, refused[i].why);
                return MLP_EINVAL;
            }
        init_given |= strcmp(name, "init") == 0 || strcmp(name, "out-init") == 0;
        int has_arg = c >= 256 && all[idx].has_arg != no_argument;
        /* now, before a stray argument after "--data --epochs 5" is met */
        if (has_arg && strcmp(name, "data") == 0 &&
            parse_file_arg(err, PROG, "--data", optarg, "a CSV file name") != MLP_OK) {
            sweep_options_free(o);
            return MLP_EINVAL;
        }
        if (n_fwd >= MAX_FWD) {
            mlp_seterr(err, PROG ": more than %d training options", MAX_FWD - 1);
            return MLP_EINVAL;
        }
        size_t len = strlen(name) + (has_arg ? strlen(optarg) : 0) + 4;
        char *a = malloc(len);
        if (a == NULL) {
            mlp_seterr(err, PROG ": out of memory");
            return MLP_EINVAL;
        }
        snprintf(a, len, "--%s%s%s", name, has_arg ? "=" : "", has_arg ? optarg : "");
        o->fwd[o->n_fwd++] = fwd[n_fwd++] = a;
    }
    if (optind < argc) {
        mlp_seterr(err, PROG ": %s: unexpected argument (options only; see mlptrain sweep --help)",
                   argv[optind]);
        return MLP_EINVAL;
    }
    if (o->emit_jobs && (o->out_path || jobs_given)) {
        mlp_seterr(err, PROG ": --emit-jobs and --%s contradict each other: %s",
                   o->out_path ? "out" : "jobs",
                   o->out_path ? "each emitted job prints its own row" : "GNU parallel's -j sets the jobs");
        return MLP_EINVAL;
    }
    if (o->article_init && init_given) {
        mlp_seterr(err, PROG ": --article-init and --init/--out-init contradict each other; "
                   "give one");
        return MLP_EINVAL;
    }
    const act_def *acts[ACT_COUNT];
    if (parse_acts(acts_arg, acts, &o->n_cfg, err) != MLP_OK)
        return MLP_EINVAL;
    if (sweep_parse_seeds(seeds_arg, &o->seeds, &o->n_seeds, &why) != MLP_OK) {
        char allowed[96];
        snprintf(allowed, sizeof allowed, "N, A-B or a comma list, up to %lu seeds of 0..4294967295",
                 SWEEP_MAX_SEEDS);
        return bad(err, "--seeds", seeds_arg, why, allowed);
    }
    char act_opt[64];
    for (size_t i = 0; i < o->n_cfg; i++) {
        int n = n_fwd;
        snprintf(act_opt, sizeof act_opt, "--act=%s", acts[i]->name);
        fwd[n++] = act_opt;
        if (o->article_init && !acts[i]->relu_family) {
            fwd[n++] = "--init=uniform:0:1";
            fwd[n++] = "--out-init=uniform:0:1";
        }
        fwd[n] = NULL;
        int st = cli_parse(n, fwd, &o->cfgs[i], err);
        if (st != CLI_RUN) {
            sweep_options_free(o);
            return MLP_EINVAL;
        }
    }
    if (o->cfgs[0].data_path && strcmp(o->cfgs[0].data_path, "-") == 0) {
        mlp_seterr(err, PROG ": --data: -: every run reads the data, stdin only once (allowed a "
                   "file name)");
        sweep_options_free(o);
        return MLP_EINVAL;
    }
    return CLI_RUN;
}

int summarize_cli_parse(int argc, char **argv, const char **files, int *n_files, char *err)
{
    int only_files = 0;
    *n_files = 0;
    for (int i = 1; i < argc; i++) {
        if (!only_files && strcmp(argv[i], "--") == 0) {
            only_files = 1;
            continue;
        }
        if (!only_files && (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0))
            return CLI_HELP;
        if (!only_files && argv[i][0] == '-' && argv[i][1] != '\0') {
            mlp_seterr(err, "mlptrain summarize: %s: unknown option (see mlptrain summarize --help)",
                       argv[i]);
            return MLP_EINVAL;
        }
        files[(*n_files)++] = argv[i];
    }
    if (*n_files == 0) {
        mlp_seterr(err, "mlptrain summarize: no files given (usage: mlptrain summarize FILE...; "
                   "- is stdin)");
        return MLP_EINVAL;
    }
    return CLI_RUN;
}
