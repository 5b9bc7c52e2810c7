#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "atomic.h"
#include "circles.h"
#include "fmt.h"
#include "parse.h"
#include "quant.h"
#include "status.h"
#include "version.h"

#define PROG "mlptrain"
#define MAX_UNITS 1000000UL
#define MAX_EPOCHS 100000000UL
#define MAX_BATCH 100000000UL
#define SHORTOPTS ":vqhV"

enum {
    O_DATA = 256, O_SAMPLES, O_NOISE, O_FACTOR, O_DATA_SEED, O_SCALE, O_NO_SCALE, O_RANGE,
    O_TRAIN, O_LAYERS, O_UNITS, O_WIDTHS, O_ACT, O_INIT, O_OUT_INIT, O_EPOCHS, O_BATCH, O_LR,
    O_MOMENTUM, O_NESTEROV, O_SEED, O_CSV, O_VERBOSE,
    O_DIAG, O_QUANT, O_QUANT_CSV, O_SAVE, O_LOAD, /* issue 6 */
    O_QUIET, O_RESULT, O_GRID, O_GRID_SIZE, O_DUMP_DATA, /* issue 3 */
    O_HELP, O_VERSION
};

static const struct option longopts[] = {
    {"data", required_argument, NULL, O_DATA},
    {"samples", required_argument, NULL, O_SAMPLES},
    {"noise", required_argument, NULL, O_NOISE},
    {"factor", required_argument, NULL, O_FACTOR},
    {"data-seed", required_argument, NULL, O_DATA_SEED},
    {"scale", no_argument, NULL, O_SCALE},
    {"no-scale", no_argument, NULL, O_NO_SCALE},
    {"range", required_argument, NULL, O_RANGE},
    {"train", required_argument, NULL, O_TRAIN},
    {"layers", required_argument, NULL, O_LAYERS},
    {"units", required_argument, NULL, O_UNITS},
    {"widths", required_argument, NULL, O_WIDTHS},
    {"act", required_argument, NULL, O_ACT},
    {"init", required_argument, NULL, O_INIT},
    {"out-init", required_argument, NULL, O_OUT_INIT},
    {"epochs", required_argument, NULL, O_EPOCHS},
    {"batch", required_argument, NULL, O_BATCH},
    {"lr", required_argument, NULL, O_LR},
    {"momentum", required_argument, NULL, O_MOMENTUM},
    {"nesterov", no_argument, NULL, O_NESTEROV},
    {"seed", required_argument, NULL, O_SEED},
    {"csv", required_argument, NULL, O_CSV},
    {"diag", required_argument, NULL, O_DIAG},
    {"quant", required_argument, NULL, O_QUANT},
    {"quant-csv", required_argument, NULL, O_QUANT_CSV},
    {"save", required_argument, NULL, O_SAVE},
    {"load", required_argument, NULL, O_LOAD},
    {"quiet", no_argument, NULL, 'q'},
    {"result", required_argument, NULL, O_RESULT},
    {"grid", required_argument, NULL, O_GRID},
    {"grid-size", required_argument, NULL, O_GRID_SIZE},
    {"dump-data", required_argument, NULL, O_DUMP_DATA},
    {"verbose", no_argument, NULL, 'v'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};

void cli_defaults(cli_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->samples = 600;
    cfg->noise = 0.1;
    cfg->factor = 0.8;
    cfg->data_seed = 1;
    cfg->scale = 1;
    cfg->range_lo = -1;
    cfg->range_hi = 1;
    cfg->train_rows = 500;
    cfg->n_hidden = 11;
    for (size_t i = 0; i < cfg->n_hidden; i++)
        cfg->widths[i] = 5;
    cfg->act = act_find("relu6");
    cfg->init.kind = INIT_HE_UNIFORM;
    cfg->out_init.kind = INIT_GLOROT_UNIFORM;
    cfg->epochs = 500;
    cfg->batch = 32;
    cfg->lr = 0.01;
    cfg->momentum = 0.9;
    cfg->seed = 1;
    cfg->grid_size = 101;
}

const struct option *cli_options(void)
{
    return longopts;
}

void cli_usage(FILE *f)
{
    fprintf(f,
"Usage: mlptrain [OPTION]...\n"
"   or: mlptrain sweep [SWEEP OPTION]... [OPTION]... (see mlptrain sweep --help)\n"
"   or: mlptrain summarize FILE...               (see mlptrain summarize --help)\n"
"Train a dense network with SGD + momentum on the two-circles problem (or a CSV)\n"
"as Keras's model.fit does, and print \"Train: ACC, Test: ACC\".\n"
"\n"
"Data:\n"
"  --data FILE        train on FILE (x1,x2,y CSV, '-' for stdin) instead of\n"
"                     generating; rows are used as they are unless --scale\n"
"                     (finite values, |x| <= 1e10; lines up to 1 MiB)\n"
"  --samples N        make_circles n_samples, 1..100000000 [600]\n"
"  --noise X          make_circles noise, 0..1e6 [0.1]\n"
"  --factor F         make_circles factor, 0 <= F < 1 [0.8]\n"
"  --data-seed S      make_circles random_state, 0..4294967295 [1]\n"
"  --scale            MinMax-scale all rows before the split (default for generated data)\n"
"  --no-scale         do not scale generated data\n"
"  --range LO,HI      MinMaxScaler feature_range, -1e6 <= LO < HI <= 1e6 [-1,1]\n"
"  --train N          the first N rows train, the rest test, 1..rows [500]\n"
"Network:\n"
"  --layers N         hidden layers, 0..1000; 0 = logistic regression [11]\n"
"  --units U          units per hidden layer, 1..1000000 [5]\n"
"  --widths W1,W2,..  per-layer widths instead of --layers/--units\n"
"  --act NAME         hidden activation [relu6]:\n");
    for (int i = 0; i < ACT_COUNT; i++)
        fprintf(f, "                       %-13s %s\n", act_get(i)->name, act_get(i)->formula);
    fprintf(f,
"  --init SPEC        hidden kernels: he_uniform he_normal glorot_uniform\n"
"                     glorot_normal lecun_uniform lecun_normal uniform:A:B\n"
"                     normal:MEAN:SD zeros ones\n"
"                     [he_uniform for relu, relu6, leaky_relu; else glorot_uniform]\n"
"  --out-init SPEC    output kernel [glorot_uniform]; biases always start at 0\n"
"Training:\n"
"  --epochs N         epochs, 0..100000000 [500]\n"
"  --batch N          batch size, 1..100000000 [32]\n"
"  --lr X             learning rate, 0..1e6 [0.01]\n"
"  --momentum X       momentum, 0..1 [0.9]\n"
"  --nesterov         Nesterov momentum (Keras formulation) [off]\n"
"  --seed S           seed for weights and shuffles, 0..4294967295 [1]\n"
"Output:\n"
"  --csv FILE         per-epoch history, Keras CSVLogger format\n"
"                     (epoch,accuracy,loss,val_accuracy,val_loss); - is stdout\n"
"  -v, --verbose      one line per epoch on stderr\n"
"  -q, --quiet        no settings line, warnings or notes on stderr (errors are\n"
"                     still printed); overrides -v\n"
"  --result FILE      the run's result as a per-run CSV row with its header\n"
"                     (the format of mlptrain sweep --out); with -, it takes\n"
"                     the place of the Train/Test line on stdout\n"
"  --grid FILE        after training, the model's probability on a regular\n"
"                     grid over the --range square when the data is scaled,\n"
"                     else over the data's range: CSV x1,x2,p, x2 fastest\n"
"  --grid-size N      grid points per axis, 2..10000 [101]\n"
"  --dump-data FILE   the data as the model sees it (after scaling), x1,x2,y,\n"
"                     training rows first: --data FILE --train N repeats the run\n"
"Diagnostics, fixed point, saved models:\n"
"  --diag FILE        per epoch and layer: gradient norm, weight norm, dead and\n"
"                     saturated units, mean activation (CSV)\n"
"  --quant B1,B2,..   also evaluate the trained network in B-bit fixed point\n"
"                     (4..32; relu, relu6, tanh) and print the accuracy table\n"
"  --quant-csv FILE   write that table as CSV (needs --quant)\n"
"  --save FILE        write the trained model (text, exact weights)\n"
"  --load FILE        start from a saved model and train --epochs more; the\n"
"                     architecture, seed and scaling come from FILE\n"
"  mlptrain predict --load FILE [--input CSV]\n"
"                     print probability,class for each x1,x2 row (raw units)\n"
"  -h, --help         this help\n"
"  -V, --version      version\n"
"\n"
"Exit status: 0 done; 1 runtime failure (failed write, non-finite loss or\n"
"weights, out of memory); 2 invalid usage: a bad option value, contradicting\n"
"options, a network over 1e8 parameters, or a --data file that cannot be read or\n"
"is not a valid dataset (nothing is written); 129/130/143 stopped by\n"
"SIGHUP/SIGINT/SIGTERM (complete epochs kept, marked partial).  Every error is\n"
"one line on stderr naming the option or FILE:LINE and what is allowed.  Odd but\n"
"valid input (one class, a constant column, large unscaled values, a diverging\n"
"loss) gets a warning and the run goes on.  Output files are replaced only when\n"
"complete; a stopped run's --csv ends with a line\n"
"\"# partial: N of M epochs complete; REASON\".\n");
}

static int bad(char *err, const char *opt, const char *val, const char *why, const char *allowed)
{
    parse_seterr(err, PROG, opt, val, why, allowed);
    return MLP_EINVAL;
}

static int parse_seed(const char *opt, const char *s, uint32_t *out, char *err)
{
    unsigned long v;
    const char *why;
    if (parse_ulong(s, 0, 4294967295UL, &v, &why) != MLP_OK)
        return bad(err, opt, s, why, "0..4294967295");
    *out = (uint32_t)v;
    return MLP_OK;
}

static int parse_widths(const char *s, cli_config *cfg, char *err)
{
    size_t n = 0;
    const char *p = s;
    char buf[32];
    if (*s == '\0')
        return bad(err, "--widths", s, "empty value", "comma-separated units, e.g. 8,8,4");
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        unsigned long v;
        const char *why = "not a whole number";
        if (len >= sizeof buf || n >= MLP_MAX_LAYERS)
            return bad(err, "--widths", s, len >= sizeof buf ? "number too long" : "too many layers",
                       "up to 1000 widths of 1..1000000");
        memcpy(buf, p, len);
        buf[len] = '\0';
        if (parse_ulong(buf, 1, MAX_UNITS, &v, &why) != MLP_OK)
            return bad(err, "--widths", s, why, "comma-separated widths of 1..1000000");
        cfg->widths[n++] = v;
        if (!comma)
            break;
        p = comma + 1;
    }
    cfg->n_hidden = n;
    return MLP_OK;
}

/* "--quant 4,8,16": bit widths of 4..32, in the order given */
static int parse_quant(const char *s, cli_config *cfg, char *err)
{
    const char *allowed = "comma-separated bit widths of 4..32, e.g. 4,8,16";
    const char *p = s;
    char buf[32];
    cfg->n_quant = 0;
    if (*s == '\0')
        return bad(err, "--quant", s, "empty value", allowed);
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        unsigned long v;
        const char *why;
        if (len >= sizeof buf || cfg->n_quant >= CLI_MAX_QUANT)
            return bad(err, "--quant", s, len >= sizeof buf ? "number too long" : "too many widths",
                       allowed);
        memcpy(buf, p, len);
        buf[len] = '\0';
        if (parse_ulong(buf, 4, 32, &v, &why) != MLP_OK)
            return bad(err, "--quant", s, why, allowed);
        for (size_t i = 0; i < cfg->n_quant; i++)
            if (cfg->quant_bits[i] == (int)v)
                return bad(err, "--quant", s, "a width is repeated (its rows would be identical)",
                           allowed);
        cfg->quant_bits[cfg->n_quant++] = (int)v;
        if (!comma)
            break;
        p = comma + 1;
    }
    return MLP_OK;
}

static int file_arg_of(const char *prog, const char *opt, const char *val, const char **out,
                       char *err)
{
    if (parse_file_arg(err, prog, opt, val, "a file name or -") != MLP_OK)
        return MLP_EINVAL;
    *out = val;
    return MLP_OK;
}

static int file_arg(const char *opt, const char *val, const char **out, char *err)
{
    return file_arg_of(PROG, opt, val, out, err);
}

int cli_parse(int argc, char **argv, cli_config *cfg, char *err)
{
    cli_defaults(cfg);
    int seen[O_VERSION + 1] = {0};
    int init_given = 0;
    unsigned long layers = 11, units = 5, v;
    double x = 0;
    const char *why;
    char ierr[MLP_ERRLEN];
    int c;
    /* getopt_long moves the arguments that are not options to the end:
     * remember which one came first, to tell a misspelled subcommand */
    const char *first = argc > 1 ? argv[1] : NULL;
    opterr = 0;
    /* 0, not 1: glibc then also forgets a half-read "-vh" cluster of an
     * earlier call, whose pointer would dangle into that call's argv */
    optind = 0;
    while ((c = getopt_long(argc, argv, SHORTOPTS, longopts, NULL)) != -1) {
        if (c >= 256 && c <= O_VERSION)
            seen[c] = 1;
        switch (c) {
        case O_DATA:
            if (parse_file_arg(err, PROG, "--data", optarg, "a CSV file name or -") != MLP_OK)
                return MLP_EINVAL;
            cfg->data_path = optarg;
            break;
        case O_SAMPLES:
            if (parse_ulong(optarg, 1, CIRCLES_MAX_SAMPLES, &v, &why) != MLP_OK)
                return bad(err, "--samples", optarg, why, "1..100000000");
            cfg->samples = v;
            break;
        case O_NOISE:
            if (parse_double(optarg, 0, 1e6, &cfg->noise, &why) != MLP_OK)
                return bad(err, "--noise", optarg, why, "0..1e6");
            break;
        case O_FACTOR:
            if (parse_double(optarg, 0, 1, &x, &why) != MLP_OK || x >= 1)
                return bad(err, "--factor", optarg, x >= 1 ? "out of range" : why,
                           "0 <= F < 1");
            cfg->factor = x;
            break;
        case O_DATA_SEED:
            if (parse_seed("--data-seed", optarg, &cfg->data_seed, err) != MLP_OK)
                return MLP_EINVAL;
            break;
        case O_SCALE:
        case O_NO_SCALE:
            break;
        case O_RANGE:
            if (parse_double_pair(optarg, -1e6, 1e6, &cfg->range_lo, &cfg->range_hi, &why) !=
                MLP_OK)
                return bad(err, "--range", optarg, why, "-1e6 <= LO < HI <= 1e6");
            break;
        case O_TRAIN:
            if (parse_ulong(optarg, 1, CIRCLES_MAX_SAMPLES, &v, &why) != MLP_OK)
                return bad(err, "--train", optarg, why, "1..100000000, at most the rows in the data");
            cfg->train_rows = v;
            break;
        case O_LAYERS:
            if (parse_ulong(optarg, 0, MLP_MAX_LAYERS, &layers, &why) != MLP_OK)
                return bad(err, "--layers", optarg, why, "0..1000");
            break;
        case O_UNITS:
            if (parse_ulong(optarg, 1, MAX_UNITS, &units, &why) != MLP_OK)
                return bad(err, "--units", optarg, why, "1..1000000");
            break;
        case O_WIDTHS:
            if (parse_widths(optarg, cfg, err) != MLP_OK)
                return MLP_EINVAL;
            break;
        case O_ACT:
            cfg->act = act_find(optarg);
            if (cfg->act == NULL)
                return bad(err, "--act", optarg, "unknown activation", act_names());
            break;
        case O_INIT:
        case O_OUT_INIT:
            if (init_parse(optarg, c == O_INIT ? &cfg->init : &cfg->out_init, ierr) != MLP_OK)
                return bad(err, c == O_INIT ? "--init" : "--out-init", optarg, ierr, init_names());
            init_given |= c == O_INIT;
            break;
        case O_EPOCHS:
            if (parse_ulong(optarg, 0, MAX_EPOCHS, &cfg->epochs, &why) != MLP_OK)
                return bad(err, "--epochs", optarg, why, "0..100000000");
            break;
        case O_BATCH:
            if (parse_ulong(optarg, 1, MAX_BATCH, &cfg->batch, &why) != MLP_OK)
                return bad(err, "--batch", optarg, why, "1..100000000");
            break;
        case O_LR:
            if (parse_double(optarg, 0, 1e6, &cfg->lr, &why) != MLP_OK)
                return bad(err, "--lr", optarg, why, "0..1e6");
            break;
        case O_MOMENTUM:
            if (parse_double(optarg, 0, 1, &cfg->momentum, &why) != MLP_OK)
                return bad(err, "--momentum", optarg, why, "0..1");
            break;
        case O_NESTEROV:
            cfg->nesterov = 1;
            break;
        case O_SEED:
            if (parse_seed("--seed", optarg, &cfg->seed, err) != MLP_OK)
                return MLP_EINVAL;
            break;
        case O_CSV:
            if (file_arg("--csv", optarg, &cfg->csv_path, err) != MLP_OK)
                return MLP_EINVAL;
            break;
        case O_DIAG:
            if (file_arg("--diag", optarg, &cfg->diag_path, err) != MLP_OK)
                return MLP_EINVAL;
            break;
        case O_QUANT:
            if (parse_quant(optarg, cfg, err) != MLP_OK)
                return MLP_EINVAL;
            break;
        case O_QUANT_CSV:
            if (file_arg("--quant-csv", optarg, &cfg->quant_csv_path, err) != MLP_OK)
                return MLP_EINVAL;
            break;
        case O_SAVE:
            if (file_arg("--save", optarg, &cfg->save_path, err) != MLP_OK)
                return MLP_EINVAL;
            break;
        case O_LOAD:
            if (file_arg("--load", optarg, &cfg->load_path, err) != MLP_OK)
                return MLP_EINVAL;
            break;
        case 'v':
            cfg->verbose = 1;
            break;
        case 'q':
            cfg->quiet = 1;
            break;
        case O_RESULT:
        case O_GRID:
        case O_DUMP_DATA:
            if (file_arg(c == O_RESULT ? "--result" : c == O_GRID ? "--grid" : "--dump-data",
                         optarg,
                         c == O_RESULT ? &cfg->result_path
                         : c == O_GRID ? &cfg->grid_path
                                       : &cfg->dump_path,
                         err) != MLP_OK)
                return MLP_EINVAL;
            break;
        case O_GRID_SIZE:
            if (parse_ulong(optarg, 2, 10000, &cfg->grid_size, &why) != MLP_OK)
                return bad(err, "--grid-size", optarg, why, "2..10000");
            break;
        case 'h':
            return CLI_HELP;
        case 'V':
            return CLI_VERSION;
        default: /* ':' or '?' */
            parse_option_error(err, PROG, SHORTOPTS, longopts, c, argv);
            return MLP_EINVAL;
        }
    }
    if (optind < argc) {
        if (argv[optind] == first)
            mlp_seterr(err,
                       PROG ": %s: unknown subcommand (allowed sweep, summarize, predict, or "
                       "options only; see mlptrain --help)",
                       argv[optind]);
        else
            mlp_seterr(err,
                       PROG ": %s: unexpected argument (options only; see mlptrain --help)",
                       argv[optind]);
        return MLP_EINVAL;
    }
    /* contradictions */
    if (seen[O_GRID_SIZE] && cfg->grid_path == NULL) {
        mlp_seterr(err, PROG ": --grid-size applies with --grid only; add --grid FILE");
        return MLP_EINVAL;
    }
    {
        const char *outs[] = {cfg->csv_path, cfg->result_path, cfg->grid_path, cfg->dump_path};
        static const char *names[] = {"--csv", "--result", "--grid", "--dump-data"};
        /* "-", or a name of the file stdout is (/dev/stdout, ...) */
        size_t first = sizeof outs / sizeof outs[0];
        for (size_t i = 0; i < sizeof outs / sizeof outs[0]; i++)
            if (outs[i] && atomic_is_stdout(outs[i])) {
                if (first < i) {
                    mlp_seterr(err, PROG ": %s %s and %s %s both write to stdout; give one a file "
                               "name", names[first], outs[first], names[i], outs[i]);
                    return MLP_EINVAL;
                }
                first = i;
            }
        if (cfg->n_quant && cfg->result_path && atomic_is_stdout(cfg->result_path)) {
            mlp_seterr(err, PROG ": --result - and --quant both write to stdout; give --result a "
                       "file name");
            return MLP_EINVAL;
        }
    }
    if (seen[O_SCALE] && seen[O_NO_SCALE]) {
        mlp_seterr(err, PROG ": --scale and --no-scale contradict each other; give one");
        return MLP_EINVAL;
    }
    if (seen[O_WIDTHS] && (seen[O_LAYERS] || seen[O_UNITS])) {
        mlp_seterr(err, PROG ": --widths and --%s contradict each other; give --widths alone "
                   "or --layers/--units", seen[O_LAYERS] ? "layers" : "units");
        return MLP_EINVAL;
    }
    if (cfg->data_path != NULL) {
        static const struct { int id; const char *name; } gen[] = {
            {O_SAMPLES, "--samples"}, {O_NOISE, "--noise"}, {O_FACTOR, "--factor"},
            {O_DATA_SEED, "--data-seed"}, {O_NO_SCALE, "--no-scale"}};
        for (size_t i = 0; i < sizeof gen / sizeof gen[0]; i++)
            if (seen[gen[i].id]) {
                mlp_seterr(err, PROG ": %s applies to generated data only; drop it or --data",
                           gen[i].name);
                return MLP_EINVAL;
            }
        cfg->scale = seen[O_SCALE] || seen[O_RANGE];
    } else {
        cfg->scale = !seen[O_NO_SCALE];
        if (seen[O_NO_SCALE] && seen[O_RANGE]) {
            mlp_seterr(err, PROG ": --range and --no-scale contradict each other; give one");
            return MLP_EINVAL;
        }
        if (cfg->train_rows > cfg->samples) {
            char val[32];
            snprintf(val, sizeof val, "%lu", cfg->train_rows);
            char allowed[64];
            snprintf(allowed, sizeof allowed, "1..%lu, the --samples", cfg->samples);
            return bad(err, "--train", val, "more than the rows generated", allowed);
        }
    }
    if (!seen[O_WIDTHS]) {
        cfg->n_hidden = layers;
        for (size_t i = 0; i < layers; i++)
            cfg->widths[i] = units;
    }
    /* refuse a network too large for memory now, before any data is made
     * or read (every dataset has 2 features) */
    size_t n_params;
    if (mlp_check_size(2, cfg->widths, cfg->n_hidden, &n_params, ierr) != MLP_OK) {
        mlp_seterr(err, PROG ": %s: %s", seen[O_WIDTHS] ? "--widths" : "--layers/--units", ierr);
        return MLP_EINVAL;
    }
    if (!init_given)
        cfg->init.kind = cfg->act->relu_family ? INIT_HE_UNIFORM : INIT_GLOROT_UNIFORM;
    /* issue 6 */
    cfg->given = (seen[O_LAYERS] || seen[O_UNITS] || seen[O_WIDTHS] ? CLI_GIVEN_WIDTHS : 0) |
                 (seen[O_ACT] ? CLI_GIVEN_ACT : 0) | (seen[O_INIT] ? CLI_GIVEN_INIT : 0) |
                 (seen[O_OUT_INIT] ? CLI_GIVEN_OUT_INIT : 0) | (seen[O_SEED] ? CLI_GIVEN_SEED : 0) |
                 (seen[O_SCALE] ? CLI_GIVEN_SCALE : 0) | (seen[O_NO_SCALE] ? CLI_GIVEN_NO_SCALE : 0) |
                 (seen[O_RANGE] ? CLI_GIVEN_RANGE : 0);
    if (cfg->quant_csv_path && cfg->n_quant == 0) {
        mlp_seterr(err, PROG ": --quant-csv needs --quant (the bit widths to tabulate)");
        return MLP_EINVAL;
    }
    if (cfg->n_quant && !cfg->load_path && cfg->n_hidden > 0) {
        if (!quant_act_ok(cfg->act))
            return bad(err, "--act", cfg->act->name, "no fixed-point version for --quant",
                       quant_act_names());
    }
    return CLI_RUN;
}

void cli_print_settings(const cli_config *cfg, FILE *f)
{
    char a[FMT_DOUBLE_LEN], b[FMT_DOUBLE_LEN], init[96], out_init[96];
    fprintf(f, "mlptrain %s: settings:", MLPTRAIN_VERSION);
    if (cfg->data_path)
        fprintf(f, " --data %s", cfg->data_path);
    else
        fprintf(f, " --samples %lu --noise %s --factor %s --data-seed %lu", cfg->samples,
                fmt_double(a, cfg->noise), fmt_double(b, cfg->factor),
                (unsigned long)cfg->data_seed);
    if (cfg->scale)
        fprintf(f, " --scale --range %s,%s", fmt_double(a, cfg->range_lo),
                fmt_double(b, cfg->range_hi));
    else
        fprintf(f, cfg->data_path ? "" : " --no-scale");
    fprintf(f, " --train %lu %s", cfg->train_rows, cfg->n_hidden ? "--widths " : "--layers 0");
    for (size_t i = 0; i < cfg->n_hidden; i++)
        fprintf(f, "%s%zu", i ? "," : "", cfg->widths[i]);
    init_format(&cfg->init, init, sizeof init);
    init_format(&cfg->out_init, out_init, sizeof out_init);
    fprintf(f, " --act %s --init %s --out-init %s --epochs %lu --batch %lu --lr %s --momentum %s%s "
               "--seed %lu",
            cfg->act->name, init, out_init, cfg->epochs, cfg->batch, fmt_double(a, cfg->lr),
            fmt_double(b, cfg->momentum), cfg->nesterov ? " --nesterov" : "",
            (unsigned long)cfg->seed);
    if (cfg->load_path)
        fprintf(f, " --load %s", cfg->load_path);
    fputc('\n', f);
}

/* ---- mlptrain predict (issue 6) ---- */

void cli_predict_usage(FILE *f)
{
    fprintf(f,
"Usage: mlptrain predict --load FILE [--input CSV]\n"
"Print the saved model's probability and class (p > 0.5) for each row of CSV\n"
"(x1,x2 in the original, unscaled units; the model's scaler is applied).\n"
"\n"
"  --load FILE        the model, as written by mlptrain --save; '-' is stdin\n"
"                     (then --input must name a file)\n"
"  --input CSV        rows \"x1,x2\" or \"x1,x2,y\" (y is ignored), an optional\n"
"                     header line of the same names; '-' is stdin [-]\n"
"  -h, --help         this help\n"
"\n"
"Output: a header \"probability,class\", then one line per row, the probability\n"
"in shortest round-trip form.  Exit status: 0 done; 1 a bad input row (rows\n"
"before it may have been printed) or a failed write; 2 invalid usage,\n"
"including a --load FILE that cannot be read or is not a valid model\n"
"(FILE:LINE: reason) and an --input CSV that cannot be opened.\n");
}

int cli_parse_predict(int argc, char **argv, cli_predict_config *cfg, char *err)
{
    static const struct option popts[] = {
        {"load", required_argument, NULL, O_LOAD},
        {"input", required_argument, NULL, O_DATA},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    cfg->load_path = NULL;
    cfg->input_path = "-";
    int c, input_given = 0;
    opterr = 0;
    optind = 0; /* a full reset, as in cli_parse */
    while ((c = getopt_long(argc, argv, ":h", popts, NULL)) != -1) {
        switch (c) {
        case O_LOAD:
            if (file_arg_of(PROG " predict", "--load", optarg, &cfg->load_path, err) != MLP_OK)
                return MLP_EINVAL;
            break;
        case O_DATA:
            if (file_arg_of(PROG " predict", "--input", optarg, &cfg->input_path, err) != MLP_OK)
                return MLP_EINVAL;
            input_given = 1;
            break;
        case 'h':
            return CLI_HELP;
        default: /* ':' or '?' */
            parse_option_error(err, PROG " predict", ":h", popts, c, argv);
            return MLP_EINVAL;
        }
    }
    if (optind < argc) {
        mlp_seterr(err, PROG " predict: %s: unexpected argument (see mlptrain predict --help)",
                   argv[optind]);
        return MLP_EINVAL;
    }
    if (cfg->load_path == NULL) {
        mlp_seterr(err, PROG " predict: --load FILE is required (the model to predict with)");
        return MLP_EINVAL;
    }
    if (strcmp(cfg->load_path, "-") == 0 && strcmp(cfg->input_path, "-") == 0) {
        /* the model would take all of stdin, leaving no rows to predict */
        mlp_seterr(err, PROG " predict: --load - and --input -%s both read stdin; give one a "
                   "file name", input_given ? "" : " (the default)");
        return MLP_EINVAL;
    }
    return CLI_RUN;
}
