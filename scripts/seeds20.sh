#!/bin/sh
# Reproduce the reference-run comparison of ../shared/fixtures/reference_runs.md:
# the article's three configurations over seeds 1..20, summarized per activation.
# Usage: scripts/seeds20.sh [FIRST LAST]   (from the top directory, after make)
set -eu
first=${1:-1}
last=${2:-20}
M=${MLPTRAIN:-$(if [ -x ./mlptrain ]; then echo ./mlptrain; else echo mlptrain; fi)}
for act in relu6 relu tanh; do
    init=""
    [ "$act" = tanh ] && init="--init uniform:0:1 --out-init uniform:0:1"
    for s in $(seq "$first" "$last"); do
        # shellcheck disable=SC2086
        line=$($M --act "$act" $init --seed "$s" 2>"${TMPDIR:-/tmp}/seeds20.err")
        collapsed=0
        grep -q "collapsed to a constant output" "${TMPDIR:-/tmp}/seeds20.err" && collapsed=1
        echo "$act $s $collapsed $line"
    done
done | awk '
{ act = $1; c = $3; te = $7 + 0; n[act]++; col[act] += c; all[act] += te
  if (!c) { ln[act]++; ls[act] += te
            if (!(act in mn) || te < mn[act]) mn[act] = te
            if (te > mx[act]) mx[act] = te } }
END {
  print "| activation | runs | collapsed | mean test acc, all | mean test acc, learned | min-max of learners |"
  print "|---|---|---|---|---|---|"
  split("relu6 relu tanh", order, " ")
  for (i = 1; i <= 3; i++) { a = order[i]
    printf "| %s | %d | %d/%d | %.3f | %s | %s |\n", a, n[a], col[a], n[a], all[a] / n[a],
      ln[a] ? sprintf("%.3f", ls[a] / ln[a]) : "-", ln[a] ? sprintf("%.2f-%.2f", mn[a], mx[a]) : "-" }
}'
