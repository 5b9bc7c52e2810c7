#!/bin/sh
# The article's experiment, exactly as written there: three runs of an
# 11x5 network on the two-circles data, 500 epochs, seed 1:
#   tanh   with uniform(0, 1) weights on every layer (output included)
#   relu   with he_uniform hidden and glorot_uniform output weights
#   relu6  with he_uniform hidden and glorot_uniform output weights
# and a table: activation, train accuracy, test accuracy, collapsed, seconds.
# One run per activation proves little: see `mlptrain sweep`.
#
# Usage: scripts/compare_activations.sh [--plot] [--dir DIR] [--seed S] [--epochs N]
#   --plot     also write DIR/ACT.png (train and test accuracy per epoch, as
#              the article's figure), DIR/test_accuracy.png (the three test
#              curves overlaid) and DIR/ACT_boundary.png (what each model
#              learned: p over the input square, the p = 0.5 boundary and
#              the data); needs gnuplot (Debian gnuplot-nox)
#   --dir DIR  where the history CSVs (ACT.csv), per-run rows
#              (ACT.result.csv), grids (ACT.grid.csv), data.csv and PNGs go
#              [compare]
#   --seed S   --seed of the runs [1]
#   --epochs N --epochs of the runs [500]
# MLPTRAIN names the binary [the mlptrain next to scripts/, else on PATH].
set -eu
prog=compare_activations.sh
here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${MLPTRAIN:-}" ]; then
    if [ -x "$here/../mlptrain" ]; then MLPTRAIN=$here/../mlptrain; else MLPTRAIN=mlptrain; fi
fi
plot=0 dir=compare seed=1 epochs=500
usage() { echo "usage: $prog [--plot] [--dir DIR] [--seed S] [--epochs N]" >&2; exit 2; }
while [ $# -gt 0 ]; do
    case $1 in
    --plot) plot=1 ;;
    --dir) [ $# -ge 2 ] || usage; dir=$2; shift ;;
    --seed) [ $# -ge 2 ] || usage; seed=$2; shift ;;
    --epochs) [ $# -ge 2 ] || usage; epochs=$2; shift ;;
    -h|--help) sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "$prog: $1: unknown option" >&2; usage ;;
    esac
    shift
done
# a directory made here is removed again if the first run is refused
made=0
[ -d "$dir" ] || made=1
mkdir -p "$dir"
# the header comes with the first row, so that a bad --seed or --epochs
# (mlptrain says what is wrong) leaves nothing but its message
header="$(printf '%-10s  %9s  %8s  %9s  %7s' activation "train acc" "test acc" collapsed seconds)"
for act in tanh relu relu6; do
    case $act in
    tanh) init="--init uniform:0:1 --out-init uniform:0:1" ;;
    *) init="--init he_uniform --out-init glorot_uniform" ;;
    esac
    # with --plot, the grid over the input square and the data points
    if [ $plot = 1 ]; then
        set -- --grid "$dir/$act.grid.csv" --dump-data "$dir/data.csv"
    else
        set --
    fi
    # shellcheck disable=SC2086  # $init is two options on purpose
    "$MLPTRAIN" --act $act $init --layers 11 --units 5 --epochs "$epochs" --seed "$seed" \
        --quiet --csv "$dir/$act.csv" --result "$dir/$act.result.csv" "$@" >/dev/null || {
        status=$?
        [ -z "$header" ] || [ $made = 0 ] || rmdir "$dir" 2>/dev/null || true
        exit $status
    }
    [ -z "$header" ] || { echo "$header"; header=; }
    tail -n 1 "$dir/$act.result.csv" | awk -F, -v act=$act '{
        printf "%-10s  %9.3f  %8.3f  %9s  %7.2f\n", act, $4, $5, ($8 == 1 ? "yes" : "no"), $10 }'
done
if [ $plot = 1 ]; then
    for act in tanh relu relu6; do
        "$here/plot_history.sh" -t "$act (seed $seed)" -o "$dir/$act.png" "$dir/$act.csv"
        test_acc=$(tail -n 1 "$dir/$act.result.csv" | awk -F, '{ printf "%.3f", $5 }')
        "$here/plot_boundary.sh" -t "$act (seed $seed): test accuracy $test_acc" \
            -o "$dir/${act}_boundary.png" "$dir/$act.grid.csv" "$dir/data.csv"
    done
    "$here/plot_compare.sh" -t "test accuracy per epoch (seed $seed)" -o "$dir/test_accuracy.png" \
        tanh="$dir/tanh.csv" relu="$dir/relu.csv" relu6="$dir/relu6.csv"
    echo "wrote $dir/{tanh,relu,relu6}.png, $dir/test_accuracy.png, $dir/{tanh,relu,relu6}_boundary.png" >&2
fi
