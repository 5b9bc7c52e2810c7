#!/bin/sh
# Time the seed sweep: the article's 300 runs (3 activations x 100 seeds,
# 500 epochs) on all cores, and the same runs on one thread, and print the
# wall and CPU seconds of each and the speed-up.  A measurement, not a test:
# run it on a quiet machine (the load average is printed with it).
#
# Usage: scripts/bench_sweep.sh [SEEDS [OPTION...]]
#   SEEDS as mlptrain sweep --seeds [1-100]; OPTIONs go to the sweep as well
# The sum of the runs' own times (the per-run rows' seconds column) over the
# wall time says how many runs were in flight on average: it is the number of
# threads when the sweep scales, even on a machine too busy to show a speed-up.
# MLPTRAIN names the binary [the mlptrain next to scripts/, else on PATH].
set -eu
here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${MLPTRAIN:-}" ]; then
    if [ -x "$here/../mlptrain" ]; then MLPTRAIN=$here/../mlptrain; else MLPTRAIN=mlptrain; fi
fi
seeds=${1:-1-100}
[ $# -gt 0 ] && shift
cores=$(getconf _NPROCESSORS_ONLN)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "bench_sweep: mlptrain sweep --article-init --seeds $seeds; $cores processors; load average $(cut -d' ' -f1-3 /proc/loadavg)"
# CPU seconds of the children so far, from the shell's `times` (POSIX; run
# in this shell, not in a $(...) subshell, which has no children of its own)
child_cpu() { times >"$tmp/times"; awk 'NR == 2 { split($0, f, /[ms ]+/); print f[1] * 60 + f[2] + f[3] * 60 + f[4] }' "$tmp/times"; }
for jobs in "$cores" 1; do
    child_cpu >"$tmp/before"
    "$MLPTRAIN" sweep --article-init --seeds "$seeds" --jobs "$jobs" --out "$tmp/runs.csv" "$@" \
        >"$tmp/summary" 2>"$tmp/err"
    in_flight=$(awk -F, 'NR > 1 && !/^#/ { s += $10 } END { print s }' "$tmp/runs.csv")
    child_cpu >"$tmp/after"
    # "mlptrain sweep: 300 runs in 41.2 s": the sweep's own wall time
    line=$(sed -n 's/^mlptrain sweep: \([0-9]*\) runs in \([0-9.]*\) s$/\1 \2/p' "$tmp/err")
    runs=${line% *} wall=${line#* }
    awk -v j="$jobs" -v runs="$runs" -v wall="$wall" -v busy="$in_flight" \
        -v cpu="$(cat "$tmp/before" "$tmp/after" | awk 'NR == 1 { b = $1 } NR == 2 { print $1 - b }')" 'BEGIN {
        printf "  --jobs %-3s %4d runs  %8.1f s wall  %8.1f s CPU  %6.3f s CPU/run  %4.2f runs in flight\n",
            j, runs, wall, cpu, cpu / runs, (wall > 0 ? busy / wall : 0) }'
    echo "$wall" >"$tmp/wall.$jobs"
done
[ "$cores" = 1 ] || awk -v a="$(cat "$tmp/wall.1")" -v b="$(cat "$tmp/wall.$cores")" -v c="$cores" \
    'BEGIN { printf "  speed-up with %d threads: %.2fx\n", c, (b > 0 ? a / b : 0) }'
