#!/bin/sh
# mlptrain sweep / summarize and the single-run outputs they build on
# (--result, --grid, --dump-data): exact rows, summaries and messages.
. tests/lib.sh
M=./mlptrain
T=$t_tmp

# A tiny sweep of the article's three configurations.
$M sweep --article-init --seeds 1-3 --epochs 2 --jobs 2 --out $T/runs.csv >$T/sum.txt 2>$T/err.txt
check "sweep exit status" [ $? = 0 ]
check "sweep stderr names the runs" grep -qx "mlptrain sweep: 9 runs (3 configurations x 3 seeds) on 2 threads" $T/err.txt
check "sweep header" [ "$(head -1 $T/runs.csv)" = "config,act,seed,train_acc,test_acc,train_loss,test_loss,collapsed,epochs_run,seconds,status" ]
check "sweep rows" [ "$(wc -l <$T/runs.csv)" = 10 ]

# Every row equals the single run with the same options and seed
# (the seconds column aside), in seed-major order.
: >$T/single.csv
for seed in 1 2 3; do
    $M --act tanh --init uniform:0:1 --out-init uniform:0:1 --epochs 2 --seed $seed --quiet --result - | tail -n 1 >>$T/single.csv
    $M --act relu --epochs 2 --seed $seed --quiet --result - | tail -n 1 >>$T/single.csv
    $M --act relu6 --epochs 2 --seed $seed --quiet --result - | tail -n 1 >>$T/single.csv
done
cut -d, -f1-9,11 $T/single.csv >$T/single.cut
tail -n +2 $T/runs.csv | cut -d, -f1-9,11 >$T/sweep.cut
check "sweep rows equal single runs" cmp -s $T/single.cut $T/sweep.cut
check "row of seed 2, relu6" grep -qx "relu6/he_uniform/glorot_uniform,relu6,2,0.504,0.48,0.6931425514024758,0.6931714108071811,1,2,ok" $T/sweep.cut

# One thread gives the same rows.
$M sweep --article-init --seeds 1-3 --epochs 2 --jobs 1 --out $T/runs1.csv >$T/sum1.txt 2>/dev/null
tail -n +2 $T/runs1.csv | cut -d, -f1-9,11 >$T/sweep1.cut
check "jobs 1 = jobs 2" cmp -s $T/sweep.cut $T/sweep1.cut
check "same summary" cmp -s $T/sum.txt $T/sum1.txt

# The summary of those rows (their statistics are checked against scipy
# in tests/test_stats.c and by the known rows below): a regression check
# of the whole text.
expect "summary of the tiny sweep" 0 "Test accuracy per configuration (95% CI: t interval for the mean;
collapsed: the final model predicts one class for every row):

config                           runs   mean     sd  95% CI         median    min    max  collapsed  mean if not collapsed
tanh/uniform:0:1/uniform:0:1        3  0.497  0.021  0.445-0.548    0.490  0.480  0.520        2/3                  0.490
relu/he_uniform/glorot_uniform      3  0.467  0.023  0.409-0.524    0.480  0.440  0.480        1/3                  0.460
relu6/he_uniform/glorot_uniform     3  0.467  0.023  0.409-0.524    0.480  0.440  0.480        1/3                  0.460

Differences in test accuracy, two-sided tests at the 0.05 level, without
correction for multiple comparisons.  Unpaired: Welch's t-test (unequal
variances) and Mann-Whitney U (normal approximation, tie and continuity
corrected), significant when both are.  Paired by seed (runs with the same
seed start from the same random draws): Wilcoxon signed-rank test of the
per-seed differences (zero differences dropped, normal approximation, tie
corrected).

tanh/uniform:0:1/uniform:0:1 vs relu/he_uniform/glorot_uniform: mean difference +0.030
  unpaired: Welch t = 1.67, df = 4.0, p = 0.171; Mann-Whitney U = 8.0, p = 0.164: not significant
  paired by seed (3 seeds: first higher 2, lower 0, equal 1): Wilcoxon signed-rank W = 0.0, p = 0.180: too few differing pairs to tell

tanh/uniform:0:1/uniform:0:1 vs relu6/he_uniform/glorot_uniform: mean difference +0.030
  unpaired: Welch t = 1.67, df = 4.0, p = 0.171; Mann-Whitney U = 8.0, p = 0.164: not significant
  paired by seed (3 seeds: first higher 2, lower 0, equal 1): Wilcoxon signed-rank W = 0.0, p = 0.180: too few differing pairs to tell

relu/he_uniform/glorot_uniform vs relu6/he_uniform/glorot_uniform: mean difference +0.000
  unpaired: Welch t = 0.00, df = 4.0, p = 1.000; Mann-Whitney U = 4.5, p = 1.000: not significant
  paired by seed (3 seeds: first higher 0, lower 0, equal 3): Wilcoxon signed-rank W = 0.0, p = 1.000: too few differing pairs to tell" "" -- cat $T/sum.txt
check "summary mentions the tests" grep -q "Welch's t-test (unequal" $T/sum.txt
check "summary has 3 pairs" [ "$(grep -c ' vs ' $T/sum.txt)" = 3 ]
check "each pair paired by seed" [ "$(grep -c '^  paired by seed (3 seeds' $T/sum.txt)" = 3 ]

# summarize reads the rows back from two files (as from two machines).
head -n 5 $T/runs.csv >$T/part1.csv
{ echo "config,act,seed,train_acc,test_acc,train_loss,test_loss,collapsed,epochs_run,seconds,status"; tail -n +6 $T/runs.csv; echo "# a comment line is skipped"; } >$T/part2.csv
$M summarize $T/part1.csv $T/part2.csv >$T/sum2.txt
check "summarize two files = sweep summary" cmp -s $T/sum.txt $T/sum2.txt
$M summarize - <$T/runs.csv >$T/sum3.txt
check "summarize stdin" cmp -s $T/sum.txt $T/sum3.txt

# --emit-jobs: one command per run; run them (GNU parallel would) and
# summarize their rows.
$M sweep --article-init --seeds 1-3 --epochs 2 --emit-jobs >$T/jobs.txt
check "9 jobs" [ "$(wc -l <$T/jobs.txt)" = 9 ]
check "job line" grep -qx "mlptrain --samples 600 --noise 0.1 --factor 0.8 --data-seed 1 --scale --range -1,1 --train 500 --widths 5,5,5,5,5,5,5,5,5,5,5 --act tanh --init uniform:0:1 --out-init uniform:0:1 --epochs 2 --batch 32 --lr 0.01 --momentum 0.9 --seed 1 --quiet --result -" $T/jobs.txt
sed "s|^mlptrain |$M |" $T/jobs.txt | sh >$T/jobrows.csv
$M summarize $T/jobrows.csv >$T/sum4.txt
check "emitted jobs summarize as the sweep" cmp -s $T/sum.txt $T/sum4.txt

# Summary values by hand: two configurations with known rows.
cat >$T/known.csv <<'ROWS'
config,act,seed,train_acc,test_acc,train_loss,test_loss,collapsed,epochs_run,seconds,status
a,relu,1,0.8,0.79,0.4,0.45,0,500,0.1,ok
a,relu,2,0.5,0.48,0.69,0.69,1,500,0.1,ok
a,relu,3,0.8,0.83,0.4,0.45,0,500,0.1,ok
a,relu,4,0.5,0.52,0.69,0.69,1,500,0.1,ok
a,relu,5,0.8,0.76,0.4,0.45,0,500,0.1,ok
a,relu,6,0.5,0.48,0.69,0.69,1,500,0.1,ok
b,relu6,1,0.5,0.48,0.69,0.69,1,500,0.1,ok
b,relu6,2,0.5,0.52,0.69,0.69,1,500,0.1,ok
b,relu6,3,0.5,0.48,0.69,0.69,1,500,0.1,ok
b,relu6,4,0.7,0.71,0.4,0.45,0,500,0.1,ok
b,relu6,5,0.5,0.5,0.69,0.69,0,500,0.1,ok
b,relu6,6,nan,nan,nan,nan,0,17,0.1,nonfinite
ROWS
# mean, sd, CI, Welch and Mann-Whitney values: tests/test_stats.c (scipy);
# paired by seed 1-5, d = .31 -.04 .35 -.19 .26: ranks of |d| 4 1 5 2 3,
# W = R- = 3, z = (3 - 7.5) / sqrt(5*6*11/24), p = 2*Phi(-1.2136) = 0.225
expect "summarize known rows" 0 "Test accuracy per configuration (95% CI: t interval for the mean;
collapsed: the final model predicts one class for every row):

config  runs   mean     sd  95% CI         median    min    max  collapsed  mean if not collapsed
a          6  0.643  0.166  0.469-0.818    0.640  0.480  0.830        3/6                  0.793
b          5  0.538  0.098  0.417-0.659    0.500  0.480  0.710        3/5                  0.605
note: b: 1 run(s) diverged (status nonfinite), left out

Differences in test accuracy, two-sided tests at the 0.05 level, without
correction for multiple comparisons.  Unpaired: Welch's t-test (unequal
variances) and Mann-Whitney U (normal approximation, tie and continuity
corrected), significant when both are.  Paired by seed (runs with the same
seed start from the same random draws): Wilcoxon signed-rank test of the
per-seed differences (zero differences dropped, normal approximation, tie
corrected).

a vs b: mean difference +0.105
  unpaired: Welch t = 1.30, df = 8.2, p = 0.227; Mann-Whitney U = 20.5, p = 0.349: not significant
  paired by seed (5 seeds: first higher 3, lower 2, equal 0): Wilcoxon signed-rank W = 3.0, p = 0.225: too few differing pairs to tell" "" -- $M summarize $T/known.csv

# Rows of sweeps with different --epochs under one config: said, not hidden.
$M sweep --seeds 1-2 --act relu --epochs 3 --out $T/e3.csv >/dev/null 2>&1
$M sweep --seeds 3-4 --act relu --epochs 4 --out $T/e4.csv >/dev/null 2>&1
$M summarize $T/e3.csv $T/e4.csv >$T/e34.txt
check "mixed epochs noted" grep -qx "note: relu/he_uniform/glorot_uniform: runs of 3 to 4 epochs: rows of runs with different settings mixed?" $T/e34.txt

# Diverged runs: kept as rows with status nonfinite, left out of the
# statistics, and the sweep still succeeds.
$M sweep --act linear,relu --seeds 1-2 --lr 100 --epochs 5 --out $T/nf.csv >$T/nf.txt 2>/dev/null
check "diverged sweep exit" [ $? = 0 ]
check "diverged rows" [ "$(cut -d, -f1-10 $T/nf.csv | grep -c '^linear/glorot_uniform/glorot_uniform,linear,[12],nan,nan,nan,nan,0,0,')" = 2 ]
check "diverged note" grep -qx "note: linear/glorot_uniform/glorot_uniform: 2 run(s) diverged (status nonfinite), left out" $T/nf.txt
check "no test without runs" grep -qx "linear/glorot_uniform/glorot_uniform vs relu/he_uniform/glorot_uniform: fewer than 2 runs on a side: no test" $T/nf.txt
$M --act linear --lr 100 --epochs 5 --quiet --result - >$T/nf1.csv 2>$T/nf1.err
check "single diverged run fails" [ $? = 1 ]
check "single diverged run writes its row" [ "$(sed 's/,[0-9.]*,nonfinite$/,S,nonfinite/' $T/nf1.csv)" = "config,act,seed,train_acc,test_acc,train_loss,test_loss,collapsed,epochs_run,seconds,status
linear/glorot_uniform/glorot_uniform,linear,1,nan,nan,nan,nan,0,0,S,nonfinite" ]
check "single diverged run says why" [ "$(cat $T/nf1.err)" = "mlptrain: the loss became NaN in epoch 1 of 5 (batch 4 of 16); try a smaller --lr" ]

# Messages and exit statuses.
expect "seeds reversed" 2 "" "mlptrain sweep: --seeds: 5-1: range A-B with A > B (allowed N, A-B or a comma list, up to 10000000 seeds of 0..4294967295)" -- $M sweep --seeds 5-1
expect "seeds repeated" 2 "" "mlptrain sweep: --seeds: 1-3,2: a seed is repeated (its runs would be identical) (allowed N, A-B or a comma list, up to 10000000 seeds of 0..4294967295)" -- $M sweep --seeds 1-3,2
expect "unknown act in list" 2 "" "mlptrain sweep: --act: tanh,foo: unknown activation \"foo\" (allowed tanh, relu, relu6, sigmoid, linear, leaky_relu, elu, selu, softplus, softsign, gelu, swish, hard_sigmoid)" -- $M sweep --act tanh,foo
expect "--seed refused" 2 "" "mlptrain sweep: --seed: not for a sweep: a sweep takes --seeds" -- $M sweep --seed 3
expect "--csv refused" 2 "" "mlptrain sweep: --csv: not for a sweep: every run would write the same file; per-run rows go to --out" -- $M sweep --csv h.csv
expect "--save refused" 2 "" "mlptrain sweep: --save: not for a sweep: every run would write the same file: save one seed alone" -- $M sweep --save m.txt
expect "--out -" 2 "" "mlptrain sweep: --out: -: the summary goes to stdout (allowed a file name)" -- $M sweep --out -
expect "jobs 0" 2 "" "mlptrain sweep: --jobs: 0: out of range (allowed 1..1024)" -- $M sweep --jobs 0
expect "article-init with --init" 2 "" "mlptrain sweep: --article-init and --init/--out-init contradict each other; give one" -- $M sweep --article-init --init zeros
expect "training option checked" 2 "" "mlptrain: --epochs: x: not a whole number (allowed 0..100000000)" -- $M sweep --epochs x
expect "unknown sweep option" 2 "" "mlptrain sweep: --bogus: unknown option (see mlptrain sweep --help)" -- $M sweep --bogus
expect "ambiguous option" 2 "" "mlptrain sweep: --see: ambiguous option (could be --seeds, --seed)" -- $M sweep --see 1
expect "missing value" 2 "" "mlptrain sweep: --jobs: missing value (see mlptrain sweep --help)" -- $M sweep --jobs
expect "-v refused" 2 "" "mlptrain sweep: --verbose: not for a sweep: per-epoch lines of parallel runs would interleave" -- $M sweep -v
expect "positional argument" 2 "" "mlptrain sweep: runs.csv: unexpected argument (options only; see mlptrain sweep --help)" -- $M sweep runs.csv
expect "emit-jobs with --out" 2 "" "mlptrain sweep: --emit-jobs and --out contradict each other: each emitted job prints its own row" -- $M sweep --emit-jobs --out r.csv
expect "emit-jobs with --jobs" 2 "" "mlptrain sweep: --emit-jobs and --jobs contradict each other: GNU parallel's -j sets the jobs" -- $M sweep --emit-jobs --jobs 2
expect "data from stdin" 2 "" "mlptrain sweep: --data: -: every run reads the data, stdin only once (allowed a file name)" -- $M sweep --data -
expect "bad data file: usage error, as a single run" 2 "" "mlptrain sweep: 6 runs (3 configurations x 2 seeds) on 1 thread
mlptrain sweep: seed 1, tanh/uniform:0:1/uniform:0:1: --data: $T/none.csv: cannot open: No such file or directory" -- $M sweep --article-init --seeds 1-2 --jobs 1 --data $T/none.csv
expect "summarize nothing" 2 "" "mlptrain summarize: no files given (usage: mlptrain summarize FILE...; - is stdin)" -- $M summarize
expect "summarize missing file" 2 "" "mlptrain summarize: $T/none.csv: cannot open: No such file or directory" -- $M summarize $T/none.csv
printf 'config,act,seed,train_acc,test_acc,train_loss,test_loss,collapsed,epochs_run,seconds,status\na,relu,1,0.8,0.79,0.4\n' >$T/short.csv
expect "summarize short row" 2 "" "mlptrain summarize: $T/short.csv:2: fewer than 11 fields (expected rows under the header config,act,seed,train_acc,test_acc,train_loss,test_loss,collapsed,epochs_run,seconds,status)" -- $M summarize $T/short.csv
# rows collected twice (two machines, a retried job) would count twice
$M sweep --seeds 1-2 --epochs 1 --act relu,tanh --quiet --out $T/two.csv 2>$T/two.err
check "a quiet sweep prints nothing on stderr" [ ! -s $T/two.err ]
$M sweep --seeds 1-2 --epochs 1 --act relu,tanh -q >$T/q.out 2>$T/q.err
check "-q: nothing on stderr" [ ! -s $T/q.err ]
check "-q: the summary on stdout" grep -q "Welch's t-test" $T/q.out
sed -n '1p;3p' $T/two.csv >$T/again.csv
expect "summarize a seed twice" 2 "" "mlptrain summarize: $T/again.csv:2: configuration tanh/glorot_uniform/glorot_uniform, seed 1 again (first at $T/two.csv:3); a run read twice would count twice (allowed one row per configuration and seed)" -- $M summarize $T/two.csv $T/again.csv
expect "summarize the same file twice" 2 "" "mlptrain summarize: $T/two.csv:2: configuration relu/he_uniform/glorot_uniform, seed 1 again: $T/two.csv is given twice (a run read twice would count twice; allowed each file once)" -- $M summarize $T/two.csv $T/two.csv
{ cat $T/two.csv; echo "# partial: 4 of 6 runs complete; interrupted by SIGINT"; } >$T/part.csv
expect "summarize a partial file says so" 0 "*" "mlptrain summarize: note: $T/part.csv is marked partial (a sweep that stopped early): its configurations may lack seeds" -- $M summarize $T/part.csv
./circles --samples 10 -o $T/d10.csv
cp $T/d10.csv $T/d10.before
expect "sweep --out over its --data" 2 "" "mlptrain sweep: --out: $T/../$(basename $T)/d10.csv: is the --data file; the rows would replace the data (allowed another file name)" -- $M sweep --seeds 1-2 --epochs 1 --data $T/d10.csv --train 5 --out $T/../$(basename $T)/d10.csv
check "sweep --out over its --data: the data kept" cmp -s $T/d10.csv $T/d10.before
expect "out dir missing" 2 "" "mlptrain sweep: --out: $T/no/r.csv: directory \"$T/no\" does not exist" -- $M sweep --seeds 1 --epochs 1 --out $T/no/r.csv

# --result, --grid, --dump-data on a single run.
$M --epochs 2 --seed 2 --quiet --result - >$T/one.csv 2>$T/one.err
check "result replaces the Train line" [ "$(sed 's/,[0-9.]*,ok$/,S,ok/' $T/one.csv)" = "config,act,seed,train_acc,test_acc,train_loss,test_loss,collapsed,epochs_run,seconds,status
relu6/he_uniform/glorot_uniform,relu6,2,0.504,0.48,0.6931425514024758,0.6931714108071811,1,2,S,ok" ]
check "quiet: nothing on stderr" [ ! -s $T/one.err ]
expect "grid-size alone" 2 "" "mlptrain: --grid-size applies with --grid only; add --grid FILE" -- $M --grid-size 5
expect "grid-size 1" 2 "" "mlptrain: --grid-size: 1: out of range (allowed 2..10000)" -- $M --grid-size 1 --grid g.csv
expect "result and quant on stdout" 2 "" "mlptrain: --result - and --quant both write to stdout; give --result a file name" -- $M --result - --quant 8
expect "two outputs on stdout" 2 "" "mlptrain: --result - and --grid - both write to stdout; give one a file name" -- $M --result - --grid -
expect "grid run" 0 "Train: 0.834, Test: 0.760" "" -- $M --epochs 60 --seed 3 --quiet --grid $T/grid.csv --grid-size 5 --dump-data $T/data.csv
check "grid rows" [ "$(wc -l <$T/grid.csv)" = 26 ]
check "grid header" [ "$(head -1 $T/grid.csv)" = "x1,x2,p" ]
check "grid order" [ "$(sed -n '2p;3p;7p;26p' $T/grid.csv | cut -d, -f1,2 | tr '\n' ' ')" = "-1,-1 -1,-0.5 -0.5,-1 1,1 " ]
check "grid p in 0..1" awk -F, 'NR > 1 && !($3 >= 0 && $3 <= 1) {exit 1}' $T/grid.csv
check "dumped data rows" [ "$(wc -l <$T/data.csv)" = 601 ]
# the dumped data repeats the run: training rows first, already scaled
expect "dumped data repeats the run" 0 "Train: 0.834, Test: 0.760" "" -- $M --data $T/data.csv --train 500 --epochs 60 --seed 3 --quiet

# the benchmark script runs (its numbers are measurements, not checked)
MLPTRAIN=$M scripts/bench_sweep.sh 1-2 --epochs 2 >$T/bench.txt 2>&1
check "bench_sweep runs" [ $? = 0 ]
check "bench_sweep reports both" [ "$(grep -c '^  --jobs .*     6 runs .* runs in flight$' $T/bench.txt)" = 2 ]

finish sweep
