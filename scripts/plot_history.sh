#!/bin/sh
# Plot train and test accuracy per epoch from a history CSV written by
# `mlptrain --csv FILE` (Keras CSVLogger columns epoch,accuracy,loss
# [,val_accuracy,val_loss]), like the article's figure: legend "train"/"test".
# A history without test rows plots "train" alone; a run that stopped early
# (its file ends with "# partial: REASON") says "partial" in the title.
#
# Usage: scripts/plot_history.sh [-t TITLE] [-o OUT.png] HISTORY.csv
#   -t TITLE   plot title [the file name]
#   -o OUT     PNG to write [HISTORY with .png instead of .csv]
# Needs gnuplot (Debian gnuplot-nox).
set -eu
prog=plot_history.sh
usage() { echo "usage: $prog [-t TITLE] [-o OUT.png] HISTORY.csv" >&2; exit 2; }
title='' out=''
while getopts t:o:h opt; do
    case $opt in
    t) title=$OPTARG ;;
    o) out=$OPTARG ;;
    *) usage ;;
    esac
done
shift $((OPTIND - 1))
[ $# = 1 ] || usage
in=$1
[ -r "$in" ] || { echo "$prog: $in: cannot read" >&2; exit 1; }
header=$(head -n 1 "$in" | tr -d '\r')
case $header in
epoch,accuracy,loss,val_accuracy,val_loss) has_val=1 ;;
epoch,accuracy,loss) has_val=0 ;;
*) echo "$prog: $in: not a history CSV (header \"$header\", expected epoch,accuracy,loss[,val_accuracy,val_loss])" >&2; exit 1 ;;
esac
rows=$(grep -vc '^#' "$in" || true)
[ "$rows" -ge 2 ] || { echo "$prog: $in: no epochs to plot" >&2; exit 1; }
# one epoch is one point: draw points, a line needs two
style="lines lw 1.5" xrange=""
[ "$rows" -gt 2 ] || { style="points pt 7"; xrange="set xrange [-1:1]"; }
[ -n "$out" ] || out=${in%.csv}.png
[ -n "$title" ] || title=$(basename "$in")
grep -q '^# partial:' "$in" && title="$title (partial: stopped early)"
for s in "$in" "$out" "$title"; do
    case $s in *\'*|*\\*) echo "$prog: quotes and backslashes are not supported in names: $s" >&2; exit 2 ;; esac
done
command -v gnuplot >/dev/null || { echo "$prog: gnuplot not found (Debian: apt-get install gnuplot-nox)" >&2; exit 1; }
tmp=$out.tmp.$$.png
trap 'rm -f "$tmp"' EXIT
if [ $has_val = 1 ]; then
    plots="'$in' using 'epoch':'accuracy' with $style title 'train', '$in' using 'epoch':'val_accuracy' with $style title 'test'"
else
    plots="'$in' using 'epoch':'accuracy' with $style title 'train'"
fi
gnuplot <<GP
set terminal pngcairo size 640,420 font 'sans,10'
set output '$tmp'
set datafile separator comma
set datafile columnheaders
set title '$title' noenhanced
set xlabel 'epoch'
set ylabel 'accuracy'
set key below horizontal
set bmargin 5
set grid
$xrange
plot $plots
GP
mv -f "$tmp" "$out"
trap - EXIT
