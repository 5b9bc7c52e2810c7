/* mlptrain's benchmark driver (run by bench/bench.sh; see docs).
 *
 *   bench info
 *       the machine, the kernels' instruction set and the BLAS
 *   bench row NAME REPS GOAL_MS TORCH_REPS -- MLPTRAIN [ARG...]
 *       run MLPTRAIN with ARGs REPS times, each as a child process, and print
 *       one table row: median / min / max wall time, GFLOP/s, peak memory
 *       (the child's own VmHWM, see peak_rss_kib); then, if TORCH_REPS > 0, the same experiment
 *       in bench/torch_peer.py TORCH_REPS times, and the ratio
 *   bench kernels
 *       our dense kernels against cblas_dgemm on the same shapes
 *
 * FLOPs are counted from the shapes, not measured: see flops_of(). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <gsl/gsl_cblas.h>

#include "cli.h"
#include "init.h"
#include "kern.h"
#include "mlp.h"
#include "status.h"

#ifndef BENCH_BLAS
#define BENCH_BLAS "unknown"
#endif
#ifndef MLP_BLAS_NAME
#define MLP_BLAS_NAME "none"
#endif

extern char **environ;

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Floating-point operations of one run of cfg, counted from the shapes:
 * per row and dense layer of k inputs and n units,
 *   forward   2kn   (k multiplies and k adds per unit; the bias starts the sum)
 *   backward  2kn for dW, n for db, and 2kn for the input gradient
 *             (not for the first layer, which has none)
 * per batch, 4 per parameter for the momentum update (v = m v - lr g; w += v);
 * every epoch, a forward pass over the validation rows; after training, one
 * forward pass over all rows.  Activations, their derivatives, the loss and
 * the metrics are not counted (a few per unit; they are not multiply-adds). */
static double flops_of(const cli_config *cfg, size_t *params_out)
{
    size_t w[MLP_MAX_LAYERS + 2], L = cfg->n_hidden + 1;
    w[0] = 2;
    for (size_t l = 1; l < L; l++)
        w[l] = cfg->widths[l - 1];
    w[L] = 1;
    double fwd = 0, bwd = 0, params = 0;
    for (size_t l = 1; l <= L; l++) {
        double k = (double)w[l - 1], n = (double)w[l];
        fwd += 2 * k * n;
        bwd += 2 * k * n + n + (l > 1 ? 2 * k * n : 0);
        params += k * n + n;
    }
    double N = (double)cfg->train_rows, V = (double)cfg->samples - N;
    double batches = ceil(N / (double)(cfg->batch < cfg->train_rows ? cfg->batch : cfg->train_rows));
    double E = (double)cfg->epochs;
    *params_out = (size_t)params;
    return E * (N * (fwd + bwd) + batches * 4 * params + V * fwd) + (N + V) * fwd;
}

/* Run argv once; wall seconds and CPU seconds (user + system); stdout to
 * `out` (a file name) or /dev/null.  -1 on failure. */
static double run_once(char **argv, const char *out, double *cpu)
{
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, out ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid;
    double t0 = now();
    int rc = posix_spawn(&pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) {
        fprintf(stderr, "bench: %s: %s\n", argv[0], strerror(rc));
        return -1;
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0)
        return -1;
    double t = now() - t0;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "bench: %s failed (status %d)\n", argv[0], status);
        return -1;
    }
    if (cpu)
        *cpu = (double)ru.ru_utime.tv_sec + 1e-6 * (double)ru.ru_utime.tv_usec +
               (double)ru.ru_stime.tv_sec + 1e-6 * (double)ru.ru_stime.tv_usec;
    return t;
}

/* The child's own peak resident memory in KiB (VmHWM), from one more run
 * stopped at its exit under ptrace; -1 if that cannot be had.  wait4's
 * ru_maxrss is not it: Linux folds the spawning process's resident size
 * into the child's at exec, and this process (OpenBLAS loaded) is bigger
 * than the run it measures. */
static long peak_rss_kib(char **argv)
{
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        int fd = open("/dev/null", O_WRONLY);
        if (fd < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0 ||
            ptrace(PTRACE_TRACEME, 0, NULL, NULL) != 0)
            _exit(127);
        execv(argv[0], argv);
        _exit(127);
    }
    long kib = -1;
    int status;
    if (waitpid(pid, &status, 0) != pid || !WIFSTOPPED(status)) /* stopped at exec */
        return -1;
    ptrace(PTRACE_SETOPTIONS, pid, NULL, (void *)(long)(PTRACE_O_TRACEEXIT | PTRACE_O_EXITKILL));
    ptrace(PTRACE_CONT, pid, NULL, NULL);
    while (waitpid(pid, &status, 0) == pid && WIFSTOPPED(status)) {
        int sig = 0;
        if (status >> 8 == (SIGTRAP | (PTRACE_EVENT_EXIT << 8))) {
            char path[64], line[256];
            snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
            FILE *f = fopen(path, "r");
            while (f && fgets(line, sizeof line, f))
                if (strncmp(line, "VmHWM:", 6) == 0)
                    kib = atol(line + 6);
            if (f)
                fclose(f);
        } else if (WSTOPSIG(status) != SIGTRAP) {
            sig = WSTOPSIG(status); /* pass the child's own signals on */
        }
        ptrace(PTRACE_CONT, pid, NULL, (void *)(long)sig);
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? kib : -1;
}

static int cmd_info(void)
{
    char line[4096], model[256] = "unknown";
    char flags[4096] = "";
    FILE *f = fopen("/proc/cpuinfo", "r");
    while (f && fgets(line, sizeof line, f)) {
        if (strncmp(line, "model name", 10) == 0 && strcmp(model, "unknown") == 0)
            snprintf(model, sizeof model, "%s", strchr(line, ':') + 2);
        if (strncmp(line, "flags", 5) == 0 && flags[0] == 0)
            snprintf(flags, sizeof flags, " %s", strchr(line, ':') + 2);
    }
    if (f)
        fclose(f);
    model[strcspn(model, "\n")] = 0;
    printf("cpu: %s, %ld online cores; features:", model, sysconf(_SC_NPROCESSORS_ONLN));
    static const char *feat[] = {"sse2", "avx", "avx2", "fma", "avx512f", "avx512vl"};
    for (size_t i = 0; i < sizeof feat / sizeof feat[0]; i++) {
        char pat[32];
        snprintf(pat, sizeof pat, " %s ", feat[i]);
        if (strstr(flags, pat))
            printf(" %s", feat[i]);
    }
    printf("\nkernels: %s build (of baseline x86-64 / avx2 / avx512, picked at run time); "
           "mlptrain BLAS: %s; compiler: %s\n",
           kern_isa(), MLP_BLAS_NAME, __VERSION__);
    return 0;
}

/* The torch peer's command line for cfg (uniform widths only). */
static int torch_argv(const cli_config *cfg, const char *mlptrain, char **av, char *buf, size_t len)
{
    for (size_t l = 1; l < cfg->n_hidden; l++)
        if (cfg->widths[l] != cfg->widths[0])
            return -1;
    char init[96], out_init[96], dir[1024];
    init_format(&cfg->init, init, sizeof init);
    init_format(&cfg->out_init, out_init, sizeof out_init);
    snprintf(dir, sizeof dir, "%s", mlptrain);
    char *slash = strrchr(dir, '/');
    if (slash)
        slash[1] = 0;
    else
        snprintf(dir, sizeof dir, "./");
    int n = snprintf(buf, len,
                     "/usr/bin/python3%cbench/torch_peer.py%c--act%c%s%c--layers%c%zu%c--units%c%zu%c"
                     "--epochs%c%lu%c--samples%c%lu%c--train%c%lu%c--batch%c%lu%c--seed%c%lu%c"
                     "--init%c%s%c--out-init%c%s%c--circles%c%scircles",
                     0, 0, 0, cfg->act->name, 0, 0, cfg->n_hidden, 0, 0,
                     cfg->n_hidden ? cfg->widths[0] : 1, 0, 0, cfg->epochs, 0, 0, cfg->samples, 0, 0,
                     cfg->train_rows, 0, 0, cfg->batch, 0, 0, (unsigned long)cfg->seed, 0, 0, init,
                     0, 0, out_init, 0, 0, dir);
    if (n < 0 || (size_t)n >= len)
        return -1;
    int ac = 0;
    for (char *p = buf; p < buf + n + 1; p += strlen(p) + 1)
        av[ac++] = p;
    av[ac] = NULL;
    return ac;
}

static int cmd_row(int argc, char **argv)
{
    /* NAME REPS GOAL_MS TORCH_REPS -- MLPTRAIN ARGS... */
    if (argc < 6 || strcmp(argv[4], "--") != 0) {
        fprintf(stderr, "usage: bench row NAME REPS GOAL_MS TORCH_REPS -- MLPTRAIN [ARG...]\n");
        return 2;
    }
    const char *name = argv[0];
    int reps = atoi(argv[1]), torch_reps = atoi(argv[3]);
    double goal_ms = atof(argv[2]);
    char **cmd = argv + 5;
    int cmd_argc = argc - 5;
    cli_config cfg;
    char err[MLP_ERRLEN];
    if (cli_parse(cmd_argc, cmd, &cfg, err) != CLI_RUN) {
        fprintf(stderr, "bench: %s\n", err);
        return 2;
    }
    optind = 1; /* cli_parse used getopt_long */
    size_t params;
    double flops = flops_of(&cfg, &params);
    double *t = calloc((size_t)reps, sizeof *t), *c = calloc((size_t)reps, sizeof *c);
    for (int r = 0; r < reps; r++) {
        t[r] = run_once(cmd, NULL, &c[r]);
        if (t[r] < 0)
            return 1;
    }
    long rss = peak_rss_kib(cmd);
    char peak[16] = "n/a";
    if (rss >= 0)
        snprintf(peak, sizeof peak, "%.1f", (double)rss / 1024);
    else
        fprintf(stderr, "bench: %s: no peak memory: ptrace or /proc/PID/status not available\n",
                cmd[0]);
    qsort(t, (size_t)reps, sizeof *t, cmp_double);
    qsort(c, (size_t)reps, sizeof *c, cmp_double);
    double med = reps % 2 ? t[reps / 2] : 0.5 * (t[reps / 2 - 1] + t[reps / 2]);
    double cmed = reps % 2 ? c[reps / 2] : 0.5 * (c[reps / 2 - 1] + c[reps / 2]);
    char goal[32] = "";
    if (goal_ms > 0)
        snprintf(goal, sizeof goal, "%s <= %g", med * 1e3 <= goal_ms ? "ok" : "MISSED", goal_ms);
    printf("%-34s %4d %9.1f %9.1f %9.1f %8.1f %8.2f %9.3f %8s  %s\n", name, reps, med * 1e3,
           t[0] * 1e3, t[reps - 1] * 1e3, cmed * 1e3, flops / 1e9, flops / med / 1e9, peak, goal);
    fflush(stdout);
    if (torch_reps > 0) {
        char buf[4096], *av[64], outf[] = "/tmp/mlptrain-bench-XXXXXX";
        if (torch_argv(&cfg, cmd[0], av, buf, sizeof buf) < 0) {
            printf("  torch peer: skipped (non-uniform widths)\n");
            return 0;
        }
        int fd = mkstemp(outf);
        if (fd < 0)
            return 1;
        close(fd);
        double *ts = calloc((size_t)torch_reps, sizeof *ts), *tw = calloc((size_t)torch_reps, sizeof *tw);
        char result[128] = "";
        for (int r = 0; r < torch_reps; r++) {
            tw[r] = run_once(av, outf, NULL);
            FILE *f = fopen(outf, "r");
            char line[256];
            ts[r] = -1;
            while (f && fgets(line, sizeof line, f)) {
                if (strncmp(line, "seconds: ", 9) == 0)
                    ts[r] = atof(line + 9);
                if (strncmp(line, "Train:", 6) == 0)
                    snprintf(result, sizeof result, "%.*s", (int)strcspn(line, "\n"), line);
            }
            if (f)
                fclose(f);
            if (tw[r] < 0 || ts[r] < 0) {
                printf("  torch peer: failed\n");
                unlink(outf);
                return 1;
            }
        }
        unlink(outf);
        qsort(ts, (size_t)torch_reps, sizeof *ts, cmp_double);
        qsort(tw, (size_t)torch_reps, sizeof *tw, cmp_double);
        double tmed = ts[torch_reps / 2], wmed = tw[torch_reps / 2];
        printf("  torch peer (PyTorch %s, float64, 1 thread), %d run%s: training %.2f s "
               "(process %.2f s with start-up), %.3f GFLOP/s; %s; mlptrain is %.0fx faster\n",
               "1.13", torch_reps, torch_reps > 1 ? "s" : "", tmed, wmed, flops / tmed / 1e9,
               result, tmed / med);
        free(ts);
        free(tw);
    }
    free(t);
    free(c);
    return 0;
}

/* Our kernels against cblas_dgemm: a network of `depth` layers of width w
 * (input w too), batch 32; one forward + backward pass each way. */
static void kernel_shape(size_t w, size_t depth, size_t B, double min_seconds)
{
    size_t hidden[MLP_MAX_LAYERS];
    for (size_t l = 0; l < depth; l++)
        hidden[l] = w;
    mlp *m;
    char err[MLP_ERRLEN];
    if (mlp_alloc(&m, w, hidden, depth, act_find("relu"), err) != MLP_OK)
        return;
    np_rng *g = np_rng_alloc(1);
    init_spec he = {INIT_HE_UNIFORM, 0, 0};
    mlp_init(m, &he, &he, g);
    mlp_ws *ws = mlp_ws_alloc(m, B);
    double *x = malloc(B * w * sizeof *x), *dl = malloc(B * sizeof *dl);
    for (size_t i = 0; i < B * w; i++)
        x[i] = np_rng_uniform(g, -1, 1);
    for (size_t i = 0; i < B; i++)
        dl[i] = np_rng_uniform(g, -1, 1) / (double)B;
    /* FLOPs of the dense layers only (as flops_of) */
    double flops = 0;
    for (size_t l = 1; l <= m->n_layers; l++) {
        double k = (double)m->width[l - 1], n = (double)m->width[l];
        flops += (double)B * (2 * k * n + 2 * k * n + n + (l > 1 ? 2 * k * n : 0));
    }
    double ours = 1e30, blas = 1e30;
    for (int round = 0; round < 3; round++) {
        size_t iters = 0;
        double t0 = now(), t;
        do {
            mlp_forward(m, ws, x, B);
            mlp_backward(m, ws, NULL, dl, B);
            iters++;
        } while ((t = now() - t0) < min_seconds / 3);
        ours = fmin(ours, t / (double)iters);
        /* the same products with cblas_dgemm on the same feature-major buffers:
         *   z[n x B] = W^T[n x k] in[k x B];  dW[k x n] = in[k x B] d^T[B x n];
         *   dx[k x B] = W[k x n] d[n x B] */
        iters = 0;
        t0 = now();
        size_t S = ws->stride;
        do {
            const double *in = ws->x;
            for (size_t l = 1; l <= m->n_layers; l++) {
                size_t k = m->width[l - 1], n = m->width[l];
                cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, (int)n, (int)B, (int)k, 1.0,
                            mlp_W(m, m->params, l), (int)n, in, (int)S, 0.0, ws->z[l], (int)S);
                in = ws->z[l];
            }
            for (size_t l = m->n_layers; l >= 1; l--) {
                size_t k = m->width[l - 1], n = m->width[l];
                const double *inl = l > 1 ? ws->z[l - 1] : ws->x;
                cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (int)k, (int)n, (int)B, 1.0,
                            inl, (int)S, ws->d0, (int)S, 0.0, mlp_W(m, m->grads, l), (int)n);
                if (l > 1)
                    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, (int)k, (int)B, (int)n,
                                1.0, mlp_W(m, m->params, l), (int)n, ws->d0, (int)S, 0.0, ws->d1,
                                (int)S);
            }
            iters++;
        } while ((t = now() - t0) < min_seconds / 3);
        blas = fmin(blas, t / (double)iters);
    }
    printf("%5zu x %-3zu batch %-3zu  ours %7.2f GFLOP/s   cblas_dgemm (%s) %7.2f GFLOP/s   "
           "ours/BLAS %.2f\n",
           w, depth, B, flops / ours / 1e9, BENCH_BLAS, flops / blas / 1e9, blas / ours);
    fflush(stdout);
    free(x);
    free(dl);
    mlp_ws_free(ws);
    np_rng_free(g);
    mlp_free(m);
}

static int cmd_kernels(int argc, char **argv)
{
    if (argc == 3) { /* one shape: W DEPTH B, for profiling */
        kernel_shape((size_t)atol(argv[0]), (size_t)atol(argv[1]), (size_t)atol(argv[2]), 3.0);
        return 0;
    }
    printf("dense layers, forward + backward (width x depth), best of 3 rounds of 0.1 s each\n");
    kernel_shape(5, 11, 32, 0.3);
    kernel_shape(64, 11, 32, 0.3);
    kernel_shape(256, 11, 32, 0.3);
    kernel_shape(256, 11, 256, 0.3);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "info") == 0)
        return cmd_info();
    if (argc >= 2 && strcmp(argv[1], "row") == 0)
        return cmd_row(argc - 2, argv + 2);
    if (argc >= 2 && strcmp(argv[1], "kernels") == 0)
        return cmd_kernels(argc - 2, argv + 2);
    fprintf(stderr, "usage: bench info | bench row ... | bench kernels (see bench/bench.sh)\n");
    return 2;
}
