#include "saved.h"

#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "quant.h"
#include "status.h"
#include "version.h"

static int contradicts(char *err, const char *opt, const char *given, const char *path,
                       const char *has)
{
    mlp_seterr(err, "%s: %s: contradicts the model in %s (it has %s); drop the option", opt,
               given, path, has);
    return MLP_EINVAL;
}

static void widths_text(char *buf, size_t len, size_t n, const size_t *w)
{
    size_t off = 0;
    buf[0] = '\0';
    if (n == 0)
        snprintf(buf, len, "no hidden layer");
    for (size_t i = 0; i < n && off < len; i++)
        off += (size_t)snprintf(buf + off, len - off, "%s%zu", i ? "," : "", w[i]);
}

static int same_init(const init_spec *a, const init_spec *b)
{
    return a->kind == b->kind && a->a == b->a && a->b == b->b;
}

int saved_prepare(const cli_config *cfg, cli_config *eff, model **saved, char *err)
{
    char lerr[MLP_ERRLEN];
    int st = model_load(cfg->load_path, saved, lerr);
    if (st != MLP_OK) { /* a file the user named that cannot be used: a usage error */
        mlp_seterr(err, "--load: %s", lerr);
        return st == MLP_ENOMEM ? st : MLP_EINVAL;
    }
    const model *md = *saved;
    const mlp *m = md->m;
    const char *path = cfg->load_path;
    size_t nh = m->n_layers - 1;
    char a[4096], b[4096];
    *eff = *cfg;
    st = MLP_EINVAL;
    if (cfg->given & CLI_GIVEN_WIDTHS) {
        int same = cfg->n_hidden == nh;
        for (size_t i = 0; same && i < nh; i++)
            same = cfg->widths[i] == m->width[i + 1];
        if (!same) {
            widths_text(a, sizeof a, cfg->n_hidden, cfg->widths);
            widths_text(b, sizeof b, nh, m->width + 1);
            contradicts(err, "--layers/--units/--widths", a, path, b);
            goto fail;
        }
    }
    const act_def *act = nh ? m->act[1] : cfg->act;
    if ((cfg->given & CLI_GIVEN_ACT) && nh && cfg->act != act) {
        contradicts(err, "--act", cfg->act->name, path, act->name);
        goto fail;
    }
    if ((cfg->given & CLI_GIVEN_INIT) && !same_init(&cfg->init, &md->init)) {
        init_format(&cfg->init, a, sizeof a);
        init_format(&md->init, b, sizeof b);
        contradicts(err, "--init", a, path, b);
        goto fail;
    }
    if ((cfg->given & CLI_GIVEN_OUT_INIT) && !same_init(&cfg->out_init, &md->out_init)) {
        init_format(&cfg->out_init, a, sizeof a);
        init_format(&md->out_init, b, sizeof b);
        contradicts(err, "--out-init", a, path, b);
        goto fail;
    }
    if ((cfg->given & CLI_GIVEN_SEED) && cfg->seed != md->seed) {
        snprintf(a, sizeof a, "%lu", (unsigned long)cfg->seed);
        snprintf(b, sizeof b, "seed %lu", (unsigned long)md->seed);
        contradicts(err, "--seed", a, path, b);
        goto fail;
    }
    if (!md->scaled && (cfg->given & (CLI_GIVEN_SCALE | CLI_GIVEN_RANGE))) {
        contradicts(err, cfg->given & CLI_GIVEN_RANGE ? "--range" : "--scale", "given", path,
                    "no scaler");
        goto fail;
    }
    if (md->scaled && (cfg->given & CLI_GIVEN_NO_SCALE)) {
        contradicts(err, "--no-scale", "given", path, "a MinMax scaler");
        goto fail;
    }
    if (md->scaled && (cfg->given & CLI_GIVEN_RANGE) &&
        (cfg->range_lo != md->range_lo || cfg->range_hi != md->range_hi)) {
        char lo[FMT_DOUBLE_LEN], hi[FMT_DOUBLE_LEN];
        snprintf(a, sizeof a, "%s,%s", fmt_double(lo, cfg->range_lo), fmt_double(hi, cfg->range_hi));
        snprintf(b, sizeof b, "range %s,%s", fmt_double(lo, md->range_lo),
                 fmt_double(hi, md->range_hi));
        contradicts(err, "--range", a, path, b);
        goto fail;
    }
    if (m->width[0] != 2) {
        mlp_seterr(err, "%s: the model has %zu inputs; the data have 2 columns", path, m->width[0]);
        goto fail;
    }
    eff->n_hidden = nh;
    for (size_t i = 0; i < nh; i++)
        eff->widths[i] = m->width[i + 1];
    eff->act = act;
    eff->init = md->init;
    eff->out_init = md->out_init;
    eff->seed = md->seed;
    eff->scale = md->scaled;
    if (md->scaled) {
        eff->range_lo = md->range_lo;
        eff->range_hi = md->range_hi;
    }
    if (cfg->n_quant && !quant_supported(m, err))
        goto fail;
    return MLP_OK;
fail:
    model_free(*saved);
    *saved = NULL;
    return st;
}

int saved_restore(const model *saved, const minmax *fitted, mlp *m, size_t n_train, np_rng *g,
                  char *err)
{
    if (saved->scaled) {
        for (size_t c = 0; c < saved->scaler.d; c++)
            if (fitted->scale[c] != saved->scaler.scale[c] ||
                fitted->shift[c] != saved->scaler.shift[c]) {
                mlp_seterr(err, "--load: the data's MinMax scaling (column %zu: scale %.17g, "
                           "shift %.17g) differs from the model's (%.17g, %.17g): train on the "
                           "same data", c + 1, fitted->scale[c], fitted->shift[c],
                           saved->scaler.scale[c], saved->scaler.shift[c]);
                return MLP_EINVAL;
            }
    }
    memcpy(m->params, saved->m->params, m->n_params * sizeof(double));
    memcpy(m->vel, saved->m->vel, m->n_params * sizeof(double));
    size_t *idx = malloc((n_train + 1) * sizeof *idx);
    if (idx == NULL) {
        mlp_seterr(err, "out of memory");
        return MLP_ENOMEM;
    }
    /* the generator as train_fit left it: one permutation per epoch */
    for (unsigned long e = 0; e < saved->epochs; e++) {
        for (size_t i = 0; i < n_train; i++)
            idx[i] = i;
        np_rng_shuffle(g, idx, n_train);
    }
    free(idx);
    return MLP_OK;
}

int saved_write(const cli_config *cfg, const mlp *m, int scaled, const minmax *scaler,
                unsigned long epochs, char *err)
{
    model md;
    memset(&md, 0, sizeof md);
    md.m = (mlp *)m;
    md.init = cfg->init;
    md.out_init = cfg->out_init;
    md.seed = cfg->seed;
    md.epochs = epochs;
    md.scaled = scaled;
    if (scaled) {
        md.scaler = *scaler;
        md.range_lo = cfg->range_lo;
        md.range_hi = cfg->range_hi;
    }
    md.has_velocity = 1;
    return model_save(&md, "written by mlptrain " MLPTRAIN_VERSION, cfg->save_path, err);
}
