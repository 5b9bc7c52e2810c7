#!/bin/sh
# Documentation stays in step with the code: every long option that --help
# shows is in the man page and the README; `make install` installs what it says.
. tests/lib.sh

for prog in mlptrain circles; do
    ./$prog --help | grep -oE -- '--[a-z][a-z0-9-]+' | sort -u >"$t_tmp/opts"
    while read -r o; do
        man_o=$(printf '%s' "$o" | sed 's/-/\\\\-/g')
        # an option a branch adds is documented in its docs/README-issueN.md
        # ("New options") until the lead folds that into README.md and the
        # man page; then the README.md/man page match alone counts
        pending=$(grep -l -- "$o" docs/README-issue*.md 2>/dev/null | head -n 1)
        check "man/$prog.1 documents $o" sh -c "grep -q -- '$man_o' man/$prog.1 || [ -n '$pending' ]"
        check "README.md documents $prog $o" sh -c "grep -q -- '$o' README.md || [ -n '$pending' ]"
    done <"$t_tmp/opts"
done

make -s install DESTDIR="$t_tmp/root" PREFIX=/usr >/dev/null 2>&1
for f in bin/mlptrain bin/circles share/man/man1/mlptrain.1 share/man/man1/circles.1; do
    check "make install puts $f" test -s "$t_tmp/root/usr/$f"
done
check "installed mlptrain runs" "$t_tmp/root/usr/bin/mlptrain" --version

finish docs
