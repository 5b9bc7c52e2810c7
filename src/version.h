/* The one place the version number lives; --version of every binary prints it. */
#ifndef MLP_VERSION_H
#define MLP_VERSION_H

#define MLPTRAIN_VERSION "0.1.0"

#endif
