/* Saved models: a written model reads back bit for bit and predicts the
 * same probabilities as the model in memory; every kind of broken file is
 * refused with its line number and reason. */
#include <stdlib.h>

#include "check.h"
#include "model.h"
#include "status.h"

/* a 2-3-2-1 tanh network with random weights, biases and velocities */
static model *make_model(int scaled, int velocity)
{
    model *md = calloc(1, sizeof *md);
    size_t hidden[] = {3, 2};
    char err[MLP_ERRLEN];
    CHECK(mlp_alloc(&md->m, 2, hidden, 2, act_find("tanh"), err) == MLP_OK);
    np_rng *g = np_rng_alloc(5);
    for (size_t i = 0; i < md->m->n_params; i++) {
        md->m->params[i] = np_rng_gauss(g) * 1.7;
        md->m->vel[i] = velocity ? np_rng_gauss(g) * 1e-3 : 0;
    }
    md->m->params[0] = 0.1; /* a short decimal and an awkward one */
    md->m->params[1] = 1.0 / 3.0;
    np_rng_free(g);
    init_parse("uniform:0:1", &md->init, err);
    init_parse("glorot_uniform", &md->out_init, err);
    md->seed = 4294967295u;
    md->epochs = 123;
    md->has_velocity = velocity;
    if (scaled) {
        md->scaled = 1;
        md->range_lo = -1;
        md->range_hi = 1;
        md->scaler.d = 2;
        md->scaler.scale[0] = 0.8608591734400743;
        md->scaler.scale[1] = 0.8344510042803508;
        md->scaler.shift[0] = -0.041601685919352316;
        md->scaler.shift[1] = 0.036035950770375136;
    }
    return md;
}

static char *to_text(const model *md)
{
    char *buf = NULL;
    size_t len = 0;
    char err[MLP_ERRLEN];
    FILE *f = open_memstream(&buf, &len);
    CHECK(model_write(md, "test", f, err) == MLP_OK);
    fclose(f);
    return buf;
}

static int from_text(const char *text, model **out, char *err)
{
    FILE *f = fmemopen((void *)text, strlen(text), "r");
    int st = model_read(f, "m.txt", out, err);
    fclose(f);
    return st;
}

static void test_round_trip(void)
{
    for (int v = 0; v <= 1; v++) {
        model *md = make_model(1, v), *back;
        char *text = to_text(md), err[MLP_ERRLEN] = "";
        CHECK_MSG(from_text(text, &back, err) == MLP_OK, "%s", err);
        CHECK(back->m->n_params == md->m->n_params);
        CHECK(memcmp(back->m->params, md->m->params, md->m->n_params * sizeof(double)) == 0);
        CHECK(memcmp(back->m->vel, md->m->vel, md->m->n_params * sizeof(double)) == 0);
        CHECK(back->has_velocity == v);
        CHECK(back->seed == 4294967295u && back->epochs == 123);
        CHECK(back->init.kind == INIT_UNIFORM && back->init.a == 0 && back->init.b == 1);
        CHECK(back->out_init.kind == INIT_GLOROT_UNIFORM);
        CHECK(back->m->act[1] == act_find("tanh") && back->m->act[2] == act_find("tanh"));
        CHECK(back->scaled && back->range_lo == -1 && back->range_hi == 1);
        CHECK(memcmp(back->scaler.scale, md->scaler.scale, sizeof md->scaler.scale) == 0);
        CHECK(memcmp(back->scaler.shift, md->scaler.shift, sizeof md->scaler.shift) == 0);
        /* bit-identical probabilities, raw units in, the scaler applied */
        double x[8] = {0.3, -1.1, 2.5, 0.7, -0.01, 0, 1e-3, 4}, p1[4], p2[4];
        CHECK(model_predict(md, x, 4, p1, err) == MLP_OK);
        CHECK(model_predict(back, x, 4, p2, err) == MLP_OK);
        CHECK(memcmp(p1, p2, sizeof p1) == 0);
        /* and the scaler is really applied: x * scale + shift, then the net */
        mlp_ws *ws = mlp_ws_alloc(md->m, 1);
        double xs[2] = {0.3 * md->scaler.scale[0] + md->scaler.shift[0],
                        -1.1 * md->scaler.scale[1] + md->scaler.shift[1]};
        CHECK(act_sigmoid(mlp_forward(md->m, ws, xs, 1)[0]) == p1[0]);
        mlp_ws_free(ws);
        /* a second write gives the same text */
        char *again = to_text(back);
        CHECK_STR(again, text);
        free(again);
        free(text);
        model_free(back);
        model_free(md);
    }
    /* the documented shape of the file */
    model *md = make_model(0, 0);
    char *text = to_text(md);
    static const char head[] =
        "mlptrain-model 1\n# test\ninputs 2\nhidden 2 3 2\nactivation tanh\n"
        "init uniform:0:1\nout-init glorot_uniform\nseed 4294967295\nepochs 123\n"
        "scaler none\nparams\nlayer 1 2 3\n0.1 0.3333333333333333 ";
    CHECK(strncmp(text, head, sizeof head - 1) == 0);
    CHECK(strstr(text, "\nlayer 3 2 1\n") != NULL && strstr(text, "velocity") == NULL);
    CHECK(strcmp(text + strlen(text) - 4, "end\n") == 0);
    free(text);
    model_free(md);
}

/* Replace the first occurrence of `from` in the reference text by `to`,
 * read it, and check the message. */
static void refused(const char *base, const char *from, const char *to, int want_st,
                    const char *want)
{
    const char *at = strstr(base, from);
    CHECK_MSG(at != NULL, "\"%s\" not in the reference text", from);
    if (at == NULL)
        return;
    size_t n = strlen(base) - strlen(from) + strlen(to) + 1;
    char *text = malloc(n);
    memcpy(text, base, (size_t)(at - base));
    strcpy(text + (at - base), to);
    strcat(text, at + strlen(from));
    model *md = (model *)1;
    char err[MLP_ERRLEN] = "";
    int st = from_text(text, &md, err);
    CHECK_MSG(st == want_st, "status %d for [%s -> %s]", st, from, to);
    CHECK(md == NULL);
    CHECK_STR(err, want);
    free(text);
}

static void test_refused(void)
{
    model *md = make_model(1, 1);
    char *t = to_text(md);
    model_free(md);
    /* line numbers: 1 magic, 2 comment, 3 inputs, 4 hidden, 5 activation,
     * 6 init, 7 out-init, 8 seed, 9 epochs, 10 scaler, 11 scale, 12 shift,
     * 13 params, 14 layer 1, 15-16 kernel, 17 biases, 18 layer 2, 19-21, 22,
     * 23 layer 3, 24-25, 26, 27 velocity, 28-40 the same blocks, 41 end */
    const int F = MLP_EFORMAT;
    refused(t, t, "", F, "m.txt:1: empty file (expected \"mlptrain-model 1\")");
    refused(t, "mlptrain-model 1", "mlptrain-model 2", F,
            "m.txt:1: format version 2 is newer than this mlptrain reads (1); use a newer mlptrain");
    refused(t, "mlptrain-model 1", "mlptrain-model 99999999999999999999999", F,
            "m.txt:1: version: \"99999999999999999999999\": out of range (allowed 1..18446744073709551615)");
    refused(t, "mlptrain-model 1", "x1,x2,y", F,
            "m.txt:1: not an mlptrain model (expected \"mlptrain-model 1\" on the first line)");
    refused(t, "inputs 2", "inputs two", F,
            "m.txt:3: inputs: \"two\": not a whole number (allowed 1..1000000)");
    refused(t, "inputs 2", "inputs 0", F, "m.txt:3: inputs: \"0\": out of range (allowed 1..1000000)");
    refused(t, "inputs 2\n", "", F, "m.txt:3: expected \"inputs N\", found \"hidden\"");
    refused(t, "hidden 2 3 2", "hidden 3 3 2", F, "m.txt:4: hidden: 3 layers but 2 widths");
    refused(t, "hidden 2 3 2", "hidden 2 3 0", F,
            "m.txt:4: hidden width: \"0\": out of range (allowed 1..1000000)");
    refused(t, "hidden 2 3 2", "hidden 2 1000000 1000000", F,
            "m.txt:13: the network has 1000005000001 parameters (22352 GiB for weights, "
            "gradients and velocities); the limit is 100000000 parameters");
    refused(t, "activation tanh", "activation tanhh", F,
            "m.txt:5: activation: \"tanhh\": unknown (allowed tanh, relu, relu6, sigmoid, linear, "
            "leaky_relu, elu, selu, softplus, softsign, gelu, swish, hard_sigmoid)");
    refused(t, "init uniform:0:1", "init uniform:1:0", F,
            "m.txt:6: init: \"uniform:1:0\": expected uniform:A:B with finite numbers A < B");
    refused(t, "seed 4294967295", "seed 4294967296", F,
            "m.txt:8: seed: \"4294967296\": out of range (allowed 0..4294967295)");
    refused(t, "epochs 123", "epochs -1", F,
            "m.txt:9: epochs: \"-1\": not a whole number (allowed 0..18446744073709551615)");
    refused(t, "scaler minmax -1 1", "scaler maxabs", F,
            "m.txt:10: expected \"scaler none\" or \"scaler minmax LO HI\"");
    refused(t, "scaler minmax -1 1", "scaler minmax 1 -1", F,
            "m.txt:10: scaler: the range needs LO < HI");
    refused(t, "scale 0.8608591734400743 0.8344510042803508", "scale 0.86", F,
            "m.txt:11: expected \"scale X1 X2\" (3 fields), found 2 fields");
    refused(t, "shift -0.041601685919352316", "shift inf", F,
            "m.txt:12: shift: \"inf\": not a finite number (allowed finite numbers)");
    refused(t, "layer 1 2 3", "layer 1 2 4", F,
            "m.txt:14: expected \"layer 1 2 3\" (from the architecture), found \"layer 1 2 4\"");
    refused(t, "layer 2 3 2", "layer 3 3 2", F,
            "m.txt:18: expected \"layer 2 3 2\" (from the architecture), found \"layer 3 3 2\"");
    refused(t, "layer 1 2 3\n0.1 ", "layer 1 2 3\n", F,
            "m.txt:15: layer 1 kernel row: expected 3 numbers, found 2");
    refused(t, "layer 1 2 3\n0.1 ", "layer 1 2 3\n0.1 0.2 ", F,
            "m.txt:15: layer 1 kernel row: expected 3 numbers, found 4");
    refused(t, "layer 1 2 3\n0.1 ", "layer 1 2 3\nnan ", F,
            "m.txt:15: weight: \"nan\": not a finite number (allowed finite numbers)");
    refused(t, "layer 1 2 3\n0.1 ", "layer 1 2 3\n1e999 ", F,
            "m.txt:15: weight: \"1e999\": out of range (allowed finite numbers)");
    refused(t, "layer 1 2 3\n0.1 ", "layer 1 2 3\n0.1x ", F,
            "m.txt:15: weight: \"0.1x\": not a number (allowed finite numbers)");
    refused(t, "velocity\n", "velocity\nlayer 1 2 3\n", F,
            "m.txt:29: layer 1 kernel row: expected 3 numbers, found 4");
    refused(t, "end\n", "", F,
            "m.txt:41: unexpected end of file (expected \"end\"; the file is truncated)");
    refused(t, "end\n", "end\nmore\n", F, "m.txt:42: unexpected content after \"end\"");
    refused(t, "end\n", "fin\n", F, "m.txt:41: expected \"end\", found \"fin\"");
    refused(t, "velocity\n", "speed\n", F, "m.txt:27: expected \"velocity or end\", found \"speed\"");
    refused(t, "inputs 2", "inputs 2\x01", F,
            "m.txt:3: inputs: \"2?\": not a whole number (allowed 1..1000000)");
    free(t);
}

static void test_truncated_everywhere(void)
{
    /* every prefix that ends at a line boundary, except the whole file, is
     * refused, and so is every prefix cut inside the last number */
    model *md = make_model(1, 1);
    char *t = to_text(md);
    model_free(md);
    size_t n = strlen(t), refused_all = 1, checked = 0;
    for (size_t cut = 0; cut + 1 < n; cut++) {
        if (t[cut] != '\n' && cut != 0)
            continue;
        char save = t[cut + 1];
        t[cut + 1] = '\0';
        model *back = NULL;
        char err[MLP_ERRLEN];
        int st = from_text(cut == 0 ? "" : t, &back, err);
        refused_all &= st == MLP_EFORMAT && back == NULL && strstr(err, "m.txt:") == err;
        checked++;
        t[cut + 1] = save;
    }
    CHECK(refused_all && checked > 40);
    free(t);
}

static void test_hand_written(void)
{
    /* no velocity, comments, blank lines, CRLF, several blanks: accepted */
    const char *text = "mlptrain-model 1\r\n# hand written\r\n\r\ninputs 1\nhidden 0\n"
                       "activation relu\ninit he_uniform\nout-init zeros\nseed 0\nepochs 0\n"
                       "scaler none\nparams\n  # a comment inside\nlayer 1 1 1\n2\n-1\nend\n";
    model *md;
    char err[MLP_ERRLEN] = "";
    CHECK_MSG(from_text(text, &md, err) == MLP_OK, "%s", err);
    if (md == NULL)
        return;
    CHECK(md->m->n_layers == 1 && md->m->n_params == 2 && !md->has_velocity);
    CHECK(md->m->params[0] == 2 && md->m->params[1] == -1 && md->m->vel[0] == 0);
    double x = 0.5, p;
    CHECK(model_predict(md, &x, 1, &p, err) == MLP_OK);
    CHECK(p == 0.5); /* sigmoid(2 * 0.5 - 1) */
    model_free(md);
    /* finite weights whose sums overflow: inf + -inf at the output */
    CHECK(from_text("mlptrain-model 1\ninputs 1\nhidden 1 2\nactivation linear\ninit zeros\n"
                    "out-init zeros\nseed 0\nepochs 0\nscaler none\nparams\nlayer 1 1 2\n"
                    "1e300 -1e300\n0 0\nlayer 2 2 1\n1\n1\n0\nend\n", &md, err) == MLP_OK);
    double xs[2] = {1, 1e10}, ps[2];
    CHECK(model_predict(md, xs, 2, ps, err) == MLP_ENONFINITE);
    CHECK_STR(err, "row 2: the model's output is not a number (its sums overflow)");
    model_free(md);
    /* the scaler needs at most 2 inputs */
    CHECK(from_text("mlptrain-model 1\ninputs 3\nhidden 0\nactivation relu\ninit zeros\n"
                    "out-init zeros\nseed 0\nepochs 0\nscaler minmax 0 1\n", &md, err) == MLP_EFORMAT);
    CHECK_STR(err, "m.txt:9: scaler: minmax supports at most 2 inputs, the model has 3");
    CHECK(model_load("/nonexistent/m.txt", &md, err) == MLP_EIO && md == NULL);
    CHECK_STR(err, "/nonexistent/m.txt: cannot open: No such file or directory");
}

int main(void)
{
    test_round_trip();
    test_refused();
    test_truncated_everywhere();
    test_hand_written();
    return check_done("model");
}
