#!/bin/sh
# The mlptrain command line: exact output, messages and exit statuses.
. tests/lib.sh
M=./mlptrain

expect "article relu6 run, seed 1" 0 "Train: 0.822, Test: 0.790" "*" -- $M --act relu6 --layers 11 --epochs 500
expect "version" 0 "mlptrain 0.1.0" "" -- $M --version
expect "unknown activation" 2 "" "mlptrain: --act: foo: unknown activation (allowed tanh, relu, relu6, sigmoid, linear, leaky_relu, elu, selu, softplus, softsign, gelu, swish, hard_sigmoid)" -- $M --act foo
expect "units 0" 2 "" "mlptrain: --units: 0: out of range (allowed 1..1000000)" -- $M --units 0
expect "epochs -1" 2 "" "mlptrain: --epochs: -1: not a whole number (allowed 0..100000000)" -- $M --epochs -1
expect "lr nan" 2 "" "mlptrain: --lr: nan: not a finite number (allowed 0..1e6)" -- $M --lr nan
expect "seed 2^32" 2 "" "mlptrain: --seed: 4294967296: out of range (allowed 0..4294967295)" -- $M --seed 4294967296
expect "train larger than data" 2 "" "mlptrain: --train: 700: more than the rows generated (allowed 1..600, the --samples)" -- $M --train 700

finish cli
