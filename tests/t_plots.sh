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

# CRLF line ends (a history passed through Windows), and one epoch (points)
sed 's/$/\r/' $T/h.csv >$T/crlf.csv
expect "CRLF history" 0 "" "" -- scripts/plot_history.sh -o $T/crlf.png $T/crlf.csv
check "CRLF PNG" is_png $T/crlf.png
$M --epochs 1 --quiet --csv $T/one.csv >/dev/null
expect "one-epoch history, no gnuplot warning" 0 "" "" -- scripts/plot_history.sh -o $T/one.png $T/one.csv
check "one-epoch PNG" is_png $T/one.png
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

# gradient norms from --diag files: two panels; a dead network is refused
# and the previous picture is kept; a file of another kind is refused
$M --act relu6 --epochs 5 --quiet --diag $T/d6.csv >/dev/null
$M --act tanh --init uniform:0:1 --out-init uniform:0:1 --epochs 5 --quiet --diag $T/dt.csv >/dev/null
expect "gradient norms" 0 "" "" -- scripts/plot_grad_norms.sh $T/g.png $T/dt.csv tanh $T/d6.csv relu6
check "gradient norms PNG" is_png $T/g.png
cp $T/g.png $T/g.before
$M --act relu --seed 10 --epochs 3 --quiet --diag $T/dead.csv >/dev/null
expect "gradient norms of a dead network" 1 "" "plot_grad_norms.sh: $T/dead.csv: every gradient norm is 0 (a dead network): nothing to draw on a log scale" -- scripts/plot_grad_norms.sh $T/g.png $T/dead.csv dead
check "the previous gradient PNG is kept" cmp -s $T/g.png $T/g.before
check "no temporary PNG left" [ "$(ls $T | grep -c 'g.png.tmp')" = 0 ]
expect "gradient norms wrong file" 1 "" "plot_grad_norms.sh: $T/h.csv: not an mlptrain --diag file (expected the header epoch,layer,grad_norm,weight_norm,dead_frac,saturated_frac,mean_act)" -- scripts/plot_grad_norms.sh $T/g2.png $T/h.csv h
check "no PNG for a wrong file" [ ! -e $T/g2.png ]
# one layer dead throughout, the others alive: named in the title, drawn without it
awk -F, 'NR > 1 && $2 == 3 { $3 = 0 } { print }' OFS=, $T/d6.csv >$T/d6dead3.csv
expect "gradient norms with a dead layer" 0 "" "" -- scripts/plot_grad_norms.sh $T/g3.png $T/d6dead3.csv relu6
check "dead-layer PNG" is_png $T/g3.png
printf 'epoch,layer,grad_norm,weight_norm,dead_frac,saturated_frac,mean_act\n0,1,abc,1,0,0,0\n' >$T/dbad.csv
expect "gradient norms bad row" 1 "" "$T/dbad.csv:2: not a diagnostics row: 0,1,abc,1,0,0,0" -- scripts/plot_grad_norms.sh $T/g4.png $T/dbad.csv bad
expect "gradient norms quote in a title" 2 "" "plot_grad_norms.sh: quotes and backslashes are not supported in names: it's" -- scripts/plot_grad_norms.sh $T/g5.png $T/d6.csv "it's"

# the article's three runs, shortened to 3 epochs
MLPTRAIN=$M scripts/compare_activations.sh --epochs 3 --plot --dir $T/cmp >$T/table.txt 2>$T/table.err
check "compare exit" [ $? = 0 ]
check "compare table" [ "$(sed 's/ *[0-9.]*$//' $T/table.txt)" = "activation  train acc  test acc  collapsed  seconds
tanh            0.508     0.490         no
relu            0.506     0.470         no
relu6           0.506     0.470         no" ]
check "compare rows = single runs" [ "$($M --act tanh --init uniform:0:1 --out-init uniform:0:1 --epochs 3 --quiet)" = "Train: 0.508, Test: 0.490" ]
for f in tanh relu relu6 test_accuracy tanh_boundary relu_boundary relu6_boundary; do check "compare $f.png" is_png $T/cmp/$f.png; done
expect "compare: a bad seed prints only mlptrain's message" 2 "" "mlptrain: --seed: abc: not a whole number (allowed 0..4294967295)" -- env MLPTRAIN=$M scripts/compare_activations.sh --seed abc --dir $T/cmpbad
check "compare: a bad seed leaves no directory" [ ! -e $T/cmpbad ]
MLPTRAIN=$M scripts/compare_activations.sh --epochs 1 --plot --dir "$T/with space" >/dev/null 2>&1
check "compare: a directory with a space" [ $? = 0 ]
check "compare: its boundary PNG" is_png "$T/with space/relu6_boundary.png"

finish plots
