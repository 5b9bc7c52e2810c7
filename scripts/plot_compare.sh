#!/bin/sh
# Overlay one column of several history CSVs (mlptrain --csv) in one PNG:
# by default the test accuracy per epoch, one curve per run.
#
# Usage: scripts/plot_compare.sh -o OUT.png [-t TITLE] [-c COLUMN] LABEL=HISTORY.csv...
#   -c COLUMN  accuracy, loss, val_accuracy or val_loss [val_accuracy]
#   -t TITLE   plot title [test accuracy per epoch]
# Files that stopped early (# partial) are drawn as far as they go.
# Needs gnuplot (Debian gnuplot-nox).
set -eu
prog=plot_compare.sh
usage() { echo "usage: $prog -o OUT.png [-t TITLE] [-c COLUMN] LABEL=HISTORY.csv..." >&2; exit 2; }
out='' title='' col=val_accuracy
while getopts o:t:c:h opt; do
    case $opt in
    o) out=$OPTARG ;;
    t) title=$OPTARG ;;
    c) col=$OPTARG ;;
    *) usage ;;
    esac
done
shift $((OPTIND - 1))
{ [ -n "$out" ] && [ $# -ge 1 ]; } || usage
case $col in
accuracy|loss|val_accuracy|val_loss) ;;
*) echo "$prog: -c: $col: unknown column (allowed accuracy, loss, val_accuracy, val_loss)" >&2; exit 2 ;;
esac
case $col in
val_accuracy) ylabel='test accuracy' ;;
val_loss) ylabel='test loss' ;;
accuracy) ylabel='train accuracy' ;;
loss) ylabel='train loss' ;;
esac
[ -n "$title" ] || title="$ylabel per epoch"
plots=
for arg; do
    case $arg in
    *=*) label=${arg%%=*} file=${arg#*=} ;;
    *) echo "$prog: $arg: expected LABEL=HISTORY.csv" >&2; exit 2 ;;
    esac
    [ -r "$file" ] || { echo "$prog: $file: cannot read" >&2; exit 1; }
    head -n 1 "$file" | tr ',' '\n' | grep -qx "$col" ||
        { echo "$prog: $file: no column $col (header \"$(head -n 1 "$file")\")" >&2; exit 1; }
    for s in "$label" "$file"; do
        case $s in *\'*|*\\*) echo "$prog: quotes and backslashes are not supported in names: $s" >&2; exit 2 ;; esac
    done
    plots="$plots${plots:+, }'$file' using 'epoch':'$col' with lines lw 1.5 title '$label'"
done
case $out$title in *\'*|*\\*) echo "$prog: quotes and backslashes are not supported in names" >&2; exit 2 ;; esac
command -v gnuplot >/dev/null || { echo "$prog: gnuplot not found (Debian: apt-get install gnuplot-nox)" >&2; exit 1; }
tmp=$out.tmp.$$.png
trap 'rm -f "$tmp"' EXIT
gnuplot <<GP
set terminal pngcairo size 640,420 font 'sans,10'
set output '$tmp'
set datafile separator comma
set datafile columnheaders
set title '$title' noenhanced
set xlabel 'epoch'
set ylabel '$ylabel'
set key below horizontal noenhanced
set bmargin 5
set grid
plot $plots
GP
mv -f "$tmp" "$out"
trap - EXIT
