#!/bin/sh
# Draw what a model learned: its probability of class 1 as a heat map, the
# decision boundary (p = 0.5) as a black line (none when the model predicts
# one class everywhere), and the data on top
# (training rows as filled dots, test rows as open circles, coloured by
# label).
#   mlptrain --act relu6 --grid grid.csv --dump-data data.csv
#   scripts/plot_boundary.sh -o boundary.png grid.csv data.csv
#
# Usage: scripts/plot_boundary.sh -o OUT.png [-t TITLE] [-n TRAIN] GRID.csv DATA.csv
#   GRID.csv   x1,x2,p from mlptrain --grid (x2 varying fastest)
#   DATA.csv   x1,x2,y as the model saw it: mlptrain --dump-data (or the
#              circles binary's output, which is the same for the defaults)
#   -n TRAIN   the first TRAIN rows of DATA are training rows [500]
#   -t TITLE   plot title [decision boundary]
# Needs gnuplot (Debian gnuplot-nox).
set -eu
prog=plot_boundary.sh
usage() { echo "usage: $prog -o OUT.png [-t TITLE] [-n TRAIN] GRID.csv DATA.csv" >&2; exit 2; }
out='' title='decision boundary' ntrain=500
while getopts o:t:n:h opt; do
    case $opt in
    o) out=$OPTARG ;;
    t) title=$OPTARG ;;
    n) ntrain=$OPTARG ;;
    *) usage ;;
    esac
done
shift $((OPTIND - 1))
{ [ -n "$out" ] && [ $# = 2 ]; } || usage
grid=$1 data=$2
case $ntrain in ''|*[!0-9]*) echo "$prog: -n: $ntrain: not a whole number" >&2; exit 2 ;; esac
[ "$(head -n 1 "$grid" 2>/dev/null)" = "x1,x2,p" ] ||
    { echo "$prog: $grid: not a grid CSV (expected the header x1,x2,p of mlptrain --grid)" >&2; exit 1; }
[ "$(head -n 1 "$data" 2>/dev/null)" = "x1,x2,y" ] ||
    { echo "$prog: $data: not a data CSV (expected the header x1,x2,y of mlptrain --dump-data)" >&2; exit 1; }
for s in "$out" "$title"; do
    case $s in *\'*|*\\*) echo "$prog: quotes and backslashes are not supported in names: $s" >&2; exit 2 ;; esac
done
command -v gnuplot >/dev/null || { echo "$prog: gnuplot not found (Debian: apt-get install gnuplot-nox)" >&2; exit 1; }
work=$(mktemp -d)
# the PNG is written next to OUT and renamed into place: all or nothing
tmp=$out.tmp.$$.png
trap 'rm -rf "$work" "$tmp"' EXIT
# gnuplot's contouring wants the grid as scans separated by blank lines
awk -F, 'NR > 1 { if (NR > 2 && $1 != last) print ""; print $1, $2, $3; last = $1 }' "$grid" >"$work/grid.dat"
awk -F, -v n="$ntrain" 'NR > 1 { print $1, $2, $3 > ((NR - 1 <= n) ? "'"$work"'/train.dat" : "'"$work"'/test.dat") }' "$data"
touch "$work/train.dat" "$work/test.dat"
# the picture covers the grid, half a cell beyond its outer points
ranges=$(awk -F, 'NR == 2 { x0 = $1; y0 = $2 } NR > 2 && $1 == x0 && !dy { dy = $2 - y0 }
    NR > 1 { x1 = $1; y1 = $2 } END { n = sqrt(NR - 1); dx = (x1 - x0) / (n - 1); if (!dy) dy = dx
    printf "set xrange [%.17g:%.17g]; set yrange [%.17g:%.17g]", x0 - dx / 2, x1 + dx / 2, y0 - dy / 2, y1 + dy / 2 }' "$grid")
# a model that predicts one class everywhere has no boundary to draw
if awk 'NF == 3 { lo = lo == "" || $3 < lo ? $3 : lo; hi = hi == "" || $3 > hi ? $3 : hi }
        END { exit !(lo <= 0.5 && hi > 0.5) }' "$work/grid.dat"; then
    boundary="'$work/contour.dat' using 1:2 with lines lw 2 lc rgb 'black' title 'p = 0.5',"
else
    boundary=
fi
[ -n "$boundary" ] && gnuplot <<GP
set contour base
set cntrparam levels discrete 0.5
unset surface
set table '$work/contour.dat'
splot '$work/grid.dat' using 1:2:3 with lines
unset table
GP
gnuplot <<GP
set terminal pngcairo size 560,500 font 'sans,10'
set output '$tmp'
set title '$title' noenhanced
set xlabel 'x1'
set ylabel 'x2'
set size ratio -1
$ranges
set palette defined (0 '#4a7fd0', 0.5 '#ffffff', 1 '#d05a4a')
set cbrange [0:1]
set cblabel 'p(class 1)'
set key below horizontal
set style fill transparent solid 1.0 noborder
plot '$work/grid.dat' using 1:2:3 with image notitle, \
     $boundary \
     '$work/train.dat' using 1:(\$3 == 0 ? \$2 : 1/0) with points pt 7 ps 0.5 lc rgb '#1f3f8f' title 'train, class 0', \
     '$work/train.dat' using 1:(\$3 == 1 ? \$2 : 1/0) with points pt 7 ps 0.5 lc rgb '#8f1f1f' title 'train, class 1', \
     '$work/test.dat' using 1:(\$3 == 0 ? \$2 : 1/0) with points pt 6 ps 0.9 lw 1.5 lc rgb '#1f3f8f' title 'test, class 0', \
     '$work/test.dat' using 1:(\$3 == 1 ? \$2 : 1/0) with points pt 6 ps 0.9 lw 1.5 lc rgb '#8f1f1f' title 'test, class 1'
GP
mv -f "$tmp" "$out"
