#!/bin/sh
# Diagnostics, fixed point and saved models from the command line (issue 6):
# exact messages and exit statuses, exact continuation of training, and
# predictions that agree with the trained run.
. tests/lib.sh
M=./mlptrain
T=$t_tmp
RAW=tests/fixtures/circles_raw_n600_noise0.1_seed1_factor0.8.csv
SMALL="--layers 2 --units 4 --lr 0.05"

# --- usage errors
A="allowed comma-separated bit widths of 4..32, e.g. 4,8,16"
expect "quant 3 bits" 2 "" "mlptrain: --quant: 3: out of range ($A)" -- $M --quant 3
expect "quant not a number" 2 "" "mlptrain: --quant: 8,x: not a whole number ($A)" -- $M --quant 8,x
expect "quant empty" 2 "" "mlptrain: --quant: \"\": empty value ($A)" -- $M --quant ""
expect "quant-csv alone" 2 "" "mlptrain: --quant-csv needs --quant (the bit widths to tabulate)" -- $M --quant-csv $T/q.csv
expect "quant sigmoid" 2 "" "mlptrain: --act: sigmoid: no fixed-point version for --quant (allowed relu, relu6, tanh)" -- $M --act sigmoid --quant 8
expect "diag empty" 2 "" "mlptrain: --diag: \"\": empty value (allowed a file name or -)" -- $M --diag ""
expect "save bad dir" 2 "" "mlptrain: --save: $T/no/m.txt: directory \"$T/no\" does not exist" -- $M --save $T/no/m.txt
expect "predict without --load" 2 "" "mlptrain predict: --load FILE is required (the model to predict with)" -- $M predict
expect "predict unknown option" 2 "" "mlptrain predict: --act: unknown option (see mlptrain predict --help)" -- $M predict --act relu
expect "predict missing model" 2 "" "mlptrain predict: --load: $T/none.txt: cannot open: No such file or directory" -- $M predict --load $T/none.txt

# --- fixed point: the table on stdout and in the CSV
expect "quant table" 0 "Train: 0.662, Test: 0.730
Fixed point (integers only; formats calibrated on the training rows):
bits    train   test  test rows changed
float  0.662  0.730
4      0.642  0.680  21/100
8      0.666  0.710  2/100
32     0.662  0.730  0/100" "*" -- $M $SMALL --epochs 30 --quant 4,8,32 --quant-csv $T/q.csv
expect "quant csv" 0 "bits,train_acc,test_acc,float_train_acc,float_test_acc,test_changed,test_changed_frac
4,0.642,0.68,0.662,0.73,21,0.21
8,0.666,0.71,0.662,0.73,2,0.02
32,0.662,0.73,0.662,0.73,0,0" "" -- cat $T/q.csv

# --- diagnostics: one row per epoch and layer
expect "diag run" 0 "Train: 0.524, Test: 0.520" "*" -- $M $SMALL --epochs 3 --diag $T/d.csv
expect "diag header" 0 "epoch,layer,grad_norm,weight_norm,dead_frac,saturated_frac,mean_act" "" -- head -n 1 $T/d.csv
expect "diag shape" 0 "epoch,layer
0,1
0,2
0,3
1,1
1,2
1,3
2,1
2,2
2,3" "" -- cut -d, -f1,2 $T/d.csv
# the dead-network warning (on the first batch), and not for a network that lives
$M --act relu --seed 9 --epochs 1 2>$T/err >/dev/null
check "dead at init warned" grep -qx "mlptrain: warning: the network is dead at initialization: its output is the same (logit 0) for all 500 training rows; try another --seed or --init" $T/err
$M --act relu --seed 1 --epochs 1 2>$T/err >/dev/null
check "alive at init not warned" sh -c "! grep -q 'dead at initialization' $T/err"

# --- saved models: continuing is exact
$M $SMALL --epochs 4 --save $T/a.txt --csv $T/h1.csv 2>/dev/null >/dev/null
expect "continue" 0 "Train: 0.538, Test: 0.570" "*" -- $M $SMALL --load $T/a.txt --epochs 4 --save $T/b.txt --csv $T/h2.csv
expect "straight" 0 "Train: 0.538, Test: 0.570" "*" -- $M $SMALL --epochs 8 --save $T/c.txt
check "4 + 4 epochs == 8 epochs, bit for bit" cmp -s $T/b.txt $T/c.txt
expect "history numbering goes on" 0 "4
5
6
7" "" -- sh -c "tail -n +2 $T/h2.csv | cut -d, -f1"
expect "contradicting --act" 2 "" "mlptrain: --act: tanh: contradicts the model in $T/a.txt (it has relu6); drop the option" -- $M --load $T/a.txt --act tanh
expect "contradicting --seed" 2 "" "mlptrain: --seed: 2: contradicts the model in $T/a.txt (it has seed 1); drop the option" -- $M --load $T/a.txt --seed 2
expect "contradicting --no-scale" 2 "" "mlptrain: --no-scale: given: contradicts the model in $T/a.txt (it has a MinMax scaler); drop the option" -- $M --load $T/a.txt --no-scale
expect "agreeing options" 0 "Train: 0.538, Test: 0.570" "*" -- $M --load $T/a.txt --layers 2 --units 4 --seed 1 --act relu6 --lr 0.05 --epochs 4
expect "other data" 2 "" "*" -- $M --load $T/a.txt --noise 0.2
$M --load $T/a.txt --noise 0.2 2>$T/err
check "other data: the message" grep -qx "mlptrain: --load: the data's MinMax scaling (column 1: scale 0.73815223701835264, shift -0.058448213756374989) differs from the model's (0.86085917344007434, -0.041601685919352316): train on the same data" $T/err
sed 's/^mlptrain-model 1$/mlptrain-model 2/' $T/a.txt > $T/future.txt
expect "future version" 2 "" "mlptrain: --load: $T/future.txt:1: format version 2 is newer than this mlptrain reads (1); use a newer mlptrain" -- $M --load $T/future.txt
head -n 20 $T/a.txt > $T/cut.txt
expect "truncated" 2 "" "mlptrain predict: --load: $T/cut.txt:21: unexpected end of file in layer 2 (the file is truncated)" -- $M predict --load $T/cut.txt

# --- predict: raw units in, the same classes as the run's test accuracy
{ echo "x1,x2,y"; tail -n 100 $RAW; } > $T/test_raw.csv
$M predict --load $T/c.txt --input $T/test_raw.csv > $T/pred.csv
expect "predict accuracy = Test accuracy" 0 "0.570" "" -- sh -c "tail -n +2 $T/test_raw.csv | cut -d, -f3 > $T/y; tail -n +2 $T/pred.csv | cut -d, -f2 | paste -d' ' $T/y - | awk '{c += (\$1 == \$2)} END {printf \"%.3f\", c / NR}'"
expect "predict stdin, header optional" 0 "probability,class
0.5201375195788553,1
0.5201375195788553,1" "" -- sh -c "printf '0.5,0.25\n 0.5 , 0.25 ,1\n' | $M predict --load $T/c.txt"
expect "predict bad row" 1 "" "mlptrain predict: stdin:2: x2: \"nan\": not a finite number (allowed finite numbers, |x| <= 1e10)" -- sh -c "printf 'x1,x2\n1,nan\n' | $M predict --load $T/c.txt"

# a model file without its velocity block trains on, with a warning
$M --epochs 3 --save $t_tmp/m3.txt --quiet >/dev/null
awk '/^velocity/ { skip = 1 } /^end/ { skip = 0 } !skip' $t_tmp/m3.txt >$t_tmp/m3nov.txt
$M --load $t_tmp/m3nov.txt --epochs 2 >/dev/null 2>$t_tmp/nov.err
check "no velocity: still runs" [ $? = 0 ]
check "no velocity: warned" [ "$(tail -n 1 $t_tmp/nov.err)" = "mlptrain: warning: $t_tmp/m3nov.txt has no velocity block: training goes on from zero momentum, not as one uninterrupted run would" ]
$M --load $t_tmp/m3nov.txt --epochs 0 >/dev/null 2>$t_tmp/nov0.err
check "no velocity, no training: no warning" [ "$(grep -c warning $t_tmp/nov0.err)" = 0 ]

# scripts/quant_seeds.sh over two seeds: its table, and a cell checked
# against the single run it comes from (relu6 seed 1 is the only relu6
# learner: its 4-bit test accuracy is the mean)
MLPTRAIN=$M scripts/quant_seeds.sh 1 2 4,8 >$t_tmp/qs.txt 2>$t_tmp/qs.err
check "quant_seeds exit" [ $? = 0 ]
check "quant_seeds table" [ "$(cat $t_tmp/qs.txt)" = "
| mean test accuracy | learned | float | 4 bits | 8 bits |
|---|---|---|---|---|
| relu6 | 1/2 | 0.790 | 0.530 | 0.780 |
| relu | 1/2 | 0.800 | 0.660 | 0.780 |
| tanh uniform:0:1 | 0/2 | - | - | - |
| tanh glorot_uniform | 2/2 | 0.790 | 0.680 | 0.770 |

| test rows changed | learned | float | 4 bits | 8 bits |
|---|---|---|---|---|
| relu6 | 1/2 | 0 | 46.0% | 5.0% |
| relu | 1/2 | 0 | 26.0% | 2.0% |
| tanh uniform:0:1 | 0/2 | 0 | - | - |
| tanh glorot_uniform | 2/2 | 0 | 24.0% | 3.0% |" ]
check "quant_seeds cell = the single run" [ "$($M --act relu6 --seed 1 --quant 4 --quiet --quant-csv - 2>/dev/null | tail -n 1)" = "4,0.558,0.53,0.822,0.79,46,0.46" ]
expect "quant_seeds passes on a failure" 1 "*" "quant_seeds.sh: the relu6 run with seed 1 failed:
mlptrain: --quant: 4,99: out of range (allowed comma-separated bit widths of 4..32, e.g. 4,8,16)" -- env MLPTRAIN=$M scripts/quant_seeds.sh 1 2 4,99

finish beyond
