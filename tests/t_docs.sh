#!/bin/sh
# Documentation stays in step with the code: every long option that --help
# shows is in the man page and the README; `make install` installs what it says.
. tests/lib.sh

# every long option of every command's --help, in its man page and the README
for cmd in "mlptrain" "mlptrain sweep" "mlptrain summarize" "mlptrain predict" "circles"; do
    page=man/${cmd%% *}.1
    ./$cmd --help | grep -oE -- '--[a-z][a-z0-9-]+' | sort -u >"$t_tmp/opts"
    while read -r o; do
        man_o=$(printf '%s' "$o" | sed 's/-/\\\\-/g')
        check "$page documents $cmd $o" grep -q -- "$man_o" "$page"
        check "README.md documents $cmd $o" grep -q -- "$o" README.md
    done <"$t_tmp/opts"
done
for sub in sweep summarize predict; do
    check "man page has mlptrain $sub" grep -q "mlptrain $sub" man/mlptrain.1
    check "README has mlptrain $sub" grep -q "mlptrain $sub" README.md
done

# the README states the catalogue's size: keep it true as entries are added
n=$(grep -cE '^[[:space:]]*(u|r|last|has|expect) ' tests/t_bad_inputs.sh)
check "README gives the catalogue's size ($n)" grep -q "catalogue of $n bad inputs" README.md
check "README's robustness section gives it too ($n)" grep -q "catalogue holds $n distinct" README.md

make -s install DESTDIR="$t_tmp/root" PREFIX=/usr >/dev/null 2>&1
for f in bin/mlptrain bin/circles share/man/man1/mlptrain.1 share/man/man1/circles.1; do
    check "make install puts $f" test -s "$t_tmp/root/usr/$f"
done
check "installed mlptrain runs" "$t_tmp/root/usr/bin/mlptrain" --version

finish docs
