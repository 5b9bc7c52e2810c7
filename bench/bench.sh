#!/bin/sh
# mlptrain's benchmark: `make bench` runs this from the top directory.
# Each row runs ./mlptrain REPS times as a child process and prints median,
# min and max wall time, the FLOPs of the run (counted from the shapes, see
# bench/bench.c flops_of), GFLOP/s at the median, and peak memory (the
# child's own VmHWM, from one more run).  With Debian's python3-torch installed, the rows marked
# below also run bench/torch_peer.py (same experiment, PyTorch, float64, one
# thread) and print the ratio.
# Environment: REPS (default 11), TORCH_REPS (default 1; 0 skips the peer),
# SWEEP=0 skips the 300-run sweep.
set -eu
B=${BUILD:-build}/bench
M=./mlptrain
REPS=${REPS:-11}
TORCH_REPS=${TORCH_REPS:-1}
if ! /usr/bin/python3 -c 'import torch' 2>/dev/null; then
    echo "(python3-torch is not installed: no PyTorch peer)"
    TORCH_REPS=0
fi
cores=$(getconf _NPROCESSORS_ONLN)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# one thread everywhere (OpenBLAS would otherwise start one per core)
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1

$B info
echo
echo "wall times of whole processes (start-up, data, training, history file, exit);"
echo "cpu = median user+system time (less disturbed when other work shares the machine)"
printf '%-34s %4s %9s %9s %9s %8s %8s %9s %8s  %s\n' run reps "median ms" "min ms" "max ms" "cpu ms" \
    GFLOP GFLOP/s "peak MiB" "goal (median)"
TANH="--act tanh --init uniform:0:1 --out-init uniform:0:1"
# warm-up, not counted: the first runs after an idle spell are slower (the
# first row's median came out 25-35 ms where the same row gave 23-24 ms
# right after it)
i=0
while [ $i -lt 20 ]; do
    $M --act relu6 --csv "$tmp/h.csv" >/dev/null 2>&1
    i=$((i + 1))
done
$B row "relu6 11x5 500ep 500/100 +history" "$REPS" 25 "$TORCH_REPS" -- $M --act relu6 --csv "$tmp/h.csv"
$B row "tanh 11x5 500ep 500/100 +history" "$REPS" 40 "$TORCH_REPS" -- $M $TANH --csv "$tmp/h.csv"
$B row "relu 11x5 500ep 500/100 +history" "$REPS" 0 0 -- $M --act relu --csv "$tmp/h.csv"
$B row "relu6 11x64 5ep 50000/10000" 3 0 0 -- $M --units 64 --samples 60000 --train 50000 --epochs 5
$B row "relu6 11x256 1ep 50000/10000" 3 0 0 -- $M --units 256 --samples 60000 --train 50000 --epochs 1

if [ "${SWEEP:-1}" != 0 ]; then
    n=$cores
    echo
    echo "sweep: 3 activations x 100 seeds (article settings, history kept), $n at a time (xargs -P $n)"
    for a in relu6 relu tanh; do
        for s in $(seq 1 100); do
            case $a in tanh) extra=$TANH ;; *) extra="--act $a" ;; esac
            echo "$extra --seed $s --csv $tmp/sweep-$a-$s.csv"
        done
    done > "$tmp/jobs"
    t0=$(date +%s.%N)
    xargs -P "$n" -L 1 $M < "$tmp/jobs" > "$tmp/sweep.out" 2>/dev/null
    t1=$(date +%s.%N)
    runs=$(grep -c '^Train:' "$tmp/sweep.out")
    echo "$t0 $t1 $runs" | awk '{s = $2 - $1; printf "sweep: %d runs in %.2f s (%s <= 10 s)\n", $3, s, s <= 10 ? "ok" : "MISSED"}'
fi

echo
$B kernels
