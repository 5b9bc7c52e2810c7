#!/bin/sh
# Plot the test accuracy of every run of a sweep, one column of dots per
# configuration (jittered sideways so that equal values stay visible), with
# each configuration's mean as a black bar: the picture of how much one
# configuration's result depends on the seed, and of the runs that collapsed
# (the dots at 0.48 and 0.52 on the article's data).
#   mlptrain sweep --article-init --out runs.csv
#   scripts/plot_sweep.sh -o runs.png runs.csv
#
# Usage: scripts/plot_sweep.sh -o OUT.png [-t TITLE] RUNS.csv...
#   RUNS.csv   per-run rows (mlptrain sweep --out, or --result of single runs)
#   -t TITLE   plot title [test accuracy per run]
# Rows with status nonfinite are left out.  Needs gnuplot (Debian gnuplot-nox).
set -eu
prog=plot_sweep.sh
usage() { echo "usage: $prog -o OUT.png [-t TITLE] RUNS.csv..." >&2; exit 2; }
out='' title='test accuracy per run'
while getopts o:t:h opt; do
    case $opt in
    o) out=$OPTARG ;;
    t) title=$OPTARG ;;
    *) usage ;;
    esac
done
shift $((OPTIND - 1))
{ [ -n "$out" ] && [ $# -ge 1 ]; } || usage
header=config,act,seed,train_acc,test_acc,train_loss,test_loss,collapsed,epochs_run,seconds,status
for f; do
    [ "$(head -n 1 "$f" 2>/dev/null)" = "$header" ] ||
        { echo "$prog: $f: not a per-run CSV (expected the header $header)" >&2; exit 1; }
done
case $out$title in *\'*|*\\*) echo "$prog: quotes and backslashes are not supported in names" >&2; exit 2 ;; esac
command -v gnuplot >/dev/null || { echo "$prog: gnuplot not found (Debian: apt-get install gnuplot-nox)" >&2; exit 1; }
work=$(mktemp -d)
# the PNG is written next to OUT and renamed into place: all or nothing
tmp=$out.tmp.$$.png
trap 'rm -rf "$work" "$tmp"' EXIT
# config index (order of first appearance), a fixed jitter, test accuracy
awk -F, -v dir="$work" '
    $0 == "'"$header"'" || /^#/ || $11 != "ok" { next }
    !($1 in idx) { idx[$1] = ++n; name[n] = $1 }
    { i = idx[$1]; sum[i] += $5; cnt[i]++
      # a fixed pseudo-random jitter in [-0.3, 0.3] from the seed
      j = (($3 * 2654435761) % 1000) / 1000 * 0.6 - 0.3
      print i + j, $5, $8 > (dir "/points.dat") }
    END { for (i = 1; i <= n; i++) {
            print i, sum[i] / cnt[i] > (dir "/means.dat")
            # one line per part of ACT/INIT/OUT_INIT keeps long names apart
            label = name[i]; gsub("/", "\\n", label)
            printf "%s\"%s\" %d", (i > 1 ? ", " : ""), label, i > (dir "/tics.txt") }
          print n > (dir "/n.txt") }' "$@"
[ -s "$work/points.dat" ] || { echo "$prog: no runs with status ok" >&2; exit 1; }
n=$(cat "$work/n.txt")
tics=$(cat "$work/tics.txt")
gnuplot <<GP
set terminal pngcairo size 640,480 font 'sans,10'
set output '$tmp'
set title '$title' noenhanced
set ylabel 'test accuracy'
set xrange [0.4:$n + 0.6]
set xtics ($tics) noenhanced
set grid ytics
set key below horizontal
set bmargin 7
plot '$work/points.dat' using 1:(\$3 == 0 ? \$2 : 1/0) with points pt 7 ps 0.6 lc rgb '#2a6fb0' title 'not collapsed', \
     '$work/points.dat' using 1:(\$3 == 1 ? \$2 : 1/0) with points pt 7 ps 0.6 lc rgb '#c04040' title 'collapsed', \
     '$work/means.dat' using 1:2:(0.35) with xerrorbars pt -1 lw 2.5 lc rgb 'black' title 'mean'
GP
mv -f "$tmp" "$out"
