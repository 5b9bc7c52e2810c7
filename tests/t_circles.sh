#!/bin/sh
# The circles command line: output, messages, exit statuses, atomic -o.
. tests/lib.sh
C=./circles
U="(see circles --help)"
F=tests/fixtures

# the default is the article's dataset, byte for byte the committed file
expect "default run" 0 "$(cat data/circles.csv)" "" -- $C
expect "stdout as -o -" 0 "$(cat data/circles.csv)" "" -- $C -o -
expect "version" 0 "circles (mlptrain) 0.1.0" "" -- $C --version
expect "help" 0 "*" "" -- $C --help
$C --help >"$t_tmp/help"
for opt in "--samples N" "[600]" "--noise X" "[0.1]" "--factor F" "[0.8]" "--seed S" "[1]" \
           "--range LO,HI" "[-1,1]" "--no-scale" "--output FILE" "[-]" "--help" "--version"; do
    check "help shows $opt" grep -qF -- "$opt" "$t_tmp/help"
done

# other parameters agree with scikit-learn (values compared, not text)
same_values() { # FIXTURE CIRCLES-ARGS...: compare numerically with awk
    fx=$1; shift
    $C "$@" >"$t_tmp/got" || return 1
    awk -F, 'NR == FNR { a[FNR] = $0; next }
             { split(a[FNR], g, ","); if (g[1] + 0 != $1 + 0 || g[2] + 0 != $2 + 0 || g[3] != $3) bad = 1 }
             END { exit bad || NR != 2 * FNR }' "$t_tmp/got" "$fx"
}
check "seed 0" same_values $F/circles_scaled_n600_noise0.1_seed0_factor0.8.csv --seed 0
check "raw, seed 123" same_values $F/circles_raw_n1000_noise0.3_seed123_factor0.5.csv \
    --no-scale --samples 1000 --noise 0.3 --seed 123 --factor 0.5
check "largest seed" same_values $F/circles_scaled_n20_noise0.1_seed4294967295_factor0.8.csv \
    --samples 20 --seed 4294967295
check "noise 0" same_values $F/circles_raw_n10_noise0_seed1_factor0.8.csv --no-scale --samples 10 --noise 0
check "range 0,1" sh -c "$C --range 0,1 | awk -F, 'NR > 1 && (\$1 < 0 || \$1 > 1 || \$2 < 0 || \$2 > 1) { bad = 1 } END { exit bad }'"
expect "range 0,1 differs from the default" 0 "*" "" -- $C --range 0,1
check "range 0,1 output differs" sh -c "! cmp -s data/circles.csv $t_tmp/out"

# invalid values: one line, status 2, nothing on stdout
bad() { # DESC MESSAGE ARGS...
    d=$1 m=$2; shift 2
    expect "$d" 2 "" "circles: $m" -- $C "$@"
}
bad "seed -1" "--seed: -1: not a whole number (allowed 0..4294967295)" --seed -1
bad "seed 2^32" "--seed: 4294967296: out of range (allowed 0..4294967295)" --seed 4294967296
bad "seed overflow" "--seed: 184467440737095516160: out of range (allowed 0..4294967295)" --seed 184467440737095516160
bad "seed empty" "--seed: \"\": empty value (allowed 0..4294967295)" --seed ""
bad "seed junk" "--seed: 12abc: not a whole number (allowed 0..4294967295)" --seed 12abc
bad "seed blank" "--seed:  7: not a whole number (allowed 0..4294967295)" --seed " 7"
bad "seed float" "--seed: 1.5: not a whole number (allowed 0..4294967295)" --seed 1.5
bad "samples 0" "--samples: 0: out of range (allowed 1..100000000)" --samples 0
bad "samples huge" "--samples: 100000001: out of range (allowed 1..100000000)" --samples 100000001
bad "samples junk" "--samples: ten: not a whole number (allowed 1..100000000)" --samples ten
bad "noise negative" "--noise: -0.1: out of range (allowed a number from 0 to 1e6)" --noise -0.1
bad "noise nan" "--noise: nan: not a finite number (allowed a number from 0 to 1e6)" --noise nan
bad "noise inf" "--noise: inf: not a finite number (allowed a number from 0 to 1e6)" --noise inf
bad "noise junk" "--noise: 0.1x: not a number (allowed a number from 0 to 1e6)" --noise 0.1x
bad "factor 1" "--factor: 1: out of range (allowed 0 <= F < 1)" --factor 1
bad "factor negative" "--factor: -0.5: out of range (allowed 0 <= F < 1)" --factor -0.5
bad "factor junk" "--factor: abc: not a number (allowed 0 <= F < 1)" --factor abc
bad "range one value" "--range: 1: not two numbers separated by a comma (allowed LO,HI with -1e6 <= LO < HI <= 1e6)" --range 1
bad "range reversed" "--range: 1,-1: first value not less than the second (allowed LO,HI with -1e6 <= LO < HI <= 1e6)" --range 1,-1
bad "range huge" "--range: -1e7,1: out of range (allowed LO,HI with -1e6 <= LO < HI <= 1e6)" --range -1e7,1
bad "range and no-scale" "--range and --no-scale contradict each other; give one" --no-scale --range 0,1
bad "output empty" "--output: \"\": empty value (allowed a file name or - for stdout)" -o ""
bad "unknown option" "--bogus: unknown option $U" --bogus
bad "unknown short option" "-x: unknown option $U" -x
bad "missing value" "--seed: missing value $U" --seed
bad "stray argument" "600: unexpected argument (options only; see circles --help)" 600

# -o: atomic, and failures leave the previous file alone
out=$t_tmp/data.csv
expect "write -o" 0 "" "" -- $C -o "$out"
check "-o equals stdout output" cmp -s "$out" data/circles.csv
expect "--output= form" 0 "" "" -- $C --output="$out" --seed 2
check "-o replaced" sh -c "! cmp -s '$out' data/circles.csv"
cp data/circles.csv "$out"
expect "bad value keeps the file" 2 "" "*" -- $C -o "$out" --seed -1
check "file untouched after usage error" cmp -s "$out" data/circles.csv
expect "missing directory" 2 "" "circles: --output: $t_tmp/nope/x.csv: directory \"$t_tmp/nope\" does not exist" -- $C -o "$t_tmp/nope/x.csv"
expect "directory as output" 2 "" "circles: --output: $t_tmp: is a directory" -- $C -o "$t_tmp"
check "no temporary file left" sh -c "! ls '$t_tmp' | grep -q '\\.tmp\\.'"
if [ -w /dev/full ]; then
    expect "disk full via -o" 1 "" "circles: /dev/full: write failed: No space left on device" -- $C -o /dev/full
    expect "disk full on stdout" 1 "" "circles: stdout: write failed: No space left on device" -- sh -c "$C >/dev/full"
    check "/dev/full still a device" test -c /dev/full
fi
expect "-o /dev/null" 0 "" "" -- $C -o /dev/null
check "/dev/null still a device" test -c /dev/null

finish circles-cli
