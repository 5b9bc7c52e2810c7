#!/bin/sh
# The scaling table of README.md ("Scaling"): time per run as one factor of
# the article's run (relu6, 11 hidden layers of 5, 500 epochs, 600 samples,
# 500/100 split, batch 32) changes at a time.  Prints a Markdown table:
# median wall and CPU time, the work (GFLOP, counted as bench/bench.c does)
# and the CPU time per GFLOP, which stays flat while cost grows linearly.
# Usage: sh bench/scaling.sh   (after make bench; REPS=3 by default)
set -eu
B=${BUILD:-build}/bench
M=./mlptrain
REPS=${REPS:-3}
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
row() { # LABEL REPS ARGS...
    label=$1 reps=$2
    shift 2
    $B row "$label" "$reps" 0 0 -- $M "$@" | awk -v l="$label" '{
        # fields from the end: goal is empty; ... cpu GFLOP GFLOP/s MiB
        n = NF; mib = $n; gfs = $(n-1); gf = $(n-2); cpu = $(n-3); med = $(n-6)
        printf "| %s | %.1f | %.1f | %.3f | %.1f | %.2f | %.1f |\n", l, med, cpu, gf, cpu / gf, gf * 1000 / cpu, mib }'
}
echo "| run (one change from the article's run) | median wall ms | median CPU ms | GFLOP | CPU ms per GFLOP | GFLOP/s (CPU) | peak MiB |"
echo "|---|---|---|---|---|---|---|"
row "article run: relu6 11x5, 500 epochs, 600 samples" "$REPS"
row "epochs 100" "$REPS" --epochs 100
row "epochs 2000" "$REPS" --epochs 2000
row "samples 6,000 (5,000/1,000)" "$REPS" --samples 6000 --train 5000
row "samples 60,000 (50,000/10,000)" 1 --samples 60000 --train 50000
row "width 64" 1 --units 64
row "width 256" 1 --units 256
row "depth 3" "$REPS" --layers 3
row "depth 30" "$REPS" --layers 30
