#!/bin/sh
# Nothing lost, nothing half-written (issue #5): a run stopped by SIGINT,
# SIGTERM or SIGHUP delivers the epochs it completed, marked partial, and exits
# 128+signal; a write that fails (file size limit, a full tmpfs) leaves the
# previous file as it was, says so, and leaves no temporary file behind.
. tests/lib.sh
M=./mlptrain
C=./circles
D=$t_tmp

# A run that ignored its signal would make `wait` hang the suite: after 60 s
# the watchdog kills it (and the test fails on its status).
# (Its sleep goes when it does, and it holds no pipe of the test runner.)
watch_dog() {
    (
        trap 'kill $s 2>/dev/null; exit 0' TERM
        sleep 60 &
        s=$!
        wait $s && kill -KILL "$1" 2>/dev/null
    ) </dev/null >/dev/null 2>&1 &
    dog=$!
}

# signal_and_wait SIG PID: send SIG, wait for PID under the watchdog; the
# exit status is left in $got.
signal_and_wait() {
    kill -"$1" "$2"
    watch_dog "$2"
    wait "$2"
    got=$?
    kill $dog 2>/dev/null
}

# A long run, signalled once its history has a few epochs (never a timed wait:
# the loop polls the temporary file, up to 20 s).
stop_with() {
    sig=$1 want=$2
    out=$D/$sig.csv
    $M --epochs 10000000 --csv "$out" --diag "$D/$sig.diag.csv" 2>"$D/$sig.err" >/dev/null &
    pid=$!
    i=0
    while [ $i -lt 400 ]; do
        n=$(cat "$out".tmp.* 2>/dev/null | wc -l)
        [ "$n" -ge 4 ] && break
        sleep 0.05
        i=$((i + 1))
    done
    signal_and_wait "$sig" $pid
    check "$sig: exit status $got, want $want" [ "$got" = "$want" ]
    rows=$(grep -c '^[0-9]' "$out")
    check "$sig: at least 3 complete epochs delivered ($rows)" [ "$rows" -ge 3 ]
    check "$sig: header first" [ "$(head -n 1 "$out")" = "epoch,accuracy,loss,val_accuracy,val_loss" ]
    # every row complete: epoch numbers 0..rows-1 in order, four numbers each
    bad=$(awk -F, 'NR > 1 && !/^#/ && (NF != 5 || $1 != NR - 2 || $5 == "")' "$out" | wc -l)
    check "$sig: every row complete and in order" [ "$bad" = 0 ]
    check "$sig: one partial mark, last" [ "$(tail -n 1 "$out")" = "# partial: $rows of 10000000 epochs complete; interrupted by SIG$sig in epoch $((rows + 1)) of 10000000" ]
    check "$sig: the diagnostics are marked partial too" [ "$(tail -n 1 "$D/$sig.diag.csv")" = "# partial: $rows of 10000000 epochs complete; interrupted by SIG$sig in epoch $((rows + 1)) of 10000000" ]
    check "$sig: diagnostics rows of the complete epochs" [ "$(grep -c '^[0-9]' "$D/$sig.diag.csv")" = $((rows * 12)) ]
    check "$sig: stderr says where it stopped" [ "$(tail -n 1 "$D/$sig.err")" = "mlptrain: interrupted by SIG$sig in epoch $((rows + 1)) of 10000000" ]
    check "$sig: no temporary file left" [ -z "$(ls "$D" | grep '\.tmp\.')" ]
}
stop_with INT 130
stop_with TERM 143
stop_with HUP 129

# The history on stdout through a pipe (--csv -): same rows, same mark.
# piped.csv exists before the loop reads it: otherwise the first test could
# run before the reader's redirection and signal mlptrain before it started.
mkfifo "$D/fifo"
: >"$D/piped.csv"
cat "$D/fifo" >>"$D/piped.csv" &
reader=$!
$M --epochs 10000000 --csv - >"$D/fifo" 2>/dev/null &
pid=$!
i=0
while [ $i -lt 400 ] && [ "$(wc -l <"$D/piped.csv")" -lt 4 ]; do
    sleep 0.05
    i=$((i + 1))
done
signal_and_wait INT $pid
wait $reader
rows=$(grep -c '^[0-9]' "$D/piped.csv")
check "pipe: exit status $got, want 130" [ "$got" = 130 ]
check "pipe: partial mark after $rows rows" [ "$(tail -n 1 "$D/piped.csv")" = "# partial: $rows of 10000000 epochs complete; interrupted by SIGINT in epoch $((rows + 1)) of 10000000" ]

# Outside training (writing a grid or a dataset, waiting for a FIFO), and on
# SIGPIPE at any time, a signal ends the process at once (128+signal, from
# the signal itself) and removes the temporary file it was writing.
# kill_at SIG WANT TMPGLOB CMD...: CMD in the background, signalled once a
# file matching TMPGLOB exists (polled, up to 20 s).
kill_at() {
    sig=$1 want=$2 glob=$3
    shift 3
    "$@" >/dev/null 2>"$D/kill.err" &
    pid=$!
    i=0
    while [ $i -lt 400 ] && ! ls $glob >/dev/null 2>&1; do
        sleep 0.05
        i=$((i + 1))
    done
    signal_and_wait "$sig" $pid
    check "$sig during $*: exit status $got, want $want" [ "$got" = "$want" ]
    check "$sig during $*: no temporary file left" [ -z "$(ls $glob 2>/dev/null)" ]
}
kill_at TERM 143 "$D/big.csv.tmp.*" $C --samples 50000000 -o "$D/big.csv"
check "circles stopped: no file" [ ! -e "$D/big.csv" ]
kill_at INT 130 "$D/grid.csv.tmp.*" $M --epochs 1 --grid-size 10000 --grid "$D/grid.csv"
check "grid stopped: no file" [ ! -e "$D/grid.csv" ]
# waiting to open a FIFO nobody writes: signalled once the kernel says it
# waits for a partner (/proc/PID/wchan), where a flag alone would hang
mkfifo "$D/datafifo"
$M --data "$D/datafifo" >/dev/null 2>&1 &
pid=$!
i=0
while [ $i -lt 400 ] && [ "$(cat /proc/$pid/wchan 2>/dev/null)" != wait_for_partner ]; do
    sleep 0.05
    i=$((i + 1))
done
signal_and_wait TERM $pid
check "TERM while --data waits for a FIFO: exit status $got, want 143" [ "$got" = 143 ]
# a closed pipe (| head) during training: SIGPIPE, and the --diag file's
# temporary copy is removed
sh -c "$M --epochs 10000000 --csv - --diag '$D/piped.diag.csv' 2>/dev/null | head -n 3 >/dev/null"
check "SIGPIPE: no temporary diagnostics file left" [ -z "$(ls "$D" | grep 'piped.diag.csv')" ]

# A file size limit (ulimit -f, SIGXFSZ ignored): writes fail with EFBIG.
echo OLD >"$D/limited.csv"
expect "history over the size limit" 1 "" "*" -- sh -c "trap '' XFSZ; ulimit -f 8; exec $M --epochs 500 --csv '$D/limited.csv'"
check "size limit: message" [ "$(tail -n 1 "$t_tmp/err")" = "mlptrain: $D/limited.csv: write failed: File too large ($D/limited.csv left as it was)" ]
# a run that stops early (a NaN loss) whose history then cannot be written:
# the write failure is the error, not lost behind the stop
expect "NaN stop, then the history over the size limit" 1 "" "*" -- sh -c "trap '' XFSZ; ulimit -f 20; exec $M --act linear --momentum 0.95 --lr 0.4 --layers 2 --epochs 1000 --csv '$D/nan-limited.csv' -q"
case "$(tail -n 1 "$t_tmp/err")" in
"mlptrain: $D/nan-limited.csv: write failed: File too large (nothing written)"*) got=ok ;;
*) got="$(tail -n 1 "$t_tmp/err")" ;;
esac
check "NaN stop, size limit: the write failure is reported ($got)" [ "$got" = ok ]
check "NaN stop, size limit: no file, no temporary file" [ -z "$(ls "$D" | grep 'nan-limited')" ]
check "size limit: previous history intact" [ "$(cat "$D/limited.csv")" = OLD ]
expect "circles over the size limit" 1 "" "circles: $D/limited.csv: write failed: File too large ($D/limited.csv left as it was)" \
    -- sh -c "trap '' XFSZ; ulimit -f 8; exec $C --samples 10000 -o '$D/limited.csv'"
check "size limit: previous data intact" [ "$(cat "$D/limited.csv")" = OLD ]
expect "data dump over the size limit: the write's own reason" 1 "" "*" -- sh -c "trap '' XFSZ; ulimit -f 8; exec $M --epochs 1 --samples 5000 --train 4000 --quiet --dump-data '$D/dump.csv'"
check "data dump: message" [ "$(tail -n 1 "$t_tmp/err")" = "mlptrain: $D/dump.csv: write failed: File too large (nothing written)" ]
check "size limit: no temporary file left" [ -z "$(ls "$D" | grep '\.tmp\.')" ]
# the same limit without the caller ignoring SIGXFSZ: mlptrain and circles
# ignore it themselves, so the write fails, is reported, and no temporary
# file is left (killed by SIGXFSZ, they left h.csv.tmp.* and said nothing)
expect "size limit, SIGXFSZ not ignored by the caller" 1 "" "*" -- sh -c "trap - XFSZ; ulimit -f 8; exec $M --epochs 500 --csv '$D/limited.csv'"
check "size limit, SIGXFSZ default: message" [ "$(tail -n 1 "$t_tmp/err")" = "mlptrain: $D/limited.csv: write failed: File too large ($D/limited.csv left as it was)" ]
expect "circles over the size limit, SIGXFSZ default" 1 "" "circles: $D/limited.csv: write failed: File too large ($D/limited.csv left as it was)" \
    -- sh -c "trap - XFSZ; ulimit -f 8; exec $C --samples 10000 -o '$D/limited.csv'"
check "size limit, SIGXFSZ default: previous history intact, no temporary file" \
    [ "$(cat "$D/limited.csv")" = OLD -a -z "$(ls "$D" | grep '\.tmp\.')" ]

# A real full file system: a 16 KiB tmpfs, where this machine lets us mount
# one (root in CI); otherwise the size-limit cases above stand in for it.
mnt=$D/tiny
mkdir "$mnt"
trap 'umount "$mnt" 2>/dev/null; rm -rf "$t_tmp"' EXIT
if mount -t tmpfs -o size=16k tmpfs "$mnt" 2>/dev/null; then
    echo OLD >"$mnt/h.csv"
    echo OLD >"$mnt/d.csv"
    expect "history on a full tmpfs" 1 "" "*" -- $M --epochs 500 --csv "$mnt/h.csv"
    check "full tmpfs: message" [ "$(tail -n 1 "$t_tmp/err")" = "mlptrain: $mnt/h.csv: write failed: No space left on device ($mnt/h.csv left as it was)" ]
    check "full tmpfs: previous history intact" [ "$(cat "$mnt/h.csv")" = OLD ]
    expect "circles on a full tmpfs" 1 "" "circles: $mnt/d.csv: write failed: No space left on device ($mnt/d.csv left as it was)" \
        -- $C --samples 10000 -o "$mnt/d.csv"
    check "full tmpfs: previous data intact" [ "$(cat "$mnt/d.csv")" = OLD ]
    echo OLD >"$mnt/m.txt"
    echo OLD >"$mnt/g.csv"
    expect "model on a full tmpfs" 1 "" "*" -- $M --epochs 2 --widths 64,64 --save "$mnt/m.txt"
    check "full tmpfs: model message" [ "$(tail -n 1 "$t_tmp/err")" = "mlptrain: $mnt/m.txt: write failed: No space left on device ($mnt/m.txt left as it was)" ]
    expect "diagnostics on a full tmpfs" 1 "" "*" -- $M --epochs 300 --diag "$mnt/g.csv"
    check "full tmpfs: diagnostics message" [ "$(tail -n 1 "$t_tmp/err")" = "mlptrain: $mnt/g.csv: write failed: No space left on device ($mnt/g.csv left as it was)" ]
    check "full tmpfs: previous model and diagnostics intact" [ "$(cat "$mnt/m.txt" "$mnt/g.csv")" = "OLD
OLD" ]
    expect "a new file on a full tmpfs" 1 "" "*" -- $M --epochs 500 --csv "$mnt/new.csv"
    check "full tmpfs, new file: nothing written, and says so" [ "$(tail -n 1 "$t_tmp/err")" = "mlptrain: $mnt/new.csv: write failed: No space left on device (nothing written)" ]
    check "full tmpfs: no temporary file left" [ "$(ls "$mnt")" = "d.csv
g.csv
h.csv
m.txt" ]
    umount "$mnt"
else
    echo "t_stop: cannot mount a tmpfs here; the full-disk cases ran with ulimit -f only"
fi

finish stop
