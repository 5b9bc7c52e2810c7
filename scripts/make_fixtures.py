#!/usr/bin/python3
"""Regenerate the scikit-learn reference datasets in tests/fixtures/.

Needs Debian's python3-sklearn (scikit-learn 1.2, numpy 1.24 were used):
    apt-get install python3-sklearn
    /usr/bin/python3 scripts/make_fixtures.py [OUTDIR]

Only for regenerating or adding fixtures: the tests read the committed CSV
files and never need Python.  Format (the same as ../shared/fixtures): a
header x1,x2,y, then one row per sample, every double as Python's repr
(shortest round-trip form), labels as integers.

circles_raw_nN_noiseX_seedS_factorF.csv      make_circles(N, noise=X, random_state=S, factor=F)
circles_scaled_nN_noiseX_seedS_factorF.csv   the same after MinMaxScaler((-1, 1)).fit_transform
minmax_NAME_in.csv                           a hand-made input for MinMaxScaler
minmax_NAME_out_loLO_hiHI.csv                MinMaxScaler((LO, HI)).fit_transform of it
"""
import os
import sys

# numpy's own AVX-512 sin and cos (used where the CPU has AVX-512F) differ
# from libm's in the last bit; the reference is numpy's portable loops, which
# call libm as mlptrain does.  This must be set before numpy is imported.
os.environ["NPY_DISABLE_CPU_FEATURES"] = (
    "AVX512F AVX512CD AVX512_SKX AVX512_CLX AVX512_CNL AVX512_ICL")

import numpy as np  # noqa: E402
from sklearn.datasets import make_circles  # noqa: E402
from sklearn.preprocessing import MinMaxScaler  # noqa: E402

# (n_samples, noise, seed, factor)
CIRCLES = [
    # the first three are ../shared/fixtures, reproduced here
    (600, 0.1, 1, 0.8),        # the article's dataset
    (1000, 0.3, 123, 0.5),
    (11, 0.05, 3, 0.8),
    (600, 0.1, 0, 0.8),        # seed 0: GSL alone would seed 4357
    (7, 0.1, 5, 0.8),          # odd n: one more inner point than outer
    (1, 0.1, 5, 0.8),          # no outer point; both columns constant
    (10, 0.0, 1, 0.8),         # noise 0: draws still consumed
    (10, 0.1, 1, 0.0),         # factor 0: the inner circle is a point
    (20, 0.1, 4294967295, 0.8),  # largest seed
    (2, 0.0, 1, 0.8),          # x2 constant (sin 0 = 0): scale treated as 1
    (8, 0.0, 1, 0.0),          # -0 coordinates: numpy adds 0.0 + noise * gauss, giving +0
]

EPS = np.finfo(float).eps
# (name, rows): columns x1, x2 and a label
MINMAX = [
    # x1 constant; x2 spans less than 10*eps, so it is treated as constant
    ("const", [(3.5, 1.0, 0), (3.5, 1.0 + 4 * EPS, 1), (3.5, 1.0 + 2 * EPS, 1)]),
    # x1 spans exactly 10*eps (not < 10*eps: scaled for real); x2 ordinary
    ("edge", [(0.0, -2.5, 1), (10 * EPS, 7.25, 0), (5 * EPS, 0.1, 1), (1e-300, -1e-3, 0)]),
]
RANGES = [(-1, 1), (0, 1)]


def write(path, X, y):
    with open(path, "w") as f:
        f.write("x1,x2,y\n")
        for (a, b), label in zip(X, y):
            f.write("%r,%r,%d\n" % (float(a), float(b), int(label)))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures")
    os.makedirs(out, exist_ok=True)
    for n, noise, seed, factor in CIRCLES:
        X, y = make_circles(n_samples=n, noise=noise, random_state=seed, factor=factor)
        tag = "n%d_noise%g_seed%d_factor%g" % (n, noise, seed, factor)
        write(os.path.join(out, "circles_raw_%s.csv" % tag), X, y)
        Xs = MinMaxScaler(feature_range=(-1, 1)).fit_transform(X)
        write(os.path.join(out, "circles_scaled_%s.csv" % tag), Xs, y)
    for name, rows in MINMAX:
        X = np.array([r[:2] for r in rows], dtype=float)
        y = [r[2] for r in rows]
        write(os.path.join(out, "minmax_%s_in.csv" % name), X, y)
        for lo, hi in RANGES:
            Xs = MinMaxScaler(feature_range=(lo, hi)).fit_transform(X)
            write(os.path.join(out, "minmax_%s_out_lo%g_hi%g.csv" % (name, lo, hi)), Xs, y)


if __name__ == "__main__":
    main()
