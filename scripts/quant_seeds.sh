#!/bin/sh
# Does ReLU6 lose less accuracy in fixed point than ReLU or tanh?  Train the
# article's networks over seeds FIRST..LAST, evaluate each in fixed point at
# several bit widths (mlptrain --quant), and summarize per activation over
# the runs that learned: double-precision train accuracy >= 0.6 (a collapsed
# run predicts one class whatever the arithmetic; tanh with uniform(0, 1)
# weights stays near 0.5 without collapsing).  Prints two Markdown tables: mean test accuracy, and the mean
# share of test rows whose class differs from the double-precision model.
# Usage: scripts/quant_seeds.sh [FIRST LAST [BITS]]  (after make)
set -eu
first=${1:-1}
last=${2:-20}
bits=${3:-4,5,6,7,8,10,12,16}
# MLPTRAIN names the binary [the mlptrain next to scripts/, else on PATH]
here=$(cd "$(dirname "$0")" && pwd)
M=${MLPTRAIN:-$(if [ -x "$here/../mlptrain" ]; then echo "$here/../mlptrain"; else echo mlptrain; fi)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for conf in "relu6|--act relu6" "relu|--act relu" \
            "tanh uniform:0:1|--act tanh --init uniform:0:1 --out-init uniform:0:1" \
            "tanh glorot_uniform|--act tanh"; do
    name=${conf%%|*}
    opts=${conf#*|}
    for s in $(seq "$first" "$last"); do
        # shellcheck disable=SC2086
        if ! $M $opts --seed "$s" --quant "$bits" --quant-csv "$tmp/q.csv" --quiet \
                >/dev/null 2>"$tmp/err"; then
            echo "quant_seeds.sh: the $name run with seed $s failed:" >&2
            cat "$tmp/err" >&2
            exit 1
        fi
        tail -n +2 "$tmp/q.csv" | sed "s/^/$name,$s,/"
    done
done > "$tmp/all.csv"
# columns: name,seed,bits,train_acc,test_acc,float_train_acc,float_test_acc,changed,changed_frac
awk -F, -v bits="$bits" '
BEGIN { nb = split(bits, b, ",") }
{ key = $1 SUBSEP $3; learned = $6 >= 0.6
  if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 }
  if ($3 == b[1]) { runs[$1]++; if (learned) { fl[$1] += $7; learners[$1]++ } }
  if (learned) { acc[key] += $5; chg[key] += $9; cnt[key]++ } }
END {
  for (t = 1; t <= 2; t++) {
    printf "\n| %s | learned | float |", t == 1 ? "mean test accuracy" : "test rows changed"
    for (i = 1; i <= nb; i++) printf " %s bits |", b[i]
    printf "\n|---|---|---|"; for (i = 1; i <= nb; i++) printf "---|"; printf "\n"
    for (k = 1; k <= n; k++) { a = order[k]
      printf "| %s | %d/%d | %s |", a, learners[a], runs[a],
        t == 1 ? (learners[a] ? sprintf("%.3f", fl[a] / learners[a]) : "-") : "0"
      for (i = 1; i <= nb; i++) { key = a SUBSEP b[i]
        if (!cnt[key]) printf " - |"
        else if (t == 1) printf " %.3f |", acc[key] / cnt[key]
        else printf " %.1f%% |", 100 * chg[key] / cnt[key] }
      printf "\n" } }
}' "$tmp/all.csv"
