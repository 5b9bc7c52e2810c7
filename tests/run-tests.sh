#!/bin/sh
# Run every test binary and shell test given, add up their "N passed, N failed"
# lines and print the total as the last line.  Exit 1 if anything failed.
# Usage: tests/run-tests.sh BUILD_DIR TEST...   (run from the top directory)
set -u
build=$1; shift
log=$build/test.log
: > "$log"
status=0
for t in "$@"; do
    case "$t" in *.sh) run="sh $t" ;; *) run=$t ;; esac
    if ! $run >>"$log" 2>&1; then
        status=1
        echo "FAILED: $t (output in $log)" >&2
    fi
done
tail_counts() { grep -E '^[A-Za-z0-9_.-]+: [0-9]+ passed, [0-9]+ failed$' "$log"; }
tail_counts
grep '^FAIL' "$log" >&2 || true
total=$(tail_counts | awk '{p += $2; f += $4} END {printf "%d passed, %d failed", p, f}')
echo "$total"
echo "$total" >"$build/total"
case "$total" in *" 0 failed") ;; *) status=1 ;; esac
exit $status
