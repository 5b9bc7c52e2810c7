#!/bin/sh
# The mlptrain command line: exact output, messages and exit statuses.
. tests/lib.sh
M=./mlptrain

expect "article relu6 run, seed 1" 0 "Train: 0.822, Test: 0.790" "*" -- $M --act relu6 --layers 11 --epochs 500
# the README's worked example, output for output
expect "article relu run, seed 1" 0 "Train: 0.826, Test: 0.800" "*" -- $M --act relu --layers 11 --epochs 500
expect "article tanh run, seed 1" 0 "Train: 0.512, Test: 0.540" "*" -- $M --act tanh --init uniform:0:1 --out-init uniform:0:1 --csv "$t_tmp/tanh.csv"
check "README's head -3 of the tanh history" test "$(head -3 "$t_tmp/tanh.csv")" = "epoch,accuracy,loss,val_accuracy,val_loss
0,0.492,1.6607207523805467,0.51,1.0564249112045914
1,0.494,0.8195492103488399,0.49,0.708700046889252"
check "the tanh history has 500 epochs" test "$(wc -l <"$t_tmp/tanh.csv")" = 501
# a usage error writes nothing, not even the history's header
expect "usage error with --csv" 2 "" "*" -- $M --act foo --csv "$t_tmp/none.csv"
check "a usage error leaves no history file" test ! -e "$t_tmp/none.csv"
check "a usage error leaves no temporary file" test "$(ls "$t_tmp" | grep -c 'none.csv')" = 0
expect "version" 0 "mlptrain 0.1.0" "" -- $M --version
expect "unknown activation" 2 "" "mlptrain: --act: foo: unknown activation (allowed tanh, relu, relu6, sigmoid, linear, leaky_relu, elu, selu, softplus, softsign, gelu, swish, hard_sigmoid)" -- $M --act foo
expect "units 0" 2 "" "mlptrain: --units: 0: out of range (allowed 1..1000000)" -- $M --units 0
expect "epochs -1" 2 "" "mlptrain: --epochs: -1: not a whole number (allowed 0..100000000)" -- $M --epochs -1
expect "lr nan" 2 "" "mlptrain: --lr: nan: not a finite number (allowed 0..1e6)" -- $M --lr nan
expect "seed 2^32" 2 "" "mlptrain: --seed: 4294967296: out of range (allowed 0..4294967295)" -- $M --seed 4294967296
expect "train larger than data" 2 "" "mlptrain: --train: 700: more than the rows generated (allowed 1..600, the --samples)" -- $M --train 700

SETTINGS="mlptrain 0.1.0: settings: --samples 600 --noise 0.1 --factor 0.8 --data-seed 1 --scale --range -1,1 --train 500 --widths 5,5,5,5,5,5,5,5,5,5,5 --act relu6 --init he_uniform --out-init glorot_uniform"
expect "settings line, article run" 0 "*" "$SETTINGS --epochs 500 --batch 32 --lr 0.01 --momentum 0.9 --seed 1" -- $M
expect "collapse is reported" 0 "Train: 0.504, Test: 0.480" "$SETTINGS --epochs 100 --batch 32 --lr 0.01 --momentum 0.9 --seed 2
mlptrain: note: the model collapsed to a constant output (class 0 for every row); deep narrow ReLU networks often do: try another --seed" -- $M --seed 2 --epochs 100
expect "collapse without ReLU layers" 0 "Train: 0.504, Test: 0.480" "*" -- $M --layers 0 --init zeros --out-init zeros --epochs 0
check "collapse without ReLU layers: no word about ReLU" [ "$(tail -n 1 "$t_tmp/err")" = "mlptrain: note: the model collapsed to a constant output (class 0 for every row): try another --seed" ]
expect "the committed dataset trains exactly as the generated one" 0 "Train: 0.822, Test: 0.790" "*" -- $M --data data/circles.csv
expect "tanh defaults to glorot_uniform" 0 "*" "mlptrain 0.1.0: settings: --samples 600 --noise 0.1 --factor 0.8 --data-seed 1 --scale --range -1,1 --train 500 --widths 5,5,5,5,5,5,5,5,5,5,5 --act tanh --init glorot_uniform --out-init glorot_uniform --epochs 0 --batch 32 --lr 0.01 --momentum 0.9 --seed 1" -- $M --act tanh --epochs 0
expect "layers 0 is logistic regression" 0 "*" "mlptrain 0.1.0: settings: --samples 600 --noise 0.1 --factor 0.8 --data-seed 1 --scale --range -1,1 --train 500 --layers 0 --act relu6 --init he_uniform --out-init glorot_uniform --epochs 5 --batch 32 --lr 0.01 --momentum 0.9 --seed 1" -- $M --layers 0 --epochs 5
expect "all rows train" 0 "Train: 0.533, Test: n/a" "*" -- $M --train 600 --epochs 3

# the same command twice gives byte-identical output and history
$M --act relu --epochs 40 --seed 9 --csv "$t_tmp/h1.csv" >"$t_tmp/o1" 2>&1
$M --act relu --epochs 40 --seed 9 --csv "$t_tmp/h2.csv" >"$t_tmp/o2" 2>&1
check "deterministic stdout and stderr" cmp -s "$t_tmp/o1" "$t_tmp/o2"
check "deterministic history" cmp -s "$t_tmp/h1.csv" "$t_tmp/h2.csv"
check "history has a header and 40 rows" test "$(wc -l <"$t_tmp/h1.csv")" = 41
check "history header is CSVLogger's" test "$(head -1 "$t_tmp/h1.csv")" = "epoch,accuracy,loss,val_accuracy,val_loss"
check "history epochs count from 0" test "$(cut -d, -f1 "$t_tmp/h1.csv" | sed -n '2p;41p' | tr '\n' ' ')" = "0 39 "
check "no temporary file left" test "$(ls "$t_tmp" | grep -c tmp)" = 0
$M --act relu --epochs 40 --seed 10 --csv "$t_tmp/h3.csv" >/dev/null 2>&1
check "another seed, another history" sh -c "! cmp -s '$t_tmp/h1.csv' '$t_tmp/h3.csv'"
# /dev/stdout is stdout too: two outputs there are refused as with "-"
expect "/dev/stdout and - both stdout" 2 "" "mlptrain: --csv /dev/stdout and --grid - both write to stdout; give one a file name" -- $M --epochs 1 --csv /dev/stdout --grid -
# a file on stdout stays a valid file: the Train line goes to stderr then
expect "history to stdout" 0 "epoch,accuracy,loss,val_accuracy,val_loss
0,0.502,0.7053150446423077,0.52,0.6980246169341595
1,0.48,0.696413868202538,0.48,0.693579658680829" "Train: 0.506, Test: 0.480" -- $M --epochs 2 --quiet --csv -
# the history goes out in whole rows: with -v's progress lines on the same
# pipe, every line is one or the other, never a row cut by a progress line
sh -c "$M -v --epochs 200 --csv - 2>&1 | cat" >"$t_tmp/both.txt"
check "history and -v on one pipe: 201 history lines" [ "$(grep -cE '^(epoch,accuracy|[0-9]+,[0-9.e+-]+,[0-9.e+-]+,[0-9.e+-]+,[0-9.e+-]+$)' "$t_tmp/both.txt")" = 201 ]
check "history and -v on one pipe: 200 progress lines" [ "$(grep -cE '^epoch [0-9]+: loss [0-9.]+ accuracy [0-9.]+ val_loss [0-9.]+ val_accuracy [0-9.]+$' "$t_tmp/both.txt")" = 200 ]
check "history and -v on one pipe: nothing else but the settings and the result" [ "$(wc -l <"$t_tmp/both.txt")" = 403 ]
expect "no test rows: no val columns" 0 "epoch,accuracy,loss
0,0.5,0.7027638724253834" "Train: 0.490, Test: n/a" -- $M --epochs 1 --train 600 --quiet --csv -
$M --epochs 2 --quiet --save - >"$t_tmp/m2.txt" 2>"$t_tmp/m2.err"
check "a model on stdout ends with its end line" [ "$(tail -n 1 "$t_tmp/m2.txt")" = end ]
check "a model on stdout: the Train line on stderr" [ "$(cat "$t_tmp/m2.err")" = "Train: 0.506, Test: 0.480" ]
check "a model written to stdout loads" sh -c "echo 0.1,0.2 | $M predict --load '$t_tmp/m2.txt' >/dev/null"
$M --epochs 2 --quiet --grid - --grid-size 3 >"$t_tmp/g2.csv" 2>/dev/null
check "a grid on stdout: 9 points after the header, nothing else" [ "$(grep -c . "$t_tmp/g2.csv")" = 10 ]

# a diverging run stops, says where, keeps its complete epochs, marks them partial
expect "non-finite loss" 1 "" "mlptrain 0.1.0: settings: --samples 600 --noise 0.1 --factor 0.8 --data-seed 1 --scale --range -1,1 --train 500 --widths 5,5,5,5,5,5,5,5,5,5,5 --act linear --init glorot_uniform --out-init glorot_uniform --epochs 3 --batch 32 --lr 1000 --momentum 0.9 --seed 1
mlptrain: the loss became NaN in epoch 1 of 3 (batch 4 of 16); try a smaller --lr" -- $M --lr 1000 --act linear --epochs 3 --csv "$t_tmp/nan.csv"
check "partial history kept and marked" test "$(cat "$t_tmp/nan.csv")" = "epoch,accuracy,loss,val_accuracy,val_loss
# partial: 0 of 3 epochs complete; the loss became NaN in epoch 1 of 3 (batch 4 of 16); try a smaller --lr"

# usage errors: one line, exit 2, nothing written
expect "unreadable data" 2 "" "mlptrain: --data: $t_tmp/nope.csv: cannot open: No such file or directory" -- $M --data "$t_tmp/nope.csv"
expect "csv directory missing" 2 "" "mlptrain: --csv: $t_tmp/no/h.csv: directory \"$t_tmp/no\" does not exist" -- $M --csv "$t_tmp/no/h.csv"
expect "train larger than the file" 2 "" "mlptrain: --train: 500: more than the 7 rows of tests/fixtures/circles_raw_n7_noise0.1_seed5_factor0.8.csv (allowed 1..7)" -- $M --data tests/fixtures/circles_raw_n7_noise0.1_seed5_factor0.8.csv
expect "scale contradiction" 2 "" "mlptrain: --scale and --no-scale contradict each other; give one" -- $M --scale --no-scale
expect "widths contradiction" 2 "" "mlptrain: --widths and --layers contradict each other; give --widths alone or --layers/--units" -- $M --widths 3,3 --layers 2
expect "generator option with --data" 2 "" "mlptrain: --noise applies to generated data only; drop it or --data" -- $M --data data/circles.csv --noise 0.2
expect "unknown option" 2 "" "mlptrain: --bogus: unknown option (see mlptrain --help)" -- $M --bogus
expect "missing value" 2 "" "mlptrain: --epochs: missing value (see mlptrain --help)" -- $M --epochs
expect "misspelled subcommand" 2 "" "mlptrain: sumarize: unknown subcommand (allowed sweep, summarize, predict, or options only; see mlptrain --help)" -- $M sumarize runs.csv
expect "stray argument" 2 "" "mlptrain: extra: unexpected argument (options only; see mlptrain --help)" -- $M --epochs 5 extra
expect "bad initializer" 2 "" "mlptrain: --init: uniform:1:0: expected uniform:A:B with finite numbers A < B (allowed he_uniform, he_normal, glorot_uniform, glorot_normal, lecun_uniform, lecun_normal, uniform:A:B, normal:MEAN:SD, zeros, ones)" -- $M --init uniform:1:0
expect "momentum above 1" 2 "" "mlptrain: --momentum: 1.5: out of range (allowed 0..1)" -- $M --momentum 1.5
expect "widths with a zero" 2 "" "mlptrain: --widths: 8,0,4: out of range (allowed comma-separated widths of 1..1000000)" -- $M --widths 8,0,4

# --help lists every option with its default
$M --help >"$t_tmp/help"
for o in data samples noise factor data-seed scale no-scale range train layers units widths act init out-init epochs batch lr momentum nesterov seed csv verbose help version; do
    check "--help lists --$o" grep -q -- "--$o" "$t_tmp/help"
done
for d in "[600]" "[0.1]" "[0.8]" "[-1,1]" "[500]" "[11]" "[5]" "[relu6]" "[glorot_uniform]" "[32]" "[0.01]" "[0.9]"; do
    check "--help shows default $d" grep -qF -- "$d" "$t_tmp/help"
done

finish cli
