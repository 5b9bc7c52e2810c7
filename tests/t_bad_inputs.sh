#!/bin/sh
# The catalogue of bad inputs (issue #5): for every option of every binary,
# every contradiction, every kind of broken data file and output path, the
# exact message and exit status.  Usage errors (a bad option value or
# combination, a --data file that is not a valid dataset, an unusable --csv
# path) exit 2 and print exactly one line; runtime failures (a failed write,
# memory, a non-finite loss) exit 1.  A failure found before the run starts
# is one line; one found during the run follows the settings line, so those
# cases check the last line.  None of them prints anything on stdout.
. tests/lib.sh
M=./mlptrain
C=./circles
D=$t_tmp

# u DESC STDERR -- CMD...: a usage error (exit 2, one line, no stdout)
u() { d=$1 e=$2; shift 2; expect "$d" 2 "" "$e" "$@"; }
# r DESC STDERR -- CMD...: a runtime failure (exit 1, one line, no stdout)
r() { d=$1 e=$2; shift 2; expect "$d" 1 "" "$e" "$@"; }
# last DESC STATUS LINE -- CMD...: nothing on stdout, LINE is stderr's last line
last() {
    d=$1 s=$2 l=$3
    shift 3
    [ "$1" = "--" ] && shift
    "$@" >"$t_tmp/out" 2>"$t_tmp/err" </dev/null
    got=$?
    check "$d (status $got, want $s)" [ "$got" = "$s" ]
    check "$d (last line: $(tail -n 1 "$t_tmp/err"))" [ "$(tail -n 1 "$t_tmp/err")" = "$l" ]
    check "$d (stdout empty)" [ ! -s "$t_tmp/out" ]
}
# has DESC STATUS STDOUT LINE -- CMD...: stdout exact, LINE is one of stderr's
# lines ('*': any stderr)
has() {
    d=$1 s=$2 o=$3 l=$4
    shift 4
    [ "$1" = "--" ] && shift
    "$@" >"$t_tmp/out" 2>"$t_tmp/err" </dev/null
    got=$?
    check "$d (status $got, want $s)" [ "$got" = "$s" ]
    check "$d (stdout: $(cat "$t_tmp/out"))" [ "$(cat "$t_tmp/out")" = "$o" ]
    [ "$l" = "*" ] || check "$d (stderr lacks: $l)" grep -qxF "$l" "$t_tmp/err"
}

# the data files (printf's octal escapes: dash has no $'...')
printf '' >"$D/empty.csv"
printf 'x1,x2,y\n' >"$D/header_only.csv"
printf '0.5,0.25,1\n0.1,0.2,0\n' >"$D/no_header.csv"
printf 'a,b,label\n0.5,0.25,1\n' >"$D/bad_header.csv"
printf 'x1,x2,x3,y\n0.5,0.25,0,1\n' >"$D/three_features.csv"
printf 'x1,x2,y\n0.5,0.25,1\n0.5,0.25,1,7\n' >"$D/extra_column.csv"
printf 'x1,x2,y\n0.5,0.25,1\n0.5,1\n' >"$D/missing_column.csv"
printf 'x1,x2,y\n0.5,0.25,2\n' >"$D/label2.csv"
printf 'x1,x2,y\n0.5,0.25,-1\n' >"$D/label_neg.csv"
printf 'x1,x2,y\n0.5,0.25,0.5\n' >"$D/label_half.csv"
printf 'x1,x2,y\n0.5,0.25,yes\n' >"$D/label_word.csv"
printf 'x1,x2,y\n0.5,0.25,\n' >"$D/label_empty.csv"
printf 'x1,x2,y\n,0.25,1\n' >"$D/feature_empty.csv"
printf 'x1,x2,y\n"0.5",0.25,1\n' >"$D/quoted.csv"
printf 'x1,x2,y\n0.5,0.25,1\nnan,0.1,0\n' >"$D/nan.csv"
printf 'x1,x2,y\n0.5,-inf,1\n' >"$D/inf.csv"
printf 'x1,x2,y\n1e300,0.25,1\n' >"$D/huge.csv"
printf 'x1,x2,y\n0.5,-1.0000000001e10,1\n' >"$D/above_limit.csv"
printf 'x1,x2,y\n0.5,1e309,1\n' >"$D/overflow.csv"
printf 'x1,x2,y\n0.5,0.25,1\n\n0.1,0.2,0\n' >"$D/blank_inside.csv"
printf '\n\n\n' >"$D/blank_only.csv"
{ printf 'x1,x2,y\n0.5,0.25,1\n'; head -c 10485760 /dev/zero | tr '\0' '7'; printf ',1,0\n'; } >"$D/long_line.csv"
printf 'x1,x2,y\n0.5,0\0000.25,1\n' >"$D/nul.csv"
printf 'x1,x2,y\n\177ELF\002\001\001\000\000\000\000\000\000\000\000\000\003\000>\000\001\000\000\000\n' >"$D/garbage.csv"
printf 'x1,x2,y\n0.5,0.25,1\n0.1,0.2,0\n-0.3,0.9,1\n0.7,-0.4,0\n' >"$D/ok.csv"
printf '\357\273\277x1,x2,y\r\n0.5,0.25,1\r\n0.1,0.2,0\r\n-0.3,0.9,1\r\n0.7,-0.4,0\r\n\r\n' >"$D/bom_crlf.csv"
printf 'x1,x2,y\n0.5,0.25,1\n0.1,0.2,1\n-0.3,0.9,1\n0.7,-0.4,0\n' >"$D/one_class.csv"
printf 'x1,x2,y\n3,0.25,1\n3,0.2,0\n3,0.9,1\n3,-0.4,0\n' >"$D/constant.csv"
printf 'x1,x2,y\n1e10,-1e10,1\n-1e10,1e10,0\n1e10,1e10,1\n-1e10,-1e10,0\n0,0,1\n' >"$D/extreme.csv"
W1001=$(printf '1,%.0s' $(seq 1000))1

# ---- mlptrain: option values, contradictions, sizes, outputs, data files
u "epochs overflows unsigned long" "mlptrain: --epochs: 99999999999999999999: out of range (allowed 0..100000000)" -- $M --epochs 99999999999999999999
u "epochs empty" "mlptrain: --epochs: \"\": empty value (allowed 0..100000000)" -- $M --epochs ''
u "epochs leading blank" "mlptrain: --epochs:  5: not a whole number (allowed 0..100000000)" -- $M --epochs ' 5'
u "epochs trailing junk" "mlptrain: --epochs: 5x: not a whole number (allowed 0..100000000)" -- $M --epochs 5x
u "epochs in exponent form" "mlptrain: --epochs: 1e3: not a whole number (allowed 0..100000000)" -- $M --epochs 1e3
u "epochs hexadecimal" "mlptrain: --epochs: 0x10: not a whole number (allowed 0..100000000)" -- $M --epochs 0x10
u "epochs negative" "mlptrain: --epochs: -1: not a whole number (allowed 0..100000000)" -- $M --epochs -1
u "epochs with plus sign" "mlptrain: --epochs: +5: not a whole number (allowed 0..100000000)" -- $M --epochs +5
u "epochs above limit" "mlptrain: --epochs: 100000001: out of range (allowed 0..100000000)" -- $M --epochs 100000001
u "epochs missing value" "mlptrain: --epochs: missing value (see mlptrain --help)" -- $M --epochs
u "abbreviated option missing value" "mlptrain: --epochs: missing value (see mlptrain --help)" -- $M --ep
u "data missing value (not --data-seed)" "mlptrain: --data: missing value (see mlptrain --help)" -- $M --data
u "samples zero" "mlptrain: --samples: 0: out of range (allowed 1..100000000)" -- $M --samples 0
u "samples negative" "mlptrain: --samples: -1: not a whole number (allowed 1..100000000)" -- $M --samples -1
u "samples above limit" "mlptrain: --samples: 100000001: out of range (allowed 1..100000000)" -- $M --samples 100000001
u "samples not a number" "mlptrain: --samples: abc: not a whole number (allowed 1..100000000)" -- $M --samples abc
u "noise negative" "mlptrain: --noise: -0.1: out of range (allowed 0..1e6)" -- $M --noise -0.1
u "noise inf" "mlptrain: --noise: inf: not a finite number (allowed 0..1e6)" -- $M --noise inf
u "noise nan" "mlptrain: --noise: nan: not a finite number (allowed 0..1e6)" -- $M --noise nan
u "noise overflows double" "mlptrain: --noise: 1e309: out of range (allowed 0..1e6)" -- $M --noise 1e309
u "noise empty" "mlptrain: --noise: \"\": empty value (allowed 0..1e6)" -- $M --noise ''
u "noise above limit" "mlptrain: --noise: 1e7: out of range (allowed 0..1e6)" -- $M --noise 1e7
u "factor one" "mlptrain: --factor: 1: out of range (allowed 0 <= F < 1)" -- $M --factor 1
u "factor negative" "mlptrain: --factor: -0.1: out of range (allowed 0 <= F < 1)" -- $M --factor -0.1
u "factor nan" "mlptrain: --factor: nan: not a finite number (allowed 0 <= F < 1)" -- $M --factor nan
u "factor above one" "mlptrain: --factor: 1.5: out of range (allowed 0 <= F < 1)" -- $M --factor 1.5
u "data-seed negative" "mlptrain: --data-seed: -1: not a whole number (allowed 0..4294967295)" -- $M --data-seed -1
u "data-seed 2^32" "mlptrain: --data-seed: 4294967296: out of range (allowed 0..4294967295)" -- $M --data-seed 4294967296
u "data-seed fractional" "mlptrain: --data-seed: 1.5: not a whole number (allowed 0..4294967295)" -- $M --data-seed 1.5
u "range equal bounds" "mlptrain: --range: 1,1: first value not less than the second (allowed -1e6 <= LO < HI <= 1e6)" -- $M --range 1,1
u "range reversed" "mlptrain: --range: 2,1: first value not less than the second (allowed -1e6 <= LO < HI <= 1e6)" -- $M --range 2,1
u "range one number" "mlptrain: --range: 1: not two numbers separated by a comma (allowed -1e6 <= LO < HI <= 1e6)" -- $M --range 1
u "range three numbers" "mlptrain: --range: 1,2,3: not two numbers separated by a comma (allowed -1e6 <= LO < HI <= 1e6)" -- $M --range 1,2,3
u "range empty first" "mlptrain: --range: ,1: empty value (allowed -1e6 <= LO < HI <= 1e6)" -- $M --range ,1
u "range not numbers" "mlptrain: --range: a,b: not a number (allowed -1e6 <= LO < HI <= 1e6)" -- $M --range a,b
u "range -inf" "mlptrain: --range: -inf,1: not a finite number (allowed -1e6 <= LO < HI <= 1e6)" -- $M --range -inf,1
u "range empty" "mlptrain: --range: \"\": empty value (allowed -1e6 <= LO < HI <= 1e6)" -- $M --range ''
u "range nan" "mlptrain: --range: nan,1: not a finite number (allowed -1e6 <= LO < HI <= 1e6)" -- $M --range nan,1
u "range beyond 1e6" "mlptrain: --range: -1e7,1: out of range (allowed -1e6 <= LO < HI <= 1e6)" -- $M --range -1e7,1
u "train zero" "mlptrain: --train: 0: out of range (allowed 1..100000000, at most the rows in the data)" -- $M --train 0
u "train more than samples" "mlptrain: --train: 601: more than the rows generated (allowed 1..600, the --samples)" -- $M --train 601
u "train negative" "mlptrain: --train: -5: not a whole number (allowed 1..100000000, at most the rows in the data)" -- $M --train -5
u "train overflows" "mlptrain: --train: 99999999999999999999: out of range (allowed 1..100000000, at most the rows in the data)" -- $M --train 99999999999999999999
u "layers above limit" "mlptrain: --layers: 1001: out of range (allowed 0..1000)" -- $M --layers 1001
u "layers negative" "mlptrain: --layers: -1: not a whole number (allowed 0..1000)" -- $M --layers -1
u "layers not a number" "mlptrain: --layers: x: not a whole number (allowed 0..1000)" -- $M --layers x
u "units above limit" "mlptrain: --units: 1000001: out of range (allowed 1..1000000)" -- $M --units 1000001
u "units zero" "mlptrain: --units: 0: out of range (allowed 1..1000000)" -- $M --units 0
u "units fractional" "mlptrain: --units: 5.5: not a whole number (allowed 1..1000000)" -- $M --units 5.5
u "widths empty" "mlptrain: --widths: \"\": empty value (allowed comma-separated units, e.g. 8,8,4)" -- $M --widths ''
u "widths zero" "mlptrain: --widths: 0: out of range (allowed comma-separated widths of 1..1000000)" -- $M --widths 0
u "widths empty item" "mlptrain: --widths: 5,,5: empty value (allowed comma-separated widths of 1..1000000)" -- $M --widths 5,,5
u "widths trailing comma" "mlptrain: --widths: 5,: empty value (allowed comma-separated widths of 1..1000000)" -- $M --widths 5,
u "widths above limit" "mlptrain: --widths: 1000001: out of range (allowed comma-separated widths of 1..1000000)" -- $M --widths 1000001
u "widths not a number" "mlptrain: --widths: a: not a whole number (allowed comma-separated widths of 1..1000000)" -- $M --widths a
u "widths 1001 layers" "mlptrain: --widths: 1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,...: too many layers (allowed up to 1000 widths of 1..1000000)" -- $M --widths "$W1001"
u "widths number too long" "mlptrain: --widths: 99999999999999999999999999999999999: number too long (allowed up to 1000 widths of 1..1000000)" -- $M --widths 99999999999999999999999999999999999
u "act empty" "mlptrain: --act: \"\": unknown activation (allowed tanh, relu, relu6, sigmoid, linear, leaky_relu, elu, selu, softplus, softsign, gelu, swish, hard_sigmoid)" -- $M --act ''
u "act wrong case" "mlptrain: --act: RELU: unknown activation (allowed tanh, relu, relu6, sigmoid, linear, leaky_relu, elu, selu, softplus, softsign, gelu, swish, hard_sigmoid)" -- $M --act RELU
u "init unknown" "mlptrain: --init: foo: unknown initializer (allowed he_uniform, he_normal, glorot_uniform, glorot_normal, lecun_uniform, lecun_normal, uniform:A:B, normal:MEAN:SD, zeros, ones)" -- $M --init foo
u "init uniform reversed" "mlptrain: --init: uniform:1:0: expected uniform:A:B with finite numbers A < B (allowed he_uniform, he_normal, glorot_uniform, glorot_normal, lecun_uniform, lecun_normal, uniform:A:B, normal:MEAN:SD, zeros, ones)" -- $M --init uniform:1:0
u "init normal negative sd" "mlptrain: --init: normal:0:-1: expected normal:MEAN:SD with finite numbers and SD >= 0 (allowed he_uniform, he_normal, glorot_uniform, glorot_normal, lecun_uniform, lecun_normal, uniform:A:B, normal:MEAN:SD, zeros, ones)" -- $M --init normal:0:-1
u "out-init uniform one bound" "mlptrain: --out-init: uniform:0: expected uniform:A:B with finite numbers A < B (allowed he_uniform, he_normal, glorot_uniform, glorot_normal, lecun_uniform, lecun_normal, uniform:A:B, normal:MEAN:SD, zeros, ones)" -- $M --out-init uniform:0
u "init uniform nan" "mlptrain: --init: uniform:nan:1: expected uniform:A:B with finite numbers A < B (allowed he_uniform, he_normal, glorot_uniform, glorot_normal, lecun_uniform, lecun_normal, uniform:A:B, normal:MEAN:SD, zeros, ones)" -- $M --init uniform:nan:1
u "batch zero" "mlptrain: --batch: 0: out of range (allowed 1..100000000)" -- $M --batch 0
u "batch negative" "mlptrain: --batch: -1: not a whole number (allowed 1..100000000)" -- $M --batch -1
u "batch above limit" "mlptrain: --batch: 100000001: out of range (allowed 1..100000000)" -- $M --batch 100000001
u "lr negative" "mlptrain: --lr: -1: out of range (allowed 0..1e6)" -- $M --lr -1
u "lr above limit" "mlptrain: --lr: 1e7: out of range (allowed 0..1e6)" -- $M --lr 1e7
u "lr inf" "mlptrain: --lr: inf: not a finite number (allowed 0..1e6)" -- $M --lr inf
u "lr empty" "mlptrain: --lr: \"\": empty value (allowed 0..1e6)" -- $M --lr ''
u "lr trailing junk" "mlptrain: --lr: 0.01abc: not a number (allowed 0..1e6)" -- $M --lr 0.01abc
u "momentum above one" "mlptrain: --momentum: 1.1: out of range (allowed 0..1)" -- $M --momentum 1.1
u "momentum negative" "mlptrain: --momentum: -0.5: out of range (allowed 0..1)" -- $M --momentum -0.5
u "momentum nan" "mlptrain: --momentum: nan: not a finite number (allowed 0..1)" -- $M --momentum nan
u "seed negative" "mlptrain: --seed: -1: not a whole number (allowed 0..4294967295)" -- $M --seed -1
u "seed empty" "mlptrain: --seed: \"\": empty value (allowed 0..4294967295)" -- $M --seed ''
u "seed fractional" "mlptrain: --seed: 1.0: not a whole number (allowed 0..4294967295)" -- $M --seed 1.0
u "seed 2^32" "mlptrain: --seed: 4294967296: out of range (allowed 0..4294967295)" -- $M --seed 4294967296
u "csv empty" "mlptrain: --csv: \"\": empty value (allowed a file name or -)" -- $M --csv ''
u "data empty" "mlptrain: --data: \"\": empty value (allowed a CSV file name or -)" -- $M --data ''
u "csv takes a short option" "mlptrain: --csv: -v: looks like an option, not a file name (allowed a file name or -; write ./-v for a file of that name)" -- $M --csv -v
u "csv takes a long option" "mlptrain: --csv: --epochs: looks like an option, not a file name (allowed a file name or -; write ./--epochs for a file of that name)" -- $M --csv --epochs 2
u "csv= takes an option" "mlptrain: --csv: -q: looks like an option, not a file name (allowed a file name or -; write ./-q for a file of that name)" -- $M --csv=-q
u "data takes an option" "mlptrain: --data: --train: looks like an option, not a file name (allowed a CSV file name or -; write ./--train for a file of that name)" -- $M --data --train 3
u "diag takes an option" "mlptrain: --diag: -q: looks like an option, not a file name (allowed a file name or -; write ./-q for a file of that name)" -- $M --diag -q
u "save takes an option" "mlptrain: --save: --load: looks like an option, not a file name (allowed a file name or -; write ./--load for a file of that name)" -- $M --save --load m.txt
u "load takes an option" "mlptrain: --load: --epochs: looks like an option, not a file name (allowed a file name or -; write ./--epochs for a file of that name)" -- $M --load --epochs 2
u "grid takes an option" "mlptrain: --grid: --grid-size: looks like an option, not a file name (allowed a file name or -; write ./--grid-size for a file of that name)" -- $M --grid --grid-size 5
u "dump-data takes an option" "mlptrain: --dump-data: -v: looks like an option, not a file name (allowed a file name or -; write ./-v for a file of that name)" -- $M --dump-data -v
u "result takes an option" "mlptrain: --result: --quiet: looks like an option, not a file name (allowed a file name or -; write ./--quiet for a file of that name)" -- $M --result --quiet
u "quant-csv takes an option" "mlptrain: --quant-csv: --quant: looks like an option, not a file name (allowed a file name or -; write ./--quant for a file of that name)" -- $M --quant-csv --quant 8
u "a name of 61 characters or more" "mlptrain: --csv: -xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...: looks like an option, not a file name (allowed a file name or -; prefix ./ for a file of that name)" -- $M --csv -xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
check "no file named like an option was made" sh -c '! [ -e ./-v ] && ! [ -e ./--epochs ] && ! [ -e ./-q ]'
u "unknown long option" "mlptrain: --bogus: unknown option (see mlptrain --help)" -- $M --bogus
u "ambiguous abbreviation" "mlptrain: --l: ambiguous option (could be --layers, --lr, --load)" -- $M --l 7
u "value given to a flag" "mlptrain: --scale=1: --scale takes no value (see mlptrain --help)" -- $M --scale=1
u "unknown short option" "mlptrain: -x: unknown option (see mlptrain --help)" -- $M -x
u "unknown short option after a value" "mlptrain: -x: unknown option (see mlptrain --help)" -- $M --epochs 5 -xv
u "non-printable short option" "mlptrain: -\\xD3: unknown option (see mlptrain --help)" -- $M "$(printf -- '-\323')"
u "stray argument" "mlptrain: foo: unexpected argument (options only; see mlptrain --help)" -- $M --seed 2 foo
u "unknown subcommand" "mlptrain: foo: unknown subcommand (allowed sweep, summarize, predict, or options only; see mlptrain --help)" -- $M foo --seed 2
u "newline in an option name" "mlptrain: --sc\\nale: unknown option (see mlptrain --help)" -- $M "$(printf -- '--sc\nale')"
u "escape sequence in a value" "mlptrain: --act: a\\x1B[31m: unknown activation (allowed tanh, relu, relu6, sigmoid, linear, leaky_relu, elu, selu, softplus, softsign, gelu, swish, hard_sigmoid)" -- $M --act "$(printf 'a\033[31m')"
u "data with samples" "mlptrain: --samples applies to generated data only; drop it or --data" -- $M --data f.csv --samples 5
u "data with noise" "mlptrain: --noise applies to generated data only; drop it or --data" -- $M --data f.csv --noise 0.1
u "data with factor" "mlptrain: --factor applies to generated data only; drop it or --data" -- $M --data f.csv --factor 0.5
u "data with data-seed" "mlptrain: --data-seed applies to generated data only; drop it or --data" -- $M --data f.csv --data-seed 2
u "data with no-scale" "mlptrain: --no-scale applies to generated data only; drop it or --data" -- $M --data f.csv --no-scale
u "scale and no-scale" "mlptrain: --scale and --no-scale contradict each other; give one" -- $M --scale --no-scale
u "no-scale and range" "mlptrain: --range and --no-scale contradict each other; give one" -- $M --no-scale --range 0,1
u "widths and layers" "mlptrain: --widths and --layers contradict each other; give --widths alone or --layers/--units" -- $M --widths 3 --layers 2
u "widths and units" "mlptrain: --widths and --units contradict each other; give --widths alone or --layers/--units" -- $M --widths 3 --units 2
u "train more than the samples asked" "mlptrain: --train: 11: more than the rows generated (allowed 1..10, the --samples)" -- $M --samples 10 --train 11
u "parameter count beyond size_t-ish: 1000 x 1e6" "mlptrain: --layers/--units: the network has 999001003000001 parameters (22329413 GiB for weights, gradients and velocities); the limit is 100000000 parameters" -- $M --layers 1000 --units 1000000
u "two layers of a million" "mlptrain: --widths: the network has 1000005000001 parameters (22352 GiB for weights, gradients and velocities); the limit is 100000000 parameters" -- $M --widths 1000000,1000000
u "just over the parameter limit" "mlptrain: --layers/--units: the network has 100706463 parameters (3 GiB for weights, gradients and velocities); the limit is 100000000 parameters" -- $M --layers 1000 --units 317
last "batch workspace cannot be had" 1 "mlptrain: out of memory for training buffers (a batch of 100000 rows needs 3.73e+03 GiB for the network's activations; try a smaller --batch)" -- $M --units 1000000 --layers 1 --batch 100000000 --samples 100000 --train 100000 --epochs 1
u "csv in a missing directory" "mlptrain: --csv: /nonexistent/dir/h.csv: directory \"/nonexistent/dir\" does not exist" -- $M --csv /nonexistent/dir/h.csv
u "csv is a directory" "mlptrain: --csv: $D: is a directory" -- $M --csv "$D"
u "csv under a regular file" "mlptrain: --csv: $D/ok.csv/h.csv: \"$D/ok.csv\" is not a directory" -- $M --csv "$D/ok.csv/h.csv"
last "csv on a full device" 1 "mlptrain: /dev/full: write failed: No space left on device" -- $M --epochs 2 --csv /dev/full
u "data missing file" "mlptrain: --data: $D/missing.csv: cannot open: No such file or directory" -- $M --data "$D/missing.csv"
u "data is a directory" "mlptrain: --data: $D: read error: Is a directory" -- $M --data "$D"
u "data empty file" "mlptrain: --data: $D/empty.csv: empty file (expected a header \"x1,x2,y\" and data rows)" -- $M --data "$D/empty.csv"
u "data header only" "mlptrain: --data: $D/header_only.csv: no data rows after the header" -- $M --data "$D/header_only.csv"
u "data without header" "mlptrain: --data: $D/no_header.csv:1: missing header: expected \"x1,x2,y\"" -- $M --data "$D/no_header.csv"
u "data bad header" "mlptrain: --data: $D/bad_header.csv:1: bad header \"a,b,label\" (expected \"x1,x2,y\")" -- $M --data "$D/bad_header.csv"
u "data three features" "mlptrain: --data: $D/three_features.csv:1: header \"x1,x2,x3,y\" has 3 features (only 2 features, x1,x2, are supported for now)" -- $M --data "$D/three_features.csv"
u "data extra column" "mlptrain: --data: $D/extra_column.csv:3: expected 3 fields (x1,x2,y), found 4" -- $M --data "$D/extra_column.csv"
u "data missing column" "mlptrain: --data: $D/missing_column.csv:3: expected 3 fields (x1,x2,y), found 2" -- $M --data "$D/missing_column.csv"
u "data label 2" "mlptrain: --data: $D/label2.csv:2: label \"2\" is not 0 or 1" -- $M --data "$D/label2.csv"
u "data label -1" "mlptrain: --data: $D/label_neg.csv:2: label \"-1\" is not 0 or 1" -- $M --data "$D/label_neg.csv"
u "data label 0.5" "mlptrain: --data: $D/label_half.csv:2: label \"0.5\" is not 0 or 1" -- $M --data "$D/label_half.csv"
u "data label word" "mlptrain: --data: $D/label_word.csv:2: label \"yes\" is not 0 or 1" -- $M --data "$D/label_word.csv"
u "data label empty" "mlptrain: --data: $D/label_empty.csv:2: label is empty (expected 0 or 1)" -- $M --data "$D/label_empty.csv"
u "data feature empty" "mlptrain: --data: $D/feature_empty.csv:2: x1 is empty (expected a finite number)" -- $M --data "$D/feature_empty.csv"
u "data feature quoted" "mlptrain: --data: $D/quoted.csv:2: x1 \"\"0.5\"\" is not a number (expected a finite number)" -- $M --data "$D/quoted.csv"
u "data NaN feature" "mlptrain: --data: $D/nan.csv:3: x1 \"nan\" is not finite (expected a finite number)" -- $M --data "$D/nan.csv"
u "data inf feature" "mlptrain: --data: $D/inf.csv:2: x2 \"-inf\" is not finite (expected a finite number)" -- $M --data "$D/inf.csv"
u "data 1e300 feature" "mlptrain: --data: $D/huge.csv:2: x1 \"1e300\" is too large (allowed |value| <= 1e10)" -- $M --data "$D/huge.csv"
u "data just above 1e10" "mlptrain: --data: $D/above_limit.csv:2: x2 \"-1.0000000001e10\" is too large (allowed |value| <= 1e10)" -- $M --data "$D/above_limit.csv"
u "data overflowing double" "mlptrain: --data: $D/overflow.csv:2: x2 \"1e309\" is too large (allowed |value| <= 1e10)" -- $M --data "$D/overflow.csv"
u "data blank line inside" "mlptrain: --data: $D/blank_inside.csv:3: empty line (expected 3 fields x1,x2,y)" -- $M --data "$D/blank_inside.csv"
u "data blank lines only" "mlptrain: --data: $D/blank_only.csv: empty file (expected a header \"x1,x2,y\" and data rows)" -- $M --data "$D/blank_only.csv"
u "data 10 MB line" "mlptrain: --data: $D/long_line.csv:3: line longer than 1 MiB (allowed up to 1048576 bytes per line)" -- $M --data "$D/long_line.csv"
u "data NUL bytes" "mlptrain: --data: $D/nul.csv:2: NUL byte at column 6 (a text CSV file is expected)" -- $M --data "$D/nul.csv"
u "data binary garbage" "mlptrain: --data: $D/garbage.csv:2: non-text byte 0x7F at column 1 (only ASCII text is allowed)" -- $M --data "$D/garbage.csv"
u "data endless NUL bytes (/dev/zero)" "mlptrain: --data: /dev/zero:1: line longer than 1 MiB (allowed up to 1048576 bytes per line)" -- $M --data /dev/zero
u "data fewer rows than train" "mlptrain: --train: 500: more than the 4 rows of $D/ok.csv (allowed 1..4)" -- $M --data "$D/ok.csv"
u "data fewer rows than explicit train" "mlptrain: --train: 7: more than the 4 rows of $D/ok.csv (allowed 1..4)" -- $M --data "$D/ok.csv" --train 7
u "data from empty stdin" "mlptrain: --data: stdin: empty file (expected a header \"x1,x2,y\" and data rows)" -- $M --data -
u "circles samples zero" "circles: --samples: 0: out of range (allowed 1..100000000)" -- $C --samples 0
u "circles samples negative" "circles: --samples: -1: not a whole number (allowed 1..100000000)" -- $C --samples -1
u "circles noise nan" "circles: --noise: nan: not a finite number (allowed a number from 0 to 1e6)" -- $C --noise nan
u "circles factor one" "circles: --factor: 1: out of range (allowed 0 <= F < 1)" -- $C --factor 1
u "circles seed 2^32" "circles: --seed: 4294967296: out of range (allowed 0..4294967295)" -- $C --seed 4294967296
u "circles range equal" "circles: --range: 1,1: first value not less than the second (allowed LO,HI with -1e6 <= LO < HI <= 1e6)" -- $C --range 1,1
u "circles range beyond 1e6" "circles: --range: -2e6,1: out of range (allowed LO,HI with -1e6 <= LO < HI <= 1e6)" -- $C --range -2e6,1
u "circles range and no-scale" "circles: --range and --no-scale contradict each other; give one" -- $C --range 0,1 --no-scale
u "circles output empty" "circles: --output: \"\": empty value (allowed a file name or - for stdout)" -- $C -o ''
u "circles output missing" "circles: -o: missing value (see circles --help)" -- $C -o
u "circles output takes an option" "circles: --output: -V: looks like an option, not a file name (allowed a file name or - for stdout; write ./-V for a file of that name)" -- $C -o -V
u "circles long output takes an option" "circles: --output: --seed: looks like an option, not a file name (allowed a file name or - for stdout; write ./--seed for a file of that name)" -- $C --output --seed 3
u "circles unknown option" "circles: --bogus: unknown option (see circles --help)" -- $C --bogus
u "circles unknown short option" "circles: -x: unknown option (see circles --help)" -- $C -x
u "circles ambiguous" "circles: --s: ambiguous option (could be --samples, --seed)" -- $C --s 3
u "circles value given to a flag" "circles: --no-scale=1: --no-scale takes no value (see circles --help)" -- $C --no-scale=1
u "circles stray argument" "circles: foo: unexpected argument (options only; see circles --help)" -- $C foo
u "circles output in missing directory" "circles: --output: /nonexistent/x.csv: directory \"/nonexistent\" does not exist" -- $C -o /nonexistent/x.csv
r "circles output on a full device" "circles: /dev/full: write failed: No space left on device" -- $C -o /dev/full


# ---- diagnostics, fixed point, saved models and predict (issue #6's options)
$M --layers 2 --units 4 --epochs 3 --save "$D/m.txt" >/dev/null 2>&1
head -n 5 "$D/m.txt" >"$D/trunc.txt"
printf '1,2\nnan,1\n' >"$D/p_nan.csv"
printf 'a,b\n1,2\n' >"$D/p_header.csv"
u "quant 33 bits" "mlptrain: --quant: 33: out of range (allowed comma-separated bit widths of 4..32, e.g. 4,8,16)" -- $M --quant 33
u "quant overflows" "mlptrain: --quant: 99999999999999999999: out of range (allowed comma-separated bit widths of 4..32, e.g. 4,8,16)" -- $M --quant 99999999999999999999
u "quant empty item" "mlptrain: --quant: 8,,16: empty value (allowed comma-separated bit widths of 4..32, e.g. 4,8,16)" -- $M --quant 8,,16
u "quant negative" "mlptrain: --quant: -4: not a whole number (allowed comma-separated bit widths of 4..32, e.g. 4,8,16)" -- $M --quant -4
u "quant repeated width" "mlptrain: --quant: 8,4,4: a width is repeated (its rows would be identical) (allowed comma-separated bit widths of 4..32, e.g. 4,8,16)" -- $M --quant 8,4,4
u "quant missing value" "mlptrain: --quant: missing value (see mlptrain --help)" -- $M --quant
u "quant-csv empty" "mlptrain: --quant-csv: \"\": empty value (allowed a file name or -)" -- $M --quant 8 --quant-csv ''
u "quant-csv in a missing directory" "mlptrain: --quant-csv: /nonexistent/q.csv: directory \"/nonexistent\" does not exist" -- $M --quant 8 --quant-csv /nonexistent/q.csv
u "diag in a missing directory" "mlptrain: --diag: /nonexistent/d/x.csv: directory \"/nonexistent/d\" does not exist" -- $M --diag /nonexistent/d/x.csv
u "grid in a missing directory" "mlptrain: --grid: /nonexistent/g.csv: directory \"/nonexistent\" does not exist" -- $M --grid /nonexistent/g.csv
u "result in a missing directory" "mlptrain: --result: /nonexistent/r.csv: directory \"/nonexistent\" does not exist" -- $M --result /nonexistent/r.csv
u "diag is a directory" "mlptrain: --diag: $D: is a directory" -- $M --diag "$D"
last "diag on a full device" 1 "mlptrain: /dev/full: write failed: No space left on device" -- $M --epochs 2 --diag /dev/full
u "save empty" "mlptrain: --save: \"\": empty value (allowed a file name or -)" -- $M --save ''
last "save on a full device" 1 "mlptrain: /dev/full: write failed: No space left on device" -- $M --epochs 2 --save /dev/full
u "load empty" "mlptrain: --load: \"\": empty value (allowed a file name or -)" -- $M --load ''
u "load missing file" "mlptrain: --load: $D/none.txt: cannot open: No such file or directory" -- $M --load "$D/none.txt"
u "load a directory" "mlptrain: --load: $D: read error: Is a directory" -- $M --load "$D"
u "load /dev/zero" "mlptrain: --load: /dev/zero:1: NUL byte in the file" -- $M --load /dev/zero
u "load a data CSV" "mlptrain: --load: $D/ok.csv:1: not an mlptrain model (expected \"mlptrain-model 1\" on the first line)" -- $M --load "$D/ok.csv"
u "load a truncated model" "mlptrain: --load: $D/trunc.txt:6: unexpected end of file (expected \"init SPEC\"; the file is truncated)" -- $M --load "$D/trunc.txt"
u "load contradicts layers" "mlptrain: --layers/--units/--widths: 5,5,5: contradicts the model in $D/m.txt (it has 4,4); drop the option" -- $M --load "$D/m.txt" --layers 3
u "load contradicts act" "mlptrain: --act: tanh: contradicts the model in $D/m.txt (it has relu6); drop the option" -- $M --load "$D/m.txt" --act tanh
u "load contradicts seed" "mlptrain: --seed: 5: contradicts the model in $D/m.txt (it has seed 1); drop the option" -- $M --load "$D/m.txt" --seed 5
u "csv and save the same file" "mlptrain: --save: $D/same.csv: is also the --csv file; one would replace the other (allowed another file name)" -- $M --epochs 2 --csv "$D/same.csv" --save "$D/same.csv"
u "csv and diag the same file by two names" "mlptrain: --diag: $D/./same.csv: is also the --csv file; one would replace the other (allowed another file name)" -- $M --epochs 2 --csv "$D/same.csv" --diag "$D/./same.csv"
u "quant-csv and csv the same file" "mlptrain: --quant-csv: $D/q.csv: is also the --csv file; one would replace the other (allowed another file name)" -- $M --quant 8 --quant-csv "$D/q.csv" --csv "$D/q.csv"
u "save over the data" "mlptrain: --save: $D/ok.csv: is the --data file; the model would replace the data (allowed another file name)" -- $M --data "$D/ok.csv" --train 3 --save "$D/ok.csv"
u "diag over the data" "mlptrain: --diag: $D/ok.csv: is the --data file; the diagnostics would replace the data (allowed another file name)" -- $M --data "$D/ok.csv" --train 3 --diag "$D/ok.csv"
u "history over the loaded model" "mlptrain: --csv: $D/m.txt: is the --load file; the history would replace the model (allowed another file name)" -- $M --load "$D/m.txt" --epochs 1 --csv "$D/m.txt"
u "dump-data over the data" "mlptrain: --dump-data: $D/ok.csv: is the --data file; the data dump would replace the data (allowed another file name)" -- $M --data "$D/ok.csv" --train 3 --dump-data "$D/ok.csv"
u "grid and csv the same file" "mlptrain: --grid: $D/g.csv: is also the --csv file; one would replace the other (allowed another file name)" -- $M --epochs 1 --grid "$D/g.csv" --csv "$D/g.csv"
u "result and save the same file" "mlptrain: --result: $D/r.csv: is also the --save file; one would replace the other (allowed another file name)" -- $M --epochs 1 --save "$D/r.csv" --result "$D/r.csv"
u "two outputs on stdout" "mlptrain: --diag: -: --csv writes stdout too; the two would mix (allowed a file name)" -- $M --epochs 2 --csv - --diag -
u "predict without load" "mlptrain predict: --load FILE is required (the model to predict with)" -- $M predict
u "predict unknown option" "mlptrain predict: --act: unknown option (see mlptrain predict --help)" -- $M predict --act relu
u "predict unknown short option in a cluster" "mlptrain predict: -x: unknown option (see mlptrain predict --help)" -- $M predict --load "$D/m.txt" -xh
u "predict stray argument" "mlptrain predict: extra: unexpected argument (see mlptrain predict --help)" -- $M predict --load "$D/m.txt" extra
u "predict missing model" "mlptrain predict: --load: $D/none.txt: cannot open: No such file or directory" -- $M predict --load "$D/none.txt"
u "predict input empty name" "mlptrain predict: --input: \"\": empty value (allowed a file name or -)" -- $M predict --load "$D/m.txt" --input ''
u "predict load takes an option" "mlptrain predict: --load: --input: looks like an option, not a file name (allowed a file name or -; write ./--input for a file of that name)" -- $M predict --load --input p.csv
u "predict input takes an option" "mlptrain predict: --input: -h: looks like an option, not a file name (allowed a file name or -; write ./-h for a file of that name)" -- $M predict --load "$D/m.txt" --input -h
u "predict model and points both from stdin" "mlptrain predict: --load - and --input - both read stdin; give one a file name" -- $M predict --load - --input -
u "predict model from stdin, points by default" "mlptrain predict: --load - and --input - (the default) both read stdin; give one a file name" -- $M predict --load -
u "predict input missing" "mlptrain predict: --input: $D/none.csv: cannot open: No such file or directory" -- $M predict --load "$D/m.txt" --input "$D/none.csv"
r "predict input NaN" "mlptrain predict: $D/p_nan.csv:2: x1: \"nan\": not a finite number (allowed finite numbers, |x| <= 1e10)" -- $M predict --load "$D/m.txt" --input "$D/p_nan.csv"
r "predict input header of other names" "mlptrain predict: $D/p_header.csv:1: x1: \"a\": not a number (allowed finite numbers, |x| <= 1e10)" -- $M predict --load "$D/m.txt" --input "$D/p_header.csv"
r "predict input /dev/zero" "mlptrain predict: /dev/zero:1: line longer than 4096 bytes" -- $M predict --load "$D/m.txt" --input /dev/zero


# ---- the sweep and summarize subcommands (issue #3)
u "sweep seeds reversed" "mlptrain sweep: --seeds: 5-1: range A-B with A > B (allowed N, A-B or a comma list, up to 10000000 seeds of 0..4294967295)" -- $M sweep --seeds 5-1
u "sweep seeds empty" "mlptrain sweep: --seeds: \"\": empty value (allowed N, A-B or a comma list, up to 10000000 seeds of 0..4294967295)" -- $M sweep --seeds ''
u "sweep seeds overflow" "mlptrain sweep: --seeds: 99999999999999999999: out of range (allowed N, A-B or a comma list, up to 10000000 seeds of 0..4294967295)" -- $M sweep --seeds 99999999999999999999
u "sweep too many seeds" "mlptrain sweep: --seeds: 1-100000000: too many seeds (allowed N, A-B or a comma list, up to 10000000 seeds of 0..4294967295)" -- $M sweep --seeds 1-100000000
u "sweep unknown activation" "mlptrain sweep: --act: foo: unknown activation \"foo\" (allowed tanh, relu, relu6, sigmoid, linear, leaky_relu, elu, selu, softplus, softsign, gelu, swish, hard_sigmoid)" -- $M sweep --act foo
u "sweep zero jobs" "mlptrain sweep: --jobs: 0: out of range (allowed 1..1024)" -- $M sweep --jobs 0
u "sweep with save" "mlptrain sweep: --save: not for a sweep: every run would write the same file: save one seed alone" -- $M sweep --seeds 1-3 --save "$D/m.txt"
u "sweep unknown option" "mlptrain sweep: --bogus: unknown option (see mlptrain sweep --help)" -- $M sweep --bogus
u "sweep unknown short option" "mlptrain sweep: -x: unknown option (see mlptrain sweep --help)" -- $M sweep --seeds 1-2 -x
u "sweep out in a missing directory" "mlptrain sweep: --out: /nonexistent/x.csv: directory \"/nonexistent\" does not exist" -- $M sweep --seeds 1-2 --out /nonexistent/x.csv
u "sweep out takes an option" "mlptrain sweep: --out: -v: looks like an option, not a file name (allowed a file name; write ./-v for a file of that name)" -- $M sweep --out -v
u "sweep data takes an option" "mlptrain sweep: --data: --epochs: looks like an option, not a file name (allowed a CSV file name; write ./--epochs for a file of that name)" -- $M sweep --data --epochs 3
u "summarize no files" "mlptrain summarize: no files given (usage: mlptrain summarize FILE...; - is stdin)" -- $M summarize
u "summarize missing file" "mlptrain summarize: $D/none.csv: cannot open: No such file or directory" -- $M summarize "$D/none.csv"
u "summarize a data CSV" "mlptrain summarize: $D/ok.csv:1: fewer than 11 fields (expected rows under the header config,act,seed,train_acc,test_acc,train_loss,test_loss,collapsed,epochs_run,seconds,status)" -- $M summarize "$D/ok.csv"
u "summarize endless NUL bytes (/dev/zero)" "mlptrain summarize: /dev/zero:1: line longer than 1 MiB (allowed up to 1048576 bytes per line)" -- $M summarize /dev/zero
RH=config,act,seed,train_acc,test_acc,train_loss,test_loss,collapsed,epochs_run,seconds,status
{ printf '%s\n' "$RH"; head -c 10485760 /dev/zero | tr '\0' '7'; printf '\n'; } >"$D/runs_long.csv"
{ printf '%s\n' "$RH"; printf 'tanh/a/b,tanh,1\0000.5,0.5,0.7,0.7,0,1,0.001,ok\n'; } >"$D/runs_nul.csv"
u "summarize a 10 MB line" "mlptrain summarize: $D/runs_long.csv:2: line longer than 1 MiB (allowed up to 1048576 bytes per line)" -- $M summarize "$D/runs_long.csv"
u "summarize NUL bytes" "mlptrain summarize: $D/runs_nul.csv:2: NUL byte at column 16 (a text CSV file is expected)" -- $M summarize "$D/runs_nul.csv"
u "summarize a directory" "mlptrain summarize: $D: read error: Is a directory" -- $M summarize "$D"

# ---- inputs that are odd but valid: accepted, with a warning where useful
expect "BOM and CRLF line ends: accepted" 0 "Train: 0.667, Test: 0.000" "*" -- $M --data "$D/bom_crlf.csv" --train 3 --epochs 5 --csv "$D/bom.hist"
expect "the same rows without them" 0 "Train: 0.667, Test: 0.000" "*" -- $M --data "$D/ok.csv" --train 3 --epochs 5 --csv "$D/ok.hist"
check "BOM and CRLF parse to the same rows (same history)" cmp -s "$D/bom.hist" "$D/ok.hist"
has "a single class: warning, the run goes on" 0 "Train: 1.000, Test: 0.000" \
    "mlptrain: warning: all 3 training rows are class 1; the model can only learn to predict class 1" \
    -- $M --data "$D/one_class.csv" --train 3 --epochs 5
has "a constant column: warning, the run goes on" 0 "Train: 0.667, Test: 0.000" \
    "mlptrain: warning: column x1 has the same value in all 4 rows of $D/constant.csv; it carries no information" \
    -- $M --data "$D/constant.csv" --train 3 --epochs 5
has "|x| = 1e10 unscaled: warning, diverges visibly, no NaN" 0 "Train: 1.000, Test: 0.000" \
    "mlptrain: warning: inputs of $D/extreme.csv reach |x| = 1e+10 unscaled; SGD diverges on such inputs: give --scale" \
    -- $M --data "$D/extreme.csv" --train 4 --epochs 50 --layers 0 --act linear
has "|x| = 1e10 scaled: learns" 0 "Train: 1.000, Test: 1.000" "*" -- $M --data "$D/extreme.csv" --scale --train 4 --epochs 50
has "data from stdin" 0 "Train: 0.667, Test: 0.000" "*" -- sh -c "$M --data - --train 3 --epochs 5 <'$D/ok.csv'"

# ---- numerical faults and tiny data
last "lr 100 with linear units: NaN, the epoch is named" 1 \
    "mlptrain: the loss became NaN in epoch 1 of 50 (batch 4 of 16); try a smaller --lr" \
    -- $M --lr 100 --act linear --epochs 50 --csv "$D/nan.hist"
check "NaN run: history is the header and the partial mark" [ "$(cat "$D/nan.hist")" = "epoch,accuracy,loss,val_accuracy,val_loss
# partial: 0 of 50 epochs complete; the loss became NaN in epoch 1 of 50 (batch 4 of 16); try a smaller --lr" ]
has "lr 100 with relu6: finite but diverged, warned" 0 "Train: 0.496, Test: 0.520" \
    "mlptrain: warning: the training loss reached 435.73 in epoch 0 (chance level is 0.693): the run diverged; try a smaller --lr" \
    -- $M --lr 100 --epochs 3
has "one sample, one training row" 0 "Train: 1.000, Test: n/a" \
    "mlptrain: warning: the only training row is class 1; the model can only learn to predict class 1" \
    -- $M --samples 1 --train 1 --epochs 3 --csv "$D/one.hist"
check "one row, no test rows: history has no val columns" [ "$(head -n 1 "$D/one.hist")" = "epoch,accuracy,loss" ]
check "one row: every logged number is finite" sh -c "! grep -qiE 'nan|inf' '$D/one.hist'"
has "batch larger than the data" 0 "Train: 1.000, Test: 1.000" "*" -- $M --samples 2 --train 1 --batch 1000 --epochs 3 --layers 0
has "batch of one row, tanh" 0 "Train: 1.000, Test: n/a" "*" -- $M --samples 1 --train 1 --batch 1 --epochs 2 --act tanh

# ---- contradictions found on the file system
cp "$D/ok.csv" "$D/in.csv"
ln -s in.csv "$D/in-link.csv"
u "--csv names the --data file" "mlptrain: --csv: $D/in.csv: is the --data file; the history would replace the data (allowed another file name)" \
    -- $M --data "$D/in.csv" --csv "$D/in.csv" --train 3
u "--csv names the --data file by a link" "mlptrain: --csv: $D/in.csv: is the --data file; the history would replace the data (allowed another file name)" \
    -- $M --data "$D/in-link.csv" --csv "$D/in.csv" --train 3
check "the --data file is untouched" cmp -s "$D/ok.csv" "$D/in.csv"
last "result to a full stdout" 1 "mlptrain: stdout: write failed: No space left on device" -- sh -c "$M --epochs 1 >/dev/full"
r "help to a full stdout" "mlptrain: stdout: write failed: No space left on device" -- sh -c "$M --help >/dev/full"
u "data from a closed stdin" "mlptrain: --data: stdin: read error: Bad file descriptor" -- sh -c "$M --data - <&-"
last "history to a closed stdout" 1 "mlptrain: stdout: write failed: Bad file descriptor" -- sh -c "$M --epochs 2 --csv - >&-"
last "result to a closed stdout" 1 "mlptrain: stdout: write failed: Bad file descriptor" -- sh -c "$M --epochs 2 >&-"
r "circles to a closed stdout" "circles: stdout: write failed: Bad file descriptor" -- sh -c "$C >&-"
r "circles to a full stdout" "circles: stdout: write failed: No space left on device" -- sh -c "$C --samples 5 >/dev/full"
r "circles help to a full stdout" "circles: stdout: write failed: No space left on device" -- sh -c "$C --help >/dev/full"
r "circles version to a full stdout" "circles: stdout: write failed: No space left on device" -- sh -c "$C -V >/dev/full"
r "sweep help to a full stdout" "mlptrain sweep: stdout: write failed: No space left on device" -- sh -c "$M sweep --help >/dev/full"
r "sweep jobs to a full stdout" "mlptrain sweep: stdout: write failed: No space left on device" -- sh -c "$M sweep --emit-jobs >/dev/full"
last "sweep summary to a full stdout" 1 "mlptrain sweep: stdout: write failed: No space left on device" -- sh -c "$M sweep --seeds 1-2 --act tanh --epochs 1 --jobs 1 >/dev/full"
$M --epochs 1 --quiet --result "$D/one_run.csv" >/dev/null
r "summarize help to a full stdout" "mlptrain summarize: stdout: write failed: No space left on device" -- sh -c "$M summarize --help >/dev/full"
r "summary to a full stdout" "mlptrain summarize: stdout: write failed: No space left on device" -- sh -c "$M summarize $D/one_run.csv >/dev/full"
r "summary to a closed stdout" "mlptrain summarize: stdout: write failed: Bad file descriptor" -- sh -c "$M summarize $D/one_run.csv >&-"

finish bad_inputs
