#!/bin/sh
# Plot the gradient norm of every layer over the epochs, on a log scale, from
# one or more `mlptrain --diag` files side by side: the picture of a
# vanishing gradient (the first layers' norms orders of magnitude below the
# last ones', or zero: a dead layer, not drawn on a log scale).
# Usage: scripts/plot_grad_norms.sh OUT.png DIAG.csv TITLE [DIAG.csv TITLE]...
# Needs gnuplot (Debian: gnuplot-nox).
set -eu
if [ $# -lt 3 ] || [ $(( ($# - 1) % 2 )) -ne 0 ]; then
    echo "usage: $0 OUT.png DIAG.csv TITLE [DIAG.csv TITLE]..." >&2
    exit 2
fi
command -v gnuplot >/dev/null || { echo "$0: gnuplot not found (apt-get install gnuplot-nox)" >&2; exit 1; }
out=$1
shift
n=$(( $# / 2 ))
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
script=$tmp/plot.gp
i=0
{
    echo "set terminal png size $((520 * n)),420 font 'sans,9'"
    echo "set output '$out'"
    echo "set logscale y"
    echo "set format y '10^{%L}'"
    echo "set xlabel 'epoch'"
    echo "set ylabel 'mean L2 norm of the kernel gradient'"
    echo "set key outside right top Left reverse spacing 0.9"
    # colour by depth: the first layer blue, the output red
    echo "set palette defined (0 '#1f3fbf', 0.5 '#2ca02c', 1 '#d62728')"
    echo "unset colorbox"
    echo "set multiplot layout 1,$n"
    while [ $# -gt 0 ]; do
        f=$1 title=$2
        shift 2
        [ -r "$f" ] || { echo "$0: $f: cannot read" >&2; exit 1; }
        layers=$(awk -F, 'NR > 1 && $2 > m { m = $2 } END { print m + 0 }' "$f")
        [ "$layers" -gt 0 ] || { echo "$0: $f: no rows (expected an mlptrain --diag file)" >&2; exit 1; }
        # one data block per layer (gnuplot's index); a zero norm (a dead
        # layer) has no logarithm and is left out
        i=$((i + 1))
        awk -F, -v L="$layers" 'NR > 1 && $3 > 0 { row[$2] = row[$2] $1 " " $3 "\n" }
            END { for (l = 1; l <= L; l++) printf "%s\n\n", row[l] }' "$f" > "$tmp/$i.dat"
        echo "set title '$title' noenhanced"
        echo "plot for [l=1:$layers] '$tmp/$i.dat' index (l - 1) using 1:2 \\"
        echo "     with lines lw 1 lc palette frac ($layers > 1 ? (l - 1.0) / ($layers - 1) : 0) \\"
        echo "     title (l == $layers ? 'output' : sprintf('layer %d', l))"
    done
    echo "unset multiplot"
} > "$script"
gnuplot "$script"
