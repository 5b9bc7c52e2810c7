/* libFuzzer harness for the model loader (model_read, src/model.h).
 *
 * Each input is read as a model file from memory (fmemopen).  On success the
 * model must be internally consistent: every weight and velocity finite, the
 * layer offsets inside the parameter buffer; writing it back and reading
 * that again must give the same bits (the round trip --save/--load relies
 * on), and a prediction must be a probability (or refused as not a number:
 * finite weights can still overflow, e.g. 1e306 on a swish unit; the first
 * crash this harness found).  On failure *out stays NULL
 * and the message is one non-empty line that starts with the file name.
 *
 * Self-contained: links against libmlp.a only.  Build and run:
 *   clang -std=c11 -D_DEFAULT_SOURCE -O1 -g -fsanitize=fuzzer,address,undefined \
 *     -Isrc tests/fuzz/fuzz_model.c src/{model,mlp,act,init,rng,circles,dataset,\
 *     fmt,parse,status,atomic}.c -lgsl -lgslcblas -lm -o fuzz_model
 *   ./fuzz_model -max_total_time=600 corpus-new tests/fuzz/corpus-model
 * (make fuzz, once it exists, picks up tests/fuzz/fuzz_*.c and corpus-NAME.) */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "status.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (size == 0)
        return 0; /* fmemopen refuses a zero-sized buffer */
    FILE *f = fmemopen((void *)data, size, "r");
    if (f == NULL)
        abort();
    model *md = NULL;
    char err[MLP_ERRLEN] = "";
    int st = model_read(f, "fuzz", &md, err);
    fclose(f);
    if (st != MLP_OK) {
        if (md != NULL || strncmp(err, "fuzz", 4) != 0 || strchr(err, '\n') != NULL)
            abort();
        return 0;
    }
    const mlp *m = md->m;
    if (m == NULL || m->n_layers < 1 || m->width[m->n_layers] != 1)
        abort();
    if (m->b_off[m->n_layers] + 1 != m->n_params)
        abort();
    for (size_t i = 0; i < m->n_params; i++)
        if (!isfinite(m->params[i]) || !isfinite(m->vel[i]))
            abort();
    /* round trip: write, read back, same bits */
    char *buf = NULL;
    size_t len = 0;
    FILE *w = open_memstream(&buf, &len);
    if (w == NULL || model_write(md, "round trip", w, err) != MLP_OK)
        abort();
    fclose(w);
    FILE *r = fmemopen(buf, len, "r");
    model *md2 = NULL;
    if (r == NULL || model_read(r, "again", &md2, err) != MLP_OK)
        abort();
    fclose(r);
    free(buf);
    if (md2->m->n_params != m->n_params ||
        memcmp(md2->m->params, m->params, m->n_params * sizeof(double)) != 0 ||
        md2->has_velocity != md->has_velocity || md2->epochs != md->epochs ||
        md2->seed != md->seed || md2->scaled != md->scaled)
        abort();
    if (md->has_velocity && memcmp(md2->m->vel, m->vel, m->n_params * sizeof(double)) != 0)
        abort();
    /* one prediction when the network is small enough to be quick */
    if (m->n_params < 100000) {
        double x[2] = {0.5, -0.25}, p;
        if (m->width[0] <= 2) {
            double *in = calloc(m->width[0], sizeof *in);
            memcpy(in, x, m->width[0] * sizeof *in);
            int pst = model_predict(md, in, 1, &p, err);
            if (pst == MLP_OK ? !(p >= 0 && p <= 1) : pst != MLP_ENONFINITE)
                abort();
            free(in);
        }
    }
    model_free(md2);
    model_free(md);
    return 0;
}
