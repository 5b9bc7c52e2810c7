#!/bin/sh
# The plot scripts and scripts/compare_activations.sh: they run on the
# files mlptrain writes and produce PNG files (the pictures themselves were
# looked at by hand; see README.md, "Is ReLU6 better?").
. tests/lib.sh
M=./mlptrain
T=$t_tmp
is_png() { [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; }

$M --epochs 5 --quiet --csv $T/h.csv >/dev/null
expect "plot a history" 0 "" "" -- scripts/plot_history.sh -t relu6 -o $T/h.png $T/h.csv
check "history PNG" is_png $T/h.png
expect "default output name" 0 "" "" -- scripts/plot_history.sh $T/h.csv
check "history PNG next to the CSV" is_png $T/h.png

# a history without test rows, and one that stopped early
$M --epochs 5 --train 600 --quiet --csv $T/notest.csv >/dev/null
expect "no val columns" 0 "" "" -- scripts/plot_history.sh -o $T/notest.png $T/notest.csv
check "train-only PNG" is_png $T/notest.png
# (the history of an interrupted or diverged run ends with this line)
{ head -n 4 $T/h.csv; echo "# partial: 3 of 5 epochs complete; interrupted in epoch 4 of 5"; } >$T/diverged.csv
expect "partial history" 0 "" "" -- scripts/plot_history.sh -o $T/diverged.png $T/diverged.csv
check "partial PNG" is_png $T/diverged.png

printf 'a,b\n1,2\n' >$T/bad.csv
expect "not a history" 1 "" "plot_history.sh: $T/bad.csv: not a history CSV (header \"a,b\", expected epoch,accuracy,loss[,val_accuracy,val_loss])" -- scripts/plot_history.sh $T/bad.csv
expect "overlay" 0 "" "" -- scripts/plot_compare.sh -o $T/cmp.png a=$T/h.csv b=$T/diverged.csv
check "overlay PNG" is_png $T/cmp.png
expect "overlay needs val" 1 "" "plot_compare.sh: $T/notest.csv: no column val_accuracy (header \"epoch,accuracy,loss\")" -- scripts/plot_compare.sh -o $T/x.png a=$T/notest.csv

$M --epochs 5 --quiet --grid $T/grid.csv --grid-size 11 --dump-data $T/data.csv >/dev/null
expect "boundary" 0 "" "" -- scripts/plot_boundary.sh -t "5 epochs" -o $T/b.png $T/grid.csv $T/data.csv
check "boundary PNG" is_png $T/b.png
# a collapsed model: p on one side of 0.5 everywhere, no boundary to draw
awk -F, 'NR == 1 { print; next } { print $1 "," $2 ",0.3" }' $T/grid.csv >$T/flat.csv
expect "constant grid" 0 "" "" -- scripts/plot_boundary.sh -o $T/flat.png $T/flat.csv $T/data.csv
check "constant grid PNG" is_png $T/flat.png
expect "boundary wrong file" 1 "" "plot_boundary.sh: $T/h.csv: not a grid CSV (expected the header x1,x2,p of mlptrain --grid)" -- scripts/plot_boundary.sh -o $T/b.png $T/h.csv $T/data.csv

$M sweep --seeds 1-4 --epochs 2 --act relu,tanh --out $T/runs.csv >/dev/null 2>&1
expect "sweep plot" 0 "" "" -- scripts/plot_sweep.sh -o $T/sweep.png $T/runs.csv
check "sweep PNG" is_png $T/sweep.png
expect "sweep plot wrong file" 1 "" "plot_sweep.sh: $T/h.csv: not a per-run CSV (expected the header config,act,seed,train_acc,test_acc,train_loss,test_loss,collapsed,epochs_run,seconds,status)" -- scripts/plot_sweep.sh -o $T/s.png $T/h.csv

# the article's three runs, shortened to 3 epochs
MLPTRAIN=$M scripts/compare_activations.sh --epochs 3 --plot --dir $T/cmp >$T/table.txt 2>$T/table.err
check "compare exit" [ $? = 0 ]
check "compare table" [ "$(sed 's/ *[0-9.]*$//' $T/table.txt)" = "activation  train acc  test acc  collapsed  seconds
tanh            0.508     0.490         no
relu            0.506     0.470         no
relu6           0.506     0.470         no" ]
check "compare rows = single runs" [ "$($M --act tanh --init uniform:0:1 --out-init uniform:0:1 --epochs 3 --quiet)" = "Train: 0.508, Test: 0.490" ]
for f in tanh relu relu6 test_accuracy tanh_boundary relu_boundary relu6_boundary; do check "compare $f.png" is_png $T/cmp/$f.png; done

finish plots
