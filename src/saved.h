/* A run and its model file: continue training from one (--load), write
 * one after training (--save).
 *
 * Continuing is exact: the file keeps the seed, the initializers and the
 * epochs trained, so the generator is replayed (the same initial draws,
 * then one shuffle per epoch done) and, with the saved momentum state,
 * "train 10 epochs, save, load, train 10 more" gives the same weights as
 * "train 20 epochs", bit for bit, given the same data and training options
 * (--batch, --lr, --momentum, --nesterov, which the file does not fix). */
#ifndef MLP_SAVED_H
#define MLP_SAVED_H

#include "circles.h"
#include "cli.h"
#include "model.h"
#include "rng.h"

/* Load cfg->load_path into *saved and give *eff the run's effective
 * settings: cfg with the architecture, initializers, seed and scaling taken
 * from the file.  An option given on the command line that differs from
 * the file is MLP_EINVAL: "--OPT: VALUE: contradicts the model in FILE
 * (FILE has FILEVALUE); drop the option".  A file that cannot be read or
 * is not a valid model is MLP_EINVAL too: "--load: " and model_load's
 * message. */
int saved_prepare(const cli_config *cfg, cli_config *eff, model **saved, char *err);

/* After m was allocated and initialized from eff (which consumed the
 * initial draws from g): check that the data's fitted scaler equals the
 * file's (MLP_EINVAL otherwise), copy the saved weights and momentum into
 * m, and replay the shuffles of saved->epochs epochs of n_train rows. */
int saved_restore(const model *saved, const minmax *fitted, mlp *m, size_t n_train, np_rng *g,
                  char *err);

/* Write m with cfg's seed and initializers, the scaler (when scaled) and
 * the epoch count to cfg->save_path; the settings line as a comment. */
int saved_write(const cli_config *cfg, const mlp *m, int scaled, const minmax *scaler,
                unsigned long epochs, char *err);

#endif
