#!/bin/sh
# Output paths that must not be renamed over, and long file names:
# /dev/stdout (and any name of the file stdout is open on) is written like
# "-", with stdout redirected to a regular file too, and stderr's file
# through stderr; nothing is created or
# renamed over in /dev or /proc; a 255-byte file name works (its temporary
# name is cut to fit NAME_MAX) and a 256-byte one is a usage error.
. tests/lib.sh
M=./mlptrain
C=./circles
D=$t_tmp/d
mkdir "$D"
HEADER=epoch,accuracy,loss,val_accuracy,val_loss

# the history --csv - writes, to compare with (stdout is a regular file in
# `expect`, as in `mlptrain --csv /dev/stdout > out.csv`)
$M --epochs 3 --csv - 2>/dev/null | grep -v '^Train' >"$D/want.csv"
csv_on_stdout() { [ "$(grep -v '^Train' "$t_tmp/out")" = "$(cat "$D/want.csv")" ]; }
no_tmp() { [ -z "$(ls -a "$1" | grep '\.tmp\.')" ]; }
is_link() { [ -L "$1" ] && [ "$(readlink "$1")" = "$2" ]; }

# First our own link to /proc/self/fd/1: were it renamed over, only it is lost.
ln -s /proc/self/fd/1 "$D/link"
expect "--csv LINK-TO-FD-1, stdout a file" 0 "*" "*" -- $M --epochs 3 --csv "$D/link"
check "link: the history is on stdout" csv_on_stdout
check "link: still a link to /proc/self/fd/1" is_link "$D/link" /proc/self/fd/1
check "link: no temporary file" no_tmp "$D"

# The system's links only once ours survived (else this test would replace them).
if is_link "$D/link" /proc/self/fd/1; then
    for p in /dev/stdout /dev/fd/1 /proc/self/fd/1; do
        expect "--csv $p, stdout a file" 0 "*" "*" -- $M --epochs 3 --csv $p
        check "$p: the history is on stdout" csv_on_stdout
    done
    check "/dev/stdout still a link" is_link /dev/stdout /proc/self/fd/1
    check "/dev/stdin still a link" is_link /dev/stdin /proc/self/fd/0
    check "/dev/stderr still a link" is_link /dev/stderr /proc/self/fd/2
    check "no temporary file in /dev" no_tmp /dev
    expect "circles -o /dev/stdout" 0 "*" "" -- $C --samples 5 -o /dev/stdout
    check "circles: the data is on stdout" [ "$(head -n 1 "$t_tmp/out")" = "x1,x2,y" ]
    check "/dev/stdout still a link after circles" is_link /dev/stdout /proc/self/fd/1
fi

# The file stdout goes to, by its own name: written through stdout, not
# replaced (the same inode) and not truncated under it.
: >"$D/same.csv"
ino=$(ls -i "$D/same.csv" | cut -d' ' -f1)
$M --epochs 3 --csv "$D/same.csv" >"$D/same.csv" 2>/dev/null
got=$?
check "--csv FILE >FILE: exit 0" [ "$got" = 0 ]
check "--csv FILE >FILE: history then the result" \
    [ "$(grep -v '^Train' "$D/same.csv")" = "$(cat "$D/want.csv")" ]
check "--csv FILE >FILE: the same file" [ "$(ls -i "$D/same.csv" | cut -d' ' -f1)" = "$ino" ]

# stderr's file likewise, by /dev/stderr or by its own name (2> FILE): written
# through stderr, after the settings line already there, not truncated under
# it (it was, and the settings line was lost)
SETTINGS_LINE=$($M --epochs 3 2>&1 >/dev/null | head -n 1)
for p in /dev/stderr "$D/err.csv"; do
    $M --epochs 3 --csv "$p" 2>"$D/err.csv" >/dev/null
    got=$?
    check "--csv $p 2>FILE: exit 0" [ "$got" = 0 ]
    check "--csv $p 2>FILE: the settings line, then the history" \
        [ "$(cat "$D/err.csv")" = "$SETTINGS_LINE
$(cat "$D/want.csv")" ]
done
check "stderr's file: no temporary file" no_tmp "$D"
rm -f "$D/err.csv"

# /dev and /proc: nothing created there; a file missing is a usage error
expect "--csv a new file in /dev" 2 "" \
    "mlptrain: --csv: /dev/mlptrain-t-paths.csv: not writable: No such file or directory" \
    -- $M --epochs 3 --csv /dev/mlptrain-t-paths.csv
check "nothing created in /dev" [ ! -e /dev/mlptrain-t-paths.csv ]
expect "--save a closed descriptor" 2 "" \
    "mlptrain: --save: /proc/self/fd/9: not writable: No such file or directory" \
    -- $M --epochs 3 --save /proc/self/fd/9
expect "circles -o a new file in /dev" 2 "" \
    "circles: --output: /dev/mlptrain-t-paths.csv: not writable: No such file or directory" \
    -- $C -o /dev/mlptrain-t-paths.csv
check "nothing created in /dev by circles" [ ! -e /dev/mlptrain-t-paths.csv ]
rm -f /dev/mlptrain-t-paths.csv # only if one of these failed

# Long names: 250 and 255 bytes work (history, model, data, sweep rows) ...
name() { printf "%${2}s" "" | tr ' ' "$1"; }
n250=$(name a 250)
n255=$(name b 251).csv
expect "--csv a 250-byte name" 0 "*" "*" -- $M --epochs 3 --csv "$D/$n250"
check "250: the history written" [ "$(cat "$D/$n250")" = "$(cat "$D/want.csv")" ]
expect "--csv and --save 255-byte names" 0 "*" "*" -- $M --epochs 3 --csv "$D/$n255" --save "$D/$(name m 255)"
check "255: the history written" [ "$(head -n 1 "$D/$n255")" = "$HEADER" ]
check "255: the model written" [ -s "$D/$(name m 255)" ]
expect "circles -o a 255-byte name" 0 "" "" -- $C --samples 5 -o "$D/$(name c 255)"
check "255: the data written" [ "$(head -n 1 "$D/$(name c 255)")" = "x1,x2,y" ]
check "long names: no temporary file" no_tmp "$D"
rm -f "$D/$n250" "$D/$n255"

# ... 256 bytes are refused before the run, a usage error
n256=$(name z 256)
expect "--csv a 256-byte name" 2 "" \
    "mlptrain: --csv: $D/$n256: file name longer than 255 bytes" \
    -- $M --epochs 3 --csv "$D/$n256"
expect "--save a 256-byte name" 2 "" \
    "mlptrain: --save: $n256: file name longer than 255 bytes" \
    -- $M --epochs 3 --save "$n256"
expect "circles -o a 256-byte name" 2 "" \
    "circles: --output: $D/$n256: file name longer than 255 bytes" \
    -- $C -o "$D/$n256"
expect "sweep --out a 256-byte name" 2 "" \
    "mlptrain sweep: --out: $D/$n256: file name longer than 255 bytes" \
    -- $M sweep --epochs 1 --seeds 1 --out "$D/$n256"
check "256: nothing written" [ -z "$(ls "$D" | grep z)" ]

finish paths
