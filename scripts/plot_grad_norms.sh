#!/bin/sh
# Plot the gradient norm of every layer over the epochs, on a log scale, from
# one or more `mlptrain --diag` files side by side: the picture of a
# vanishing gradient (the first layers' norms orders of magnitude below the
# last ones').  A layer whose norm is 0 in every epoch (a dead layer) has no
# logarithm: it is left out of the curves and named in the panel's title;
# a file whose every norm is 0 is refused (nothing to draw on a log scale).
# The PNG is written under a temporary name and renamed into place.
# Usage: scripts/plot_grad_norms.sh OUT.png DIAG.csv TITLE [DIAG.csv TITLE]...
# Needs gnuplot (Debian: gnuplot-nox).
set -eu
prog=plot_grad_norms.sh
if [ $# -lt 3 ] || [ $(( ($# - 1) % 2 )) -ne 0 ]; then
    echo "usage: $prog OUT.png DIAG.csv TITLE [DIAG.csv TITLE]..." >&2
    exit 2
fi
for s in "$@"; do
    case $s in *\'*|*\\*) echo "$prog: quotes and backslashes are not supported in names: $s" >&2; exit 2 ;; esac
done
out=$1
shift
n=$(( $# / 2 ))
header="epoch,layer,grad_norm,weight_norm,dead_frac,saturated_frac,mean_act"
tmp=$(mktemp -d)
part=$out.tmp.$$.png
trap 'rm -rf "$tmp"; rm -f "$part"' EXIT
script=$tmp/plot.gp
i=0
{
    echo "set terminal png size $((520 * n)),420 font 'sans,9'"
    echo "set output '$part'"
    echo "set logscale y"
    echo "set format y '10^{%L}'"
    echo "set xlabel 'epoch'"
    echo "set ylabel 'mean L2 norm of the kernel gradient'"
    echo "set key outside right top Left reverse spacing 0.9"
    # colour by depth: the first layer blue, through cyan, green and
    # orange, to the output in red (dash patterns, where the terminal draws them)
    echo "set palette defined (0 '#1f3fbf', 0.25 '#17becf', 0.5 '#2ca02c', 0.75 '#ff7f0e', 1 '#d62728')"
    echo "unset colorbox"
    echo "set multiplot layout 1,$n"
    while [ $# -gt 0 ]; do
        f=$1 title=$2
        shift 2
        [ -r "$f" ] && [ -f "$f" ] || { echo "$prog: $f: cannot read" >&2; exit 1; }
        [ "$(head -n 1 "$f" | tr -d '\r')" = "$header" ] ||
            { echo "$prog: $f: not an mlptrain --diag file (expected the header $header)" >&2; exit 1; }
        i=$((i + 1))
        # one data block per layer (gnuplot's index); the layers with a
        # positive norm in some epoch go to $tmp/$i.layers, the others to
        # $tmp/$i.dead; a row that is not numbers is refused
        awk -F, -v dat="$tmp/$i.dat" -v lay="$tmp/$i.layers" -v dead="$tmp/$i.dead" -v f="$f" '
            /^#/ || NR == 1 { next }
            {
                sub(/\r$/, "")
                if ($2 !~ /^[0-9]+$/ || $2 < 1 || $3 !~ /^[-+.0-9eE]+$/) {
                    printf "%s:%d: not a diagnostics row: %s\n", f, NR, $0 > "/dev/stderr"; bad = 1; exit 1
                }
                if ($2 > L) L = $2
                if ($3 > 0) { row[$2] = row[$2] $1 " " $3 "\n"; live[$2] = 1 }
            }
            END {
                if (bad) exit 1
                for (l = 1; l <= L; l++) printf "%s\n\n", (l in row) ? row[l] : "0 1\n" > dat
                printf "%d\n", L > lay
                s = ""
                for (l = 1; l <= L; l++) if (!(l in live)) s = s (s == "" ? "" : " ") l
                for (l = 1; l <= L; l++) if (l in live) ls = ls (ls == "" ? "" : " ") l
                printf "%s\n%s\n", s, ls > dead
            }' "$f" || exit 1
        layers=$(cat "$tmp/$i.layers")
        [ "$layers" -gt 0 ] || { echo "$prog: $f: no rows (expected an mlptrain --diag file)" >&2; exit 1; }
        zero=$(sed -n 1p "$tmp/$i.dead") live=$(sed -n 2p "$tmp/$i.dead")
        [ -n "$live" ] || { echo "$prog: $f: every gradient norm is 0 (a dead network): nothing to draw on a log scale" >&2; exit 1; }
        [ -z "$zero" ] || title="$title (zero throughout: layers $zero)"
        echo "set title '$title' noenhanced"
        echo "plot for [s in '$live'] '$tmp/$i.dat' index (int(s) - 1) using 1:2 \\"
        echo "     with lines lw 1 dt int(s) % 3 + 1 lc palette frac ($layers > 1 ? (int(s) - 1.0) / ($layers - 1) : 0) \\"
        echo "     title (int(s) == $layers ? 'output' : sprintf('layer %d', int(s)))"
    done
    echo "unset multiplot"
} > "$script"
command -v gnuplot >/dev/null || { echo "$prog: gnuplot not found (Debian: apt-get install gnuplot-nox)" >&2; exit 1; }
gnuplot "$script"
mv -f "$part" "$out"
trap - EXIT
rm -rf "$tmp"
