/* circles: write scikit-learn's make_circles dataset (optionally MinMax
 * scaled, as the article does) as CSV.  Parsing and exit codes only; the
 * work is circles.c, dataset.c and atomic.c. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "atomic.h"
#include "circles.h"
#include "dataset.h"
#include "parse.h"
#include "sigstop.h"
#include "status.h"
#include "version.h"

#define PROG "circles"
/* Keeps every value written readable by dataset_read_csv (|value| <= 1e10). */
#define RANGE_LIMIT 1e6
#define NOISE_LIMIT 1e6

typedef struct {
    unsigned long samples;
    double noise, factor;
    unsigned long seed;
    int scale;
    double lo, hi;
    const char *output;
} options;

enum { RUN = 100, HELP, VERSION };

static void usage(FILE *f)
{
    fprintf(f,
"Usage: circles [OPTION]...\n"
"Write scikit-learn's make_circles(n_samples, noise, random_state, factor),\n"
"bit for bit, scaled by MinMaxScaler(feature_range=(LO, HI)) fitted on all\n"
"rows, as CSV: header x1,x2,y, then one row per sample.\n"
"\n"
"  --samples N        number of rows, 1..100000000 [600]\n"
"  --noise X          standard deviation of the Gaussian noise, 0..1e6 [0.1]\n"
"  --factor F         inner circle radius / outer, 0 <= F < 1 [0.8]\n"
"  --seed S           numpy RandomState seed, 0..4294967295 [1]\n"
"  --range LO,HI      MinMax feature range, -1e6 <= LO < HI <= 1e6 [-1,1]\n"
"  --no-scale         write make_circles' raw values [scaled to -1,1]\n"
"  -o, --output FILE  write FILE (atomically: all or nothing); - is stdout [-]\n"
"  -h, --help         this help\n"
"  -V, --version      version\n"
"\n"
"Exit status: 0 written; 1 write failure; 2 invalid usage, or an output in a\n"
"directory that does not exist or is not writable (nothing written).\n");
}

static int bad(char *err, const char *opt, const char *val, const char *why, const char *allowed)
{
    parse_seterr(err, PROG, opt, val, why, allowed);
    return MLP_EINVAL;
}

static int parse_args(int argc, char **argv, options *o, char *err)
{
    enum { O_SAMPLES = 256, O_NOISE, O_FACTOR, O_SEED, O_RANGE, O_NO_SCALE };
    static const struct option longopts[] = {
        {"samples", required_argument, NULL, O_SAMPLES},
        {"noise", required_argument, NULL, O_NOISE},
        {"factor", required_argument, NULL, O_FACTOR},
        {"seed", required_argument, NULL, O_SEED},
        {"range", required_argument, NULL, O_RANGE},
        {"no-scale", no_argument, NULL, O_NO_SCALE},
        {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    *o = (options){.samples = 600, .noise = 0.1, .factor = 0.8, .seed = 1, .scale = 1,
                   .lo = -1.0, .hi = 1.0, .output = "-"};
    int range_given = 0, no_scale_given = 0, c;
    const char *why;
    double x;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:hV", longopts, NULL)) != -1) {
        switch (c) {
        case O_SAMPLES:
            if (parse_ulong(optarg, 1, CIRCLES_MAX_SAMPLES, &o->samples, &why) != MLP_OK)
                return bad(err, "--samples", optarg, why, "1..100000000");
            break;
        case O_NOISE:
            if (parse_double(optarg, 0, NOISE_LIMIT, &o->noise, &why) != MLP_OK)
                return bad(err, "--noise", optarg, why, "a number from 0 to 1e6");
            break;
        case O_FACTOR:
            if (parse_double(optarg, 0, 1, &x, &why) != MLP_OK)
                return bad(err, "--factor", optarg, why, "0 <= F < 1");
            if (x >= 1)
                return bad(err, "--factor", optarg, "out of range", "0 <= F < 1");
            o->factor = x;
            break;
        case O_SEED:
            if (parse_ulong(optarg, 0, 4294967295UL, &o->seed, &why) != MLP_OK)
                return bad(err, "--seed", optarg, why, "0..4294967295");
            break;
        case O_RANGE:
            if (parse_double_pair(optarg, -RANGE_LIMIT, RANGE_LIMIT, &o->lo, &o->hi, &why) !=
                MLP_OK)
                return bad(err, "--range", optarg, why, "LO,HI with -1e6 <= LO < HI <= 1e6");
            range_given = 1;
            break;
        case O_NO_SCALE:
            no_scale_given = 1;
            o->scale = 0;
            break;
        case 'o':
            if (parse_file_arg(err, PROG, "--output", optarg, "a file name or - for stdout") !=
                MLP_OK)
                return MLP_EINVAL;
            o->output = optarg;
            break;
        case 'h':
            return HELP;
        case 'V':
            return VERSION;
        default: /* ':' or '?' */
            parse_option_error(err, PROG, ":o:hV", longopts, c, argv);
            return MLP_EINVAL;
        }
    }
    if (optind < argc) {
        mlp_seterr(err, PROG ": %s: unexpected argument (options only; see circles --help)",
                   argv[optind]);
        return MLP_EINVAL;
    }
    if (range_given && no_scale_given) {
        mlp_seterr(err, PROG ": --range and --no-scale contradict each other; give one");
        return MLP_EINVAL;
    }
    return RUN;
}

int main(int argc, char **argv)
{
    options o;
    char err[MLP_ERRLEN] = "";
    gsl_set_error_handler_off();
    sigstop_install(); /* a signal removes the temporary output file */
    int st = parse_args(argc, argv, &o, err);
    if (st == HELP || st == VERSION) {
        if (st == HELP)
            usage(stdout);
        else
            printf("circles (mlptrain) %s\n", MLPTRAIN_VERSION);
        if (atomic_flush_stdout(err) != MLP_OK) {
            fprintf(stderr, PROG ": %s\n", err);
            return 1;
        }
        return 0;
    }
    if (st != RUN) {
        fprintf(stderr, "%s\n", err);
        return 2;
    }
    /* fail before any work if the output cannot be written: a usage error,
     * as mlptrain's --csv */
    if (atomic_check_dir(o.output, err) != MLP_OK) {
        fprintf(stderr, PROG ": --output: %s\n", err);
        return 2;
    }
    dataset *ds = NULL;
    st = circles_make(o.samples, o.noise, o.factor, (uint32_t)o.seed, &ds, err);
    if (st == MLP_OK && o.scale) {
        minmax mm;
        st = minmax_fit(ds, o.lo, o.hi, &mm, err);
        if (st == MLP_OK)
            minmax_apply(&mm, ds);
    }
    atomic_file *af = NULL;
    if (st == MLP_OK && (af = atomic_open(o.output, err)) == NULL)
        st = MLP_EIO;
    if (st == MLP_OK) {
        char werr[MLP_ERRLEN];
        st = dataset_write_csv(ds, af->f, werr);
        if (st != MLP_OK) {
            atomic_fail_message(af, werr, err);
            atomic_abort(af);
        } else {
            st = atomic_commit(af, err);
        }
    }
    dataset_free(ds);
    if (st != MLP_OK) {
        fprintf(stderr, PROG ": %s\n", err);
        return st == MLP_EINVAL ? 2 : 1;
    }
    return 0;
}
