# Shell test helpers, sourced by tests/t_*.sh (run from the top directory).
# Each script calls `expect` for every case and ends with `finish NAME`,
# which prints "NAME: N passed, N failed" for tests/run-tests.sh.
#
#   expect DESC STATUS STDOUT STDERR -- CMD [ARG...]
# runs CMD, and checks its exit status, its whole stdout and its whole
# stderr (exact text; pass '*' to skip a stream's check).
set -u
t_passed=0
t_failed=0
t_tmp=$(mktemp -d)
trap 'rm -rf "$t_tmp"' EXIT

expect() {
    desc=$1 want_status=$2 want_out=$3 want_err=$4
    shift 4
    [ "$1" = "--" ] && shift
    "$@" >"$t_tmp/out" 2>"$t_tmp/err" </dev/null
    got_status=$?
    ok=1
    [ "$got_status" = "$want_status" ] || ok=0
    if [ "$want_out" != "*" ] && [ "$(cat "$t_tmp/out")" != "$want_out" ]; then ok=0; fi
    if [ "$want_err" != "*" ] && [ "$(cat "$t_tmp/err")" != "$want_err" ]; then ok=0; fi
    if [ $ok = 1 ]; then
        t_passed=$((t_passed + 1))
    else
        t_failed=$((t_failed + 1))
        echo "FAIL $desc: $*"
        echo "    status: got $got_status, want $want_status"
        [ "$want_out" = "*" ] || { echo "    stdout: got:"; sed 's/^/      /' "$t_tmp/out"; echo "    want:"; printf '%s\n' "$want_out" | sed 's/^/      /'; }
        [ "$want_err" = "*" ] || { echo "    stderr: got:"; sed 's/^/      /' "$t_tmp/err"; echo "    want:"; printf '%s\n' "$want_err" | sed 's/^/      /'; }
    fi
}

# check DESC CONDITION-COMMAND...: passes when the command succeeds.
check() {
    desc=$1
    shift
    if "$@"; then
        t_passed=$((t_passed + 1))
    else
        t_failed=$((t_failed + 1))
        echo "FAIL $desc"
    fi
}

finish() {
    echo "$1: $t_passed passed, $t_failed failed"
    [ "$t_failed" = 0 ]
}
