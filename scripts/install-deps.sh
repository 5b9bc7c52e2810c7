#!/bin/sh
# Install the Debian packages mlptrain needs, only those that are missing.
# Usage: scripts/install-deps.sh [extra-package ...]
set -eu
# valgrind: make check runs memcheck on real runs (gcc brings ASan/UBSan).
# make fuzz asks for clang libclang-rt-14-dev itself.
# gnuplot-nox: the plot scripts (scripts/plot_*.sh), tested by make check.
need="libgsl-dev make gcc libc6-dev valgrind gnuplot-nox $*"
missing=""
for p in $need; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0
echo "install-deps: installing missing Debian packages:$missing" >&2
if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: not root; run as root: apt-get install$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $missing >&2
